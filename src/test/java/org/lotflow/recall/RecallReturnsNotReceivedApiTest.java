package org.lotflow.recall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotflow.support.TestClient.body;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lotflow.console.ConsoleSession;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.lotflow.trace.GenealogyFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * New user 2026-12-07 N1: a Class I recall's customer Allied said it returned 25 pails, the plant received 20 back, and
 * the recall read "100 % retrieved", nothing still at customers, and closed without a word: 5 pails were neither at
 * the plant nor, by Allied's word, at Allied. Goods returned by the customer's word but not received at the plant are
 * shown (API, closing form, Console) and the closing says what became of them in a justification, on {@code POST
 * /api/recalls/{n}/close} and on the task's own completion alike (21 CFR 7.55(a), 7.42(b)(3)).
 */
@ApiTest
class RecallReturnsNotReceivedApiTest {

    private static final String MISSING = "returned by the customer's word but not received at the plant: Allied"
            + " Machining: 5 drums (said 25, received 20)";

    private static final String LOST = "The 5 drums from Allied were lost in transit; carrier claim CL-2025-77 filed";

    @Autowired
    TestClient api;

    @Autowired
    JdbcTemplate jdbc;

    private static void refused(Response r, String field, String... detailContains) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).as(r.toString()).isEqualTo(field);
        for (String part : detailContains) {
            assertThat(r.json().get("detail").asText()).as(r.toString()).contains(part);
        }
    }

    /**
     * N1 as it happened: Metro received 50 and said it returned 50 (50 came back); Allied received 30, said it returned
     * 25 and destroyed 5, and 20 came back. Every customer acknowledged: level A, 100 % retrieved by their word.
     */
    private N1 n1() {
        String sku = api.createProduct("RNR");
        String lotNumber = api.releasedLot(sku, new BigDecimal("80"), "2025-01-10");
        GenealogyFixture f = new GenealogyFixture(api, jdbc);
        f.ship("Metro Manufacturing", lotNumber, "50", "2025-01-22");
        f.ship("Allied Machining", lotNumber, "30", "2025-01-23");
        Response opened = api.post("rachel", "/api/recalls", Map.of("lots", List.of(lotNumber), "reason",
                "Contaminated base oil", "classification", "CLASS_I"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        api.executeJobs();
        String number = opened.json().get("recallNumber").asText();
        for (Object[] back : new Object[][] {{"Metro Manufacturing", 50}, {"Allied Machining", 20}}) {
            Response received = api.post("rachel", "/api/recalls/" + number + "/received-returns", body("lotNumber",
                    lotNumber, "customer", back[0], "quantity", back[1]));
            assertThat(received.status()).as(received.toString()).isEqualTo(201);
        }
        assertThat(api.post("rachel", "/api/recalls/" + number + "/notifications", body("customer",
                "Metro Manufacturing", "acknowledged", true, "contactMethod", "PHONE", "contactPerson", "Dana Ortiz",
                "quantityReturned", 50)).status()).isEqualTo(200);
        assertThat(api.post("rachel", "/api/recalls/" + number + "/notifications", body("customer",
                "Allied Machining", "acknowledged", true, "contactMethod", "EMAIL", "contactPerson", "Lee Park",
                "quantityReturned", 25, "quantityDestroyed", 5)).status()).isEqualTo(200);
        api.executeJobs();
        String closeTask = api.get("jennifer", "/engine-rest/task?processInstanceBusinessKey=" + number
                + "&taskDefinitionKey=closeRecall").json().get(0).get("id").asText();
        return new N1(number, lotNumber, closeTask);
    }

    private record N1(String number, String lotNumber, String closeTask) {
    }

    private JsonNode closed(String lotNumber) {
        JsonNode closed = null;
        for (JsonNode e : api.get("tom", "/api/lots/" + lotNumber + "/history").json()) {
            if (e.get("type").asText().equals("RECALL_CLOSED")) {
                closed = e;
            }
        }
        assertThat(closed).as("RECALL_CLOSED in the history of " + lotNumber).isNotNull();
        return closed;
    }

    @Test
    void theApiClosingSaysWhatBecameOfReturnsTheCustomerSaidItSentButThePlantNeverReceived() {
        N1 n1 = n1();
        JsonNode recall = api.get("rachel", "/api/recalls/" + n1.number()).json();
        JsonNode e = recall.get("effectiveness");
        assertThat(e.get("level").asText()).isEqualTo("A");
        assertThat(e.get("retrievedPercent").decimalValue()).as("by the customers' word").isEqualByComparingTo("100");
        assertThat(e.get("stillAtCustomers")).as("nothing at the customers by their word").isEmpty();
        assertThat(e.get("returnsNotReceived")).singleElement().satisfies(l -> {
            assertThat(l.get("customer").asText()).isEqualTo("Allied Machining");
            assertThat(l.get("unit").asText()).isEqualTo("drums");
            assertThat(l.get("quantity").decimalValue()).isEqualByComparingTo("5");
            assertThat(l.get("quantityReturned").decimalValue()).isEqualByComparingTo("25");
            assertThat(l.get("quantityReceived").decimalValue()).isEqualByComparingTo("20");
        });
        // the closing form's summary and the Console's recall page say it before anyone signs
        assertThat(api.get("jennifer", "/engine-rest/task/" + n1.closeTask() + "/form-variables").json()
                .get("recallSummary").get("value").asText()).contains(MISSING);
        assertThat(ConsoleSession.login(api.port(), "rachel").get("/console/recalls/" + n1.number()).html())
                .contains("id=\"returns-not-received\"").contains("Allied Machining: 5 drums (said 25, received 20)");

        String close = "/api/recalls/" + n1.number() + "/close";
        refused(api.post("jennifer", close, body("comment", "All retrieved", "disposalMethod", "DESTROYED",
                "password", "jennifer")), "justification", "required: " + MISSING + ". Say what became of them",
                "(21 CFR 7.55)");
        assertThat(api.get("rachel", "/api/recalls/" + n1.number()).json().get("status").asText())
                .isEqualTo("AWAITING_CLOSE");
        Response signed = api.post("jennifer", close, body("comment", "All retrieved", "disposalMethod", "DESTROYED",
                "justification", LOST, "password", "jennifer"));
        assertThat(signed.status()).as(signed.toString()).isEqualTo(202);
        api.executeJobs();

        JsonNode view = api.get("rachel", "/api/recalls/" + n1.number()).json();
        assertThat(view.get("status").asText()).isEqualTo("CLOSED");
        assertThat(view.get("closeJustification").asText()).isEqualTo(LOST);
        JsonNode report = closed(n1.lotNumber());
        assertThat(report.get("detail").get("returnsNotReceived").asText())
                .isEqualTo("Allied Machining: 5 drums (said 25, received 20)");
        assertThat(report.get("detail").get("closeJustification").asText()).isEqualTo(LOST);
        assertThat(report.get("detail").has("stillAtCustomers")).isFalse();
        assertThat(report.get("reason").asText()).contains("Closed with goods " + MISSING.replace("plant: ", "plant (")
                + "), justified: " + LOST);
        JsonNode closing = null;
        for (JsonNode t : view.get("timeline")) {
            if (t.get("type").asText().equals("CLOSED")) {
                closing = t;
            }
        }
        assertThat(closing.get("text").asText()).contains("; " + MISSING).contains("justified: " + LOST);
        assertThat(ConsoleSession.login(api.port(), "rachel").get("/console/recalls/" + n1.number()).html())
                .contains("Closed with returns not received at the plant because: " + LOST);
    }

    @Test
    void theTasksOwnCompletionNeedsTheJustificationToo() {
        N1 n1 = n1();
        String shown = api.get("jennifer", "/engine-rest/task/" + n1.closeTask() + "/form-variables").json()
                .get("figuresVersion").get("value").asText();
        Map<String, Object> variables = new HashMap<>(Map.of("comment", "All retrieved", "disposalMethod",
                "DESTROYED", "figuresShown", shown));
        Response refused = submit(n1.closeTask(), variables);
        refused(refused, "justification", "required: " + MISSING + ". Say what became of them");
        assertThat(api.get("jennifer", "/engine-rest/task?processInstanceBusinessKey=" + n1.number()
                + "&taskDefinitionKey=closeRecall").json()).as("the task stays open").hasSize(1);
        variables.put("justification", LOST);
        Response signed = submit(n1.closeTask(), variables);
        assertThat(signed.status()).as(signed.toString()).isIn(200, 204);
        api.executeJobs();
        assertThat(api.get("rachel", "/api/recalls/" + n1.number()).json().get("status").asText()).isEqualTo("CLOSED");
        JsonNode report = closed(n1.lotNumber());
        assertThat(report.get("detail").get("returnsNotReceived").asText())
                .isEqualTo("Allied Machining: 5 drums (said 25, received 20)");
        assertThat(report.get("detail").get("closeJustification").asText()).isEqualTo(LOST);
    }

    @Test
    void onceTheMissingGoodsArriveTheClosingNeedsNoJustification() {
        N1 n1 = n1();
        assertThat(api.post("rachel", "/api/recalls/" + n1.number() + "/received-returns", body("lotNumber",
                n1.lotNumber(), "customer", "Allied Machining", "quantity", 5, "reference", "RMA-LATE")).status())
                .isEqualTo(201);
        JsonNode e = api.get("rachel", "/api/recalls/" + n1.number()).json().get("effectiveness");
        assertThat(e.get("returnsNotReceived")).isEmpty();
        String close = "/api/recalls/" + n1.number() + "/close";
        refused(api.post("jennifer", close, body("comment", "All retrieved", "disposalMethod", "DESTROYED",
                "justification", LOST, "password", "jennifer")), "justification", "not needed");
        Response signed = api.post("jennifer", close, body("comment", "All retrieved", "disposalMethod", "DESTROYED",
                "password", "jennifer"));
        assertThat(signed.status()).as(signed.toString()).isEqualTo(202);
        api.executeJobs();
        assertThat(closed(n1.lotNumber()).get("detail").has("returnsNotReceived")).isFalse();
    }

    private Response submit(String taskId, Map<String, Object> variables) {
        Map<String, Object> vars = new HashMap<>();
        variables.forEach((k, v) -> vars.put(k, Map.of("value", v)));
        return api.post("jennifer", "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", vars));
    }
}
