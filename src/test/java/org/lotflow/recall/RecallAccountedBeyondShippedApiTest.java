package org.lotflow.recall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotflow.support.TestClient.body;

import java.math.BigDecimal;
import java.util.Arrays;
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
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * More accounted for than shipped: Metro was shipped 10 drums, answered that it destroyed all 10, and then 5 drums were
 * received back from it at the plant: 15 of 10. The recall read "100 % retrieved", nothing still at customers, and
 * only a CHECK remark on the closing form hinted that its figures contradict each other. The excess is shown (API,
 * closing form, Console, recall impact report) and the closing says which figure is right, in a justification, whatever
 * the level; the signed report keeps both (21 CFR 7.55(a), 7.42(b)(3); ALCOA+ accurate).
 */
@ApiTest
class RecallAccountedBeyondShippedApiTest {

    private static final String LINE = "Metro Manufacturing: 5 drums more than shipped (shipped 10, received 5,"
            + " destroyed 10)";

    private static final String BEYOND = "more accounted for than shipped (returned or received back, plus destroyed): "
            + LINE;

    private static final String WHICH = "Metro destroyed 5 drums, not 10 (its certificate DC-12 corrected); the 5"
            + " received back were counted right";

    @Autowired
    TestClient api;

    @Autowired
    JdbcTemplate jdbc;

