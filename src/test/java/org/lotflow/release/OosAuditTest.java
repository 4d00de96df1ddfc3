package org.lotflow.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An auditor's and an attacker's pass over the out-of-specification investigation (README "2a"; contract;
 * FDA guidance "Investigating OOS Test Results"; 21 CFR Part 11; EU GMP Annex 11), beyond
 * {@link OosInvestigationApiTest} and {@code ReleaseFactsTamperingTest}: other routes to the analyst's own
 * phase I, races on every OOS step, texts at their limits, and what the approver and the record show.
 */
@ApiTest
class OosAuditTest {

    @Autowired
    TestClient api;

    @Autowired
    JdbcTemplate jdbc;

    private static final List<Map<String, Object>> OOS = List.of(Map.of("test", "viscosity", "value", 232),
            Map.of("test", "flashPoint", "value", 230));
    private static final List<Map<String, Object>> PASSING = List.of(Map.of("test", "viscosity", "value", 249),
            Map.of("test", "flashPoint", "value", 231));

    private String lotWithOosResult(String prefix) {
        String lot = api.createLot(api.createProduct(prefix), new BigDecimal("100"), "2025-01-20");
        Response lab = api.post("sarah", "/api/lots/" + lot + "/lab-results", Map.of("results", OOS));
        assertThat(lab.status()).as(lab.toString()).isEqualTo(200);
        return lot;
    }

    private String taskId(String user, String lot, String key) {
        JsonNode tasks = api.get(user, "/engine-rest/task?processInstanceBusinessKey=" + lot
                + "&taskDefinitionKey=" + key).json();
        assertThat(tasks).as("open " + key + " tasks of " + lot).hasSize(1);
        return tasks.get(0).get("id").asText();
    }

