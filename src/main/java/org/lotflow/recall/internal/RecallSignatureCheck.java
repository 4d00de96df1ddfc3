package org.lotflow.recall.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lotflow.history.SignedRecords;
import org.lotflow.recall.RecallEventTypes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code /api/audit/verify}'s check of {@code recall} against the signed closings in the chained history
 * ({@link SignedRecords}; re-test N3; 21 CFR 11.10(e), 11.70). A closed recall's closing is its first
 * {@code RECALL_CLOSED} ({@code detail.recallNumber}; one per lot of its scope, all alike). Reported, naming the table,
 * the recall number and the column: {@code closed_by} and {@code close_requested_by} (the signer),
 * {@code close_comment} and {@code close_requested_comment} ({@code detail.comment}), {@code close_justification} and
 * {@code close_requested_justification} ({@code detail.closeJustification} or {@code belowTargetJustification}),
 * {@code close_requested_at} (the signature's time); a CLOSED recall without its event, and an event whose recall no
 * longer exists or is not closed.
 */
@Component
class RecallSignatureCheck implements SignedRecords {

    static final String TABLE = "recall";

    private final JdbcTemplate jdbc;

    RecallSignatureCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> types() {
        return Set.of(RecallEventTypes.RECALL_CLOSED);
    }

    /** A recall's closing columns as stored now. */
    record Row(String recallNumber, String status, String closedBy, String requestedBy, String comment,
            String requestedComment, String justification, String requestedJustification, Instant requestedAt) {
    }

    @Override
    public List<Disagreement> check(List<SignedEvent> events) {
        List<Row> rows = jdbc.query("""
                SELECT recall_number, status, closed_by, close_requested_by, close_comment, close_requested_comment,
                       close_justification, close_requested_justification, close_requested_at
                  FROM recall ORDER BY id""", (rs, n) -> {
                    OffsetDateTime at = rs.getObject(9, OffsetDateTime.class);
                    return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                            at == null ? null : at.toInstant());
                });
        return compare(rows, events);
    }

    /** The disagreements between these rows and events (a plain rule). */
    static List<Disagreement> compare(List<Row> rows, List<SignedEvent> events) {
        Map<String, SignedEvent> first = new LinkedHashMap<>();
        for (SignedEvent e : events) {
            String number = e.detailText("recallNumber");
            if (number != null) {
                first.putIfAbsent(number, e);
            }
        }
        Map<String, Row> byNumber = new LinkedHashMap<>();
        rows.forEach(r -> byNumber.put(r.recallNumber(), r));
        List<Disagreement> found = new ArrayList<>();
        for (Map.Entry<String, SignedEvent> f : first.entrySet()) {
            SignedEvent e = f.getValue();
            Row row = byNumber.get(f.getKey());
            if (row == null || !RecallStatus.CLOSED.equals(row.status())) {
                found.add(new Disagreement(e.position(), e.eventId(), e.lotId(), TABLE, "recall_number " + f.getKey(),
                        "status", "the closing of recall " + f.getKey() + " recorded in event " + e.eventId()
                                + (row == null ? " has no recall in the table: the row was deleted or renumbered"
                                        : " is not in the row (status " + row.status() + "): the row was changed in"
                                                + " the database")));
                continue;
            }
            String justification = e.detailText("closeJustification") != null ? e.detailText("closeJustification")
                    : e.detailText("belowTargetJustification");
            same(found, e, row, "closed_by", e.userId(), row.closedBy());
            same(found, e, row, "close_comment", e.detailText("comment"), row.comment());
            same(found, e, row, "close_justification", justification, row.justification());
            if (row.requestedBy() != null) { // a closing signed before the request was kept has none of these
                same(found, e, row, "close_requested_by", e.userId(), row.requestedBy());
                same(found, e, row, "close_requested_comment", e.detailText("comment"), row.requestedComment());
                same(found, e, row, "close_requested_justification", justification, row.requestedJustification());
            }
            if (e.signedAt() != null && !SignedRecords.sameTime(e.signedAt(), row.requestedAt())) {
                found.add(disagreement(e, row, "close_requested_at", "says " + row.requestedAt() + ", but the closing"
                        + " was signed at " + e.signedAt() + " (event " + e.eventId() + ")"));
            }
        }
        for (Row row : rows) {
            if (RecallStatus.CLOSED.equals(row.status()) && !first.containsKey(row.recallNumber())) {
                found.add(new Disagreement(null, null, null, TABLE, "recall_number " + row.recallNumber(), "status",
                        "recall " + row.recallNumber() + " says CLOSED, but no RECALL_CLOSED event of the audit trail"
                                + " records its closing: it was written in the database"));
            }
        }
        return found;
    }

    private static void same(List<Disagreement> found, SignedEvent e, Row row, String column, String signed,
            String now) {
        String what = SignedRecords.changed(signed, now, e.eventId());
        if (what != null) {
            found.add(disagreement(e, row, column, what));
        }
    }

    private static Disagreement disagreement(SignedEvent e, Row row, String column, String what) {
        return new Disagreement(e.position(), e.eventId(), e.lotId(), TABLE, "recall_number " + row.recallNumber(),
                column, "recall " + row.recallNumber() + " (column " + column + ") " + what + ": the row was changed"
                        + " in the database after the signature");
    }

}
