package org.lotflow.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lotflow.support.PostgresApiTest;
import org.lotflow.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The audit trail on PostgreSQL (issue #16): the database itself refuses to change or remove lot events, their
 * seals and the record of checks (V111's triggers), whoever asks; and when the owner takes a trigger away to edit
 * an event, the chain names the event. A product's specification and master data are refused alike (V193), and the
 * shipment ledger and lab results (V213; audit 29 F2).
 */
@PostgresApiTest
class PostgresAuditTrailIT {

    @Autowired
    TestClient api;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theDatabaseRefusesToChangeTheAuditTrail() {
        String lot = api.releasedLot(api.createProduct("PGAUD"), new BigDecimal("20"), "2025-01-10");
        assertThat(api.get("jennifer", "/api/audit/verify").json().get("intact").asBoolean()).isTrue();
        Long event = jdbc.queryForObject("SELECT MIN(e.id) FROM lot_event e JOIN lot l ON l.id = e.lot_id"
                + " WHERE l.lot_number = ?", Long.class, lot);
        for (String sql : new String[] {"UPDATE lot_event SET reason = 'edited' WHERE id = " + event,
                "DELETE FROM lot_event WHERE id = " + event, "TRUNCATE lot_event CASCADE",
                "UPDATE audit_seal SET hash = 'x' WHERE event_id = " + event,
                "DELETE FROM audit_seal WHERE event_id = " + event, "TRUNCATE audit_seal",
                "DELETE FROM audit_check", "TRUNCATE audit_check",
                // the security trail too (auditor 2026-12-05 F14)
                "UPDATE security_event SET detail = 'edited'", "DELETE FROM security_event",
                "TRUNCATE security_event"}) {
            assertThatThrownBy(() -> jdbc.execute(sql)).as(sql).rootCause().hasMessageContaining("the audit trail is append-only");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lot_event WHERE id = ?", Long.class, event)).isOne();
    }

    /**
     * Sig28 M1 (21 CFR 11.10(a), (c), (e); EU GMP Annex 11 §9): a product's specification and GMP fields are never
     * changed or removed in place (V193's triggers); the owner who takes a trigger away to widen a limit is named by
     * the audit check (the lot's CREATED no longer matches its product's fingerprint).
     */
    @Test
    void theDatabaseRefusesToChangeAProductsSpecificationAndMasterData() {
        String sku = api.createProduct("PGSPEC");
        String lot = api.releasedLot(sku, new BigDecimal("20"), "2025-01-10");
        long product = jdbc.queryForObject("SELECT id FROM product WHERE sku = ?", Long.class, sku);
        for (String sql : new String[] {
                "UPDATE product_spec SET max_value = 300 WHERE product_id = " + product + " AND test = 'viscosity'",
                "DELETE FROM product_spec WHERE product_id = " + product, "TRUNCATE product_spec",
                "UPDATE product SET unit = 'kg' WHERE id = " + product,
                "UPDATE product SET shelf_life_months = 60 WHERE id = " + product,
                "UPDATE product SET lot_number_pattern = 'X-{yyyy}-{seq:3}' WHERE id = " + product,
                "UPDATE product SET serialised = TRUE WHERE id = " + product,
                "DELETE FROM product WHERE id = " + product}) {
            assertThatThrownBy(() -> jdbc.execute(sql)).as(sql).rootCause()
                    .hasMessageContaining("GMP master data and specification are never changed in place");
        }
        assertThat(jdbc.queryForObject("SELECT max_value FROM product_spec WHERE product_id = ? AND test = 'viscosity'",
                BigDecimal.class, product)).isEqualByComparingTo("255");

        Long created = jdbc.queryForObject("SELECT e.id FROM lot_event e JOIN lot l ON l.id = e.lot_id"
                + " WHERE l.lot_number = ? AND e.type = 'CREATED'", Long.class, lot);
        assertThat(api.get("jennifer", "/api/audit/verify").json().get("intact").asBoolean()).isTrue();
        jdbc.execute("ALTER TABLE product_spec DISABLE TRIGGER product_spec_unchanged");
        try {
            jdbc.update("UPDATE product_spec SET max_value = 300 WHERE product_id = ? AND test = 'viscosity'", product);
            JsonNode v = api.get("jennifer", "/api/audit/verify").json();
            assertThat(v.get("intact").asBoolean()).isFalse();
            assertThat(v.at("/firstBroken/eventId").asLong()).isEqualTo(created);
            assertThat(v.at("/firstBroken/lotNumber").asText()).isEqualTo(lot);
            jdbc.update("UPDATE product_spec SET max_value = 255 WHERE product_id = ? AND test = 'viscosity'", product);
        } finally {
            jdbc.execute("ALTER TABLE product_spec ENABLE TRIGGER product_spec_unchanged");
        }
        assertThat(api.get("jennifer", "/api/audit/verify").json().get("intact").asBoolean()).isTrue();
    }

    @Test
    void anEventEditedBehindTheTriggersIsNamed() {
        String lot = api.releasedLot(api.createProduct("PGAUDX"), new BigDecimal("20"), "2025-01-10");
        api.get("jennifer", "/api/audit/verify");
        Long event = jdbc.queryForObject("SELECT e.id FROM lot_event e JOIN lot l ON l.id = e.lot_id"
                + " WHERE l.lot_number = ? AND e.new_status = 'RELEASED'", Long.class, lot);
        String reason = jdbc.queryForObject("SELECT reason FROM lot_event WHERE id = ?", String.class, event);
        jdbc.execute("ALTER TABLE lot_event DISABLE TRIGGER lot_event_append_only");
        try {
            jdbc.update("UPDATE lot_event SET reason = 'approved without lab results' WHERE id = ?", event);
            JsonNode v = api.get("jennifer", "/api/audit/verify").json();
            assertThat(v.get("intact").asBoolean()).isFalse();
            assertThat(v.at("/firstBroken/eventId").asLong()).isEqualTo(event);
            assertThat(v.at("/firstBroken/lotNumber").asText()).isEqualTo(lot);
            jdbc.update("UPDATE lot_event SET reason = ? WHERE id = ?", reason, event);
        } finally {
            jdbc.execute("ALTER TABLE lot_event ENABLE TRIGGER lot_event_append_only");
        }
        assertThat(api.get("jennifer", "/api/audit/verify").json().get("intact").asBoolean()).isTrue();
    }

    /**
     * Re-test N3 on PostgreSQL: an SQL edit of what a disposition or an override decision signed ({@code lot_hold},
     * {@code sales_order}, tables that are not append-only) changes neither what the lot and order show nor passes the
     * audit check, which names the table, the row and the column (timestamps as PostgreSQL keeps them, JSON numbers).
     */
    @Test
    void anSqlEditOfWhatWasSignedIsNamedByTheCheck() {
        String sku = api.createProduct("PGSIG");
        api.secondQaManager();
        String older = api.releasedLot(sku, new BigDecimal("50"), "2024-08-01");
        String lot = api.releasedLot(sku, new BigDecimal("50"), "2025-01-05");
        String requested = api.releasedLot(sku, new BigDecimal("50"), "2025-01-10");
        assertThat(older).isNotNull();
        assertThat(api.post("jennifer", "/api/lots/" + lot + "/holds", java.util.Map.of("reason",
                "Dark colour reported")).status()).isEqualTo(202);
        JsonNode tasks = api.get("sarah", "/engine-rest/task?processInstanceBusinessKey=" + lot
                + "&taskDefinitionKey=investigateLot").json();
        assertThat(api.post("sarah", "/engine-rest/task/" + tasks.get(0).get("id").asText() + "/submit-form",
                java.util.Map.of("variables", java.util.Map.of("findings", java.util.Map.of("value",
                        "Retained sample within specification"), "rootCause", java.util.Map.of("value",
                                "Customer storage")))).status()).isEqualTo(204);
        TestClient.Response signed = api.post("jennifer", "/api/lots/" + lot + "/disposition", java.util.Map.of(
                "decision", "RELEASE", "justification", "Colour within specification", "password", "jennifer"));
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        api.executeJobs();
        String orderNumber = "SO-PGSIG-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(api.post("tom", "/api/orders", java.util.Map.of("orderNumber", orderNumber, "customer",
                "Precision Parts Co.", "sku", sku, "quantity", 10, "requestedLot", requested, "requestReason",
                "Customer qualified its line on this lot")).status()).isEqualTo(201);
        JsonNode approve = api.get("anna", "/engine-rest/task?processInstanceBusinessKey=" + orderNumber
                + "&taskDefinitionKey=approveOverride").json();
        assertThat(api.post("anna", "/engine-rest/task/" + approve.get(0).get("id").asText() + "/complete",
                java.util.Map.of("variables", java.util.Map.of("approved", java.util.Map.of("value", true), "comment",
                        java.util.Map.of("value", "Customer qualified this lot only")))).status()).isEqualTo(204);
        api.executeJobs();
        JsonNode intact = api.get("jennifer", "/api/audit/verify").json();
        assertThat(intact.get("intact").asBoolean()).as(intact.toString()).isTrue();

        java.util.Map<String, Object> hold = jdbc.queryForMap("SELECT id, justification, closed_at FROM lot_hold"
                + " WHERE lot_id = (SELECT id FROM lot WHERE lot_number = ?)", lot);
        jdbc.update("UPDATE lot_hold SET justification = 'Forged', closed_at = placed_at WHERE id = ?",
                hold.get("id"));
        try {
            JsonNode disposition = api.get("tom", "/api/lots/" + lot).json().at("/investigation/disposition");
            assertThat(disposition.get("justification").asText()).isEqualTo("Colour within specification");
            assertThat(disposition.get("signedBy").asText()).isEqualTo("jennifer");
            JsonNode v = api.get("jennifer", "/api/audit/verify").json();
            assertThat(v.get("intact").asBoolean()).isFalse();
            assertThat(v.at("/firstBroken/lotNumber").asText()).isEqualTo(lot);
            assertThat(v.at("/firstBroken/signedRecord/table").asText()).isEqualTo("lot_hold");
            assertThat(v.at("/firstBroken/signedRecord/key").asText()).isEqualTo("id " + hold.get("id"));
            assertThat(v.at("/firstBroken/signedRecord/field").asText()).isEqualTo("closed_at");
            jdbc.update("UPDATE lot_hold SET closed_at = ? WHERE id = ?", hold.get("closed_at"), hold.get("id"));
            assertThat(api.get("jennifer", "/api/audit/verify").json().at("/firstBroken/signedRecord/field")
                    .asText()).isEqualTo("justification");
        } finally {
            jdbc.update("UPDATE lot_hold SET justification = ?, closed_at = ? WHERE id = ?",
                    hold.get("justification"), hold.get("closed_at"), hold.get("id"));
        }
        Object at = jdbc.queryForObject("SELECT override_decision_at FROM sales_order WHERE order_number = ?",
                Object.class, orderNumber);
        jdbc.update("UPDATE sales_order SET override_decision_at = override_decision_at - INTERVAL '1 hour'"
                + " WHERE order_number = ?", orderNumber);
        try {
            JsonNode v = api.get("jennifer", "/api/audit/verify").json();
            assertThat(v.get("intact").asBoolean()).isFalse();
            assertThat(v.at("/firstBroken/signedRecord/table").asText()).isEqualTo("sales_order");
            assertThat(v.at("/firstBroken/signedRecord/key").asText()).isEqualTo("order_number " + orderNumber);
            assertThat(v.at("/firstBroken/signedRecord/field").asText()).isEqualTo("override_decision_at");
        } finally {
            jdbc.update("UPDATE sales_order SET override_decision_at = ? WHERE order_number = ?", at, orderNumber);
        }
        JsonNode again = api.get("jennifer", "/api/audit/verify").json();
        assertThat(again.get("intact").asBoolean()).as(again.toString()).isTrue();
    }

    /** Audit 29 F2: shipment lines and lab results are never changed in place (V213); edited behind it, verify names it. */
    @Test
    void theDatabaseRefusesToChangeAShipmentLineOrALabResult() {
        String sku = api.createProduct("PGSHIP");
        String lot = api.releasedLot(sku, new BigDecimal("20"), "2025-01-10");
        String order = "SO-PGSHIP-" + System.nanoTime();
        assertThat(api.post("tom", "/api/orders", java.util.Map.of("orderNumber", order, "customer",
                "Precision Parts Co.", "sku", sku, "quantity", 5)).status()).isEqualTo(201);
        assertThat(api.post("tom", "/api/orders/" + order + "/shipments", java.util.Map.of()).status()).isEqualTo(201);
        long lotId = jdbc.queryForObject("SELECT id FROM lot WHERE lot_number = ?", Long.class, lot);
        long shipment = jdbc.queryForObject("SELECT id FROM shipment WHERE lot_id = ?", Long.class, lotId);
        for (String sql : new String[] {
                "UPDATE shipment SET customer = 'Nobody Ltd' WHERE id = " + shipment,
                "UPDATE shipment SET quantity = 1 WHERE id = " + shipment,
                "DELETE FROM shipment WHERE id = " + shipment, "TRUNCATE shipment CASCADE",
                "UPDATE lab_result SET result = 262 WHERE lot_id = " + lotId,
                "UPDATE lab_result SET passed = FALSE WHERE lot_id = " + lotId,
                "DELETE FROM lab_result WHERE lot_id = " + lotId, "TRUNCATE lab_result"}) {
            assertThatThrownBy(() -> jdbc.execute(sql)).as(sql).rootCause()
                    .hasMessageContaining("shipment lines and lab results are never changed in place");
        }
        assertThat(jdbc.queryForObject("SELECT customer FROM shipment WHERE id = ?", String.class, shipment))
                .isEqualTo("Precision Parts Co.");

        JsonNode before = api.get("jennifer", "/api/audit/verify").json();
        assertThat(before.at("/records/disagreeing").asLong()).as(before.toString()).isZero();
        jdbc.execute("ALTER TABLE shipment DISABLE TRIGGER shipment_unchanged");
        try {
            jdbc.update("UPDATE shipment SET customer = 'Nobody Ltd' WHERE id = ?", shipment);
            JsonNode v = api.get("jennifer", "/api/audit/verify").json();
            assertThat(v.get("intact").asBoolean()).isFalse();
            assertThat(v.at("/records/first/0/key").asText()).isEqualTo("shipment " + shipment + " (lot " + lot
                    + ", order " + order + ")");
            assertThat(v.at("/records/first/0/recorded").asText()).isEqualTo("Precision Parts Co.");
            assertThat(v.at("/records/first/0/found").asText()).isEqualTo("Nobody Ltd");
            jdbc.update("UPDATE shipment SET customer = 'Precision Parts Co.' WHERE id = ?", shipment);
        } finally {
            jdbc.execute("ALTER TABLE shipment ENABLE TRIGGER shipment_unchanged");
        }
        assertThat(api.get("jennifer", "/api/audit/verify").json().at("/records/disagreeing").asLong()).isZero();
    }
}