    /** Metro: shipped 10, acknowledged, said it returned none and destroyed 10; 5 then received back from it. */
    private Recall fifteenOfTen() {
        String sku = api.createProduct("RAB");
        String lotNumber = api.releasedLot(sku, new BigDecimal("40"), "2025-01-10");
        new GenealogyFixture(api, jdbc).ship("Metro Manufacturing", lotNumber, "10", "2025-01-22");
        Response opened = api.post("rachel", "/api/recalls", Map.of("lots", List.of(lotNumber), "reason",
                "Contaminated base oil", "classification", "CLASS_II"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        api.executeJobs();
        String number = opened.json().get("recallNumber").asText();
        Response answered = api.post("rachel", "/api/recalls/" + number + "/notifications", body("customer",
                "Metro Manufacturing", "acknowledged", true, "contactMethod", "PHONE", "contactPerson", "Dana Ortiz",
                "quantityReturned", 0, "quantityDestroyed", 10));
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        api.executeJobs();
        Response received = api.post("rachel", "/api/recalls/" + number + "/received-returns", body("lotNumber",
                lotNumber, "customer", "Metro Manufacturing", "quantity", 5, "reference", "RMA-9"));
        assertThat(received.status()).as(received.toString()).isEqualTo(201);
        String closeTask = api.get("jennifer", "/engine-rest/task?processInstanceBusinessKey=" + number
                + "&taskDefinitionKey=closeRecall").json().get(0).get("id").asText();
        return new Recall(number, lotNumber, closeTask);
    }

    private record Recall(String number, String lotNumber, String closeTask) {
    }

    @Test
    void theClosingSaysWhichFigureIsRightAndTheSignedReportKeepsIt() {
        Recall r = fifteenOfTen();
        JsonNode e = api.get("rachel", "/api/recalls/" + r.number()).json().get("effectiveness");
        assertThat(e.get("level").asText()).isEqualTo("A");
        assertThat(e.get("retrievedPercent").decimalValue()).as("by the customer's word").isEqualByComparingTo("100");
        assertThat(e.get("stillAtCustomers")).isEmpty();
        assertThat(e.get("returnsNotReceived")).isEmpty();
        assertThat(e.get("accountedBeyondShipped")).singleElement().satisfies(l -> {
            assertThat(l.get("customer").asText()).isEqualTo("Metro Manufacturing");
            assertThat(l.get("unit").asText()).isEqualTo("drums");
            assertThat(l.get("quantity").decimalValue()).isEqualByComparingTo("5");
            assertThat(l.get("quantityShipped").decimalValue()).isEqualByComparingTo("10");
            assertThat(l.get("quantityReturned").decimalValue()).isEqualByComparingTo("0");
            assertThat(l.get("quantityReceived").decimalValue()).isEqualByComparingTo("5");
            assertThat(l.get("quantityDestroyed").decimalValue()).isEqualByComparingTo("10");
        });
        // the closing form's summary and the Console's recall page say it before anyone signs
        assertThat(api.get("jennifer", "/engine-rest/task/" + r.closeTask() + "/form-variables").json()
                .get("recallSummary").get("value").asText()).contains("; " + BEYOND);
        assertThat(ConsoleSession.login(api.port(), "rachel").get("/console/recalls/" + r.number()).html())
                .contains("id=\"accounted-beyond-shipped\"").contains(LINE);

        String close = "/api/recalls/" + r.number() + "/close";
        Response refused = api.post("jennifer", close, body("comment", "All retrieved", "disposalMethod", "DESTROYED",
                "password", "jennifer"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().get("field").asText()).isEqualTo("justification");
        assertThat(refused.json().get("detail").asText()).contains("required: " + BEYOND + ". Say which figure is"
                + " right");
        assertThat(api.get("rachel", "/api/recalls/" + r.number()).json().get("status").asText())
                .isEqualTo("AWAITING_CLOSE");
        Response signed = api.post("jennifer", close, body("comment", "All retrieved", "disposalMethod", "DESTROYED",
                "justification", WHICH, "password", "jennifer"));
        assertThat(signed.status()).as(signed.toString()).isEqualTo(202);
        api.executeJobs();

        JsonNode view = api.get("rachel", "/api/recalls/" + r.number()).json();
        assertThat(view.get("status").asText()).isEqualTo("CLOSED");
        assertThat(view.get("closeJustification").asText()).isEqualTo(WHICH);
        JsonNode report = null;
        for (JsonNode h : api.get("tom", "/api/lots/" + r.lotNumber() + "/history").json()) {
            if (h.get("type").asText().equals("RECALL_CLOSED")) {
                report = h;
            }
        }
        assertThat(report).as("RECALL_CLOSED in the history of " + r.lotNumber()).isNotNull();
        assertThat(report.get("detail").get("accountedBeyondShipped").asText()).isEqualTo(LINE);
        assertThat(report.get("detail").get("closeJustification").asText()).isEqualTo(WHICH);
        assertThat(report.get("reason").asText()).contains("Closed with more accounted for than shipped (" + LINE
                + "), justified: " + WHICH);
        JsonNode closing = null;
        for (JsonNode t : view.get("timeline")) {
            if (t.get("type").asText().equals("CLOSED")) {
                closing = t;
            }
        }
        assertThat(closing.get("text").asText()).contains("; " + BEYOND).contains("justified: " + WHICH);
        assertThat(ConsoleSession.login(api.port(), "rachel").get("/console/recalls/" + r.number()).html())
                .contains("Closed with more accounted for than shipped because: " + WHICH);
        // the recall impact report of the closed recall says the closing settled it, and with what (new user 25b F5)
        JsonNode impact = api.get("jennifer", "/api/reports/recall-impact?recall=" + r.number()).json().get("recalls")
                .get(0);
        assertThat(impact.get("closeJustification").asText()).isEqualTo(WHICH);
        assertThat(impact.get("byCustomer").get(0).get("check").asText()).endsWith("one of the figures is wrong; the"
                + " recall's signed closing says which (closeJustification)");
    }

    @Test
    void theRecallImpactReportFlagsTheCustomer() {
        Recall r = fifteenOfTen();
        JsonNode customer = api.get("jennifer", "/api/reports/recall-impact?recall=" + r.number()).json()
                .get("recalls").get(0).get("byCustomer").get(0);
        assertThat(customer.get("customer").asText()).isEqualTo("Metro Manufacturing");
        assertThat(customer.get("outstanding").decimalValue()).isEqualByComparingTo("0");
        assertThat(customer.get("accountedBeyondShipped").decimalValue()).as(customer.toString())
                .isEqualByComparingTo("5");
        assertThat(customer.get("check").asText()).isEqualTo("said 0 drums returned, 5 drums received at the plant; 5"
                + " drums more accounted for than shipped (returned or received back, plus destroyed): one of the"
                + " figures is wrong");

        List<String> csv = api.call("jennifer", "jennifer", HttpMethod.GET, "/api/reports/recall-impact?recall="
                + r.number(), null, "text/csv").text().lines().toList();
        List<String> header = Arrays.asList(csv.get(0).split(","));
        String row = csv.stream().filter(l -> l.contains("Metro Manufacturing")).findFirst().orElseThrow();
        List<String> cells = Arrays.asList(row.split(",", -1));
        assertThat(new BigDecimal(cells.get(header.indexOf("accountedBeyondShipped")))).as(row)
                .isEqualByComparingTo("5");
        assertThat(row).contains("5 drums more accounted for than shipped");
    }
}
