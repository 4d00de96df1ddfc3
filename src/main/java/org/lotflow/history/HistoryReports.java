package org.lotflow.history;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lot history's events of some types in a time range, for the seed's reports (issue #13; the reports
 * module reads no {@code lot_event} table itself). One range read of the {@code (type, at)} index (V97).
 */
@Service
public class HistoryReports {

    private final NamedParameterJdbcTemplate jdbc;

    public HistoryReports(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One event: its lot, when, type, and for a status change the statuses before and after. */
    public record Event(long id, Long lotId, Instant at, String type, String userId, String previousStatus,
            String newStatus) {
    }

    /** The events of these types at or after {@code from} and before {@code to} (null: no end), oldest first. */
    @Transactional(readOnly = true)
    public List<Event> events(Collection<String> types, Instant from, Instant to) {
        return jdbc.query("""
                SELECT id, lot_id, at, type, user_id, previous_status, new_status
                  FROM lot_event
                 WHERE type IN (:types) AND at >= :from
                   AND (CAST(:to AS TIMESTAMP WITH TIME ZONE) IS NULL OR at < :to)
                 ORDER BY at, id""", new MapSqlParameterSource("types", types)
                .addValue("from", from.atOffset(ZoneOffset.UTC))
                .addValue("to", to == null ? null : to.atOffset(ZoneOffset.UTC)),
                (rs, i) -> new Event(rs.getLong("id"), rs.getLong("lot_id"),
                        rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("type"),
                        rs.getString("user_id"), rs.getString("previous_status"), rs.getString("new_status")));
    }
}
