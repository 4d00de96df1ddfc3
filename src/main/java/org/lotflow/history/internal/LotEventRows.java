package org.lotflow.history.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Appends a {@code lot_event} row with plain SQL in the caller's transaction (the JPA transaction's own
 * connection), without an entity: for the hot paths that do not read the event back (issue #11, an
 * order's allocation events: Hibernate's identity insert and the read-back cost more than the row). The
 * columns and their values are those of {@link LotEvent}; the row is sealed into the audit chain like any
 * other ({@code chain.AuditSealer}), and is never updated or deleted.
 */
@Component
public class LotEventRows {

    private static final String INSERT = "INSERT INTO lot_event (lot_id, at, type, user_id, user_name, "
            + "previous_status, new_status, reason, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;

    public LotEventRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts one event; {@code at} is stored as a UTC timestamp with time zone, as Hibernate stores it. */
    public void insert(Long lotId, Instant at, String type, String userId, String userName, String previousStatus,
            String newStatus, String reason, String detail) {
        jdbc.update(INSERT, lotId, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), type, userId, userName,
                previousStatus, newStatus, reason, detail);
    }
}
