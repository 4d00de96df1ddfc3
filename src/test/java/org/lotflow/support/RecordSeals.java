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
