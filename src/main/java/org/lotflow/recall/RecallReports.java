package org.lotflow.recall;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.lotflow.shared.InvalidInput;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recall module's facts for the seed's recall impact analysis (issue #13; the reports module reads no
 * recall table itself): recalls, their scope and each customer's notification. Read-only; quantities in
 * the recalled product's unit.
 */
@Service
public class RecallReports {

    private final NamedParameterJdbcTemplate jdbc;

    private final org.lotflow.lot.LotStock lots;

    public RecallReports(NamedParameterJdbcTemplate jdbc, org.lotflow.lot.LotStock lots) {
        this.jdbc = jdbc;
        this.lots = lots;
    }

    /**
     * A recall with its scope: lots in scope, lots actually recalled, and the lots named by the coordinator
     * (their ids, for the lot numbers and products).
     */
    public record RecallRow(long id, String recallNumber, String classification, String reason, String status,
            Instant openedAt, Instant closedAt, long lotsInScope, long lotsRecalled, List<Long> namedLotIds,
            List<DisposalRow> disposals, String closeJustification) {
    }

    /**
     * What a closed recall disposed of (21 CFR 7.55(a)): per recalled lot that had stock on hand, the quantity in the
     * lot's unit (exact, 3 decimals), the method ({@code DESTROYED}, {@code RETURNED_TO_SUPPLIER}; {@code REWORKED} in closings recorded before rework stopped being a disposal) and
     * the reference the QA manager signed with the closing; none while open or when nothing was on hand.
     */
    public record DisposalRow(String lotNumber, BigDecimal quantity, String unit, String method, String reference) {
    }

    /**
     * One customer of a recall, for what it received in one unit (a customer that received several units has a row
     * for each; {@code unit} null only for such rows recorded before V131, their old sum): quantity shipped of
     * affected lots, whether the notification is answered ({@code answered}), whether the customer was reached
     * ({@code reached}: null while open and for answers recorded before V145, which count as reached), whether it was
     * told ({@code notified}: answered and reached; never a customer that could not be reached, 21 CFR 7.53), whether
     * the customer acknowledged,
     * the quantity it returned to the plant (null: no answer) and the quantity it destroyed on site (null: no answer,
     * or answered before V138 kept the two apart).
     */
    public record CustomerRow(long recallId, String customer, String unit, BigDecimal quantityShipped, boolean answered,
            Boolean reached, boolean notified, Boolean acknowledged, BigDecimal quantityReturned, BigDecimal quantityDestroyed, Instant notifiedAt,
            BigDecimal quantityReceived) {

        /**
         * What is still at this customer in this unit, as the recall's page and closing count it
         * ({@link org.lotflow.recall.internal.StillAtCustomers}: what was shipped less the larger of what the customer
         * said it returned and what was received back at the plant, less what it destroyed; 0 when nothing is left): a
         * customer that has not answered and sent nothing back holds all it was shipped (new user round 24b N1).
         */
        public BigDecimal stillAtCustomer() {
            BigDecimal left = org.lotflow.recall.internal.StillAtCustomers.left(quantityShipped, quantityReturned,
                    quantityReceived, quantityDestroyed);
            return left.signum() > 0 ? left : BigDecimal.ZERO.setScale(3);
        }

        /**
         * What this customer accounts for beyond what it was shipped in this unit, as the recall's effectiveness and
         * closing count it ({@link org.lotflow.recall.internal.AccountedBeyondShipped}: the larger of what it said it
         * returned and what was received back at the plant, plus what it said it destroyed, less what was shipped; a
         * customer recorded as not reached said nothing); 0 when the figures agree. More than 0: one of the figures
         * is wrong (21 CFR 7.55(a), 7.42(b)(3); ALCOA+ accurate).
         */
        public BigDecimal accountedBeyondShipped() {
            boolean said = answered && !Boolean.FALSE.equals(reached);
            BigDecimal beyond = org.lotflow.recall.internal.AccountedBeyondShipped.beyond(quantityShipped,
                    said ? quantityReturned : null, quantityReceived, said ? quantityDestroyed : null);
            return beyond.signum() > 0 ? beyond : BigDecimal.ZERO.setScale(3);
        }
    }

    /** What the plant received back from {@code customer} of lots in {@code unit} (one recall's receipts), 3 decimals. */
    private static BigDecimal receivedFrom(org.lotflow.recall.internal.ReceivedAtPlant received, String customer,
            String unit) {
        return (received == null ? BigDecimal.ZERO : received.apply(customer, unit)).setScale(3);
    }

