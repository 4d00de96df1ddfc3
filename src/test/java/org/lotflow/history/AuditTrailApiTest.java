package org.lotflow.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tamper-evident audit trail (issue #16) on H2: the chain verifies, names an event edited in the database and a
 * seal deleted, is checked as QA managers and administrators only, and shows in health details and a gauge.
 */
@ApiTest
class AuditTrailApiTest {

    @Autowired
    TestClient api;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditTrail audit;

    @Test
    void theChainVerifiesAndGrowsWithEveryEvent() {
        JsonNode first = api.get("jennifer", "/api/audit/verify").json();
        assertThat(first.get("intact").asBoolean()).as(first.toString()).isTrue();
        assertThat(first.get("lastHash").asText()).matches("[0-9a-f]{64}");
        assertThat(first.get("checkedBy").asText()).isEqualTo("jennifer");
        long before = first.get("events").asLong();

        String lot = api.releasedLot(api.createProduct("AUD"), new BigDecimal("100"), "2025-01-10");
        long lotEvents = jdbc.queryForObject("SELECT COUNT(*) FROM lot_event e JOIN lot l ON l.id = e.lot_id"
                + " WHERE l.lot_number = ?", Long.class, lot);
        JsonNode after = api.get("demo", "/api/audit/verify").json();
        assertThat(after.get("intact").asBoolean()).isTrue();
        assertThat(after.get("events").asLong()).isGreaterThanOrEqualTo(before + lotEvents);
        assertThat(after.get("events").asLong()).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM lot_event",
                Long.class));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_check WHERE checked_by = 'demo' AND intact",
                Long.class)).isPositive();
    }

    /**
     * Auditor 2026-12-06 G4: the history read its events' decimals as doubles, so the lab value 999999999999.999999
     * read back as 1.0E12 and a quantity of 999999999.999 as 9.99999999999E8. Read back exactly as recorded.
     */
    @Test
    void theHistoryGivesBackEveryValueExactlyAsRecorded() {
        String sku = "AUDV-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(api.post("mike", "/api/products", Map.of("sku", sku, "name", "Exact values", "unit", "kg",
                "shelfLifeMonths", 12, "lotNumberPattern", sku + "-{yyyy}-{seq:3}", "specs", java.util.List.of(
                        Map.of("test", "x", "unit", "u")))).status()).isEqualTo(201);
        String lot = api.createLot(sku, new BigDecimal("999999999.999"), "2025-01-27");
        assertThat(api.post("sarah", "/api/lots/" + lot + "/lab-results", Map.of("results", java.util.List.of(
                Map.of("test", "x", "value", new BigDecimal("999999999999.999999"))))).status()).isEqualTo(200);
        String history = api.get("tom", "/api/lots/" + lot + "/history").text();
        assertThat(history).contains("999999999999.999999").contains("999999999.999")
                // the double forms themselves: a bare "E8" also stood in the random SKU now and then (AUDV-039F44E8)
                .doesNotContain("1.0E12").doesNotContain("9.99999999999E8");
    }

    @Test
    void onlyQaManagersAndAdministratorsVerify() {
        for (String user : new String[] {"tom", "sarah", "mike", "rachel"}) {
            TestClient.Response r = api.get(user, "/api/audit/verify");
            assertThat(r.status()).as(user).isEqualTo(403);
            assertThat(r.isProblem()).isTrue();
        }
        assertThat(api.get(null, "/api/audit/verify").status()).isEqualTo(401);
    }

    @Test
    void anEventEditedInTheDatabaseIsNamedWithItsLot() {
        String lot = api.releasedLot(api.createProduct("AUDX"), new BigDecimal("50"), "2025-01-11");
        api.get("jennifer", "/api/audit/verify");
        Map<String, Object> event = jdbc.queryForMap("SELECT e.id, e.reason FROM lot_event e JOIN lot l ON"
                + " l.id = e.lot_id WHERE l.lot_number = ? AND e.new_status = 'RELEASED'", lot);
        long id = ((Number) event.get("id")).longValue();
        // what someone with database access might try: make the release look approved by someone else
        jdbc.update("UPDATE lot_event SET user_id = 'mike', user_name = 'Mike Chen' WHERE id = ?", id);
        try {
            JsonNode broken = api.get("jennifer", "/api/audit/verify").json();
            assertThat(broken.get("intact").asBoolean()).isFalse();
            assertThat(broken.get("firstBroken").get("eventId").asLong()).isEqualTo(id);
            assertThat(broken.get("firstBroken").get("lotNumber").asText()).isEqualTo(lot);
            assertThat(broken.get("firstBroken").get("problem").asText()).contains("content was changed");

            // what the plant watches: the gauge and, for administrators, the health details
            assertThat(api.call("demo", "demo", org.springframework.http.HttpMethod.GET, "/actuator/prometheus", null,
                    "text/plain").text()).contains("lotflow_audit_chain_intact 0.0");
            JsonNode health = api.get("demo", "/actuator/health").json();
            assertThat(health.at("/components/auditTrail/details/intact").asBoolean(true)).isFalse();
            assertThat(health.at("/components/auditTrail/details/firstBroken/eventId").asLong()).isEqualTo(id);
            assertThat(api.get("tom", "/actuator/health").json().has("components")).as("no details for sales").isFalse();
            assertThat(api.get(null, "/actuator/health").json().has("components")).isFalse();
            assertThat(api.call("demo", "wrong", org.springframework.http.HttpMethod.GET, "/actuator/health", null,
                    "application/json").status()).isEqualTo(401);
        } finally {
            jdbc.update("UPDATE lot_event SET user_id = 'jennifer', user_name = 'Jennifer Lee' WHERE id = ?", id);
        }
        assertThat(api.get("jennifer", "/api/audit/verify").json().get("intact").asBoolean()).isTrue();
        assertThat(api.get("demo", "/actuator/health").json().at("/components/auditTrail/details/intact").asBoolean())
                .isTrue();
    }

    /**
     * Sig28 M1 (21 CFR 11.10(e), EU GMP Annex 11 §9): a specification limit widened in the database (on H2, where no
     * trigger refuses it), or a GMP field of the product changed, no longer gives the fingerprint the lot's chained
     * events recorded: the check names the lot's first such event, its lot and the product.
     */
    @Test
    void aSpecificationOrMasterDataEditedInTheDatabaseIsNamed() {
        String sku = api.createProduct("AUDSPEC");
        String lot = api.releasedLot(sku, new BigDecimal("20"), "2025-01-13");
        assertThat(api.get("jennifer", "/api/audit/verify").json().get("intact").asBoolean()).isTrue();
        long productId = jdbc.queryForObject("SELECT id FROM product WHERE sku = ?", Long.class, sku);
        long created = jdbc.queryForObject("SELECT e.id FROM lot_event e JOIN lot l ON l.id = e.lot_id"
                + " WHERE l.lot_number = ? AND e.type = 'CREATED'", Long.class, lot);
        BigDecimal max = jdbc.queryForObject("SELECT max_value FROM product_spec WHERE product_id = ? AND"
                + " test = 'viscosity'", BigDecimal.class, productId);
        jdbc.update("UPDATE product_spec SET max_value = 300 WHERE product_id = ? AND test = 'viscosity'", productId);
        try {
            JsonNode broken = api.get("jennifer", "/api/audit/verify").json();
            assertThat(broken.get("intact").asBoolean()).as(broken.toString()).isFalse();
            assertThat(broken.at("/firstBroken/eventId").asLong()).isEqualTo(created);
            assertThat(broken.at("/firstBroken/lotNumber").asText()).isEqualTo(lot);
            assertThat(broken.at("/firstBroken/problem").asText()).contains("specification of product " + sku)
                    .contains("changed in the database");
        } finally {
            jdbc.update("UPDATE product_spec SET max_value = ? WHERE product_id = ? AND test = 'viscosity'", max,
                    productId);
        }
        assertThat(api.get("jennifer", "/api/audit/verify").json().get("intact").asBoolean()).isTrue();

        jdbc.update("UPDATE product SET shelf_life_months = 60 WHERE id = ?", productId);
        try {
            JsonNode broken = api.get("jennifer", "/api/audit/verify").json();
            assertThat(broken.get("intact").asBoolean()).isFalse();
            assertThat(broken.at("/firstBroken/eventId").asLong()).isEqualTo(created);
        } finally {
            jdbc.update("UPDATE product SET shelf_life_months = 24 WHERE id = ?", productId);
        }
        assertThat(api.get("jennifer", "/api/audit/verify").json().get("intact").asBoolean()).isTrue();
    }

    @Test
    void aDeletedSealLeavesAGap() {
        api.releasedLot(api.createProduct("AUDS"), new BigDecimal("5"), "2025-01-12");
        api.get("jennifer", "/api/audit/verify");
        Map<String, Object> head = jdbc.queryForMap("SELECT position, hash, low_event_id FROM audit_chain_head");
        Map<String, Object> seal = jdbc.queryForMap("SELECT position, event_id, previous_hash, hash, sealed_at"
                + " FROM audit_seal WHERE position = ?", ((Number) head.get("position")).longValue() - 1);
        jdbc.update("DELETE FROM audit_seal WHERE position = ?", seal.get("position"));
        try {
            // the sealer finds the event unsealed again and appends it: the gap stays where the seal was
            JsonNode broken = api.get("jennifer", "/api/audit/verify").json();
            assertThat(broken.get("intact").asBoolean()).isFalse();
            assertThat(broken.get("firstBroken").get("position").asLong())
                    .isEqualTo(((Number) seal.get("position")).longValue());
            assertThat(broken.get("firstBroken").get("problem").asText()).contains("is missing");
        } finally {
            jdbc.update("DELETE FROM audit_seal WHERE position > ?", head.get("position"));
            jdbc.update("INSERT INTO audit_seal (position, event_id, previous_hash, hash, sealed_at)"
                    + " VALUES (?, ?, ?, ?, ?)", seal.get("position"), seal.get("event_id"), seal.get("previous_hash"),
                    seal.get("hash"), seal.get("sealed_at"));
            jdbc.update("UPDATE audit_chain_head SET position = ?, hash = ?, low_event_id = ?", head.get("position"),
                    head.get("hash"), head.get("low_event_id"));
        }
        assertThat(audit.check("test").intact()).isTrue();
    }
}
