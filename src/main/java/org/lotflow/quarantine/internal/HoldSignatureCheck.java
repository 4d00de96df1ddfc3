package org.lotflow.quarantine.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lotflow.history.SignedRecords;
import org.lotflow.quarantine.QuarantineEventTypes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code /api/audit/verify}'s check of {@code lot_hold} against the signed dispositions in the chained history
 * ({@link SignedRecords}; re-test N3; 21 CFR 11.10(e), 11.70). Each {@code DISPOSITION_SIGNED} belongs to the hold it
 * names ({@code detail.holdId}) or, recorded before events named their hold, to the hold of its lot placed before and
 * not closed before it (as {@link HoldSignatures} shows it). Of a hold's signatures the last one after
 * {@code not_carried_out_at} (all of them when it has none) is its disposition, the last one before it the disposition
 * not carried out. Reported, naming the table, the hold's id and the column:
 * <ul>
 * <li>the disposition's {@code decision}, {@code justification} (the event's reason), {@code classification},
 * {@code decided_by} (the signer) and {@code decided_at} (the signing time, for a signature with one time) that differ
 * from the event, or a decision without an event, or an event whose hold has no decision;</li>
 * <li>the same of {@code not_carried_out_decision}, {@code not_carried_out_decided_by},
 * {@code not_carried_out_decided_at};</li>
 * <li>a hold {@code closed_at} before (or {@code placed_at} after) a disposition signed on it, a hold named by an event
 * that no longer exists, and an event of a lot none of whose holds was open at its signing ({@code placed_at} or
 * {@code closed_at} changed).</li>
 * </ul>
 */
@Component
class HoldSignatureCheck implements SignedRecords {

    static final String TABLE = "lot_hold";

    private final JdbcTemplate jdbc;

    HoldSignatureCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> types() {
        return Set.of(QuarantineEventTypes.DISPOSITION_SIGNED);
    }

    /** A hold's signed columns as stored now. */
    record Row(long id, long lotId, Instant placedAt, Instant closedAt, String decision, String justification,
            String classification, String decidedBy, Instant decidedAt, String notCarriedOutDecision,
            String notCarriedOutDecidedBy, Instant notCarriedOutDecidedAt, Instant notCarriedOutAt) {
    }

    @Override
    public List<Disagreement> check(List<SignedEvent> events) {
        List<Row> rows = jdbc.query("""
                SELECT id, lot_id, placed_at, closed_at, decision, justification, classification, decided_by,
                       decided_at, not_carried_out_decision, not_carried_out_decided_by, not_carried_out_decided_at,
                       not_carried_out_at
                  FROM lot_hold ORDER BY id""", (rs, n) -> new Row(rs.getLong(1), rs.getLong(2), instant(rs, 3),
                instant(rs, 4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), instant(rs, 9),
                rs.getString(10), rs.getString(11), instant(rs, 12), instant(rs, 13)));
        return compare(rows, events);
    }