    private Response complete(String user, String taskId, Map<String, Object> variables) {
        Map<String, Object> vars = new HashMap<>();
        variables.forEach((k, v) -> vars.put(k, Map.of("value", v)));
        return api.post(user, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", vars));
    }

    private JsonNode history(String lot) {
        return api.get("mike", "/api/lots/" + lot + "/history").json();
    }

    private int rows(String sql, String lot) {
        return jdbc.queryForObject(sql, Integer.class, lot);
    }

    private static List<Response> atOnce(List<Callable<Response>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (Callable<Response> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Response> answers = new ArrayList<>();
            for (Future<Response> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void oneWinnerOthers409(List<Response> answers, int winner) {
        assertThat(answers.stream().filter(r -> r.status() == winner)).as(answers.toString()).hasSize(1);
        for (Response r : answers) {
            if (r.status() != winner) {
                assertThat(r.status()).as(r.toString()).isEqualTo(409);
                assertThat(r.isProblem()).as(r.toString()).isTrue();
            }
        }
    }

    @Test
    void theAnalystCannotTakeHerOwnPhaseIThroughAssigneeDelegateOrIdentityLinks() {
        String lot = lotWithOosResult("AUDASG");
        String task = taskId("jennifer", lot, "investigateLabError");
        List<Response> tries = List.of(
                api.post("sarah", "/engine-rest/task/" + task + "/assignee", Map.of("userId", "sarah")),
                api.post("sarah", "/engine-rest/task/" + task + "/delegate", Map.of("userId", "sarah")),
                api.post("sarah", "/engine-rest/task/" + task + "/identity-links", Map.of("userId", "sarah",
                        "type", "assignee")),
                api.post("jennifer", "/engine-rest/task/" + task + "/assignee", Map.of("userId", "sarah")),
                api.post("demo", "/engine-rest/task/" + task + "/delegate", Map.of("userId", "sarah")));
        for (Response r : tries) {
            assertThat(r.status()).as(r.toString()).isIn(400, 403);
        }
        // the refused person is told "you"; one who assigns the task to her is told whom it cannot go to
        Response claim = api.post("sarah", "/engine-rest/task/" + task + "/claim", Map.of("userId", "sarah"));
        assertThat(claim.status()).isEqualTo(403);
        assertThat(claim.json().get("detail").asText()).startsWith("Four-eyes principle: you recorded ");
        Response handed = api.post("demo", "/engine-rest/task/" + task + "/assignee", Map.of("userId", "sarah"));
        assertThat(handed.status()).isEqualTo(403);
        assertThat(handed.json().get("detail").asText()).startsWith("Four-eyes principle: sarah recorded ")
                .endsWith("; assign the task to another person of the group");
        assertThat(api.get("demo", "/engine-rest/task/" + task).json().get("assignee").isNull()).isTrue();
        // variable endpoints between steps
        String pi = api.get("jennifer", "/engine-rest/task/" + task).json().get("processInstanceId").asText();
        String execution = api.get("jennifer", "/engine-rest/task/" + task).json().get("executionId").asText();
        List<Response> writes = List.of(
                api.call("jennifer", org.springframework.http.HttpMethod.PUT, "/engine-rest/process-instance/" + pi
                        + "/variables/labErrorFound", Map.of("value", true, "type", "Boolean")),
                api.call("demo", org.springframework.http.HttpMethod.PUT, "/engine-rest/execution/" + execution
                        + "/localVariables/labErrorFound", Map.of("value", true, "type", "Boolean")),
                api.post("jennifer", "/engine-rest/task/" + task + "/localVariables", Map.of("modifications",
                        Map.of("labErrorFound", Map.of("value", true)))),
                api.post("demo", "/engine-rest/message", Map.of("messageName", "x", "businessKey", lot)),
                api.post("jennifer", "/engine-rest/task/" + task + "/submit-form", Map.of("variables", Map.of(
                        "labConclusion", Map.of("value", "LAB_ERROR"), "findings", Map.of("value", "x"),
                        "oosDecision", Map.of("value", "RELEASE")))));
        for (Response r : writes) {
            assertThat(r.status()).as(r.toString()).isIn(400, 403);
        }
        assertThat(taskId("jennifer", lot, "investigateLabError")).isEqualTo(task);
    }

    @Test
    void twoSupervisorsConcludingPhaseIAtOnceGetOneConclusionAndA409() throws Exception {
        String lot = lotWithOosResult("AUDRACE1");
        String task = taskId("jennifer", lot, "investigateLabError");
        List<Response> answers = atOnce(List.of(
                () -> complete("jennifer", task, Map.of("labConclusion", "LAB_ERROR", "findings", "bath drift")),
                () -> complete(api.secondQaManager(), task, Map.of("labConclusion", "CONFIRMED", "findings", "no error"))));
        oneWinnerOthers409(answers, 204);
        assertThat(history(lot).findValuesAsText("type").stream().filter("OOS_LAB_INVESTIGATION_CONCLUDED"::equals))
                .hasSize(1);
    }

    @Test
    void aRetestFromTasklistAndFromTheApiAtOnceMakesOneRoundAndA409() throws Exception {
        String lot = lotWithOosResult("AUDRACE2");
        assertThat(complete("jennifer", taskId("jennifer", lot, "investigateLabError"), Map.of("labConclusion",
                "LAB_ERROR", "findings", "pipette out of calibration")).status()).isEqualTo(204);
        String retest = taskId("sarah", lot, "recordLabResults");
        List<Response> answers = atOnce(List.of(
                () -> api.post("sarah", "/api/lots/" + lot + "/lab-results", Map.of("results", PASSING)),
                () -> complete("sarah", retest, Map.of("labResults", "viscosity = 249\nflashPoint = 231\n")),
                () -> api.post("sarah", "/api/lots/" + lot + "/lab-results", Map.of("results", PASSING))));
        assertThat(answers.stream().filter(r -> r.status() == 200 || r.status() == 204)).as(answers.toString())
                .hasSize(1);
        for (Response r : answers) {
            assertThat(r.status()).as(r.toString()).isIn(200, 204, 409);
        }
        assertThat(rows("SELECT COUNT(*) FROM lab_result r JOIN lot l ON l.id = r.lot_id WHERE l.lot_number = ?"
                + " AND r.test_round = 2", lot)).isEqualTo(2);
        assertThat(rows("SELECT MAX(r.test_round) FROM lab_result r JOIN lot l ON l.id = r.lot_id"
                + " WHERE l.lot_number = ?", lot)).isEqualTo(2);
        // a second retest while the first is recorded, and another one later: refused
        Response again = api.post("sarah", "/api/lots/" + lot + "/lab-results", Map.of("results", PASSING));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
    }

    @Test
    void twoManagersDecidingAtOnceSignOneDecision() throws Exception {
        String lot = lotWithOosResult("AUDRACE3");
        assertThat(complete("jennifer", taskId("jennifer", lot, "investigateLabError"), Map.of("labConclusion",
                "CONFIRMED", "findings", "no laboratory error")).status()).isEqualTo(204);
        assertThat(complete("sarah", taskId("sarah", lot, "investigateProduction"), Map.of("findings",
                "raw material at low end")).status()).isEqualTo(204);
        String decide = taskId("jennifer", lot, "decideOutOfSpecification");
        // a QA analyst cannot sign it: a QA managers' task she may not even read is, to her, no task
        Response analyst = complete("sarah", decide, Map.of("oosDecision", "RELEASE", "comment", "fine"));
        assertThat(analyst.status()).as(analyst.toString()).isEqualTo(404);
        assertThat(analyst.json().get("detail").asText()).isEqualTo("There is no task '" + decide + "'");
        List<Response> answers = atOnce(List.of(
                () -> complete("jennifer", decide, Map.of("oosDecision", "REJECT", "comment", "confirmed OOS")),
                () -> complete(api.secondQaManager(), decide, Map.of("oosDecision", "RELEASE", "comment", "justified"))));
        oneWinnerOthers409(answers, 204);
        assertThat(history(lot).findValuesAsText("type").stream().filter("OOS_DECISION_SIGNED"::equals)).hasSize(1);
        api.executeJobs();
        // a retest after the decision is refused
        Response late = api.post("sarah", "/api/lots/" + lot + "/lab-results", Map.of("results", PASSING));
        assertThat(late.status()).as(late.toString()).isEqualTo(409);
    }

    @Test
    void textsAtTheirLimitAreKeptWholeAndOneCharacterMoreIsA400NamingTheField() {
        String lot = lotWithOosResult("AUDTEXT");
        String task = taskId("jennifer", lot, "investigateLabError");
        Response tooLong = complete("jennifer", task, Map.of("labConclusion", "CONFIRMED", "findings", "x".repeat(4001)));
        assertThat(tooLong.status()).as(tooLong.toString()).isEqualTo(400);
        assertThat(tooLong.json().get("field").asText()).isEqualTo("findings");
        // H2 would keep a NUL character that PostgreSQL refuses (PostgresOosAuditIT): a 400 on both
        Response nul = complete("jennifer", task, Map.of("labConclusion", "CONFIRMED", "findings", "bath\u0000drift"));
        assertThat(nul.status()).as(nul.toString()).isEqualTo(400);
        assertThat(nul.json().get("field").asText()).isEqualTo("findings");
        Response empty = complete("jennifer", task, Map.of("labConclusion", "CONFIRMED", "findings", ""));
        assertThat(empty.status()).as(empty.toString()).isEqualTo(400);
        String full = "F".repeat(3999) + "!";
        assertThat(complete("jennifer", task, Map.of("labConclusion", "CONFIRMED", "findings", full)).status())
                .isEqualTo(204);
        String production = taskId("sarah", lot, "investigateProduction");
        assertThat(complete("sarah", production, Map.of("findings", "P".repeat(4000))).status()).isEqualTo(204);
        String decide = taskId("jennifer", lot, "decideOutOfSpecification");
        Response longComment = complete("jennifer", decide, Map.of("oosDecision", "REJECT", "comment", "c".repeat(4001)));
        assertThat(longComment.status()).as(longComment.toString()).isEqualTo(400);
        assertThat(longComment.json().get("field").asText()).isEqualTo("comment");
        assertThat(complete("jennifer", decide, Map.of("oosDecision", "REJECT", "comment", "C".repeat(4000))).status())
                .isEqualTo(204);
        JsonNode oos = api.get("mike", "/api/lots/" + lot).json().get("oosInvestigations").get(0);
        assertThat(oos.get("laboratory").get("findings").asText()).isEqualTo(full);
        assertThat(oos.get("production").get("findings").asText()).hasSize(4000);
        assertThat(oos.get("decision").get("comment").asText()).hasSize(4000);
    }

    @Test
    void theHistoryNamesWhoDidEachPhaseAndKeepsTheInvalidatedRound() {
        String lot = lotWithOosResult("AUDHIST");
        assertThat(complete("jennifer", taskId("jennifer", lot, "investigateLabError"), Map.of("labConclusion",
                "LAB_ERROR", "findings", "wrong standard used")).status()).isEqualTo(204);
        assertThat(api.post("sarah", "/api/lots/" + lot + "/lab-results", Map.of("results", PASSING)).status())
                .isEqualTo(200);
        JsonNode h = history(lot);
        Map<String, JsonNode> byType = new HashMap<>();
        List<JsonNode> lab = new ArrayList<>();
        for (JsonNode e : h) {
            byType.putIfAbsent(e.get("type").asText(), e);
            if (e.get("type").asText().equals("LAB_RESULTS_RECORDED")) {
                lab.add(e);
            }
        }
        assertThat(byType.get("OOS_INVESTIGATION_OPENED").get("user").asText()).isEqualTo("sarah");
        assertThat(byType.get("OOS_LAB_INVESTIGATION_CONCLUDED").get("user").asText()).isEqualTo("jennifer");
        assertThat(byType.get("OOS_LAB_INVESTIGATION_CONCLUDED").get("reason").asText()).contains("wrong standard");
        assertThat(lab).hasSize(2);
        assertThat(lab.get(0).get("user").asText()).isEqualTo("sarah");
        assertThat(lab.get(0).get("detail").get("results").toString()).contains("232");
        assertThat(lab.get(1).get("detail").get("round").asInt()).isEqualTo(2);
    }

    /**
     * The QA manager who signs the release of a retested lot must see that an earlier round was out of
     * specification and why it was invalidated (FDA OOS guidance: QA reviews the investigation before
     * release; 21 CFR 211.192: all data considered). The approval form showed the passing retest only.
     */
    @Test
    void theReleaseApprovalOfARetestedLotShowsTheInvalidatedOosRound() {
        String lot = lotWithOosResult("AUDAPPR");
        assertThat(complete("jennifer", taskId("jennifer", lot, "investigateLabError"), Map.of("labConclusion",
                "LAB_ERROR", "findings", "Viscometer bath at 38 °C instead of 40 °C")).status()).isEqualTo(204);
        assertThat(api.post("sarah", "/api/lots/" + lot + "/lab-results", Map.of("results", PASSING)).status())
                .isEqualTo(200);
        String approve = taskId("jennifer", lot, "approveRelease");
        JsonNode form = api.get("jennifer", "/engine-rest/task/" + approve + "/form-variables").json();
        assertThat(form.toString()).contains("232").contains("Viscometer bath at 38");
    }

    /**
     * Findings may be 4,000 characters (the forms allow it), but the display texts of the next tasks put a
     * header before them, and a text over the engine's 4,000 was shown by whole lines only: one long
     * paragraph of findings vanished from the decision form ("… and 1 more line not shown"), so the QA
     * manager signed without seeing phase I's or phase II's evidence. Now as much as fits is shown, and the
     * form says how much is left out and where it is.
     */
    @Test
    void longFindingsAreShownOnTheNextFormsAsFarAsTheyFitNeverHiddenWhole() {
        String lot = lotWithOosResult("AUDLONG");
        String labFindings = "Calculation, instrument and standards checked. ".repeat(85); // 3995 characters, one line
        assertThat(complete("jennifer", taskId("jennifer", lot, "investigateLabError"), Map.of("labConclusion",
                "CONFIRMED", "findings", labFindings)).status()).isEqualTo(204);
        String production = taskId("sarah", lot, "investigateProduction");
        String shownToPhaseTwo = org.lotflow.support.Forms.shown(api.get("sarah", "/engine-rest/task/" + production + "/form-variables").json(), "labInvestigation");
        assertThat(shownToPhaseTwo).contains("Calculation, instrument and standards checked. ".repeat(20))
                .contains("not shown here");
        assertThat(complete("sarah", production, Map.of("findings", "Batch record reviewed. ".repeat(173))).status())
                .isEqualTo(204);
        JsonNode form = api.get("jennifer", "/engine-rest/task/" + taskId("jennifer", lot, "decideOutOfSpecification")
                + "/form-variables").json();
        assertThat(org.lotflow.support.Forms.shown(form, "labInvestigation"))
                .contains("Calculation, instrument and standards checked. ".repeat(20));
        assertThat(form.get("productionInvestigation").get("value").asText())
                .contains("Batch record reviewed. ".repeat(40)).contains("not shown here");
    }

    /**
     * A product may have 100 tests named in up to 100 characters; a round that fails many of them is a
     * valid, if bad, result and must be recorded (and investigated), never refused for the length of the
     * failed-tests text the investigation keeps.
     */
    @Test
    void aRoundFailingManyLongNamedTestsIsRecordedAndInvestigated() {
        String sku = "AUDMANY-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        List<Map<String, Object>> specs = new ArrayList<>();
        List<Map<String, Object>> results = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String test = String.format("%02d", i) + " kinematic viscosity at 40 °C, ASTM D445, ".repeat(3)
                    .substring(0, 95).strip();
            specs.add(Map.of("test", test, "unit", "cSt", "min", 245, "max", 255));
            results.add(Map.of("test", test, "value", 232.125));
        }
        Response product = api.post("mike", "/api/products", Map.of("sku", sku, "name", "Many tests", "unit", "drums",
                "shelfLifeMonths", 24, "lotNumberPattern", sku + "-{yyyy}-{seq:3}", "specs", specs));
        assertThat(product.status()).as(product.toString()).isEqualTo(201);
        String lot = api.createLot(sku, new BigDecimal("10"), "2025-01-20");
        Response lab = api.post("sarah", "/api/lots/" + lot + "/lab-results", Map.of("results", results));
        assertThat(lab.status()).as(lab.toString()).isEqualTo(200);
        assertThat(lab.json().get("passed").asBoolean()).isFalse();
        JsonNode oos = api.get("mike", "/api/lots/" + lot).json().get("oosInvestigations").get(0);
        assertThat(oos.get("failedTests").asText()).contains("59kinematic viscosity").hasSizeGreaterThan(4000);
        assertThat(taskId("jennifer", lot, "investigateLabError")).isNotBlank();
    }

    /** Each OOS form says what completing it does; phase II's said nothing of the decision that follows. */
    @Test
    void thePhaseIIFormSaysWhatCompletingItDoes() {
        String lot = lotWithOosResult("AUDFORM");
        assertThat(complete("jennifer", taskId("jennifer", lot, "investigateLabError"), Map.of("labConclusion",
                "CONFIRMED", "findings", "no laboratory error")).status()).isEqualTo(204);
        String production = taskId("sarah", lot, "investigateProduction");
        Response form = api.get("sarah", "/engine-rest/task/" + production + "/deployed-form");
        assertThat(form.status()).as(form.toString()).isEqualTo(200);
        assertThat(form.text()).contains("QA manager's signed decision").contains("stays PENDING");
    }
}
