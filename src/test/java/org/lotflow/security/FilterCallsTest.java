package org.lotflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** What the engine's Tasklist filter endpoints accept (auditor 2026-12-05 F17); without Spring. */
class FilterCallsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** "qa" is one of lotflow's role filters; "mine" is a user's own. */
    private final FilterCalls calls = new FilterCalls("qa"::equals);

    private static ObjectNode body(String json) throws Exception {
        return (ObjectNode) JSON.readTree(json);
    }

    private static Authorization on(int resourceType, String resourceId) {
        AuthorizationEntity a = new AuthorizationEntity(Authorization.AUTH_TYPE_GRANT);
        a.setResourceType(resourceType);
        a.setResourceId(resourceId);
        return a;
    }

    /** The engine keeps a filter's name and owner in 255 characters: longer is refused, not cut (auditor 2026-12-07 M3). */
    @Test
    void aFiltersNameAndOwnerFitTheEnginesColumns() {
        assertThat(FilterCalls.body(JSON.createObjectNode().put("name", "n".repeat(255)).put("owner", "o".repeat(255))))
                .isNull();
        SurfaceRefusal name = FilterCalls.body(JSON.createObjectNode().put("name", "n".repeat(256)));
        assertThat(name.status()).isEqualTo(400);
        assertThat(name.field()).isEqualTo("name");
        assertThat(name.detail()).contains("at most 255 characters, was 256");
        SurfaceRefusal owner = FilterCalls.body(JSON.createObjectNode().put("name", "Mine").put("owner", "o".repeat(300)));
        assertThat(owner.field()).isEqualTo("owner");
        assertThat(owner.detail()).contains("was 300 (never cut");
        assertThat(FilterCalls.body(JSON.createObjectNode().put("name", "\ud83d\udcc4".repeat(128))).field())
                .isEqualTo("name"); // 256 UTF-16 units, as the databases count (re-test F4)
    }

    @Test
    void aRoleFilterIsNeitherChangedNorDeleted() {
        assertThat(calls.change("PUT", "filter/qa").status()).isEqualTo(403);
        assertThat(calls.change("DELETE", "filter/qa/").status()).isEqualTo(403);
        assertThat(calls.change("PUT", "filter/mine")).isNull();
        assertThat(calls.change("DELETE", "filter/mine")).isNull();
        assertThat(calls.change("GET", "filter/qa")).isNull();
        assertThat(calls.change("POST", "filter/qa/list")).isNull(); // running a filter is a read
    }

    @Test
    void whichCallsWriteAFilter() {
        assertThat(FilterCalls.writesFilter("POST", "filter/create")).isTrue();
        assertThat(FilterCalls.writesFilter("PUT", "filter/mine")).isTrue();
        assertThat(FilterCalls.writesFilter("DELETE", "filter/mine")).isTrue();
        assertThat(FilterCalls.writesFilter("POST", "filter/mine/list")).isFalse();
        assertThat(FilterCalls.writesFilter("GET", "filter/mine")).isFalse();
        assertThat(FilterCalls.hasBody("DELETE")).isFalse();
        assertThat(FilterCalls.hasBody("PUT")).isTrue();
    }

    @Test
    void noFilterTakesARoleFiltersName() throws Exception {
        SurfaceRefusal lookAlike = FilterCalls.body(body("{\"name\":\" QA managers \",\"resourceType\":\"Task\"}"));
        assertThat(lookAlike.status()).isEqualTo(403);
        assertThat(lookAlike.field()).isEqualTo("name");
        assertThat(FilterCalls.body(body("{\"name\":\"My tasks\"}")).status()).isEqualTo(403);
        // auditor 2026-12-05 A2: look-alikes by case, spacing, punctuation or compatibility forms
        for (String similar : new String[] {"QA Managers", "QA  managers", "QA managers.", "qa-managers",
                "My Tasks",
                // auditor 2026-12-05 B3: whole words in another alphabet, look-alike letters, a singular
                "\u041c\u0443 tasks", "\u0405\u0430\u04cf\u0435\u0455", "Recall coord\u0131nators", "QA manager",
                "QA rnanagers"}) {
            SurfaceRefusal refused = FilterCalls.body(JSON.createObjectNode().put("name", similar));
            assertThat(refused).as(similar).isNotNull();
            assertThat(refused.status()).as(similar).isEqualTo(403);
        }
        // invisible characters and mixed alphabets are no name at all
        // full-width letters, a Kelvin sign for a K and an accent apart from its letter print like other text too
        // (auditor 2026-12-06 A2): refused as no name, before the role names are compared
        for (String hidden : new String[] {"QA managers\u200B", "Q\u200BA managers", "Q\u0410 managers", "QA\tmanagers",
                "\uFF31\uFF21 managers", "My tas\u212As", "QA managers\u0323"}) {
            SurfaceRefusal refused = FilterCalls.body(JSON.createObjectNode().put("name", hidden));
            assertThat(refused).as(hidden).isNotNull();
            assertThat(refused.status()).as(hidden).isEqualTo(400);
            assertThat(refused.field()).isEqualTo("name");
        }
        assertThat(FilterCalls.body(body("{\"name\":\"My urgent releases\"}"))).isNull();
        assertThat(FilterCalls.body(body("{}"))).isNull();
    }

    /**
     * Auditor 2026-12-07 F2: "QA managers: all open" and "My tasks (all)", shared with the QA managers and sorted
     * first, opened their Tasklist on investigations only. A name that holds a role filter's name among its words is
     * refused as the name itself is, read the same way.
     */
    @Test
    void noFilterHoldsARoleFiltersNameAmongItsWords() {
        Map<String, String> holding = Map.of("QA managers: all open", "QA managers", "My tasks (all)", "My tasks",
                "All my tasks", "My tasks", "Urgent \u2014 QA Managers", "QA managers", "Q.A. managers (urgent)",
                "QA managers", "QA managers' urgent releases", "QA managers", "Sales-orders to ship", "Sales",
                "\u041c\u0443 tasks, all of them", "My tasks", "Overdue for recall coordinators", "Recall coordinators",
                "QA rnanager queue", "QA managers");
        holding.forEach((name, role) -> {
            SurfaceRefusal refused = FilterCalls.body(JSON.createObjectNode().put("name", name));
            assertThat(refused).as(name).isNotNull();
            assertThat(refused.status()).as(name).isEqualTo(403);
            assertThat(refused.field()).as(name).isEqualTo("name");
            assertThat(refused.detail()).as(name).contains("'" + role + "'", "give your filter a name without it");
        });
        // whole words only: a word that merely begins like a role's name, or a role's word alone, names no role filter
        for (String free : new String[] {"Salesforce leads", "My urgent releases", "Managers' overdue releases",
                "QA overdue", "Tasks due today", "Wholesale orders", "Product releases"}) {
            assertThat(FilterCalls.body(JSON.createObjectNode().put("name", free))).as(free).isNull();
            assertThat(FilterCalls.roleFilterIn(free)).as(free).isNull();
        }
    }

    /**
     * Re-test 2026-12-07 R1: signs Unicode counts as letters but that print as separators, digits glued to a word, and
     * Latin small capitals hid a role filter's name.
     */
    @Test
    void separatorsThatAreLettersSmallCapitalsAndGluedDigitsHideNoRoleFilter() {
        for (String name : new String[] {"QA managers\u141Fall open", "QA managers\u02CDopen", "My tasks\u01C0 all",
                "QA managers\u318Dall", "QA managers\u00B9", "QA managers\u00B2 open", "Q\u1D00 managers",
                "\u1D0Dy tasks", "Recall coordinators\u01C0 all", "QA analysts\u01C0 open",
                "Production\u01C0"}) {
            SurfaceRefusal refused = FilterCalls.body(JSON.createObjectNode().put("name", name));
            assertThat(refused).as(name).isNotNull();
            assertThat(refused.field()).as(name).isEqualTo("name");
        }
        assertThat(FilterCalls.words("abc\u141Fdef g1h")).containsExactly("abc", "\u141F", "def", "g", "h");
        assertThat(FilterCalls.smallCapitalsAsCapitals("Q\u1D00 \u0280")).isEqualTo("QA R");
        // letters of one script stay one word: a Russian or Greek word is not cut
        assertThat(FilterCalls.words("\u041f\u0440\u043e\u0434\u0430\u0436\u0438 \u03b1\u03b2\u03b3"))
                .hasSize(2);
    }

    @Test
    void authorizationsOnARoleFilterAreKept() {
        Map<String, Authorization> stored = Map.of("a-role", on(IdentityCalls.FILTER_RESOURCE, "qa"),
                "a-own", on(IdentityCalls.FILTER_RESOURCE, "mine"), "a-task", on(7, "qa"));
        assertThat(calls.authorizationChange("DELETE", "authorization/a-role", stored::get).status()).isEqualTo(403);
        assertThat(calls.authorizationChange("PUT", "authorization/a-role", stored::get).status()).isEqualTo(403);
        assertThat(calls.authorizationChange("DELETE", "authorization/a-own", stored::get)).isNull();
        assertThat(calls.authorizationChange("DELETE", "authorization/a-task", stored::get)).isNull();
        assertThat(calls.authorizationChange("DELETE", "authorization/none", stored::get)).isNull();
        assertThat(calls.authorizationChange("GET", "authorization/a-role", stored::get)).isNull();
        assertThat(calls.authorizationChange("POST", "authorization/create", stored::get)).isNull();
    }
}
