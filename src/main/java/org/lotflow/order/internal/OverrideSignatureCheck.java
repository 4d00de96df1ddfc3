package org.lotflow.order.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lotflow.history.SignedRecords;
import org.lotflow.order.OrderEventTypes;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code /api/audit/verify}'s check of {@code sales_order} against the signed override decisions in the chained
 * history ({@link SignedRecords}; re-test N3; 21 CFR 11.10(e), 11.70). An order's decision is its latest
 * {@code OVERRIDE_APPROVED} or {@code OVERRIDE_REFUSED} ({@code detail.orderNumber}). Reported, naming the table, the
 * order number and the column: {@code override_decision} (APPROVED or REFUSED, the event's type),
 * {@code override_decision_by} (the signer), {@code override_decision_at} (the signing time, for a signature with one
 * time), {@code override_decision_comment} (the event's reason, both trimmed); once carried out,
 * {@code override_status} (the decision, or LOT_UNAVAILABLE after an approval; PENDING while not yet carried out),
 * {@code override_decided_by} and {@code override_comment}; a signed decision on the row without an event, and an
 * event whose order no longer exists or holds no decision. An order whose override was decided before V60 (its
 * process {@code pre-V60}, no {@code override_decision}) is compared by its outcome columns only.
 */
@Component
class OverrideSignatureCheck implements SignedRecords {

    static final String TABLE = "sales_order";

    private final JdbcTemplate jdbc;

    OverrideSignatureCheck(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> types() {
        return Set.of(OrderEventTypes.OVERRIDE_APPROVED, OrderEventTypes.OVERRIDE_REFUSED);
    }

    /** An order's override columns as stored now. */
    record Row(String orderNumber, String status, String decidedBy, String comment, String processInstanceId,
            String decision, String decisionBy, Instant decisionAt, String decisionComment) {
    }

    @Override
    public List<Disagreement> check(List<SignedEvent> events) {
        List<Row> rows = jdbc.query("""
                SELECT order_number, override_status, override_decided_by, override_comment,
                       override_process_instance_id, override_decision, override_decision_by, override_decision_at,
                       override_decision_comment
                  FROM sales_order
                 WHERE override_status IS NOT NULL OR override_decision IS NOT NULL
                 ORDER BY id""", (rs, n) -> {
                    OffsetDateTime at = rs.getObject(8, OffsetDateTime.class);
                    return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), at == null ? null : at.toInstant(),
                            rs.getString(9));
                });
        return compare(rows, events);
    }

    /** The disagreements between these rows and events (a plain rule). */
    static List<Disagreement> compare(List<Row> rows, List<SignedEvent> events) {
        Map<String, SignedEvent> latest = new LinkedHashMap<>();
        for (SignedEvent e : events) {
            String order = e.detailText("orderNumber");
            if (order != null) {
                latest.put(order, e); // chain order: the latest stays
            }
        }
        Map<String, Row> byNumber = new LinkedHashMap<>();
        rows.forEach(r -> byNumber.put(r.orderNumber(), r));
        List<Disagreement> found = new ArrayList<>();
        for (Map.Entry<String, SignedEvent> l : latest.entrySet()) {
            SignedEvent e = l.getValue();
            Row row = byNumber.get(l.getKey());
            if (row == null) {
                found.add(new Disagreement(e.position(), e.eventId(), e.lotId(), TABLE, "order_number " + l.getKey(),
                        "override_decision", "the override decision signed in event " + e.eventId() + " on order "
                                + l.getKey() + " has no order with an override in sales_order: the row was deleted or"
                                + " changed"));
                continue;
            }
            String signed = OrderEventTypes.OVERRIDE_APPROVED.equals(e.type()) ? "APPROVED" : "REFUSED";
            String comment = e.reason() == null ? null : e.reason().trim();
            boolean legacy = row.decision() == null && SalesOrder.LEGACY_PROCESS.equals(row.processInstanceId());
            if (!legacy) {
                if (row.decision() == null) {
                    found.add(disagreement(e, row, "override_decision", "is empty, but event " + e.eventId()
                            + " signed " + signed));
                } else {
                    same(found, e, row, "override_decision", signed, row.decision());
                    same(found, e, row, "override_decision_by", e.userId(), row.decisionBy());
                    same(found, e, row, "override_decision_comment", comment, trim(row.decisionComment()));
                    if (e.oneTime() && !SignedRecords.sameTime(e.at(), row.decisionAt())) {
                        found.add(disagreement(e, row, "override_decision_at", "says " + row.decisionAt()
                                + ", but the decision was signed at " + e.at() + " (event " + e.eventId() + ")"));
                    }
                }
            }
            // the outcome columns, once the decision was carried out (or the order cancelled after it)
            String status = row.status();
            if (status != null && !"PENDING".equals(status)) {
                boolean fits = status.equals(signed) || "APPROVED".equals(signed) && "LOT_UNAVAILABLE".equals(status);
                if (!fits) {
                    found.add(disagreement(e, row, "override_status", "says " + status + ", but event " + e.eventId()
                            + " signed " + signed));
                }
                same(found, e, row, "override_decided_by", e.userId(), row.decidedBy());
                same(found, e, row, "override_comment", comment, trim(row.comment()));
            }
        }
        for (Row row : rows) {
            if (row.decision() != null && !latest.containsKey(row.orderNumber())) {
                found.add(new Disagreement(null, null, null, TABLE, "order_number " + row.orderNumber(),
                        "override_decision", "sales_order " + row.orderNumber() + " says override_decision "
                                + row.decision() + ", but no OVERRIDE_APPROVED or OVERRIDE_REFUSED event of the audit"
                                + " trail signs it: it was written in the database"));
            }
        }
        return found;
    }

    private static String trim(String text) {
        return text == null ? null : text.trim();
    }

    private static void same(List<Disagreement> found, SignedEvent e, Row row, String column, String signed,
            String now) {
        String what = SignedRecords.changed(signed, now, e.eventId());
        if (what != null) {
            found.add(disagreement(e, row, column, what));
        }
    }

    private static Disagreement disagreement(SignedEvent e, Row row, String column, String what) {
        return new Disagreement(e.position(), e.eventId(), e.lotId(), TABLE, "order_number " + row.orderNumber(),
                column, "sales_order " + row.orderNumber() + " (column " + column + ") " + what + ": the row was"
                        + " changed in the database after the signature");
    }

}
