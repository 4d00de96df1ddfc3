package org.lotflow.history.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import org.lotflow.history.internal.chain.AuditMacKey;
import org.lotflow.history.internal.chain.ChainHash;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one place a {@code lot_event} row is made: as an entity ({@link #entity}, saved by the caller) or appended
 * with plain SQL in the caller's transaction ({@link #insert}, the JPA transaction's own connection, without an
 * entity: for the hot paths that do not read the event back, issue #11, an order's allocation events: Hibernate's
 * identity insert and the read-back cost more than the row). Either way the row carries its record seal
 * ({@code chain.EventMac}: HMAC-SHA256 with lotflow's key, audit29 F4), made here over the values written, with the
 * time cut to the microseconds the column keeps; the row is sealed into the audit chain ({@code chain.AuditSealer})
 * only when its record seal is valid, and is never updated or deleted.
 */
@Component
public class LotEventRows {

    private static final String INSERT = "INSERT INTO lot_event (lot_id, at, type, user_id, user_name, "
            + "previous_status, new_status, reason, detail, mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final AuditMacKey key;

    public LotEventRows(JdbcTemplate jdbc, AuditMacKey key) {
        this.jdbc = jdbc;
        this.key = key;
    }

    /** A new event entity with its record seal, for the caller to save in its transaction. */
    public LotEvent entity(Long lotId, Instant at, String type, String userId, String userName, String previousStatus,
            String newStatus, String reason, String detail) {
        Instant stored = at.truncatedTo(ChronoUnit.MICROS);
        return new LotEvent(lotId, stored, type, userId, userName, previousStatus, newStatus, reason, detail,
                seal(lotId, stored, type, userId, userName, previousStatus, newStatus, reason, detail));
    }

    /** Inserts one event; {@code at} is stored as a UTC timestamp with time zone, as Hibernate stores it. */
    public void insert(Long lotId, Instant at, String type, String userId, String userName, String previousStatus,
            String newStatus, String reason, String detail) {
        Instant stored = at.truncatedTo(ChronoUnit.MICROS);
        jdbc.update(INSERT, lotId, OffsetDateTime.ofInstant(stored, ZoneOffset.UTC), type, userId, userName,
                previousStatus, newStatus, reason, detail,
                seal(lotId, stored, type, userId, userName, previousStatus, newStatus, reason, detail));
    }

    private String seal(Long lotId, Instant at, String type, String userId, String userName, String previousStatus,
            String newStatus, String reason, String detail) {
        return key.seal(new ChainHash.Event(0, lotId, at, type, userId, userName, previousStatus, newStatus, reason,
                detail));
    }
}
