package org.lotflow.release.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lotflow.history.LotEventTypes;
import org.lotflow.history.SignedRecords;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code /api/audit/verify}'s check of {@code oos_investigation} against the signed decisions on out-of-specification
 * results in the chained history ({@link SignedRecords}; re-test N3; 21 CFR 11.10(e), 11.70). A round's decision is its
 * lot's latest {@code OOS_DECISION_SIGNED} of that round ({@code detail.round}). Reported, naming the table, the lot
 * and round and the column: {@code decision}, {@code decision_comment} (the event's reason), {@code decided_by} (the
 * signer) and {@code decided_at} (the signing time, for a signature with one time) that differ from the event; a
 * decision on the row without an event; an event whose round no longer exists or holds no decision.
 */
@Component
class OosSignatureCheck implements SignedRecords {

    static final String TABLE = "oos_investigation";

    private final JdbcTemplate jdbc;

    OosSignatureCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> types() {
        return Set.of(LotEventTypes.OOS_DECISION_SIGNED);
    }

    /** A round's decision columns as stored now. */
    record Row(long lotId, int round, String decision, String comment, String decidedBy, Instant decidedAt) {
    }

    private record Key(long lotId, int round) {
    }

    @Override
    public List<Disagreement> check(List<SignedEvent> events) {
        List<Row> rows = jdbc.query("""
                SELECT lot_id, test_round, decision, decision_comment, decided_by, decided_at
                  FROM oos_investigation ORDER BY id""", (rs, n) -> {
                    OffsetDateTime at = rs.getObject(6, OffsetDateTime.class);
                    return new Row(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            at == null ? null : at.toInstant());
                });
        return compare(rows, events);
    }

    /** The disagreements between these rows and events (a plain rule). */
    static List<Disagreement> compare(List<Row> rows, List<SignedEvent> events) {
        Map<Key, SignedEvent> latest = new LinkedHashMap<>();
        for (SignedEvent e : events) {
            if (e.lotId() != null && e.detail().get("round") instanceof Number round) {
                latest.put(new Key(e.lotId(), round.intValue()), e); // chain order: the latest stays
            }
        }
        Map<Key, Row> byKey = new LinkedHashMap<>();
        rows.forEach(r -> byKey.put(new Key(r.lotId(), r.round()), r));
        List<Disagreement> found = new ArrayList<>();
        for (Map.Entry<Key, SignedEvent> l : latest.entrySet()) {
            SignedEvent e = l.getValue();
            Row row = byKey.get(l.getKey());
            String key = "lot_id " + l.getKey().lotId() + ", test_round " + l.getKey().round();
            if (row == null || row.decision() == null) {
                found.add(new Disagreement(e.position(), e.eventId(), e.lotId(), TABLE, key, "decision",
                        "the decision " + e.detailText("decision") + " signed in event " + e.eventId() + " on test round "
                                + l.getKey().round() + " is missing from oos_investigation (" + (row == null
                                        ? "the row was deleted" : "decision is empty") + ")"));
                continue;
            }
            same(found, e, key, "decision", e.detailText("decision"), row.decision());
            same(found, e, key, "decision_comment", e.reason(), row.comment());
            same(found, e, key, "decided_by", e.userId(), row.decidedBy());
            if (e.oneTime() && !SignedRecords.sameTime(e.at(), row.decidedAt())) {
                found.add(disagreement(e, key, "decided_at", "says " + row.decidedAt() + ", but the decision was"
                        + " signed at " + e.at() + " (event " + e.eventId() + ")"));
            }
        }
        for (Row row : rows) {
            if (row.decision() != null && !latest.containsKey(new Key(row.lotId(), row.round()))) {
                found.add(new Disagreement(null, null, row.lotId(), TABLE, "lot_id " + row.lotId() + ", test_round "
                        + row.round(), "decision", "oos_investigation of lot_id " + row.lotId() + ", test_round "
                                + row.round() + " says decision " + row.decision() + ", but no OOS_DECISION_SIGNED"
                                + " event of the audit trail signs it: it was written in the database"));
            }
        }
        return found;
    }

    private static void same(List<Disagreement> found, SignedEvent e, String key, String column, String signed,
            String now) {
        String what = SignedRecords.changed(signed, now, e.eventId());
        if (what != null) {
            found.add(disagreement(e, key, column, what));
        }
    }

    private static Disagreement disagreement(SignedEvent e, String key, String column, String what) {
        return new Disagreement(e.position(), e.eventId(), e.lotId(), TABLE, key, column, "oos_investigation ("
                + key + ", column " + column + ") " + what + ": the row was changed in the database after the"
                + " signature");
    }

}
