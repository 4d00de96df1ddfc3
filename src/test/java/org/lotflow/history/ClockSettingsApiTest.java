package org.lotflow.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * sig28 L3: a start on a fixed day ({@code lotflow.today=2025-01-28}, as every API test starts) is recorded in the
 * chained audit trail as {@code CLOCK_SET}: the day, the real time, the node and what allowed it, sealed with the
 * lots' events (the verification stays intact) and listed at {@code GET /api/audit/clock-settings}.
 */
@ApiTest
class ClockSettingsApiTest {

    @Autowired
    TestClient api;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aStartOnAFixedDayIsInTheChainedAuditTrail() {
        TestClient.Response r = api.get("jennifer", "/api/audit/clock-settings");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode newest = r.json().get(0);
        assertThat(newest).as(r.text()).isNotNull();
        assertThat(newest.get("userId").asText()).isEqualTo("system");
        assertThat(newest.get("reason").asText()).contains("fixed day", "lotflow.today=2025-01-28");
        JsonNode detail = newest.get("detail");
        assertThat(detail.get("fixedDay").asText()).isEqualTo("2025-01-28");
        assertThat(detail.get("allowedBy").asText()).isEqualTo("demo data (lotflow.demo-data=true)");
        assertThat(java.time.Instant.parse(detail.get("realTime").asText())).as("the real time, not the demo day's")
                .isAfter(java.time.Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(detail.get("node").asText()).isNotBlank();
        assertThat(detail.get("process").asText()).contains("@");
        assertThat(newest.get("at").asText()).as("dated on the fixed day's clock").startsWith("2025-01-2");

        JsonNode verified = api.get("jennifer", "/api/audit/verify").json();
        assertThat(verified.get("intact").asBoolean()).as(verified.toString()).isTrue();
        long eventId = newest.get("eventId").asLong();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_seal WHERE event_id = ?", Long.class, eventId))
                .as("sealed into the hash chain").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT lot_id FROM lot_event WHERE id = ?", Long.class, eventId)).isNull();

        assertThat(api.get("demo", "/api/audit/clock-settings").status()).isEqualTo(200);
        TestClient.Response refused = api.get("tom", "/api/audit/clock-settings");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.isProblem()).isTrue();
    }
}
