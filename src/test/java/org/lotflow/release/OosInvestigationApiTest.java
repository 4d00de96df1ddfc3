package org.lotflow.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An out-of-specification result as the lab and QA work it, over lotflow's API and Camunda's task REST
 * API (what Tasklist calls): the result opens an investigation and never rejects by itself; phase I is
 * concluded by a second person; a laboratory error allows a retest as a new round while the original
 * stays on record; a confirmed result is rejected, or released on justified evidence, only by a QA
 * manager's signed decision (contract; FDA guidance "Investigating OOS Test Results").
 */
@ApiTest
class OosInvestigationApiTest {

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    TestClient api;

    private static final List<Map<String, Object>> OOS = List.of(Map.of("test", "viscosity", "value", 232),
            Map.of("test", "flashPoint", "value", 230));
    private static final List<Map<String, Object>> PASSING = List.of(Map.of("test", "viscosity", "value", 249),
            Map.of("test", "flashPoint", "value", 231));

    private String lotWithOosResult(String prefix) {
        String sku = api.createProduct(prefix);
        String lot = api.createLot(sku, new BigDecimal("500"), "2025-01-20");
        Response lab = api.post("sarah", "/api/lots/" + lot + "/lab-results", Map.of("results", OOS));
        assertThat(lab.status()).as(lab.toString()).isEqualTo(200);
        assertThat(lab.json().get("passed").asBoolean()).isFalse();
        assertThat(lab.json().get("round").asInt()).isEqualTo(1);
        return lot;
    }

    private JsonNode tasks(String user, String lot) {
        return api.get(user, "/engine-rest/task?processInstanceBusinessKey=" + lot).json();
    }

    private String taskId(String user, String lot, String key) {
        JsonNode tasks = api.get(user, "/engine-rest/task?processInstanceBusinessKey=" + lot
                + "&taskDefinitionKey=" + key).json();
        assertThat(tasks).as("open " + key + " tasks of " + lot + " visible to " + user).hasSize(1);
        return tasks.get(0).get("id").asText();
    }

