package org.lotflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.lotflow.support.WebappSession;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Auditor 2026-12-06 X8, X4: an expression in a task query ({@code orQueries} included) or in a stored Tasklist filter
 * ran as code in the engine, in the caller's request: a sales user released a quarantined lot in a QA manager's name,
 * a shared filter placed a hold in the name of whoever opened Tasklist. Now every surface refuses such an expression
 * (400 naming it) and the engine evaluates a query's expression with its query functions only.
 */
@ApiTest
class QueryExpressionAttackTest {

    @Autowired
    TestClient api;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    FilterService filterService;
    @Autowired
    TaskService taskService;
    @Autowired
    org.camunda.bpm.engine.IdentityService identityService;
    @Value("${local.server.port}")
    int port;

    private static final String CODE = "${holds.hold(\"%s\", \"Forged hold placed by a query\", \"OTHER\", \"X8\")}nobody";

    private String heldOrNot(String lot) {
        return api.get("tom", "/api/lots/" + lot).json().get("status").asText();
    }

    @Test
    void aTaskQuerysExpressionRunsNothingOnAnySurface() {
        String lot = api.releasedLot(api.createProduct("QEX"), new BigDecimal("10"), "2025-01-20");
        long events = jdbc.queryForObject("SELECT COUNT(*) FROM lot_event", Long.class);
        String code = String.format(CODE, lot);

        Response or = api.post("tom", "/engine-rest/task/count",
                Map.of("orQueries", List.of(Map.of("assigneeExpression", code))));
        assertThat(or.status()).as(or.toString()).isEqualTo(400);
        assertThat(or.json().get("field").asText()).isEqualTo("orQueries[0].assigneeExpression");
        assertThat(or.json().get("detail").asText()).contains("${currentUser()}");
        assertThat(api.post("sarah", "/engine-rest/task", Map.of("orQueries", List.of(Map.of("candidateGroupExpression",
                "${''.getClass().forName('java.lang.Runtime')}")))).status()).isEqualTo(400);
        assertThat(api.get("tom", "/engine-rest/task?assigneeExpression=" + java.net.URLEncoder.encode(code,
                java.nio.charset.StandardCharsets.UTF_8)).status()).isEqualTo(400);
        // Tasklist's own engine API, with the session Tasklist uses
        WebappSession tasklist = WebappSession.login(port, "tom", "tom", "tasklist");
        Response fromTasklist = tasklist.post("/camunda/api/engine/engine/default/task/count",
                "{\"orQueries\":[{\"assigneeExpression\":\"" + code.replace("\"", "\\\"") + "\"}]}");
        assertThat(fromTasklist.status()).as(fromTasklist.toString()).isEqualTo(400);
        // a filter's extending query too
        String sales = api.get("tom", "/engine-rest/filter?name=Sales").json().get(0).get("id").asText();
        assertThat(api.post("tom", "/engine-rest/filter/" + sales + "/count",
                Map.of("orQueries", List.of(Map.of("assigneeExpression", code)))).status()).isEqualTo(400);

        // a function of another type than the field's (re-test 2026-12-06 Y3: a 500 that broke a shared filter's list)
        Response typed = api.post("tom", "/engine-rest/task/count", Map.of("orQueries", List.of(Map.of(
                "assigneeExpression", "${now()}"))));
        assertThat(typed.status()).as(typed.toString()).isEqualTo(400);
        assertThat(typed.json().get("field").asText()).isEqualTo("orQueries[0].assigneeExpression");
        // the query functions Tasklist's filters use still work
        assertThat(api.post("tom", "/engine-rest/task/count", Map.of("orQueries", List.of(Map.of(
                "assigneeExpression", "${currentUser()}", "dueBeforeExpression", "${dateTime().plusDays(2)}"))))
                .status()).isEqualTo(200);

        assertThat(heldOrNot(lot)).isEqualTo("RELEASED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lot_event", Long.class)).isEqualTo(events);
    }

    @Test
    void aFilterWithAnExpressionIsRefusedAndOneStoredAroundLotflowRunsNothing() {
        String lot = api.releasedLot(api.createProduct("QEF"), new BigDecimal("10"), "2025-01-20");
        String code = String.format(CODE, lot);
        Response create = api.post("demo", "/engine-rest/filter/create", Map.of("resourceType", "Task", "name",
                "Plant notices " + java.util.UUID.randomUUID(), "query", Map.of("assigneeExpression", code)));
        assertThat(create.status()).as(create.toString()).isEqualTo(400);
        assertThat(create.json().get("field").asText()).isEqualTo("query.assigneeExpression");

        // a filter written around lotflow's gate (an older database, SQL): listing it fails and places no hold
        Filter stored = filterService.newTaskFilter("Stored around lotflow " + java.util.UUID.randomUUID())
                .setQuery(taskService.createTaskQuery().taskAssigneeExpression(code));
        filterService.saveFilter(stored);
        Filter reflective = filterService.newTaskFilter("Reflection " + java.util.UUID.randomUUID()).setQuery(
                taskService.createTaskQuery().taskAssigneeExpression("${''.getClass().getName()}"));
        filterService.saveFilter(reflective);
        try {
            identityService.setAuthentication("demo", List.of(Groups.ADMIN));
            assertThatThrownBy(() -> filterService.count(stored.getId())).hasMessageContaining("holds");
            assertThatThrownBy(() -> filterService.count(reflective.getId())).hasMessageContaining("getClass");
            // and an ad-hoc query's or-branch through the Java API
            assertThatThrownBy(() -> taskService.createTaskQuery().or().taskAssigneeExpression(code).endOr().count())
                    .hasMessageContaining("holds");
            assertThat(taskService.createTaskQuery().or().taskAssigneeExpression("${currentUser()}").endOr().count())
                    .isNotNegative();
        } finally {
            identityService.clearAuthentication();
            filterService.deleteFilter(stored.getId());
            filterService.deleteFilter(reflective.getId());
        }
        assertThat(heldOrNot(lot)).isEqualTo("RELEASED");
    }
}
