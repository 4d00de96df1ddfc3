package org.lotflow.recall.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Goods returned by the customer's word but not received at the plant: per customer and unit (the keys of {@link
 * StillAtCustomers}), what the customer said it returned ({@code quantityReturned} of its answer and later returns)
 * less what was received back from it at the plant ({@code POST /api/recalls/{n}/received-returns}), when positive.
 * They are neither at the plant nor, by the customer's word, at the customer: in transit, lost, or miscounted on one
 * side. {@link StillAtCustomers} counts as returned the larger of the two figures (goods said to be sent back are no
 * longer at the customer), so this is what it leaves unaccounted for.
 *
 * <p>A recall ends once it is reasonable to assume the product has been removed and properly disposed of (21 CFR
 * 7.55(a)), and the effectiveness checks verify that the consignees did what the recall asked (21 CFR 7.42(b)(3)): a
 * customer's statement of goods sent back that never arrived does not show either. So a closing with any such quantity
 * says what became of them, in a justification, whatever level the effectiveness check reached (new user 2026-12-07
 * N1: Allied said it returned 25 pails, the plant received 20, and the recall closed "100 % retrieved" without a
 * word). A customer recorded as not reached said nothing, so nothing of its is counted here. Plain rule, tested
 * without Spring.
 *
 * @param lines one per customer and unit with a shortfall, in the notifications' order
 */
public record ReturnsNotReceived(List<Line> lines) {

    /**
     * {@code quantity} of {@code unit} (null: several units, recorded before units were kept apart) that
     * {@code customer} said it returned ({@code quantityReturned}) but was not received at the plant (of which
     * {@code quantityReceived} was).
     */
    public record Line(String customer, String unit, BigDecimal quantity, BigDecimal quantityReturned,
            BigDecimal quantityReceived) {

        /** "Allied Machining: 5 pails (said 25, received 20)". */
        String inWords() {
            return customer + ": " + Quantities.plain(quantity) + (unit == null ? "" : " " + unit) + " (said "
                    + Quantities.plain(quantityReturned) + ", received " + Quantities.plain(quantityReceived) + ")";
        }
    }

    /**
     * The shortfall of each customer and unit: what its answers say it returned less what was received back from it
     * at the plant ({@code receivedAt}: customer, unit -> quantity), kept when more than 0.
     */
    static ReturnsNotReceived of(List<NotificationStore.NotificationRow> notifications,
            BiFunction<String, String, BigDecimal> receivedAt) {
        Map<List<String>, BigDecimal> said = new LinkedHashMap<>();
        for (NotificationStore.NotificationRow n : notifications) {
            BigDecimal returned = n.notReached() || n.quantityReturned() == null ? BigDecimal.ZERO : n.quantityReturned();
            said.merge(java.util.Arrays.asList(n.customer(), n.unit()), returned, BigDecimal::add);
        }
        List<Line> lines = new ArrayList<>();
        said.forEach((key, returned) -> {
            BigDecimal received = receivedAt.apply(key.get(0), key.get(1));
            BigDecimal atPlant = received == null ? BigDecimal.ZERO : received;
            BigDecimal missing = returned.subtract(atPlant);
            if (missing.signum() > 0) {
                lines.add(new Line(key.get(0), key.get(1), missing, returned, atPlant));
            }
        });
        return new ReturnsNotReceived(List.copyOf(lines));
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    /** "Allied Machining: 5 pails (said 25, received 20); Metro: 2 pails (said 50, received 48)"; "" for none. */
    String inWords() {
        return lines.stream().map(Line::inWords).collect(Collectors.joining("; "));
    }
}