    /** The recalls opened in {@code [from, to)} (or the one numbered {@code recallNumber}), oldest first. */
    @Transactional(readOnly = true)
    public List<RecallRow> recalls(String recallNumber, Instant from, Instant to) {
        MapSqlParameterSource p = new MapSqlParameterSource("from", from.atOffset(ZoneOffset.UTC))
                .addValue("to", to.atOffset(ZoneOffset.UTC)).addValue("number", recallNumber);
        List<RecallRow> rows = jdbc.query("""
                SELECT r.id, r.recall_number, r.classification, r.reason, r.status, r.opened_at, r.closed_at,
                       r.close_disposals, r.close_justification,
                       (SELECT COUNT(*) FROM recall_lot l WHERE l.recall_id = r.id) AS in_scope,
                       (SELECT COUNT(*) FROM recall_lot l WHERE l.recall_id = r.id AND l.recalled = TRUE) AS recalled
                  FROM recall r
                 WHERE (CAST(:number AS VARCHAR(32)) IS NOT NULL AND r.recall_number = :number)
                    OR (CAST(:number AS VARCHAR(32)) IS NULL AND r.opened_at >= :from AND r.opened_at < :to)
                 ORDER BY r.opened_at, r.id""", p,
                (rs, i) -> new RecallRow(rs.getLong("id"), rs.getString("recall_number"), rs.getString("classification"),
                        rs.getString("reason"), rs.getString("status"),
                        rs.getObject("opened_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("closed_at", OffsetDateTime.class) == null ? null
                                : rs.getObject("closed_at", OffsetDateTime.class).toInstant(),
                        rs.getLong("in_scope"), rs.getLong("recalled"), List.of(),
                        org.lotflow.recall.internal.DisposalRecords.disposals(rs.getString("close_disposals")).stream()
                                .map(d -> new DisposalRow(d.lotNumber(), d.quantity(), d.unit(), d.method(),
                                        d.reference())).toList(), rs.getString("close_justification")));
        return rows.stream().map(r -> new RecallRow(r.id(), r.recallNumber(), r.classification(), r.reason(),
                r.status(), r.openedAt(), r.closedAt(), r.lotsInScope(), r.lotsRecalled(), jdbc.queryForList(
                        "SELECT lot_id FROM recall_lot WHERE recall_id = :id AND named = TRUE ORDER BY lot_id",
                        new MapSqlParameterSource("id", r.id()), Long.class), r.disposals(), r.closeJustification()))
                .toList();
    }

    /**
     * The customers of these recalls, by recall, customer and unit, with what arrived back at the plant from each of
     * lots in that unit ({@code quantityReceived}, the recall's received returns).
     */
    @Transactional(readOnly = true)
    public List<CustomerRow> customers(List<Long> recallIds) {
        if (recallIds.isEmpty()) {
            return List.of();
        }
        // what arrived back, by recall, customer (whatever its case) and the unit of the lot received
        record Receipt(long recallId, String customer, long lotId, BigDecimal quantity) {
        }
        List<Receipt> receipts = jdbc.query("""
                SELECT recall_id, customer, lot_id, SUM(quantity) AS quantity FROM recall_return_receipt
                 WHERE recall_id IN (:ids) GROUP BY recall_id, customer, lot_id""",
                new MapSqlParameterSource("ids", recallIds), (rs, i) -> new Receipt(rs.getLong("recall_id"),
                        rs.getString("customer"), rs.getLong("lot_id"), rs.getBigDecimal("quantity")));
        java.util.Map<Long, org.lotflow.lot.LotLabel> labels = lots.labels(receipts.stream().map(Receipt::lotId)
                .distinct().toList());
        // by recall, customer and unit as the recall's own page matches them, whatever their case (ReceivedAtPlant)
        java.util.Map<Long, org.lotflow.recall.internal.ReceivedAtPlant> received = new java.util.HashMap<>();
        for (Receipt r : receipts) {
            org.lotflow.lot.LotLabel label = labels.get(r.lotId());
            received.computeIfAbsent(r.recallId(), id -> new org.lotflow.recall.internal.ReceivedAtPlant())
                    .add(r.customer(), label == null ? null : label.unit(), r.quantity());
        }
        return jdbc.query("""
                SELECT recall_id, customer, unit, quantity_shipped, status, reached, acknowledged, quantity_returned,
                       quantity_destroyed, notified_at
                  FROM recall_notification WHERE recall_id IN (:ids) ORDER BY recall_id, customer, unit""",
                new MapSqlParameterSource("ids", recallIds),
                (rs, i) -> new CustomerRow(rs.getLong("recall_id"), rs.getString("customer"), rs.getString("unit"),
                        rs.getBigDecimal("quantity_shipped"), "DONE".equals(rs.getString("status")),
                        (Boolean) rs.getObject("reached", Boolean.class),
                        "DONE".equals(rs.getString("status")) && !Boolean.FALSE.equals(rs.getObject("reached",
                                Boolean.class)),
                        (Boolean) rs.getObject("acknowledged", Boolean.class), rs.getBigDecimal("quantity_returned"),
                        rs.getBigDecimal("quantity_destroyed"),
                        rs.getObject("notified_at", OffsetDateTime.class) == null ? null
                                : rs.getObject("notified_at", OffsetDateTime.class).toInstant(),
                        receivedFrom(received.get(rs.getLong("recall_id")), rs.getString("customer"),
                                rs.getString("unit"))));
    }

    /**
     * A recall on the board: its scope counts and how many of its customers there are and have been told
     * ({@code notified}: every unit it received answered, and reached in each; 21 CFR 7.53 "consignees notified"),
     * how many could not be reached ({@code notReached}: an answer of theirs says so; never counted as notified), and
     * its notifications (one per customer and unit) and how many of them are answered, counted in the database, never
     * loaded customer by customer.
     */
    public record BoardRow(long id, String recallNumber, String classification, String reason, String status,
            Instant openedAt, Instant closedAt, long lotsInScope, long lotsRecalled, long customers, long notified,
            long notReached, long notifications, long notificationsAnswered) {
    }

    /** A page of the board and the cursor of the next page (null on the last page). */
    public record BoardPage(List<BoardRow> items, String nextCursor) {
    }

    /** The largest page of the board. */
    public static final int MAX_BOARD_PAGE = 200;

    /**
     * One page of the recall board, newest first (by the recall's id, which follows the order of opening):
     * {@code open} true the recalls not yet CLOSED, false the CLOSED ones, null all; {@code size} 1 to
     * {@value #MAX_BOARD_PAGE} after {@code cursor} (the previous page's {@code nextCursor}; null or blank: the
     * first page). A keyset on the primary key: a page costs the same however many recalls there are and however
     * deep it is; no count. 400 naming {@code size} or {@code cursor} when they cannot be read.
     */
    @Transactional(readOnly = true)
    public BoardPage board(Boolean open, String cursor, int size) {
        org.lotflow.shared.input.IdCursor.requireSize(size, MAX_BOARD_PAGE);
        long before = org.lotflow.shared.input.IdCursor.before(cursor);
        String state = open == null ? "" : open ? " AND r.status <> 'CLOSED'" : " AND r.status = 'CLOSED'";
        MapSqlParameterSource p = new MapSqlParameterSource("before", before).addValue("limit", size + 1);
        List<BoardRow> rows = jdbc.query("""
                SELECT r.id, r.recall_number, r.classification, r.reason, r.status, r.opened_at, r.closed_at,
                       (SELECT COUNT(*) FROM recall_lot l WHERE l.recall_id = r.id) AS in_scope,
                       (SELECT COUNT(*) FROM recall_lot l WHERE l.recall_id = r.id AND l.recalled = TRUE) AS recalled,
                       (SELECT COUNT(DISTINCT n.customer) FROM recall_notification n WHERE n.recall_id = r.id)
                           AS customers,
                       (SELECT COUNT(DISTINCT n.customer) - COUNT(DISTINCT CASE WHEN n.status <> 'DONE'
                                   OR n.reached = FALSE THEN n.customer END)
                          FROM recall_notification n WHERE n.recall_id = r.id) AS notified,
                       (SELECT COUNT(DISTINCT n.customer) FROM recall_notification n
                         WHERE n.recall_id = r.id AND n.status = 'DONE' AND n.reached = FALSE) AS not_reached,
                       (SELECT COUNT(*) FROM recall_notification n WHERE n.recall_id = r.id) AS notifications,
                       (SELECT COUNT(*) FROM recall_notification n WHERE n.recall_id = r.id AND n.status = 'DONE')
                           AS answered
                  FROM recall r
                 WHERE r.id < :before%s
                 ORDER BY r.id DESC
                 LIMIT :limit""".formatted(state), p,
                (rs, i) -> new BoardRow(rs.getLong("id"), rs.getString("recall_number"), rs.getString("classification"),
                        rs.getString("reason"), rs.getString("status"),
                        rs.getObject("opened_at", OffsetDateTime.class).toInstant(),
                        rs.getObject("closed_at", OffsetDateTime.class) == null ? null
                                : rs.getObject("closed_at", OffsetDateTime.class).toInstant(),
                        rs.getLong("in_scope"), rs.getLong("recalled"), rs.getLong("customers"),
                        rs.getLong("notified"), rs.getLong("not_reached"), rs.getLong("notifications"), rs.getLong("answered")));
        return new BoardPage(List.copyOf(rows.subList(0, Math.min(size, rows.size()))),
                org.lotflow.shared.input.IdCursor.next(rows, size, BoardRow::id));
    }
}
