package org.lotflow.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Audit 29 F2 and its addendum: a lot's status, a shipment line (customer, quantity) and a lab result (value) edited in
 * the database are named by {@code /api/audit/verify} (table, key, field, recorded, found), every one of them, and the
 * ship gate refuses a lot whose status disagrees with its trail. Every row edited is restored in a finally block:
 * other tests' checks stay intact.
 */
@ApiTest
class BusinessRecordsApiTest {

    @Autowired
    TestClient api;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyRecordEditedInTheDatabaseIsNamedByTheCheck() {
        String sku = api.createProduct("BRW");
        String lot = api.releasedLot(sku, new BigDecimal("100"), "2025-01-10");
        String order = "SO-BRW-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("tom", "/api/orders", Map.of("orderNumber", order, "customer", "Precision Parts Co.", "sku",
                sku, "quantity", 65)).status()).isEqualTo(201);
        assertThat(api.post("tom", "/api/orders/" + order + "/shipments", Map.of("carrier", "DHL")).status())
                .isEqualTo(201);
        long lotId = jdbc.queryForObject("SELECT id FROM lot WHERE lot_number = ?", Long.class, lot);
        Map<String, Object> shipment = jdbc.queryForMap("SELECT id, customer, quantity FROM shipment WHERE lot_id = ?",
                lotId);
        Map<String, Object> lab = jdbc.queryForMap("SELECT id, result FROM lab_result WHERE lot_id = ? AND test ="
                + " 'viscosity'", lotId);
        String status = jdbc.queryForObject("SELECT status FROM lot WHERE id = ?", String.class, lotId);
        assertThat(status).isEqualTo("RELEASED");
        assertThat(namedFor(lot, api.get("jennifer", "/api/audit/verify").json())).isEmpty();

        jdbc.update("UPDATE lot SET status = 'QUARANTINE' WHERE id = ?", lotId);
        jdbc.update("UPDATE shipment SET customer = 'Nobody Ltd', quantity = 5 WHERE id = ?", shipment.get("id"));
        jdbc.update("UPDATE lab_result SET result = 262 WHERE id = ?", lab.get("id"));
        try {
            JsonNode v = api.get("jennifer", "/api/audit/verify").json();
            assertThat(v.get("intact").asBoolean()).as(v.toString()).isFalse();
            assertThat(v.at("/records/disagreeing").asLong()).isGreaterThanOrEqualTo(4);
            assertThat(namedFor(lot, v)).contains(
                    "lot|lot " + lot + "|status|RELEASED|QUARANTINE",
                    "shipment|shipment " + shipment.get("id") + " (lot " + lot + ", order " + order
                            + ")|customer|Precision Parts Co.|Nobody Ltd",
                    "shipment|shipment " + shipment.get("id") + " (lot " + lot + ", order " + order + ")|quantity|65|5",
                    "lab_result|lab_result " + lab.get("id") + " (lot " + lot + ", round 1, test viscosity)|value|"
                            + ((BigDecimal) lab.get("result")).stripTrailingZeros().toPlainString() + "|262");
            // the record of checks says it too
            assertThat(jdbc.queryForObject("SELECT problem FROM audit_check WHERE checked_by = 'jennifer' ORDER BY id"
                    + " DESC FETCH FIRST 1 ROWS ONLY", String.class)).contains("disagree with the audit trail");
        } finally {
            jdbc.update("UPDATE lot SET status = ? WHERE id = ?", status, lotId);
            jdbc.update("UPDATE shipment SET customer = ?, quantity = ? WHERE id = ?", shipment.get("customer"),
                    shipment.get("quantity"), shipment.get("id"));
            jdbc.update("UPDATE lab_result SET result = ? WHERE id = ?", lab.get("result"), lab.get("id"));
        }
        assertThat(namedFor(lot, api.get("jennifer", "/api/audit/verify").json())).isEmpty();
    }

    @Test
    void aShipmentLineDeletedAndALotWithoutItsTrailAreNamed() {
        String sku = api.createProduct("BRD");
        String lot = api.releasedLot(sku, new BigDecimal("100"), "2025-01-10");
        String order = "SO-BRD-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("tom", "/api/orders", Map.of("orderNumber", order, "customer", "Acme Corp", "sku", sku,
                "quantity", 10)).status()).isEqualTo(201);
        assertThat(api.post("tom", "/api/orders/" + order + "/shipments", Map.of()).status()).isEqualTo(201);
        Map<String, Object> line = jdbc.queryForMap("SELECT * FROM shipment WHERE lot_id = (SELECT id FROM lot WHERE"
                + " lot_number = ?)", lot);
        jdbc.update("DELETE FROM shipment WHERE id = ?", line.get("id"));
        try {
            JsonNode v = api.get("jennifer", "/api/audit/verify").json();
            assertThat(v.get("intact").asBoolean()).isFalse();
            assertThat(namedFor(lot, v)).anySatisfy(d -> assertThat(d).startsWith("shipment|lot " + lot + ", order "
                    + order + " (SHIPPED event ").endsWith("|row|Acme Corp, 10 shipped 2025-01-28|(no shipment line:"
                            + " it was deleted or moved)"));
        } finally {
            jdbc.update("INSERT INTO shipment (id, order_id, lot_id, customer, quantity, shipped_at, carrier, created_at,"
                    + " created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", line.get("ID"), line.get("ORDER_ID"),
                    line.get("LOT_ID"), line.get("CUSTOMER"), line.get("QUANTITY"), line.get("SHIPPED_AT"),
                    line.get("CARRIER"), line.get("CREATED_AT"), line.get("CREATED_BY"));
        }
        assertThat(namedFor(lot, api.get("jennifer", "/api/audit/verify").json())).isEmpty();
    }

    /** A held lot made RELEASED in the database does not ship: 409, and nothing ships. */
    @Test
    void aLotWhoseStatusDisagreesWithItsTrailDoesNotShip() {
        String sku = api.createProduct("BRS");
        String lot = api.releasedLot(sku, new BigDecimal("100"), "2025-01-10");
        String order = "SO-BRS-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("tom", "/api/orders", Map.of("orderNumber", order, "customer", "Acme Corp", "sku", sku,
                "quantity", 10)).status()).isEqualTo(201);
        assertThat(api.post("jennifer", "/api/lots/" + lot + "/holds", Map.of("reason", "Haze complaint",
                "source", "COMPLAINT")).status()).isEqualTo(202);
        assertThat(jdbc.queryForObject("SELECT status FROM lot WHERE lot_number = ?", String.class, lot))
                .isEqualTo("QUARANTINE");
        jdbc.update("UPDATE lot SET status = 'RELEASED' WHERE lot_number = ?", lot);
        try {
            TestClient.Response shipped = api.post("tom", "/api/orders/" + order + "/shipments", Map.of());
            assertThat(shipped.status()).as(shipped.toString()).isEqualTo(409);
            assertThat(shipped.json().get("detail").asText()).contains("lot " + lot + "'s record disagrees with its"
                    + " audit trail", "its trail says QUARANTINE", "QA must check /api/audit/verify");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM shipment WHERE lot_id = (SELECT id FROM lot WHERE"
                    + " lot_number = ?)", Long.class, lot)).isZero();
        } finally {
            jdbc.update("UPDATE lot SET status = 'QUARANTINE' WHERE lot_number = ?", lot);
        }
        assertThat(namedFor(lot, api.get("jennifer", "/api/audit/verify").json())).isEmpty();
    }

    /** The disagreements the check names for this lot, each as table|key|field|recorded|found. */
    private static List<String> namedFor(String lot, JsonNode verification) {
        List<String> named = new ArrayList<>();
        verification.at("/records/first").forEach(d -> {
            if (lot.equals(d.path("lotNumber").asText())) {
                named.add(d.get("table").asText() + "|" + d.get("key").asText() + "|" + d.get("field").asText() + "|"
                        + d.get("recorded").asText() + "|" + d.get("found").asText());
            }
        });
        return named;
    }
}
