package org.lotflow.recall.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the customers' answers leave on the market: per customer and unit, the quantity shipped that was neither
 * returned to the plant nor destroyed at the customer ({@code quantityShipped - quantityReturned -
 * quantityDestroyed}, what a customer not reached or not yet answered still holds in full). A recall ends once it is
 * reasonable to assume the product has been removed and properly disposed of (21 CFR 7.55(a)); so a closing that
 * leaves product at a customer says what became of it, in a justification, whatever level the effectiveness check
 * reached (new user 2026-12-07 F1: "level A, meets the target" was signed with 10,300 of 17,000 bottles still at a
 * hospital pharmacy, and no word asked). Product a customer used or dispensed before the recall reached it is such a
 * case: the justification says so. Plain rule, tested without Spring.
 *
 * @param lines one per customer and unit with something left, in the notifications' order
 */
public record StillAtCustomers(List<Line> lines) {

    /** {@code quantity} of {@code unit} (null: several units, recorded before units were kept apart) at {@code customer}. */
    public record Line(String customer, String unit, BigDecimal quantity) {
        String inWords() {
            return customer + ": " + Quantities.plain(quantity) + (unit == null ? "" : " " + unit);
        }
    }

    static StillAtCustomers of(List<NotificationStore.NotificationRow> notifications) {
        return of(notifications, (customer, unit) -> BigDecimal.ZERO);
    }

    /**
     * What is left, counting as returned the larger of what the customer said it returned and what was received back
     * from it at the plant ({@code receivedAt}: customer, unit -> quantity): goods that arrived are no longer at the
     * customer, whatever its answer said (new user 2026-12-07 N6: 4800 quoted where 1500 of the 6000 had come back).
     * What a customer said it returned beyond what arrived is not at the customer by its word, nor at the plant: it is
     * {@link ReturnsNotReceived}, which the closing justifies as it does this (new user 2026-12-07 N1).
     */
    static StillAtCustomers of(List<NotificationStore.NotificationRow> notifications,
            java.util.function.BiFunction<String, String, BigDecimal> receivedAt) {
        Map<List<String>, BigDecimal> left = new LinkedHashMap<>();
        for (NotificationStore.NotificationRow n : notifications) {
            BigDecimal out = left(n.quantityShipped(), n.quantityReturned(), receivedAt.apply(n.customer(), n.unit()),
                    n.quantityDestroyed());
            left.merge(java.util.Arrays.asList(n.customer(), n.unit()), out, BigDecimal::add);
        }
        List<Line> lines = new ArrayList<>();
        left.forEach((key, quantity) -> {
            if (quantity.signum() > 0) {
                lines.add(new Line(key.get(0), key.get(1), quantity));
            }
        });
        return new StillAtCustomers(List.copyOf(lines));
    }

    /**
     * What one customer still holds of what it was shipped in one unit: {@code shipped} less the larger of what it
     * said it returned ({@code said}) and what was received back from it at the plant ({@code received}), less what
     * it destroyed on site ({@code destroyed}); nulls count as 0. Can be 0 or less (nothing left). The one rule for
     * "still at customers" on the recall's page, its closing and the recall impact report's {@code outstanding} (new
     * user round 24b N1: the report said 20 where the recall said 10).
     */
    public static BigDecimal left(BigDecimal shipped, BigDecimal said, BigDecimal received, BigDecimal destroyed) {
        BigDecimal stated = said == null ? BigDecimal.ZERO : said;
        BigDecimal out = shipped.subtract(received != null && received.compareTo(stated) > 0 ? received : stated);
        return destroyed == null ? out : out.subtract(destroyed);
    }

    boolean isEmpty() {
        return lines.isEmpty();
    }

    /** "St. Mary Hospital Pharmacy: 10300 bottles; Northwind: 20 bottles"; "" for none. */
    String inWords() {
        return lines.stream().map(Line::inWords).collect(Collectors.joining("; "));
    }
}