    private Response complete(String user, String taskId, Map<String, Object> variables) {
        Map<String, Object> vars = new HashMap<>();
        variables.forEach((k, v) -> vars.put(k, Map.of("value", v)));
        return api.post(user, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", vars));
    }

    private JsonNode lot(String lot) {
        return api.get("mike", "/api/lots/" + lot).json();
    }

    private List<String> historyTypes(String lot) {
        List<String> types = new java.util.ArrayList<>();
        api.get("mike", "/api/lots/" + lot + "/history").json().forEach(e -> types.add(e.get("type").asText()));
        return types;
    }

    @Test
    void anOosResultOpensAnInvestigationAndALaboratoryErrorAllowsARetestThatKeepsTheOriginal() {
        String lot = lotWithOosResult("OOSLAB");
        api.executeJobs();
        assertThat(lot(lot).get("status").asText()).isEqualTo("PENDING");
        assertThat(historyTypes(lot)).containsSubsequence("LAB_RESULTS_RECORDED", "OOS_INVESTIGATION_OPENED")
                .doesNotContain("STATUS_CHANGED");
        // routed to QA, named after the lot; sales sees nothing
        JsonNode open = tasks("sarah", lot);
        assertThat(open).hasSize(1);
        assertThat(open.get(0).get("taskDefinitionKey").asText()).isEqualTo("investigateLabError");
        assertThat(open.get(0).get("name").asText()).contains("laboratory investigation").contains(lot);
        assertThat(tasks("tom", lot)).isEmpty();
        String task = taskId("jennifer", lot, "investigateLabError");
        JsonNode form = api.get("jennifer", "/engine-rest/task/" + task + "/form-variables").json();
        assertThat(form.get("labSummary").get("value").asText())
                .contains("**FAIL** viscosity: 232 cSt (limits 245 – 255 cSt)").contains("PASS flashPoint");
        assertThat(form.get("labRecordedByName").get("value").asText()).isEqualTo("Sarah Johnson \\(sarah\\)");
        assertThat(form.get("testRound").get("value").asText()).startsWith("1");
        // the analyst reads on the form that phase I is another person's (new user 2026-12-07 F6)
        assertThat(form.get("fourEyesNotice").get("value").asText()).isEmpty();
        assertThat(api.get("sarah", "/engine-rest/task/" + task + "/form-variables").json().get("fourEyesNotice")
                .get("value").asText().replace("\\", "")).isEqualTo("Four eyes: you recorded this out-of-specification"
                        + " result of lot " + lot + " (test round 1), so another analyst or a supervisor of your group"
                        + " concludes its laboratory investigation; leave this task to them.");

        // the analyst does not investigate her own result (a supervisor checks it): not even claim it, since
        // Tasklist lets nobody but an administrator give a claimed task back
        Response claim = api.post("sarah", "/engine-rest/task/" + task + "/claim", Map.of("userId", "sarah"));
        assertThat(claim.status()).as(claim.toString()).isEqualTo(403);
        assertThat(claim.text()).contains("Four-eyes");
        assertThat(api.get("jennifer", "/engine-rest/task/" + task).json().get("assignee").isNull()).isTrue();
        Response own = complete("sarah", task, Map.of("labConclusion", "LAB_ERROR", "findings", "my mistake"));
        assertThat(own.status()).as(own.toString()).isEqualTo(403);
        assertThat(own.text()).contains("Four-eyes");
        // a choice is required and must be one of the form's; findings are required
        Response noFindings = complete("jennifer", task, Map.of("labConclusion", "LAB_ERROR", "findings", " "));
        assertThat(noFindings.status()).as(noFindings.toString()).isEqualTo(400);
        assertThat(noFindings.json().get("field").asText()).isEqualTo("findings");
        Response maybe = complete("jennifer", task, Map.of("labConclusion", "MAYBE", "findings", "x"));
        assertThat(maybe.status()).isEqualTo(400);
        assertThat(maybe.text()).contains("labConclusion");
        // a routing variable cannot be sent along
        Response forged = complete("jennifer", task, Map.of("labConclusion", "CONFIRMED", "findings", "x",
                "labErrorFound", true));
        assertThat(forged.status()).isEqualTo(400);
        // a retest before phase I found a laboratory error is refused
        Response early = api.post("sarah", "/api/lots/" + lot + "/lab-results", Map.of("results", PASSING));
        assertThat(early.status()).isEqualTo(409);
        assertThat(taskId("jennifer", lot, "investigateLabError")).isEqualTo(task);

        Response labError = complete("jennifer", task, Map.of("labConclusion", "LAB_ERROR",
                "findings", "Viscometer bath at 38 °C instead of 40 °C; calibration log shows the drift"));
        assertThat(labError.status()).as(labError.toString()).isEqualTo(204);
        // the lot's page does not show the invalidated round as the lot's verdict (new user 2026-12-06 U9)
        String page = org.lotflow.console.ConsoleSession.login(api.port(), "sarah").get("/console/lots/" + lot).html();
        String badge = page.substring(page.indexOf("id=\"lab-verdict\""));
        assertThat(badge.substring(0, badge.indexOf("</span>"))).contains("Invalidated (laboratory error): retest due");
        assertThat(page).contains("class=\"badge s-PENDING\" id=\"lab-verdict\"");

        // the retest is a new round: recordLabResults again, saying why
        String retest = taskId("sarah", lot, "recordLabResults");
        JsonNode retestForm = api.get("sarah", "/engine-rest/task/" + retest + "/form-variables").json();
        assertThat(org.lotflow.support.Forms.shown(retestForm, "labRound")).contains("Retest: test round 2")
                .contains("Viscometer bath");
        Response again = api.post("sarah", "/api/lots/" + lot + "/lab-results", Map.of("results", PASSING));
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("passed").asBoolean()).isTrue();
        assertThat(again.json().get("round").asInt()).isEqualTo(2);
        // the quality history says which values QA invalidated (new user 2026-12-06 U13)
        String sku = api.get("tom", "/api/lots/" + lot).json().get("sku").asText();
        JsonNode values = api.get("jennifer", "/api/reports/quality-history?sku=" + sku + "&from=2025-01-01").json()
                .get("values");
        assertThat(values).hasSize(4);
        values.forEach(v -> assertThat(v.get("invalidated").asBoolean()).as(v.toString())
                .isEqualTo(v.get("round").asInt() == 1));
        // the daily review counts the retest, not the round invalidated as a laboratory error (new user 2026-12-06 L2)
        JsonNode daily = api.get("jennifer", "/api/reports/daily?date=2025-01-28&sku=" + sku).json();
        assertThat(daily.get("labRoundsTested").asInt()).as(daily.toString()).isEqualTo(1);
        assertThat(daily.get("labRoundsPassed").asInt()).isEqualTo(1);
        // and the investigation that concluded a laboratory error is an OOS investigation completed (new user
        // 2026-12-07 F16: counted nowhere)
        assertThat(daily.get("oosInvestigationsCompleted").asInt()).as(daily.toString()).isEqualTo(1);

        // jennifer invalidated round 1: the release resting on its retest is signed by another QA manager (auditor
        // 2026-12-06 B7); a refusal she may still sign
        String approveTask = taskId("jennifer", lot, "approveRelease");
        // her form says so before she signs (new user 2026-12-07 F11); the second QA manager's says nothing
        assertThat(api.get("jennifer", "/engine-rest/task/" + approveTask + "/form-variables").json()
                .get("fourEyesNotice").get("value").asText()).isEqualTo("Four eyes: you invalidated the"
                        + " out-of-specification result of test round 1 of lot " + lot + " as a laboratory error and"
                        + " may not also sign the release that rests on its retest; you may still refuse it (another"
                        + " person of your group signs the other decision).");
        assertThat(api.get(api.secondQaManager(), "/engine-rest/task/" + approveTask + "/form-variables").json()
                .get("fourEyesNotice").get("value").asText()).isEmpty();
        assertThat(api.get(api.secondQaManager(), "/engine-rest/task/" + approveTask + "/form-variables").json()
                .get("labRound").get("value").asText()).as("the round signed on").isEqualTo("Test round 2 (retest)");
        // Sarah recorded round 1 and its retest: the approver is told (auditor 2026-12-07 25 F3)
        assertThat(api.get(api.secondQaManager(), "/engine-rest/task/" + approveTask + "/form-variables").json()
                .get("oosHistory").get("value").asText()).endsWith("\nThe retest, round 2, was recorded by the analyst"
                        + " of round 1, Sarah Johnson (sarah): FDA's guidance on OOS results recommends a retest by"
                        + " another analyst; weigh this before you sign.");
        Response byInvalidator = complete("jennifer", approveTask,
                Map.of("approved", true, "comment", "Retest within specification after lab error"));
        assertThat(byInvalidator.status()).as(byInvalidator.toString()).isEqualTo(403);
        assertThat(byInvalidator.json().get("detail").asText()).isEqualTo("Four-eyes principle: you invalidated"
                + " the out-of-specification result of test round 1 of lot " + lot + " as a laboratory error and may"
                + " not also sign the release that rests on its retest; another person of the group does it (a task"
                + " claimed by you goes back to the group with Unclaim)");
        assertThat(lot(lot).get("status").asText()).isEqualTo("PENDING");
        String anna = api.secondQaManager();
        Response approved = complete(anna, approveTask,
                Map.of("approved", true, "comment", "Retest within specification after lab error"));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(204);
        api.executeJobs();
        JsonNode released = lot(lot);
        assertThat(released.get("status").asText()).isEqualTo("RELEASED");
        assertThat(released.get("labResults").get("round").asInt()).isEqualTo(2);
        JsonNode investigation = released.get("oosInvestigations").get(0);
        assertThat(investigation.get("round").asInt()).isEqualTo(1);
        assertThat(investigation.get("stage").asText()).isEqualTo("INVALIDATED");
        assertThat(investigation.get("laboratory").get("by").asText()).isEqualTo("jennifer");
        // the original result is still there, unchanged
        assertThat(investigation.get("results")).extracting(r -> r.get("test").asText() + "=" + r.get("value").asText())
                .contains("viscosity=232"); // as written: 232, not the column's 232.000000 (new user M3)
        assertThat(historyTypes(lot)).containsSubsequence("LAB_RESULTS_RECORDED", "OOS_INVESTIGATION_OPENED",
                "OOS_LAB_INVESTIGATION_CONCLUDED", "LAB_RESULTS_RECORDED", "RELEASE_APPROVED", "STATUS_CHANGED");
    }

