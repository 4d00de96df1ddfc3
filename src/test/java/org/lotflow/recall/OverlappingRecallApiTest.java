package org.lotflow.recall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotflow.support.TestClient.body;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.lotflow.trace.GenealogyFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A recall whose scope reaches lots an earlier recall already recalled (trace29 F2): those lots are SKIPPED, and their
 * customers are the earlier recall's (notified, and their returns counted, there), not listed, notified or counted a
 * second time by the new recall, whose {@code received-returns} refuses their goods as well.
 */
@ApiTest
class OverlappingRecallApiTest {

    @Autowired
    TestClient api;

    @Autowired
    JdbcTemplate jdbc;

    private static List<String> customers(JsonNode recall) {
        return StreamSupport.stream(recall.get("customers").spliterator(), false)
                .map(c -> c.get("customer").asText()).toList();
    }

    @Test
    void aLaterRecallLeavesTheCustomersOfLotsAnEarlierRecallTookToIt() {
        GenealogyFixture f = new GenealogyFixture(api, jdbc);
        String rmSku = api.createProduct("OVR");
        String finSku = api.createProduct("OVF");
        String rm = f.released(rmSku, "100", "2025-01-10", Map.of());
        String fin = f.released(finSku, "50", "2025-01-12", Map.of(rm, "40"));
        f.ship("Corner Deli", fin, "30", "2025-01-20");
        f.ship("Acme Foods", rm, "10", "2025-01-21");

        Response first = api.post("rachel", "/api/recalls", Map.of("lots", List.of(fin), "reason",
                "Undeclared allergen", "classification", "CLASS_II"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        String rc1 = first.json().get("recallNumber").asText();
        Response second = api.post("rachel", "/api/recalls", Map.of("lots", List.of(rm), "reason",
                "Listeria in the raw material", "classification", "CLASS_I"));
        assertThat(second.status()).as(second.toString()).isEqualTo(201);
        api.executeJobs();
        String rc2 = second.json().get("recallNumber").asText();

        JsonNode r2 = api.get("rachel", "/api/recalls/" + rc2).json();
        JsonNode skipped = StreamSupport.stream(r2.get("lots").spliterator(), false)
                .filter(l -> l.get("lotNumber").asText().equals(fin)).findFirst().orElseThrow();
        assertThat(skipped.get("action").asText()).isEqualTo("SKIPPED");
        // only the customer of the lot this recall recalled: Corner Deli is RC-1's
        assertThat(customers(r2)).containsExactly("Acme Foods");
        assertThat(customers(api.get("rachel", "/api/recalls/" + rc1).json())).containsExactly("Corner Deli");
        assertThat(r2.get("effectiveness").toString()).doesNotContain("Corner Deli");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM recall_notification n JOIN recall r ON r.id = n.recall_id"
                + " WHERE r.recall_number = ?", Integer.class, rc2)).isOne();
        assertThat(r2.get("timeline").toString()).contains("counted, under " + rc1);

        // Corner Deli's goods are counted once: under RC-1, not RC-2 (no notification there to answer)
        Response again = api.post("rachel", "/api/recalls/" + rc2 + "/notifications", body("customer", "Corner Deli",
                "reached", true, "acknowledged", true, "contactMethod", "PHONE", "contactPerson", "Dan, owner",
                "quantityReturned", 30));
        assertThat(again.status()).as(again.toString()).isEqualTo(400);
        assertThat(again.json().get("field").asText()).isEqualTo("customer");
        Response once = api.post("rachel", "/api/recalls/" + rc1 + "/notifications", body("customer", "Corner Deli",
                "reached", true, "acknowledged", true, "contactMethod", "PHONE", "contactPerson", "Dan, owner",
                "quantityReturned", 30));
        assertThat(once.status()).as(once.toString()).isEqualTo(200);
        assertThat(new BigDecimal("30")).isEqualByComparingTo(jdbc.queryForObject("SELECT SUM(n.quantity_returned)"
                + " FROM recall_notification n WHERE n.customer = 'Corner Deli' AND n.recall_id IN (SELECT id FROM"
                + " recall WHERE recall_number IN (?, ?))", BigDecimal.class, rc1, rc2));
    }
}
