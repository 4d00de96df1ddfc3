package org.lotflow.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lotflow.lot.LotService;
import org.lotflow.lot.LotStatus;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@ApiTest
class ReportApiTest {

    @Autowired
    TestClient api;
    @Autowired
    LotService lotService;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void fefoReportListsLotsInAllocationOrderWithTheNextLotToAllocate() {
        String sku = api.createProduct("RPT");
        String oldest = api.releasedLot(sku, new java.math.BigDecimal("500"), "2024-11-15");
        String middle = api.releasedLot(sku, new java.math.BigDecimal("500"), "2024-12-03");
        String newest = api.releasedLot(sku, new java.math.BigDecimal("500"), "2025-01-08");
        lotService.changeStatus(jdbc.queryForObject("SELECT id FROM lot WHERE lot_number = ?", Long.class, oldest),
                LotStatus.QUARANTINE, "Customer complaint");
        assertThat(api.post("tom", "/api/orders", Map.of("orderNumber", "SO-RPT-" + sku, "customer", "Acme",
                "sku", sku, "quantity", 75)).status()).isEqualTo(201);

        JsonNode report = api.get("tom", "/api/reports/fefo?sku=" + sku).json();
        assertThat(report.get("lots").findValuesAsText("lotNumber")).containsExactly(oldest, middle, newest);
        assertThat(report.get("nextToAllocate").asText()).isEqualTo(middle);
        JsonNode first = report.get("lots").get(0);
        assertThat(first.get("status").asText()).isEqualTo("QUARANTINE");
        assertThat(first.get("allocatable").asBoolean()).isFalse();
        assertThat(first.get("action").asText()).contains("Hold");
        assertThat(first.get("monthsRemaining").decimalValue()).isEqualByComparingTo("21.6");
        assertThat(report.get("lots").get(1).get("available").decimalValue()).isEqualByComparingTo("425");
        assertThat(report.get("lots").get(1).get("action").asText()).contains("NEXT TO ALLOCATE");
        assertThat(report.get("allocatableQuantity").decimalValue()).isEqualByComparingTo("925");

        JsonNode compliance = api.get("tom", "/api/reports/fefo-compliance?sku=" + sku).json();
        assertThat(compliance.get("allocations").asInt()).isEqualTo(1);
        assertThat(compliance.get("fefoSharePercent").decimalValue()).isEqualByComparingTo("100");
        assertThat(compliance.get("overrides")).isEmpty();
    }

    @Test
    void badParametersAreRefused() {
        assertBad(api.get("tom", "/api/reports/fefo"));
        assertBad(api.get("tom", "/api/reports/fefo?sku=NOPE-NOPE"));
        assertBad(api.get("tom", "/api/reports/fefo-compliance?sku="));
        assertBad(api.get("tom", "/api/reports/fefo-compliance?sku=NOPE-NOPE"));
        assertBad(api.get("tom", "/api/reports/expiring?days=-1"));
        assertBad(api.get("tom", "/api/reports/expiring?days=abc"));
        assertBad(api.get("tom", "/api/reports/expiring?days=99999"));
        assertThat(api.get("tom", "/api/reports/expiring").status()).isEqualTo(200);
        assertThat(api.get("tom", "/api/reports/expiring").json().get("days").asInt()).isEqualTo(90);
    }

    private static void assertBad(Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.isProblem()).as(r.toString()).isTrue();
    }
}