    /** Phase I confirms the result (jennifer), phase II is concluded (sarah). */
    /**
     * Auditor 27 F4: the QA person who invalidated an out-of-specification round as a laboratory error does not also
     * record the retest that replaces it (FDA guidance "Investigating OOS Test Results": the retest is independent of
     * whoever threw the original result away). The same refusal, changing nothing, from the API, Tasklist (claim and
     * completion) and the Console; the retest's form says so to everyone; the analyst of round 1 may record it.
     */
    @Test
    void whoeverInvalidatedARoundDoesNotRecordTheRetestThatReplacesIt() {
        String lot = lotWithOosResult("OOSINV");
        assertThat(complete("jennifer", taskId("jennifer", lot, "investigateLabError"), Map.of("labConclusion",
                "LAB_ERROR", "findings", "Sample drawn from wrong drum")).status()).isEqualTo(204);
        String retest = taskId("sarah", lot, "recordLabResults");
        assertThat(org.lotflow.support.Forms.shown(api.get("jennifer", "/engine-rest/task/" + retest
                + "/form-variables").json(), "labRound")).contains("invalidated that round, so someone else of the"
                        + " group records this retest: it is kept independent of the invalidation (FDA's OOS guidance).");
        String refusal = "Four-eyes principle: you invalidated the out-of-specification result of test round 1 of lot "
                + lot + " as a laboratory error and may not also record the retest that replaces it (the retest is kept"
                + " independent of the invalidation: FDA's OOS guidance); another person of the group does it (a task"
                + " claimed by you goes back to the group with Unclaim)";

        Response fromApi = api.post("jennifer", "/api/lots/" + lot + "/lab-results", Map.of("results", PASSING));
        assertThat(fromApi.status()).as(fromApi.toString()).isEqualTo(403);
        assertThat(fromApi.contentType()).startsWith("application/problem+json");
        assertThat(fromApi.json().get("detail").asText()).isEqualTo(refusal);
        assertThat(fromApi.json().get("labConcludedBy").asText()).isEqualTo("jennifer");
        assertThat(fromApi.json().get("retestRound").asInt()).isEqualTo(2);

        Response claim = api.post("jennifer", "/engine-rest/task/" + retest + "/claim", Map.of("userId", "jennifer"));
        assertThat(claim.status()).as(claim.toString()).isEqualTo(403);
        assertThat(claim.text()).contains("may not also record the retest that replaces it");
        Response typed = complete("jennifer", retest, Map.of("labResults", "viscosity = 249\nflashPoint = 231\n"));
        assertThat(typed.status()).as(typed.toString()).isEqualTo(403);
        assertThat(typed.json().get("detail").asText()).isEqualTo(refusal);

        org.lotflow.console.ConsoleSession.Page console = org.lotflow.console.ConsoleSession.login(api.port(),
                "jennifer").post("/console/lots/" + lot + "/lab-results", Map.of("labResults",
                        "viscosity = 249\nflashPoint = 231"));
        assertThat(console.status()).isEqualTo(403);
        assertThat(console.html()).contains("may not also record the retest that replaces it");

        // nothing changed: one round, the retest task still open and nobody's
        assertThat(historyTypes(lot).stream().filter("LAB_RESULTS_RECORDED"::equals)).hasSize(1);
        assertThat(taskId("sarah", lot, "recordLabResults")).isEqualTo(retest);
        assertThat(api.get("sarah", "/engine-rest/task/" + retest).json().get("assignee").isNull()).isTrue();
        assertThat(lot(lot).get("status").asText()).isEqualTo("PENDING");

        // the analyst of round 1 may (FDA recommends another analyst; Approve release says so, as before)
        Response bySarah = api.post("sarah", "/api/lots/" + lot + "/lab-results", Map.of("results", PASSING));
        assertThat(bySarah.status()).as(bySarah.toString()).isEqualTo(200);
        assertThat(bySarah.json().get("round").asInt()).isEqualTo(2);
    }