    /** The disagreements between these rows and events (a plain rule). */
    static List<Disagreement> compare(List<Row> rows, List<SignedEvent> events) {
        Map<Long, Row> byId = new HashMap<>();
        Map<Long, List<Row>> byLot = new HashMap<>();
        for (Row r : rows) {
            byId.put(r.id(), r);
            byLot.computeIfAbsent(r.lotId(), k -> new ArrayList<>()).add(r);
        }
        List<Disagreement> found = new ArrayList<>();
        Map<Long, List<SignedEvent>> ofHold = new LinkedHashMap<>();
        for (SignedEvent e : events) {
            Row hold;
            if (e.detail().get(HoldSignatures.HOLD_ID) instanceof Number id) {
                hold = byId.get(id.longValue());
                if (hold == null) {
                    found.add(new Disagreement(e.position(), e.eventId(), e.lotId(), TABLE, "id " + id, "id",
                            "the disposition signed in event " + e.eventId() + " names hold " + id + ", which is no"
                                    + " longer in lot_hold: the row was deleted"));
                    continue;
                }
                if (hold.closedAt() != null && hold.closedAt().isBefore(e.at())) {
                    found.add(disagreement(e, hold, "closed_at", "the hold's closing time " + hold.closedAt()
                            + " is before its disposition signed at " + e.at() + " (event " + e.eventId() + ")"));
                }
                if (hold.placedAt() != null && hold.placedAt().isAfter(e.at())) {
                    found.add(disagreement(e, hold, "placed_at", "the hold's placing time " + hold.placedAt()
                            + " is after its disposition signed at " + e.at() + " (event " + e.eventId() + ")"));
                }
            } else {
                hold = byLot.getOrDefault(e.lotId(), List.of()).stream().filter(h -> open(h, e.at())).reduce((a, b) -> b)
                        .orElse(null);
                if (hold == null) {
                    found.add(new Disagreement(e.position(), e.eventId(), e.lotId(), TABLE, "lot_id " + e.lotId(),
                            "placed_at, closed_at", "no hold of the lot was open when the disposition of event "
                                    + e.eventId() + " was signed at " + e.at() + ": a hold's placed_at or closed_at"
                                    + " was changed, or the hold deleted"));
                    continue;
                }
            }
            ofHold.computeIfAbsent(hold.id(), k -> new ArrayList<>()).add(e);
        }
        for (Row hold : rows) {
            List<SignedEvent> signed = ofHold.getOrDefault(hold.id(), List.of());
            SignedEvent disposition = null;
            SignedEvent notCarriedOut = null;
            for (SignedEvent e : signed) {
                if (hold.notCarriedOutAt() != null && !e.at().isAfter(hold.notCarriedOutAt())) {
                    notCarriedOut = e;
                } else {
                    disposition = e;
                }
            }
            compareDecision(found, hold, disposition, hold.decision(), hold.decidedBy(), hold.decidedAt(), "decision",
                    "decided_by", "decided_at");
            if (disposition != null && hold.decision() != null) {
                same(found, disposition, hold, "justification", disposition.reason(), hold.justification());
                same(found, disposition, hold, "classification", disposition.detailText("classification"),
                        hold.classification());
            }
            compareDecision(found, hold, notCarriedOut, hold.notCarriedOutDecision(), hold.notCarriedOutDecidedBy(),
                    hold.notCarriedOutDecidedAt(), "not_carried_out_decision", "not_carried_out_decided_by",
                    "not_carried_out_decided_at");
        }
        return found;
    }

    private static void compareDecision(List<Disagreement> found, Row hold, SignedEvent e, String decision,
            String by, Instant at, String decisionColumn, String byColumn, String atColumn) {
        if (e == null) {
            if (decision != null) {
                found.add(new Disagreement(null, null, hold.lotId(), TABLE, "id " + hold.id(), decisionColumn,
                        "lot_hold " + hold.id() + " says " + decisionColumn + " " + decision + ", but no"
                                + " DISPOSITION_SIGNED event of the audit trail signs it: it was written in the"
                                + " database"));
            }
            return;
        }
        if (decision == null) {
            found.add(disagreement(e, hold, decisionColumn, "the disposition " + e.detailText("decision")
                    + " signed in event " + e.eventId() + " is missing from the row (" + decisionColumn
                    + " is empty)"));
            return;
        }
        same(found, e, hold, decisionColumn, e.detailText("decision"), decision);
        same(found, e, hold, byColumn, e.userId(), by);
        if (e.oneTime() && !SignedRecords.sameTime(e.at(), at)) {
            found.add(disagreement(e, hold, atColumn, "says " + at + ", but the disposition was signed at "
                    + e.at() + " (event " + e.eventId() + ")"));
        }
    }

    private static void same(List<Disagreement> found, SignedEvent e, Row hold, String column, String signed,
            String now) {
        String what = SignedRecords.changed(signed, now, e.eventId());
        if (what != null) {
            found.add(disagreement(e, hold, column, what));
        }
    }

    private static Disagreement disagreement(SignedEvent e, Row hold, String column, String what) {
        return new Disagreement(e.position(), e.eventId(), hold.lotId(), TABLE, "id " + hold.id(), column,
                "lot_hold " + hold.id() + " (column " + column + ") " + what + ": the row was changed in the database"
                        + " after the signature");
    }

    /** Whether the hold was open at {@code at} (placed at or before it, not closed before it). */
    private static boolean open(Row h, Instant at) {
        return (h.placedAt() == null || !at.isBefore(h.placedAt())) && (h.closedAt() == null || !at.isAfter(
                h.closedAt()));
    }

    private static Instant instant(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
