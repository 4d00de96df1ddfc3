package org.lotflow.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lotflow.order.AllocationReports;
import org.lotflow.support.PostgresApiTest;
import org.lotflow.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reports' SQL on real PostgreSQL (issue #13): V97's indexes built CONCURRENTLY by Flyway, the optional
 * filters ({@code CAST(:x AS BIGINT) IS NULL}), id arrays ({@code = ANY(:ids)}), {@code FETCH FIRST :limit},
 * the derived tables of the grouped aggregates, and a past day's inventory taken back from the history.
 */
@PostgresApiTest
class PostgresReportsIT {

    @Autowired
    TestClient api;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AllocationReports allocationReports;

    @Test
    void reportsOnPostgres() {
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM pg_indexes WHERE indexname IN ('ix_lot_event_type_at',"
                + " 'ix_lot_created_at', 'ix_lab_result_recorded_at', 'ix_allocation_created_at',"
                + " 'ix_allocation_closed_at', 'ix_shipment_created_at')", Integer.class)).isEqualTo(6);
        String sku = api.createProduct("PGR", "kg"); // 250.5: a measure (drums are counted whole)
        String a = api.createLot(sku, new BigDecimal("500"), "2025-01-10");
        String b = api.createLot(sku, new BigDecimal("250.5"), "2025-01-20");
        api.release(a);
        assertThat(api.post("sarah", "/api/lots/" + b + "/lab-results", Map.of("results",
                List.of(Map.of("test", "viscosity", "value", 260), Map.of("test", "flashPoint", "value", 225))))
                .status()).isEqualTo(200);
        assertThat(api.post("tom", "/api/orders", Map.of("orderNumber", "SO-PGR-" + sku, "customer", "Acme",
                "sku", sku, "quantity", 100)).status()).isEqualTo(201);
        assertThat(api.post("tom", "/api/orders/SO-PGR-" + sku + "/shipments", Map.of()).status()).isEqualTo(201);
        Long idA = jdbc.queryForObject("SELECT id FROM lot WHERE lot_number = ?", Long.class, a);
        jdbc.update("UPDATE lot SET created_at = ? WHERE id = ?", Timestamp.from(Instant.parse("2025-01-27T20:00:00Z")),
                idA);

        JsonNode today = api.get("tom", "/api/reports/daily?date=2025-01-28&sku=" + sku).json();
        assertThat(today.get("lotsCreated").asInt()).isEqualTo(1);
        assertThat(today.get("labRoundsTested").asInt()).isEqualTo(2);
        assertThat(today.get("labPassRate").decimalValue()).isEqualByComparingTo("50.0");
        assertThat(today.get("ordersAllocated").asInt()).isEqualTo(1);
        assertThat(today.get("activeLots").asLong()).isEqualTo(2);
        assertThat(today.get("totalInventory").decimalValue()).isEqualByComparingTo("650.5");
        assertThat(today.get("availableInventory").decimalValue()).isEqualByComparingTo("400");
        JsonNode yesterday = api.get("tom", "/api/reports/daily?date=2025-01-27&sku=" + sku).json();
        assertThat(yesterday.get("activeLots").asLong()).isEqualTo(1);
        assertThat(yesterday.get("totalInventory").decimalValue()).isEqualByComparingTo("500");
        assertThat(yesterday.get("availableInventory").decimalValue()).as("A was still pending").isEqualByComparingTo("0");
        assertThat(api.get("tom", "/api/reports/daily?date=2025-01-28").status()).isEqualTo(200);

        JsonNode history = api.get("sarah", "/api/reports/quality-history?sku=" + sku + "&from=2025-01-01&size=1")
                .json();
        assertThat(history.get("truncated").asBoolean()).isTrue();
        assertThat(history.get("values")).hasSize(2);
        assertThat(api.get("jennifer", "/api/reports/quality-trend?sku=" + sku).json().get("tests")).hasSize(2);
        assertThat(api.get("jennifer", "/api/reports/complaints").status()).isEqualTo(200);
        assertThat(api.get("rachel", "/api/reports/recall-impact").status()).isEqualTo(200);
        JsonNode aging = api.get("tom", "/api/reports/inventory-aging?sku=" + sku).json().get("products").get(0);
        assertThat(aging.get("onHand").decimalValue()).isEqualByComparingTo("650.5");
        assertThat(api.get("tom", "/api/reports/rotation").status()).isEqualTo(200);
        assertThat(api.get("tom", "/api/reports/cost-impact?from=2020-01-01&to=2030-01-01").status()).isEqualTo(200);
        String csv = api.call("tom", "tom", HttpMethod.GET, "/api/reports/inventory-aging?sku=" + sku, null,
                "text/csv").text();
        assertThat(csv).startsWith("sku,unit,dimension,bucket,lots,onHand,available\r\n" + sku + ",kg,age,0-29,2,650.500,");

