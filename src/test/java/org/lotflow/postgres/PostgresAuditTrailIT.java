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
 * an event, the chain names the event.
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
}
