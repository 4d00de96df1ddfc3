package org.lotflow.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lotflow.history.internal.chain.AuditMacBackfill;
import org.lotflow.history.internal.chain.AuditMacKey;
import org.lotflow.support.ApiTest;
import org.lotflow.support.RecordSeals;
import org.lotflow.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Audit29 F4 (21 CFR 11.10(e), 11.70; EU GMP Annex 11 §9, §14): an e-signature inserted into {@code lot_event} by SQL
 * (a RELEASE_APPROVED in Anna's name and the status change after it) has no record seal made with lotflow's key: it
 * is never sealed into the hash chain, and {@code /api/audit/verify} is not intact and names every such row; an
 * event changed before it was sealed likewise; a copy of a real row with its seal is refused by the database. The
 * forged rows are removed again (the suite shares one database).
 */
@ApiTest
class RecordSealApiTest {

    @Autowired
    TestClient api;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditTrail audit;
    @Autowired
    AuditMacBackfill backfill;
    @Autowired
    AuditMacKey macKey;

    @Test
    void aSignatureInsertedBySqlIsNeverSealedAndVerifyNamesIt() {
        String lot = api.createLot(api.createProduct("FORGE"), new BigDecimal("10"), "2025-01-12");
        long lotId = jdbc.queryForObject("SELECT id FROM lot WHERE lot_number = ?", Long.class, lot);
        assertThat(api.get("jennifer", "/api/audit/verify").json().get("intact").asBoolean()).isTrue();
        String insert = "INSERT INTO lot_event (lot_id, at, type, user_id, user_name, previous_status, new_status,"
                + " reason, detail) VALUES (?, TIMESTAMP WITH TIME ZONE '2025-01-28 09:12:00+00', ?, 'anna',"
                + " 'Anna Kowalski', ?, ?, ?, ?)";
        try {
            jdbc.update(insert, lotId, "RELEASE_APPROVED", null, null, "ok", "{\"approved\":true,\"labRecordedBy\":"
                    + "\"sarah\",\"signature\":{\"userId\":\"anna\",\"fullName\":\"Anna Kowalski\",\"at\":"
                    + "\"2025-01-28T09:12:00Z\",\"meaning\":\"release approval\"}}");
            jdbc.update(insert, lotId, "STATUS_CHANGED", "PENDING", "RELEASED",
                    "Lab results within specification; release approved by Anna Kowalski", "{\"available\":10.0}");
            long approval = forged(lotId, "RELEASE_APPROVED");
            long status = forged(lotId, "STATUS_CHANGED");
            audit.sealPending();

            JsonNode v = api.get("jennifer", "/api/audit/verify").json();
            assertThat(v.get("intact").asBoolean()).as(v.toString()).isFalse();
            assertThat(v.get("firstBroken").get("eventId").asLong()).isEqualTo(approval);
            assertThat(v.get("firstBroken").get("lotNumber").asText()).isEqualTo(lot);
            assertThat(v.get("firstBroken").get("problem").asText()).contains("event " + approval + " of lot " + lot
                    + " (RELEASE_APPROVED) was not written by lotflow: its record seal does not match").contains(
                            "event " + status + " of lot " + lot + " (STATUS_CHANGED) was not written by lotflow");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_seal WHERE event_id IN (?, ?)", Long.class,
                    approval, status)).as("the forged rows stay out of the chain").isZero();

            // a seal copied from a real row of the lot does not fit the forged content
            String real = jdbc.queryForObject("SELECT mac FROM lot_event WHERE lot_id = ? AND type = 'CREATED'",
                    String.class, lotId);
            assertThat(real).matches("v1\\.[0-9a-f]{32}\\.[0-9a-f]{64}");
            jdbc.update("UPDATE lot_event SET mac = ? WHERE id = ?", real.replace(real.substring(3, 35),
                    "0".repeat(32)), approval);
            assertThat(api.get("jennifer", "/api/audit/verify").json().get("firstBroken").get("eventId").asLong())
                    .isEqualTo(approval);
            // a copy of a real row with its seal (a replayed event) is refused: every seal is unique
            assertThatThrownBy(() -> jdbc.update("INSERT INTO lot_event (lot_id, at, type, user_id, user_name, reason,"
                    + " detail, mac) SELECT lot_id, at, type, user_id, user_name, reason, detail, mac FROM lot_event"
                    + " WHERE lot_id = ? AND type = 'CREATED'", lotId))
                    .isInstanceOf(DataIntegrityViolationException.class);
        } finally {
            jdbc.update("DELETE FROM lot_event WHERE lot_id = ? AND user_id = 'anna'", lotId);
        }
        JsonNode after = api.get("jennifer", "/api/audit/verify").json();
        assertThat(after.get("intact").asBoolean()).as(after.toString()).isTrue();
        assertThat(after.get("events").asLong()).isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM lot_event",
                Long.class));
    }

    @Test
    void anEventChangedBeforeItWasSealedIsNeverSealed() {
        String lot = api.createLot(api.createProduct("FORGE2"), new BigDecimal("10"), "2025-01-12");
        long id = jdbc.queryForObject("SELECT e.id FROM lot_event e JOIN lot l ON l.id = e.lot_id WHERE"
                + " l.lot_number = ? AND e.type = 'CREATED'", Long.class, lot);
        String created = jdbc.queryForObject("SELECT user_name FROM lot_event WHERE id = ?", String.class, id);
        // within the seal interval: the event is not in the chain yet
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_seal WHERE event_id = ?", Long.class, id)).isZero();
        jdbc.update("UPDATE lot_event SET user_name = 'Someone Else' WHERE id = ?", id);
        try {
            JsonNode v = api.get("demo", "/api/audit/verify").json();
            assertThat(v.get("intact").asBoolean()).isFalse();
            assertThat(v.get("firstBroken").get("eventId").asLong()).isEqualTo(id);
            assertThat(v.get("firstBroken").get("problem").asText()).contains("event " + id + " of lot " + lot
                    + " (CREATED) was not written by lotflow");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_seal WHERE event_id = ?", Long.class, id))
                    .isZero();
        } finally {
            jdbc.update("UPDATE lot_event SET user_name = ? WHERE id = ?", created, id);
        }
        assertThat(api.get("demo", "/api/audit/verify").json().get("intact").asBoolean()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_seal WHERE event_id = ?", Long.class, id))
                .as("as written: sealed now").isOne();
    }

    /**
     * The first start with record seals gives the rows written before them theirs, once, after walking the chain
     * intact, and records it (run again here on a row whose record seal is taken away, as before the upgrade).
     */
    @Test
    void rowsWrittenBeforeRecordSealsAreGivenThemOnceTheChainIsVerified() {
        String lot = api.releasedLot(api.createProduct("LEGACY"), new BigDecimal("10"), "2025-01-12");
        long id = jdbc.queryForObject("SELECT e.id FROM lot_event e JOIN lot l ON l.id = e.lot_id WHERE"
                + " l.lot_number = ? AND e.type = 'CREATED'", Long.class, lot);
        assertThat(api.get("jennifer", "/api/audit/verify").json().get("intact").asBoolean()).isTrue();
        jdbc.update("UPDATE lot_event SET mac = NULL WHERE id = ?", id);
        jdbc.update("UPDATE audit_mac_key SET backfilled_at = NULL");
        try {
            JsonNode before = api.get("jennifer", "/api/audit/verify").json();
            assertThat(before.get("firstBroken").get("eventId").asLong()).as(before.toString()).isEqualTo(id);
            backfill.afterSingletonsInstantiated();
            assertThat(jdbc.queryForObject("SELECT mac FROM lot_event WHERE id = ?", String.class, id)).isNotNull();
            Map<String, Object> recorded = jdbc.queryForMap("SELECT * FROM audit_mac_key");
            assertThat(((Number) recorded.get("BACKFILLED_UP_TO")).longValue()).isEqualTo(id);
            assertThat(((Number) recorded.get("BACKFILLED_EVENTS")).longValue()).isOne();
            assertThat(recorded.get("BACKFILLED_AT")).isNotNull();
            assertThat(api.get("jennifer", "/api/audit/verify").json().get("intact").asBoolean()).isTrue();
        } finally {
            jdbc.update("UPDATE audit_mac_key SET backfilled_at = CURRENT_TIMESTAMP WHERE backfilled_at IS NULL");
            RecordSeals.reseal(jdbc, macKey, jdbc.queryForObject("SELECT lot_id FROM lot_event WHERE id = ?",
                    Long.class, id));
        }
    }

    private long forged(long lotId, String type) {
        return jdbc.queryForObject("SELECT id FROM lot_event WHERE lot_id = ? AND type = ? AND user_id = 'anna'",
                Long.class, lotId, type);
    }
}