        // the paged reports' keyset (row-value comparison after the cursor) and V107's generated column
        JsonNode fefo1 = api.get("tom", "/api/reports/fefo?sku=" + sku + "&size=1").json();
        assertThat(fefo1.get("lots").findValuesAsText("lotNumber")).containsExactly(a);
        assertThat(fefo1.get("nextToAllocate").asText()).isEqualTo(a);
        assertThat(fefo1.get("allocatableQuantity").decimalValue()).isEqualByComparingTo("400");
        JsonNode fefo2 = api.get("tom", "/api/reports/fefo?sku=" + sku + "&size=1&cursor="
                + fefo1.get("nextCursor").asText()).json();
        assertThat(fefo2.get("lots").findValuesAsText("lotNumber")).containsExactly(b);
        assertThat(fefo2.get("lots").get(0).get("position").asInt()).isEqualTo(2);
        assertThat(fefo2.hasNonNull("nextCursor")).isFalse();
        JsonNode exp1 = api.get("tom", "/api/reports/expiring?days=3650&sku=" + sku + "&size=1").json();
        JsonNode exp2 = api.get("tom", "/api/reports/expiring?days=3650&sku=" + sku + "&size=1&cursor="
                + exp1.get("nextCursor").asText()).json();
        assertThat(List.of(exp1.get("lots").get(0).get("lotNumber").asText(),
                exp2.get("lots").get(0).get("lotNumber").asText())).containsExactly(a, b);
        assertThat(api.get("tom", "/api/reports/expiring?days=3650&size=2").json().get("lots")).hasSize(2);
    }

    /**
     * V119's per-day tally is kept by the database in step with the allocations (insert, Hibernate's full-row
     * update on shipping, a moved time, a delete), and FEFO compliance over a period with partial first and last
     * days counts exactly what the allocations themselves count.
     */
    @Test
    void allocationDayTallyKeepsStepWithTheAllocations() {
        String sku = api.createProduct("PGT");
        api.releasedLot(sku, new BigDecimal("1000"), "2025-01-10");
        for (int i = 1; i <= 4; i++) {
            assertThat(api.post("tom", "/api/orders", Map.of("orderNumber", "SO-PGT-" + i + "-" + sku, "customer",
                    "Acme", "sku", sku, "quantity", 10 * i)).status()).isEqualTo(201);
        }
        assertThat(api.post("tom", "/api/orders/SO-PGT-1-" + sku + "/shipments", Map.of()).status()).isEqualTo(201);
        Long productId = jdbc.queryForObject("SELECT id FROM product WHERE sku = ?", Long.class, sku);
        List<Long> ids = jdbc.queryForList("SELECT id FROM allocation WHERE product_id = ? ORDER BY id", Long.class,
                productId);
        assertThat(ids).hasSize(4);
        jdbc.update("UPDATE allocation SET created_at = ? WHERE id = ?",
                Timestamp.from(Instant.parse("2025-01-05T23:30:00Z")), ids.get(0));
        jdbc.update("UPDATE allocation SET created_at = ?, fefo = FALSE WHERE id = ?",
                Timestamp.from(Instant.parse("2025-01-06T01:00:00Z")), ids.get(1));
        jdbc.update("UPDATE allocation SET created_at = ? WHERE id = ?",
                Timestamp.from(Instant.parse("2025-01-07T10:00:00Z")), ids.get(2));
        jdbc.update("DELETE FROM allocation WHERE id = ?", ids.get(3));

        String tally = "SELECT allocation_day, fefo, allocations, quantity FROM allocation_day_tally"
                + " WHERE product_id = ? AND allocations > 0 ORDER BY allocation_day, fefo";
        String raw = "SELECT (created_at AT TIME ZONE 'UTC')::date AS allocation_day, fefo, COUNT(*) AS allocations,"
                + " SUM(quantity) AS quantity FROM allocation WHERE product_id = ? GROUP BY 1, 2 ORDER BY 1, 2";
        assertThat(jdbc.queryForList(tally, productId)).isEqualTo(jdbc.queryForList(raw, productId)).hasSize(3);

        AllocationReports.Split all = allocationReports.split(productId, null, null);
        assertThat(all.fefoAllocations()).isEqualTo(2);
        assertThat(all.fefoQuantity()).isEqualByComparingTo("40");
        assertThat(all.overrideAllocations()).isEqualTo(1);
        assertThat(all.overrideQuantity()).isEqualByComparingTo("20");
        // a Chicago plant's days: 06:00 UTC to 06:00 UTC, so both ends are partial days read from the allocations
        AllocationReports.Split period = allocationReports.split(productId, Instant.parse("2025-01-05T06:00:00Z"),
                Instant.parse("2025-01-07T06:00:00Z"));
        assertThat(period.fefoAllocations()).isEqualTo(1);
        assertThat(period.fefoQuantity()).isEqualByComparingTo("10");
        assertThat(period.overrideAllocations()).isEqualTo(1);
        AllocationReports.Split lastDay = allocationReports.split(productId, Instant.parse("2025-01-07T06:00:00Z"),
                Instant.parse("2025-01-08T06:00:00Z"));
        assertThat(lastDay.fefoAllocations()).isEqualTo(1);
        assertThat(lastDay.fefoQuantity()).isEqualByComparingTo("30");
    }
}
