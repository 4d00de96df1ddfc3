package org.lotflow.quarantine;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The quarantine module's holds for the seed's complaint analysis and daily review (issue #13; the reports
 * module reads no {@code lot_hold} table itself). Read-only.
 */
@Service
public class HoldReports {

    private final NamedParameterJdbcTemplate jdbc;
    private final org.lotflow.history.HistoryReports history;

    public HoldReports(NamedParameterJdbcTemplate jdbc, org.lotflow.history.HistoryReports history) {
        this.jdbc = jdbc;
        this.history = history;
    }

    /**
     * The signed dispositions of these holds (hold id -> signature) as the lots' hash-chained history recorded them
     * ({@code DISPOSITION_SIGNED}: the signer's id, the printed name signed with, the time, the meaning), never
     * {@code lot_hold.decided_by}/{@code decided_at} nor a current name (auditor sig28 H1, M1, M2): of each decided
     * hold, the last signature naming it ({@code detail.holdId}), or, for one recorded before events named their hold,
     * its lot's last signature while it was held ({@code placedAt} to {@code closedAt}). One query for all. The signed
     * decision is the signature's {@code detailText("decision")}, its justification its {@code reason()} (re-test N3).
     */
    @Transactional(readOnly = true)
    public java.util.Map<Long, org.lotflow.history.RecordedSignature> signatures(List<HoldRow> holds) {
        List<HoldRow> decided = holds.stream().filter(h -> h.decision() != null).toList();
        java.util.Map<Long, org.lotflow.history.RecordedSignature> byHold = new java.util.HashMap<>();
        if (decided.isEmpty()) {
            return byHold;
        }
        List<org.lotflow.history.RecordedSignature> all = history.signatures(decided.stream().map(HoldRow::lotId)
                .distinct().toList(), List.of(QuarantineEventTypes.DISPOSITION_SIGNED));
        for (HoldRow h : decided) {
            for (org.lotflow.history.RecordedSignature s : all) {
                Object holdId = s.detail().get("holdId");
                if (holdId instanceof Number id ? id.longValue() == h.id() : s.lotId().equals(h.lotId())
                        && !s.at().isBefore(h.placedAt()) && (h.closedAt() == null || !s.at().isAfter(h.closedAt()))) {
                    byHold.put(h.id(), s); // oldest first: the last stays
                }
            }
        }
        return byHold;
    }

    /**
     * One hold: its lot, source ({@code COMPLAINT}, {@code TEST_FAILURE}, {@code UNIDENTIFIED_STOCK},
     * {@code REGULATOR}, {@code OTHER}), the reference given with it (for a complaint, the customer or its
     * complaint number), the reason, the signed decision ({@code RELEASE}, {@code REJECT}, {@code RECALL};
     * null while open), the root cause found, and when it was placed, decided and its case completed.
     */
    public record HoldRow(long id, Long lotId, String source, String reference, String reason, String decision,
            String rootCause, Instant placedAt, Instant decidedAt, Instant completedAt, Instant closedAt) {
    }

    private static final String COLUMNS = "SELECT id, lot_id, source, reference, reason, decision, root_cause,"
            + " placed_at, decided_at, completed_at, closed_at FROM lot_hold";

    /** The holds placed in {@code [from, to)}, oldest first. */
    @Transactional(readOnly = true)
    public List<HoldRow> placed(Instant from, Instant to) {
        return jdbc.query(COLUMNS + " WHERE placed_at >= :from AND placed_at < :to ORDER BY placed_at, id",
                range(from, to), HoldReports::row);
    }

    /** The holds whose disposition was signed in {@code [from, to)} (the investigation completed), oldest first. */
    @Transactional(readOnly = true)
    public List<HoldRow> decided(Instant from, Instant to) {
        return jdbc.query(COLUMNS + " WHERE decided_at >= :from AND decided_at < :to ORDER BY decided_at, id",
                range(from, to), HoldReports::row);
    }

    private static MapSqlParameterSource range(Instant from, Instant to) {
        return new MapSqlParameterSource("from", from.atOffset(ZoneOffset.UTC)).addValue("to", to.atOffset(ZoneOffset.UTC));
    }

    private static HoldRow row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new HoldRow(rs.getLong("id"), rs.getLong("lot_id"), rs.getString("source"), rs.getString("reference"),
                rs.getString("reason"), rs.getString("decision"), rs.getString("root_cause"), instant(rs, "placed_at"),
                instant(rs, "decided_at"), instant(rs, "completed_at"), instant(rs, "closed_at"));
    }

    private static Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
