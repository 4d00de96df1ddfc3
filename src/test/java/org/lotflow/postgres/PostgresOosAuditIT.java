package org.lotflow.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lotflow.support.PostgresApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The OOS investigation on real PostgreSQL where it differs from H2: PostgreSQL refuses a NUL character
 * in a text column, which H2 keeps. A finding, a justification or a comment with one must be a 400
 * naming its field on both databases, never a 500 at the database (and nothing changes).
 */
@PostgresApiTest
class PostgresOosAuditIT {

    @Autowired
    TestClient api;

    private String taskId(String user, String lot, String key) {
        return api.get(user, "/engine-rest/task?processInstanceBusinessKey=" + lot + "&taskDefinitionKey=" + key)
                .json().get(0).get("id").asText();
    }

    private Response complete(String user, String taskId, Map<String, Object> variables) {
        Map<String, Object> vars = new java.util.HashMap<>();
        variables.forEach((k, v) -> vars.put(k, Map.of("value", v)));
        return api.post(user, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", vars));
    }

    @Test
    void aNulCharacterInFindingsOrJustificationIsA400NamingTheFieldOnPostgres() {
        String lot = api.createLot(api.createProduct("PGOOS"), new BigDecimal("100"), "2025-01-20");
        assertThat(api.post("sarah", "/api/lots/" + lot + "/lab-results", Map.of("results", List.of(
                Map.of("test", "viscosity", "value", 232), Map.of("test", "flashPoint", "value", 230)))).status())
                .isEqualTo(200);
        String phaseOne = taskId("jennifer", lot, "investigateLabError");
        Response nul = complete("jennifer", phaseOne, Map.of("labConclusion", "CONFIRMED", "findings", "bath\u0000drift"));
        assertThat(nul.status()).as(nul.toString()).isEqualTo(400);
        assertThat(nul.json().get("field").asText()).isEqualTo("findings");
        assertThat(complete("jennifer", phaseOne, Map.of("labConclusion", "CONFIRMED", "findings", "no lab error"))
                .status()).isEqualTo(204);
        assertThat(complete("sarah", taskId("sarah", lot, "investigateProduction"), Map.of("findings",
                "base oil at its low limit")).status()).isEqualTo(204);
        String decide = taskId("jennifer", lot, "decideOutOfSpecification");
        Response comment = complete("jennifer", decide, Map.of("oosDecision", "REJECT", "comment", "x\u0000"));
        assertThat(comment.status()).as(comment.toString()).isEqualTo(400);
        assertThat(comment.json().get("field").asText()).isEqualTo("comment");
        assertThat(api.get("mike", "/api/lots/" + lot + "/history").json().findValuesAsText("type"))
                .doesNotContain("OOS_DECISION_SIGNED");
    }

    /** V92 on PostgreSQL: a round failing 60 long-named tests is recorded and investigated. */
    @Test
    void aRoundFailingManyLongNamedTestsIsRecordedOnPostgres() {
        String sku = "PGMANY-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        List<Map<String, Object>> specs = new java.util.ArrayList<>();
        List<Map<String, Object>> results = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String test = String.format("%02d", i) + "-" + "kinematic viscosity at 40 °C ASTM D445 ".repeat(3).substring(0, 90).strip();
            specs.add(Map.of("test", test, "unit", "cSt", "min", 245, "max", 255));
            results.add(Map.of("test", test, "value", 232.125));
        }
        assertThat(api.post("mike", "/api/products", Map.of("sku", sku, "name", "Many tests", "unit", "drums",
                "shelfLifeMonths", 24, "lotNumberPattern", sku + "-{yyyy}-{seq:3}", "specs", specs)).status())
                .isEqualTo(201);
        String lot = api.createLot(sku, new BigDecimal("10"), "2025-01-20");
        Response lab = api.post("sarah", "/api/lots/" + lot + "/lab-results", Map.of("results", results));
        assertThat(lab.status()).as(lab.toString()).isEqualTo(200);
        assertThat(api.get("mike", "/api/lots/" + lot).json().get("oosInvestigations").get(0).get("failedTests")
                .asText()).hasSizeGreaterThan(4000);
    }

    /**
     * On PostgreSQL too: a retest typed into Tasklist and posted by a LIMS at the same moment, and two
     * supervisors concluding phase I at once, make one round or one conclusion and a 409, never a 500.
     */
    @org.junit.jupiter.api.RepeatedTest(4)
    void racesOnTheInvestigationEndIn409OnPostgres() throws Exception {
        String lot = api.createLot(api.createProduct("PGRACE"), new BigDecimal("100"), "2025-01-20");
        assertThat(api.post("sarah", "/api/lots/" + lot + "/lab-results", Map.of("results", List.of(
                Map.of("test", "viscosity", "value", 232), Map.of("test", "flashPoint", "value", 230)))).status())
                .isEqualTo(200);
        String phaseOne = taskId("jennifer", lot, "investigateLabError");
        List<Response> conclusions = atOnce(List.of(
                () -> complete("jennifer", phaseOne, Map.of("labConclusion", "LAB_ERROR", "findings", "bath drift")),
                () -> complete(api.secondQaManager(), phaseOne, Map.of("labConclusion", "LAB_ERROR", "findings", "standard expired"))));
        assertThat(conclusions).as(conclusions.toString()).extracting(Response::status).containsExactlyInAnyOrder(204, 409);
        String retest = taskId("sarah", lot, "recordLabResults");
        List<Map<String, Object>> passing = List.of(Map.of("test", "viscosity", "value", 249),
                Map.of("test", "flashPoint", "value", 231));
        List<Response> answers = atOnce(List.of(
                () -> api.post("sarah", "/api/lots/" + lot + "/lab-results", Map.of("results", passing)),
                () -> complete("sarah", retest, Map.of("labResults", "viscosity = 249\nflashPoint = 231\n")),
                () -> api.post("sarah", "/api/lots/" + lot + "/lab-results", Map.of("results", passing))));
        assertThat(answers.stream().filter(r -> r.status() == 200 || r.status() == 204)).as(answers.toString()).hasSize(1);
        assertThat(answers).as(answers.toString()).extracting(Response::status).allMatch(s -> s == 200 || s == 204 || s == 409);
        assertThat(api.get("mike", "/api/lots/" + lot).json().get("labResults").get("round").asInt()).isEqualTo(2);
    }

    private static List<Response> atOnce(List<java.util.concurrent.Callable<Response>> calls) throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(calls.size());
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            List<java.util.concurrent.Future<Response>> futures = new java.util.ArrayList<>();
            for (java.util.concurrent.Callable<Response> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Response> answers = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Response> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