    private void confirmedAndInvestigated(String lot) {
        assertThat(complete("jennifer", taskId("jennifer", lot, "investigateLabError"), Map.of("labConclusion",
                "CONFIRMED", "findings", "Calculation, instrument and standard checked: no laboratory error"))
                .status()).isEqualTo(204);
        String production = taskId("sarah", lot, "investigateProduction");
        Response forged = complete("sarah", production, Map.of("findings", "x", "oosDecision", "RELEASE"));
        assertThat(forged.status()).isEqualTo(400);
        assertThat(complete("sarah", production, Map.of("findings",
                "Batch record: base oil lot BO-77 at the low end of its COA; no other lot used it")).status())
                .isEqualTo(204);
    }

    @Test
    void aConfirmedResultIsRejectedOnlyByTheQaManagersSignedDecision() {
        String lot = lotWithOosResult("OOSREJ");
        confirmedAndInvestigated(lot);
        api.executeJobs();
        assertThat(lot(lot).get("status").asText()).isEqualTo("PENDING");
        String decide = taskId("jennifer", lot, "decideOutOfSpecification");
        assertThat(tasks("sarah", lot)).isEmpty(); // qa-manager only
        JsonNode form = api.get("jennifer", "/engine-rest/task/" + decide + "/form-variables").json();
        assertThat(org.lotflow.support.Forms.shown(form, "labInvestigation")).contains("result confirmed")
                .contains("Jennifer Lee");
        assertThat(form.get("productionInvestigation").get("value").asText()).contains("BO-77");

        Response noChoice = complete("jennifer", decide, Map.of("comment", "confirmed"));
        assertThat(noChoice.status()).isEqualTo(400);
        assertThat(noChoice.text()).contains("oosDecision");
        Response noJustification = complete("jennifer", decide, Map.of("oosDecision", "REJECT", "comment", ""));
        assertThat(noJustification.status()).isEqualTo(400);
        Response rejected = complete("jennifer", decide, Map.of("oosDecision", "REJECT",
                "comment", "Confirmed OOS with root cause in base oil BO-77"));
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(204);
        api.executeJobs();
        JsonNode after = lot(lot);
        assertThat(after.get("status").asText()).isEqualTo("REJECTED");
        assertThat(after.get("oosInvestigations").get(0).get("stage").asText()).isEqualTo("DECIDED");
        assertThat(after.get("oosInvestigations").get(0).get("decision").get("decision").asText()).isEqualTo("REJECT");
        JsonNode history = api.get("mike", "/api/lots/" + lot + "/history").json();
        JsonNode decision = null;
        for (JsonNode e : history) {
            if (e.get("type").asText().equals("OOS_DECISION_SIGNED")) {
                decision = e;
            }
        }
        assertThat(decision).isNotNull();
        assertThat(decision.get("detail").get("signature").get("meaning").asText()).isEqualTo("OOS rejection");
        assertThat(decision.get("detail").get("signature").get("userId").asText()).isEqualTo("jennifer");
        // re-test N3: an SQL edit of the signed comment is not shown and is named by the audit trail's check
        String comment = jdbc.queryForObject("SELECT decision_comment FROM oos_investigation WHERE lot_id = (SELECT id"
                + " FROM lot WHERE lot_number = ?)", String.class, lot);
        jdbc.update("UPDATE oos_investigation SET decision_comment = 'Forged: lab error' WHERE lot_id = (SELECT id"
                + " FROM lot WHERE lot_number = ?)", lot);
        try {
            assertThat(lot(lot).get("oosInvestigations").get(0).get("decision").get("comment").asText())
                    .isEqualTo("Confirmed OOS with root cause in base oil BO-77");
            JsonNode broken = api.get("jennifer", "/api/audit/verify").json();
            assertThat(broken.get("intact").asBoolean()).as(broken.toString()).isFalse();
            assertThat(broken.at("/firstBroken/lotNumber").asText()).isEqualTo(lot);
            assertThat(broken.at("/firstBroken/signedRecord/table").asText()).isEqualTo("oos_investigation");
            assertThat(broken.at("/firstBroken/signedRecord/field").asText()).isEqualTo("decision_comment");
            assertThat(broken.at("/firstBroken/problem").asText()).contains("Forged: lab error");
        } finally {
            jdbc.update("UPDATE oos_investigation SET decision_comment = ? WHERE lot_id = (SELECT id FROM lot WHERE"
                    + " lot_number = ?)", comment, lot);
        }
        JsonNode intact = api.get("jennifer", "/api/audit/verify").json();
        assertThat(intact.get("intact").asBoolean()).as(intact.toString()).isTrue();
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("newStatus").asText()).isEqualTo("REJECTED");
        assertThat(last.get("user").asText()).isEqualTo("jennifer");
        assertThat(last.get("reason").asText()).contains("viscosity = 232").contains("after its investigation");
        // what is left: the rejected lot's disposal (new user 2026-12-06 W5), by production
        assertThat(tasks("jennifer", lot)).extracting(t -> t.get("taskDefinitionKey").asText())
                .containsExactly("confirmDisposal");
        String disposal = taskId("mike", lot, "confirmDisposal");
        Response disposed = complete("mike", disposal, Map.of("disposalMethod",
                "DESTROYED", "disposalReference", "Waste manifest WM-12", "figuresShown",
                api.figuresShown("mike", disposal)));
        assertThat(disposed.status()).as(disposed.toString()).isEqualTo(204);
        assertThat(lot(lot).get("disposed").decimalValue()).isEqualByComparingTo(lot(lot).get("quantity")
                .decimalValue());
        assertThat(tasks("jennifer", lot)).isEmpty();
    }

    /**
     * New user 28 M2: the QA manager who concluded phase I claims the decision and signs a RELEASE; four eyes refuses it
     * (403, nothing kept) and the task goes back to the QA managers' group, so the second QA manager takes it without
     * asking her to unclaim.
     */
    @Test
    void aCompletionRefusedByFourEyesHandsTheClaimedTaskBackToItsGroup() {
        String lot = lotWithOosResult("OOSBACK");
        // phase I has a due date, which Tasklist and the Console's open tasks show (new user 28 L3)
        JsonNode phaseOne = api.get("jennifer", "/engine-rest/task?processInstanceBusinessKey=" + lot
                + "&taskDefinitionKey=investigateLabError").json().get(0);
        assertThat(phaseOne.get("due").isNull()).as(phaseOne.toString()).isFalse();
        confirmedAndInvestigated(lot);
        String decide = taskId("jennifer", lot, "decideOutOfSpecification");
        Response claim = api.post("jennifer", "/engine-rest/task/" + decide + "/claim", Map.of("userId", "jennifer"));
        assertThat(claim.status()).as(claim.toString()).isEqualTo(204);
        Response refused = complete("jennifer", decide, Map.of("oosDecision", "RELEASE", "comment", "justified"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.json().get("detail").asText()).startsWith("Four-eyes principle: you ")
                .endsWith("; the task is handed back to the QA managers' group for another person to take");
        JsonNode task = api.get(api.secondQaManager(), "/engine-rest/task/" + decide).json();
        assertThat(task.get("assignee").isNull()).as(task.toString()).isTrue();
        // nothing of the refused completion was kept
        assertThat(api.get(api.secondQaManager(), "/engine-rest/task/" + decide + "/variables").json()
                .has("oosDecision")).isFalse();
        assertThat(lot(lot).get("oosInvestigations").get(0).get("stage").asText()).isNotEqualTo("DECIDED");
        assertThat(api.post(api.secondQaManager(), "/engine-rest/task/" + decide + "/claim",
                Map.of("userId", api.secondQaManager())).status()).isEqualTo(204);
        Response released = complete(api.secondQaManager(), decide, Map.of("oosDecision", "RELEASE",
                "comment", "Released under CC-2025-13 with the customer's written agreement"));
        assertThat(released.status()).as(released.toString()).isEqualTo(204);
        api.executeJobs();
        assertThat(lot(lot).get("status").asText()).isEqualTo("RELEASED");
        // out of other tests' expiry and archiving runs in the shared database
        jdbc.update("UPDATE lot SET expiration_date = DATE '2030-01-01' WHERE lot_number = ?", lot);

        // the signed decision as recorded, after its signer is renamed (re-test 28 N2): the lot API and its Console page
        String signer = api.secondQaManager();
        JsonNode profile = api.get("demo", "/engine-rest/user/" + signer + "/profile").json();
        String asSigned = profile.get("firstName").asText() + " " + profile.get("lastName").asText();
        com.fasterxml.jackson.databind.node.ObjectNode renamed = profile.deepCopy();
        renamed.put("lastName", "Renamed-OOS");
        assertThat(api.call("demo", org.springframework.http.HttpMethod.PUT, "/engine-rest/user/" + signer
                + "/profile", renamed).status()).isEqualTo(204);
        try {
            JsonNode decision = lot(lot).get("oosInvestigations").get(0).get("decision");
            assertThat(decision.get("by").asText()).isEqualTo(signer);
            assertThat(decision.get("byName").asText()).isEqualTo(asSigned);
            assertThat(decision.get("meaning").asText()).isEqualTo("OOS release");
            assertThat(org.lotflow.console.ConsoleSession.login(api.port(), "tom").get("/console/lots/" + lot).html())
                    .contains("signed by " + asSigned + " (" + signer + ")").doesNotContain("Renamed-OOS");
        } finally {
            assertThat(api.call("demo", org.springframework.http.HttpMethod.PUT, "/engine-rest/user/" + signer
                    + "/profile", profile).status()).isEqualTo(204);
        }
    }

    @Test
    void aConfirmedResultMayBeReleasedOnJustifiedEvidenceByASecondPerson() {
        String sku = api.createProduct("OOSREL");
        String lot = api.createLot(sku, new BigDecimal("100"), "2025-01-20");
        // a QA manager recorded the results: she may neither investigate nor decide them
        assertThat(api.post("jennifer", "/api/lots/" + lot + "/lab-results", Map.of("results", OOS)).status())
                .isEqualTo(200);
        Response own = complete("jennifer", taskId("jennifer", lot, "investigateLabError"),
                Map.of("labConclusion", "CONFIRMED", "findings", "x"));
        assertThat(own.status()).isEqualTo(403);
        assertThat(complete("sarah", taskId("sarah", lot, "investigateLabError"), Map.of("labConclusion", "CONFIRMED",
                "findings", "no laboratory error")).status()).isEqualTo(204);
        assertThat(complete("sarah", taskId("sarah", lot, "investigateProduction"), Map.of("findings",
                "Specification limit under change control CC-2025-12; customer agreement on file")).status())
                .isEqualTo(204);
        String decide = taskId("jennifer", lot, "decideOutOfSpecification");
        // her form says so before she tries (new user 2026-12-07 F11)
        assertThat(api.get("jennifer", "/engine-rest/task/" + decide + "/form-variables").json()
                .get("fourEyesNotice").get("value").asText()).isEqualTo("Four eyes: you recorded the"
                        + " out-of-specification result of lot " + lot + " and may not also decide on it; another person"
                        + " of your group must sign this task: leave it to them (Unclaim, if you claimed it).");
        assertThat(api.post("jennifer", "/engine-rest/task/" + decide + "/claim", Map.of("userId", "jennifer"))
                .status()).isEqualTo(403);
        Response self = complete("jennifer", decide, Map.of("oosDecision", "RELEASE", "comment", "justified"));
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.text()).contains("Four-eyes");
        Response byAdmin = complete("demo", decide, Map.of("oosDecision", "RELEASE", "comment", "admin release"));
        assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(403);
        Response released = complete(api.secondQaManager(), decide, Map.of("oosDecision", "RELEASE",
                "comment", "Released under CC-2025-12 with the customer's written agreement"));
        assertThat(released.status()).as(released.toString()).isEqualTo(204);
        api.executeJobs();
        JsonNode after = lot(lot);
        assertThat(after.get("status").asText()).isEqualTo("RELEASED");
        // the lot's page tells the investigation's whole story, not one line (new user 2026-12-07 L3)
        String story = org.lotflow.console.ConsoleSession.login(api.port(), "mike").get("/console/lots/" + lot).html();
        assertThat(story).contains("Laboratory investigation (phase I): no laboratory error, result confirmed, by Sarah Johnson (sarah) at ")
                .contains("round 1: decided, failed ") // in words (new user 2026-12-07 N2)
                .contains("Full-scale investigation (phase II), by Sarah Johnson (sarah) at ")
                .contains("Decision: release, signed by Anna Kowalski (" + api.secondQaManager() + ") at ")
                .contains("Released under CC-2025-12 with the customer&#39;s written agreement");
        JsonNode history = api.get("mike", "/api/lots/" + lot + "/history").json();
        // the release's status change, then the certificate of analysis it issued
        JsonNode last = history.get(history.size() - 2);
        assertThat(last.get("reason").asText()).contains("Released despite out-of-specification result");
        assertThat(last.get("user").asText()).isEqualTo(api.secondQaManager());
        assertThat(history.get(history.size() - 1).get("type").asText()).isEqualTo("CERTIFICATE_ISSUED");

        // released on a concession: FEFO never hands it out (new user 17 F17); the FIFO report says how it goes
        assertThat(after.get("releasedOnConcession").asBoolean()).isTrue();
        Response byFefo = api.post("tom", "/api/orders", Map.of("orderNumber", "SO-OOSF-" + sku.substring(sku.length() - 6),
                "customer", "Metro Manufacturing", "sku", sku, "quantity", 10));
        assertThat(byFefo.status()).as(byFefo.toString()).isEqualTo(201);
        assertThat(byFefo.json().get("allocations")).isEmpty();
        assertThat(byFefo.json().get("shortfall").decimalValue()).isEqualByComparingTo("10");
        JsonNode fifo = api.get("tom", "/api/reports/fefo?sku=" + sku).json();
        assertThat(fifo.path("nextToAllocate").isNull() || fifo.path("nextToAllocate").isMissingNode()).isTrue();
        assertThat(fifo.get("lots").get(0).get("action").asText()).startsWith("Released on a concession");
        // nor does production blend it into a new, ordinary batch (auditor 2026-12-06 F11)
        Response blended = api.post("mike", "/api/lots", Map.of("sku", sku, "quantity", 5, "manufactureDate",
                "2025-01-28", "location", "Blending tank 2", "sourceLots", List.of(Map.of("lotNumber", lot,
                        "quantity", 1))));
        assertThat(blended.status()).as(blended.toString()).isEqualTo(409);
        assertThat(blended.json().get("detail").asText()).contains("released on a concession");
        // only as a requested lot, a QA manager approving it for the customer: always an exception, saying why
        String order = "SO-OOS-" + sku.substring(sku.length() - 6);
        Response requested = api.post("tom", "/api/orders", Map.of("orderNumber", order, "customer", "Bayou Hydraulics",
                "sku", sku, "quantity", 10, "requestedLot", lot, "requestReason",
                "Customer's own viscosity requirement is 230 cSt minimum (its specification on file)"));
        assertThat(requested.status()).as(requested.toString()).isEqualTo(201);
        assertThat(requested.json().get("status").asText()).isEqualTo("OVERRIDE_PENDING");
        assertThat(requested.json().get("override").get("reason").asText())
                .contains("released on a concession after a confirmed out-of-specification result");
        String approve = taskId("jennifer", order, "approveOverride");
        // the QA manager reads the failed tests with their values and limits (auditor 2026-12-06 F14)
        assertThat(api.get("jennifer", "/engine-rest/task/" + approve + "/form-variables").json().get("failedTests")
                .get("value").asText()).contains("(limits ");
        assertThat(complete("jennifer", approve, Map.of("approved", true, "comment",
                "Customer specification CS-88 accepts 230 cSt")).status()).isEqualTo(204);
        api.executeJobs();
        assertThat(api.get("tom", "/api/orders/" + order).json().get("allocations").get(0).get("lotNumber").asText())
                .isEqualTo(lot);
        // sales sees on the order's allocations that the lot stands on out-of-specification results (new user U5)
        org.lotflow.console.ConsoleSession tom = org.lotflow.console.ConsoleSession.login(api.port(), "tom");
        // the Console says so on the lot and never calls it next to allocate (re-test N4)
        assertThat(tom.get("/console/lots/" + lot).html()).contains("id=\"lot-concession\"");
        String list = tom.get("/console/lots?sku=" + sku).html();
        String rows = list.substring(list.indexOf("id=\"lot-table\""));
        assertThat(rows).contains("Concession (OOS)").doesNotContain(">Next to allocate<");
        String page = tom.get("/console/orders/" + order).html();
        String allocations = page.substring(page.indexOf("id=\"allocations\""));
        assertThat(allocations.substring(0, allocations.indexOf("</table>"))).contains("class=\"oos-release error\"")
                .contains("viscosity = 232").contains("signed OOS decision");
    }

    /** Auditor 2026-12-05 F6: round after round was invalidated as a laboratory error until one passed. */
    @Test
    void aRetestThatFailsAgainIsNotInvalidatedAgain() {
        String lot = lotWithOosResult("OOSTWICE");
        assertThat(complete("jennifer", taskId("jennifer", lot, "investigateLabError"), Map.of("labConclusion",
                "LAB_ERROR", "findings", "Viscometer bath drift")).status()).isEqualTo(204);
        Response retest = api.post("sarah", "/api/lots/" + lot + "/lab-results", Map.of("results", OOS));
        assertThat(retest.json().get("round").asInt()).isEqualTo(2);
        String phaseOne = taskId("jennifer", lot, "investigateLabError");
        Response again = complete("jennifer", phaseOne, Map.of("labConclusion", "LAB_ERROR", "findings",
                "Viscometer bath drift again"));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).isEqualTo("Test round 1 of lot " + lot + " was already"
                + " invalidated by a laboratory error; the retest (round 2) is out of specification too and is not"
                + " invalidated again (that would be testing into compliance): conclude CONFIRMED and go on to the"
                + " full-scale investigation (phase II)");
        assertThat(api.post("sarah", "/api/lots/" + lot + "/lab-results", Map.of("results", PASSING)).status())
                .as("no third round").isEqualTo(409);
        // another QA manager confirms round 2, so jennifer took no part in its investigation; yet she threw round 1
        // away, and the release that follows rests on that: she does not sign it (re-test 2026-12-06 R3)
        String anna = api.secondQaManager();
        assertThat(complete(anna, phaseOne, Map.of("labConclusion", "CONFIRMED", "findings",
                "Bath verified; result confirmed")).status()).isEqualTo(204);
        assertThat(complete("sarah", taskId("sarah", lot, "investigateProduction"), Map.of("findings",
                "Batch record reviewed")).status()).isEqualTo(204);
        String decide = taskId("jennifer", lot, "decideOutOfSpecification");
        Response release = complete("jennifer", decide, Map.of("oosDecision", "RELEASE", "comment", "justified"));
        assertThat(release.status()).as(release.toString()).isEqualTo(403);
        assertThat(release.json().get("detail").asText()).contains("you invalidated the out-of-specification"
                + " result of test round 1 of lot " + lot + " as a laboratory error and may not also sign the release");
        assertThat(lot(lot).get("status").asText()).isEqualTo("PENDING");
        Response reject = complete("jennifer", decide, Map.of("oosDecision", "REJECT", "comment",
                "Confirmed twice: rejected"));
        assertThat(reject.status()).as(reject.toString()).isEqualTo(204);
        api.executeJobs();
        assertThat(lot(lot).get("status").asText()).isEqualTo("REJECTED");
    }
}
