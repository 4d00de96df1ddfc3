package org.lotflow.support;

import java.time.OffsetDateTime;

import org.lotflow.history.internal.chain.AuditMacKey;
import org.lotflow.history.internal.chain.ChainHash;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * For tests that write or edit a lot's events by SQL to set up a scene (not to tamper): gives the lot's events the
 * record seal lotflow would have made ({@code chain.EventMac}), so the shared database's verification stays intact.
 */
public final class RecordSeals {

    private RecordSeals() {
    }

    /** The keys of the test configurations: H2's (application-test.yml) and PostgreSQL's (PostgresApiTest, clusters). */
    private static final java.util.List<String> TEST_KEYS = java.util.List.of(
            "dGVzdC1vbmx5IGF1ZGl0IHJlY29yZCBrZXkgLSBub3QgZm9yIHBsYW50cyEhIQ==",
            "Y2x1c3RlciB0ZXN0IGtleSBvZiB0aGUgcmVjb3JkIHNlYWxzIC0gdHdvIG5vZGVz");

    /**
     * Gives the lot's events written by SQL without a record seal the seal lotflow would have made, with the test key
     * the database was started with (found by the fingerprint it stores): for scenes a test sets by SQL
     * ({@link TrailedEdits}), never for tampering a test means to be found.
     */
    public static void sealUnsealed(JdbcTemplate jdbc, Object lotId) {
        String stored = jdbc.queryForObject("SELECT fingerprint FROM audit_mac_key WHERE id = 1", String.class);
        byte[] key = TEST_KEYS.stream().map(k -> java.util.Base64.getDecoder().decode(k))
                .filter(k -> org.lotflow.history.internal.chain.EventMac.fingerprint(k).equals(stored)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the database's record seal key is none of the tests'"));
        jdbc.query("SELECT id, lot_id, at, type, user_id, user_name, previous_status, new_status, reason, detail"
                + " FROM lot_event WHERE lot_id = ? AND mac IS NULL ORDER BY id", rs -> {
                    ChainHash.Event e = new ChainHash.Event(rs.getLong(1), rs.getLong(2),
                            rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10));
                    jdbc.update("UPDATE lot_event SET mac = ? WHERE id = ?",
                            org.lotflow.history.internal.chain.EventMac.seal(key, e), e.id());
                }, lotId);
    }

    public static void reseal(JdbcTemplate jdbc, AuditMacKey key, long lotId) {
        jdbc.query("SELECT id, lot_id, at, type, user_id, user_name, previous_status, new_status, reason, detail"
                + " FROM lot_event WHERE lot_id = ? ORDER BY id", rs -> {
                    ChainHash.Event e = new ChainHash.Event(rs.getLong(1), rs.getLong(2),
                            rs.getObject(3, OffsetDateTime.class).toInstant(), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10));
                    jdbc.update("UPDATE lot_event SET mac = ? WHERE id = ?", key.seal(e), e.id());
                }, lotId);
    }
}
