package org.lotflow.recall;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the customers of given lots answered their recalls, for other modules (the mock-recall drill; re-test R1: the
 * drill said a customer still held 5 pails the recall counted as destroyed there): per recall, customer and unit, one
 * {@link Answer} with what the recall shipped it, what it said it returned and destroyed on site, what was received
 * back from it at the plant, lot by lot, and what the recall counts as still at the customer. Read-only; four queries
 * whatever the number of lots; quantities in the lots' unit, exact (3 decimals), never rounded.
 *
 * <p>A recall notifies a customer once per unit of what it received of the recall's scope (21 CFR 7.49), not once per
 * lot: its answer ({@code quantityReturned}, {@code quantityDestroyed}) is for all the lots of that unit it was shipped
 * under the recall together. Only when the notification covers one lot ({@link Answer#lotNumber()}) do its figures
 * belong to that lot exactly; otherwise the answer does not say how they split between its lots and this API does not
 * apportion them ({@link Answer#lots()} lists the lots and what was shipped and received back of each, which are per
 * lot). A customer is one whatever its case, as the recall groups it.
 */
@Service
public class CustomerAnswers {

    /**
     * A lot a notification covers: {@code quantityShipped} of it to the customer under the recall (the recall's
     * snapshot of the shipment ledger when it opened) and {@code quantityReceived} back from the customer at the plant
     * under the recall ({@code POST /api/recalls/{n}/received-returns}); 0 when nothing came back.
     */
    public record LotPart(long lotId, String lotNumber, BigDecimal quantityShipped, BigDecimal quantityReceived) {
    }

    /**
     * One customer's notification of recall {@code recallNumber} ({@code recallStatus}: {@code NOTIFYING},
     * {@code AWAITING_CLOSE}, {@code CLOSED}) for what it received in {@code unit} (null: several units, a notification
     * recorded before they were kept apart): {@code quantityShipped} in all, and by its answer ({@code answered};
     * {@code reached} false when the plant could not reach it, null while open or for answers recorded before that was
     * kept) {@code quantityReturned} to the plant and {@code quantityDestroyed} on site, by the customer's word, in all
     * (its first answer and its later returns; null: no answer, or answered before the two were kept apart);
     * {@code lots} the lots it covers, by lot number.
     */
    public record Answer(String recallNumber, String recallStatus, String customer, String unit,
            BigDecimal quantityShipped, boolean answered, Boolean reached, BigDecimal quantityReturned,
            BigDecimal quantityDestroyed, List<LotPart> lots) {

        /** What was received back at the plant from this customer of the notification's lots under the recall. */
        public BigDecimal quantityReceived() {
            return lots.stream().map(LotPart::quantityReceived).reduce(BigDecimal.ZERO.setScale(3), BigDecimal::add);
        }

        /**
         * The one lot the answer is for, when the notification covers one lot; null when it covers several (its
         * figures are then for them together).
         */
        public String lotNumber() {
            return lots.size() == 1 ? lots.get(0).lotNumber() : null;
        }

        /** Whether the customer spoke for itself: answered and reached (a customer not reached said nothing). */
        public boolean byItsWord() {
            return answered && !Boolean.FALSE.equals(reached);
        }

        /**
         * What is still at the customer as the recall's page, its closing and its impact report count it
         * ({@link org.lotflow.recall.internal.StillAtCustomers#left}: shipped less the larger of what it said it
         * returned and what was received back at the plant, less what it destroyed; 0 when nothing is left).
         */
        public BigDecimal stillAtCustomer() {
            BigDecimal left = org.lotflow.recall.internal.StillAtCustomers.left(quantityShipped, quantityReturned,
                    quantityReceived(), quantityDestroyed);
            return left.signum() > 0 ? left : BigDecimal.ZERO.setScale(3);
        }

        /**
         * What the customer accounts for beyond what it was shipped, as the recall's effectiveness and closing count
         * it ({@link org.lotflow.recall.internal.AccountedBeyondShipped#beyond}); 0 when the figures agree.
         */
        public BigDecimal accountedBeyondShipped() {
            BigDecimal beyond = org.lotflow.recall.internal.AccountedBeyondShipped.beyond(quantityShipped,
                    byItsWord() ? quantityReturned : null, quantityReceived(),
                    byItsWord() ? quantityDestroyed : null);
            return beyond.signum() > 0 ? beyond : BigDecimal.ZERO.setScale(3);
        }
    }

    private final NamedParameterJdbcTemplate jdbc;

    private final org.lotflow.lot.LotStock lots;

    public CustomerAnswers(NamedParameterJdbcTemplate jdbc, org.lotflow.lot.LotStock lots) {
        this.jdbc = jdbc;
        this.lots = lots;
    }

    /**
     * Every notification that covers one of these lots (by lot id): of every recall that shipped it to a customer, in
     * its unit, by recall (oldest first), customer and unit; with all the lots each covers, of these or not. Empty for no lots or none recalled.
     */
    @Transactional(readOnly = true)
    public List<Answer> ofLots(Collection<Long> lotIds) {
        if (lotIds == null || lotIds.isEmpty()) {
            return List.of();
        }
        // the lots and the recalls each as one array parameter, whatever their number (issue #11 target 4)
        MapSqlParameterSource p = new MapSqlParameterSource("lots", org.lotflow.shared.IdArray.of(lotIds));
        String reached = """
                EXISTS (SELECT 1 FROM recall_shipment x WHERE x.recall_id = %1$s.recall_id
                                AND LOWER(x.customer) = LOWER(%1$s.customer) AND x.lot_id = ANY(:lots))""";
        record Shipped(long recallId, String customer, long lotId, BigDecimal quantity) {
        }
        List<Shipped> shipped = jdbc.query("SELECT s.recall_id, s.customer, s.lot_id, SUM(s.quantity)"
                + " FROM recall_shipment s WHERE " + reached.formatted("s")
                + " GROUP BY s.recall_id, s.customer, s.lot_id", p,
                (rs, i) -> new Shipped(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4)));
        if (shipped.isEmpty()) {
            return List.of();
        }
        List<Long> recallIds = shipped.stream().map(Shipped::recallId).distinct().toList();
        // received back, by recall, folded customer and lot
        Map<List<Object>, BigDecimal> received = new HashMap<>();
        jdbc.query("SELECT recall_id, customer, lot_id, SUM(quantity) FROM recall_return_receipt"
                + " WHERE recall_id = ANY(:ids) GROUP BY recall_id, customer, lot_id",
                new MapSqlParameterSource("ids", org.lotflow.shared.IdArray.of(recallIds)), rs -> {
                    received.merge(List.of(rs.getLong(1), fold(rs.getString(2)), rs.getLong(3)), rs.getBigDecimal(4),
                            BigDecimal::add);
                });
        Map<Long, org.lotflow.lot.LotLabel> labels = lots.labels(shipped.stream().map(Shipped::lotId).distinct()
                .toList());
        // by recall and folded customer: lot -> shipped
        Map<List<Object>, Map<Long, BigDecimal>> lotsOf = new HashMap<>();
        shipped.forEach(s -> lotsOf.computeIfAbsent(List.of(s.recallId(), fold(s.customer())),
                k -> new LinkedHashMap<>()).merge(s.lotId(), s.quantity(), BigDecimal::add));
        List<Answer> answers = new ArrayList<>();
        jdbc.query("""
                SELECT n.recall_id, r.recall_number, r.status AS recall_status, n.customer, n.unit, n.quantity_shipped,
                       n.status, n.reached, n.quantity_returned, n.quantity_destroyed
                  FROM recall_notification n JOIN recall r ON r.id = n.recall_id
                 WHERE""" + " " + reached.formatted("n") + " ORDER BY r.id, n.customer, n.unit, n.id", p, rs -> {
                    long recallId = rs.getLong("recall_id");
                    String customer = rs.getString("customer");
                    String unit = rs.getString("unit");
                    List<LotPart> parts = new ArrayList<>();
                    lotsOf.getOrDefault(List.of(recallId, fold(customer)), Map.of()).forEach((lotId, quantity) -> {
                        org.lotflow.lot.LotLabel label = labels.get(lotId);
                        if (unit == null || label != null && fold(unit).equals(fold(label.unit()))) {
                            parts.add(new LotPart(lotId, label == null ? null : label.lotNumber(), quantity,
                                    received.getOrDefault(List.of(recallId, fold(customer), lotId), BigDecimal.ZERO)
                                            .setScale(3)));
                        }
                    });
                    parts.sort(java.util.Comparator.comparing(LotPart::lotNumber,
                            java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
                    if (parts.stream().noneMatch(l -> lotIds.contains(l.lotId()))) {
                        return; // the customer's notification for another unit
                    }
                    Object reachedValue = rs.getObject("reached");
                    answers.add(new Answer(rs.getString("recall_number"), rs.getString("recall_status"), customer,
                            unit, rs.getBigDecimal("quantity_shipped"), "DONE".equals(rs.getString("status")),
                            reachedValue == null ? null : rs.getBoolean("reached"),
                            rs.getBigDecimal("quantity_returned"), rs.getBigDecimal("quantity_destroyed"),
                            List.copyOf(parts)));
                });
        return answers;
    }

    private static String fold(String text) {
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }
}
