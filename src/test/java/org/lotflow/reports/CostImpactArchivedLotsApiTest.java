package org.lotflow.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lotflow.lot.LotService;
import org.lotflow.lot.LotStatus;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Auditor 26b F4: the cost-impact report selected lots by their current status, so a rejected lot's 60 drums disposed
 * of vanished from the 2025 report once the lot was ARCHIVED. A loss is a fact of the lot's history: an archived lot
 * counts under the status it was archived from.
 */
@ApiTest
class CostImpactArchivedLotsApiTest {

    @Autowired
    TestClient api;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    LotService lots;

    private Long lotId(String lotNumber) {
        return jdbc.queryForObject("SELECT id FROM lot WHERE lot_number = ?", Long.class, lotNumber);
    }

    private JsonNode losses(String sku) {
        return api.get("tom", "/api/reports/cost-impact?sku=" + sku + "&from=2025-01-01&to=2030-12-31").json()
                .get("losses");
    }

    @Test
    void anArchivedLotKeepsCountingUnderTheStatusItWasArchivedFrom() {
        String sku = api.createProduct("LOSS");
        // rejected at its release, 100 drums destroyed
        String rejected = api.createLot(sku, BigDecimal.valueOf(100), "2025-01-02");
        api.rejectAndDispose(rejected, "DESTROYED", "WM-60");
        // released, then expired (the expiry run's change), nothing disposed of yet
        String expired = api.createLot(sku, BigDecimal.valueOf(40), "2025-01-03");
        api.release(expired);
        lots.changeStatus(lotId(expired), LotStatus.EXPIRED, "Expiration date reached");
        // shipped in full: no loss, archived or not
        String used = api.createLot(sku, BigDecimal.valueOf(10), "2025-01-04");
        api.release(used);
        lots.changeStatus(lotId(used), LotStatus.DEPLETED, "All stock shipped or consumed");

        JsonNode before = losses(sku);
        assertThat(before.findValuesAsText("status")).containsExactly("EXPIRED", "REJECTED");

        for (String lot : new String[] {rejected, expired, used}) {
            lots.changeStatus(lotId(lot), LotStatus.ARCHIVED, "Retention over, no open claims");
        }
        assertThat(jdbc.queryForObject("SELECT archived_from FROM lot WHERE lot_number = ?", String.class, rejected))
                .isEqualTo("REJECTED");

        JsonNode after = losses(sku);
        assertThat(after).as("the losses as they were before archiving").isEqualTo(before);
        JsonNode rejectedLine = after.get(1);
        assertThat(rejectedLine.get("status").asText()).isEqualTo("REJECTED");
        assertThat(rejectedLine.get("lots").asLong()).isEqualTo(1);
        assertThat(rejectedLine.get("disposed").decimalValue()).isEqualByComparingTo("100");
        assertThat(rejectedLine.get("onHand").decimalValue()).isEqualByComparingTo("0");
        JsonNode expiredLine = after.get(0);
        assertThat(expiredLine.get("status").asText()).isEqualTo("EXPIRED");
        assertThat(expiredLine.get("onHand").decimalValue()).isEqualByComparingTo("40");
        // the CSV says the same
        String csv = api.call("tom", "tom", org.springframework.http.HttpMethod.GET, "/api/reports/cost-impact?sku="
                + sku, null, "text/csv").text();
        assertThat(csv).contains(sku + ",drums,REJECTED,1,0.000,100.000");
    }
}
