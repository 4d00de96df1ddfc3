package org.lotflow.recall.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;

/**
 * Goods accounted for beyond what was shipped: per customer and unit (the keys of {@link StillAtCustomers}), the
 * larger of what the customer said it returned ({@code quantityReturned} of its answer and later returns) and what was
 * received back from it at the plant ({@code POST /api/recalls/{n}/received-returns}), plus what it said it destroyed
 * on site ({@code quantityDestroyed}), less what it was shipped ({@code quantityShipped}), when more than 0. A customer
 * cannot have returned and destroyed more than it received: one of the figures is wrong (the customer destroyed less
 * than it said, or the goods received were miscounted, or came from another customer or recall). For instance shipped
 * 10 pails, the customer answered "destroyed 10", then 5 pails were received back from it at the plant: 15 of 10
 * accounted for. {@link StillAtCustomers} then shows nothing left (never below 0) and the percentages, which count the
 * customers' word, show nothing amiss.
 *
 * <p>A recall ends once it is reasonable to assume the product has been removed and properly disposed of (21 CFR
 * 7.55(a)), and the effectiveness checks verify that the consignees did what the recall asked (21 CFR 7.42(b)(3)):
 * figures that contradict each other show neither, and a record signed on them is not accurate (ALCOA+). So a closing
 * with any such quantity says which figure is right, in a justification, whatever level the effectiveness check
 * reached. A customer recorded as not reached said nothing, so only what was received back from it is counted (which
 * the receipts keep at most what it was shipped). Plain rule, tested without Spring.
 *
 * @param lines one per customer and unit with more accounted for than shipped, in the notifications' order
 */
public record AccountedBeyondShipped(List<Line> lines) {

    /**
     * {@code quantity} of {@code unit} (null: several units, recorded before units were kept apart) that
     * {@code customer} accounted for beyond the {@code quantityShipped} to it: the larger of {@code quantityReturned}
     * (by its word) and {@code quantityReceived} (at the plant), plus {@code quantityDestroyed} (by its word), less
     * {@code quantityShipped}. Quantities in the lots' unit, never rounded; 0 where nothing was said or received.
     */
    public record Line(String customer, String unit, BigDecimal quantity, BigDecimal quantityShipped,
            BigDecimal quantityReturned, BigDecimal quantityReceived, BigDecimal quantityDestroyed) {

        /**
         * "Metro Manufacturing: 5 pails more than shipped (shipped 10, received 5, destroyed 10)"; what the customer said
         * it returned is named when it said any ("said returned 3, received 5").
         */
        String inWords() {
            String u = unit == null ? "" : " " + unit;
            return customer + ": " + Quantities.plain(quantity) + u + " more than shipped (shipped "
                    + Quantities.plain(quantityShipped)
                    + (quantityReturned.signum() == 0 ? "" : ", said returned " + Quantities.plain(quantityReturned))
                    + (quantityReceived.signum() == 0 ? "" : ", received " + Quantities.plain(quantityReceived))
                    + ", destroyed " + Quantities.plain(quantityDestroyed) + ")";
        }
    }

    /**
     * The excess of each customer and unit: the larger of what its answers say it returned and what was received back
     * from it at the plant ({@code receivedAt}: customer, unit -> quantity; null counts as 0), plus what its answers say
     * it destroyed, less what it was shipped, kept when more than 0.
     */
    static AccountedBeyondShipped of(List<NotificationStore.NotificationRow> notifications,
            BiFunction<String, String, BigDecimal> receivedAt) {
        // customer, unit -> {shipped, said returned, destroyed}
        Map<List<String>, BigDecimal[]> byKey = new LinkedHashMap<>();
        for (NotificationStore.NotificationRow n : notifications) {
            BigDecimal[] q = byKey.computeIfAbsent(java.util.Arrays.asList(n.customer(), n.unit()),
                    k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            q[0] = q[0].add(n.quantityShipped());
            if (!n.notReached()) {
                q[1] = q[1].add(n.quantityReturned() == null ? BigDecimal.ZERO : n.quantityReturned());
                q[2] = q[2].add(n.quantityDestroyed() == null ? BigDecimal.ZERO : n.quantityDestroyed());
            }
        }
        List<Line> lines = new ArrayList<>();
        byKey.forEach((key, q) -> {
            BigDecimal received = receivedAt.apply(key.get(0), key.get(1));
            BigDecimal atPlant = received == null ? BigDecimal.ZERO : received;
            BigDecimal excess = beyond(q[0], q[1], atPlant, q[2]);
            if (excess.signum() > 0) {
                lines.add(new Line(key.get(0), key.get(1), excess, q[0], q[1], atPlant, q[2]));
            }
        });
        return new AccountedBeyondShipped(List.copyOf(lines));
    }

    /**
     * What one customer accounted for beyond what it was shipped in one unit: the larger of what it said it returned
     * ({@code said}) and what was received back from it at the plant ({@code received}), plus what it said it
     * destroyed on site ({@code destroyed}), less {@code shipped}; nulls count as 0; 0 or less when the figures agree.
     * The mirror of {@link StillAtCustomers#left}, which is never read below 0: the one rule for the recall's
     * effectiveness, its closing and the recall impact report.
     */
    public static BigDecimal beyond(BigDecimal shipped, BigDecimal said, BigDecimal received, BigDecimal destroyed) {
        return StillAtCustomers.left(shipped, said, received, destroyed).negate();
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    /** "Metro Manufacturing: 5 pails more than shipped (shipped 10, received 5, destroyed 10); ..."; "" for none. */
    String inWords() {
        return lines.stream().map(Line::inWords).collect(Collectors.joining("; "));
    }
}
