package org.lotflow.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotflow.support.TestClient.body;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.lotflow.trace.GenealogyFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One figure for what is still out there (new user round 24b N1): a customer said it returned 20 of the 40 drums it was
 * shipped, and 30 arrived back at the plant. The recall's page and closing say 10 are still at the customer; so does
 * the recall impact report's {@code outstanding}, in JSON and CSV, and its {@code check} still says the two disagree.
 * The recall's shares count the customers' word: the page and the closing's summary say what the plant received beside
 * them (N2).
 */
@ApiTest
class RecallImpactStillAtCustomersApiTest {

    @Autowired
    TestClient api;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void outstandingIsWhatTheRecallSaysIsStillAtTheCustomer() {
        String sku = api.createProduct("RIS");
        String lotNumber = api.releasedLot(sku, new BigDecimal("100"), "2025-01-10");
        GenealogyFixture f = new GenealogyFixture(api, jdbc);
        f.ship("Allied Machining", lotNumber, "40", "2025-01-22");
        Response opened = api.post("rachel", "/api/recalls", Map.of("lots", List.of(lotNumber), "reason",
                "Foreign matter", "classification", "CLASS_II"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        api.executeJobs();
        String number = opened.json().get("recallNumber").asText();
        Response received = api.post("rachel", "/api/recalls/" + number + "/received-returns", body("lotNumber",
                lotNumber, "customer", "Allied Machining", "quantity", 30, "reference", "RMA-1"));
        assertThat(received.status()).as(received.toString()).isLessThan(300);
        Response answered = api.post("rachel", "/api/recalls/" + number + "/notifications", body("customer",
                "Allied Machining", "acknowledged", true, "contactMethod", "PHONE", "contactPerson", "QA desk",
                "quantityReturned", 20));
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        api.executeJobs();

        JsonNode recall = api.get("rachel", "/api/recalls/" + number).json();
        assertThat(recall.get("effectiveness").get("stillAtCustomers").get(0).get("quantity").decimalValue())
                .isEqualByComparingTo("10");

        // the shares count the customers' word; beside them, what arrived at the plant (new user round 24b N2)
        JsonNode units = recall.get("effectiveness").get("quantities").get(0);
        assertThat(units.get("returnedPercent").decimalValue()).as("by the customers' word").isEqualByComparingTo("50");
        assertThat(units.get("received").decimalValue()).isEqualByComparingTo("30");
        String page = org.lotflow.console.ConsoleSession.login(api.port(), "rachel").get("/console/recalls/" + number)
                .html();
        assertThat(page).containsPattern("Returned 20 of 40 drums shipped \\(50\\.0 %\\) \\(by the customers(&#39;|')"
                + " word; received at the plant: 30 drums\\), destroyed at the customers 0 drums: 50\\.0 % retrieved by the"
                + " customers(&#39;|') word<");
        String closeTask = api.get("jennifer", "/engine-rest/task?processInstanceBusinessKey=" + number
                + "&taskDefinitionKey=closeRecall").json().get(0).get("id").asText();
        assertThat(api.get("jennifer", "/engine-rest/task/" + closeTask + "/form-variables").json().toString())
                .contains("20 of 40 drums returned (50.0 %) by the customers' word (received at the plant: 30 drums)");

        JsonNode impact = api.get("jennifer", "/api/reports/recall-impact?recall=" + number).json().get("recalls")
                .get(0);
        JsonNode customer = impact.get("byCustomer").get(0);
        assertThat(customer.get("quantityShipped").decimalValue()).isEqualByComparingTo("40");
        assertThat(customer.get("quantityReturned").decimalValue()).as("the customer's word").isEqualByComparingTo("20");
        assertThat(customer.get("quantityReceived").decimalValue()).isEqualByComparingTo("30");
        assertThat(customer.get("outstanding").decimalValue()).as(customer.toString()).isEqualByComparingTo("10");
        assertThat(customer.get("check").asText()).isEqualTo("said 20 drums returned, 30 drums received at the plant");
        assertThat(impact.get("outstanding").decimalValue()).as(impact.toString()).isEqualByComparingTo("10");
        assertThat(impact.get("byUnit").get(0).get("outstanding").decimalValue()).isEqualByComparingTo("10");

        List<String> csv = api.call("jennifer", "jennifer", HttpMethod.GET, "/api/reports/recall-impact?recall="
                + number, null, "text/csv").text().lines().toList();
        List<String> header = Arrays.asList(csv.get(0).split(","));
        String row = csv.stream().filter(l -> l.contains("Allied Machining")).findFirst().orElseThrow();
        List<String> cells = Arrays.asList(row.split(",", -1)); // no comma before the check's sentence
        assertThat(new BigDecimal(cells.get(header.indexOf("outstanding")))).as(row).isEqualByComparingTo("10");
        assertThat(row).contains("said 20 drums returned, 30 drums received at the plant"); // the check, kept
    }
}
