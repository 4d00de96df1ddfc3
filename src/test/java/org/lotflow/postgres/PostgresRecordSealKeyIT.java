package org.lotflow.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Tag;
import org.lotflow.LotflowApplication;
import org.lotflow.history.AuditTrail;
import org.lotflow.support.PostgresDatabase;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Audit29 F4 on a two-node PostgreSQL cluster: nodes given the same record seal key by configuration verify each
 * other's events; a row inserted by SQL is named by the other node's verification; a third node started with
 * another key refuses to start, naming both fingerprints, instead of writing rows the others cannot verify.
 */
@Tag("postgres")
class PostgresRecordSealKeyIT {

    static final String DB = "lotflow_macs_" + System.currentTimeMillis() + "_" + ProcessHandle.current().pid();
    static final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    static ConfigurableApplicationContext start(String url, String node, String key) {
        return new SpringApplicationBuilder(LotflowApplication.class).profiles("postgres")
                .run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                        "--spring.datasource.password=", key, "--lotflow.demo-data=true",
                        "--lotflow.today=2025-01-28", "--camunda.bpm.process-engine-name=" + node,
                        "--camunda.bpm.job-execution.enabled=false", "--lotflow.audit.seal-interval=PT0S",
                        "--lotflow.audit.check-interval=PT0S", "--spring.jmx.enabled=false");
    }

    @AfterAll
    static void stop() {
        nodes.forEach(ConfigurableApplicationContext::close);
        PostgresDatabase.drop(DB);
    }

    @Test
    void nodesShareOneKeyAndANodeWithAnotherKeyIsRefused() {
        String url = PostgresDatabase.create(DB);
        nodes.add(start(url, "node1", PostgresDatabase.CLUSTER_MAC_KEY));
        nodes.add(start(url, "node2", PostgresDatabase.CLUSTER_MAC_KEY));
        JdbcTemplate jdbc = nodes.get(0).getBean(JdbcTemplate.class);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lot_event WHERE mac IS NULL", Long.class)).isZero();
        long events = jdbc.queryForObject("SELECT COUNT(*) FROM lot_event", Long.class);
        assertThat(events).as("node 1's demo data").isPositive();
        AuditTrail.Verification onB = nodes.get(1).getBean(AuditTrail.class).check("system");
        assertThat(onB.intact()).as(String.valueOf(onB.firstBroken())).isTrue();
        assertThat(onB.events()).isEqualTo(events);

        long lot = jdbc.queryForObject("SELECT MIN(lot_id) FROM lot_event", Long.class);
        jdbc.update("INSERT INTO lot_event (lot_id, at, type, user_id, user_name, reason, detail) VALUES (?,"
                + " CURRENT_TIMESTAMP, 'RELEASE_APPROVED', 'anna', 'Anna Kowalski', 'ok', '{\"approved\":true}')", lot);
        long forged = jdbc.queryForObject("SELECT MAX(id) FROM lot_event", Long.class);
        AuditTrail.Verification broken = nodes.get(1).getBean(AuditTrail.class).check("system");
        assertThat(broken.intact()).isFalse();
        assertThat(broken.firstBroken().eventId()).isEqualTo(forged);
        assertThat(broken.firstBroken().problem()).contains("event " + forged + " of lot ").contains(
                "(RELEASE_APPROVED) was not written by lotflow: its record seal does not match");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_seal WHERE event_id = ?", Long.class, forged))
                .isZero();

        assertThatThrownBy(() -> nodes.add(start(url, "node3",
                "--lotflow.audit.mac-key=YW5vdGhlciBub2RlJ3Mga2V5LCBub3QgdGhlIGNsdXN0ZXIncyBrZXkhISE=")))
                .hasStackTraceContaining("is not the key this database's audit trail is sealed with");
    }
}
