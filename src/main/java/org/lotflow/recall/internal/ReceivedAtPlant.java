package org.lotflow.recall.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The goods a recall received back at the plant, summed once per customer and unit, customer and unit matched whatever
 * their case as the notifications group them ({@link CustomerShipments.Consignee}: a customer that received "drums" and
 * "Drums" has one notification in "drums"; auditor 2026-12-07 24b F1). Asked per notification by the recall's page,
 * its closing form and effectiveness check ({@link StillAtCustomers}, {@link ReturnsNotReceived},
 * {@link AccountedBeyondShipped}) and the recall
 * impact report: one pass over the receipts, not one per question (a recall of 10,000 customers asked each of them four
 * times). {@code apply(customer, unit)}: what came back from {@code customer} of lots in {@code unit}, null: of any
 * unit; 0 when nothing. Quantities in the lots' units, never rounded.
 */
public final class ReceivedAtPlant implements BiFunction<String, String, BigDecimal> {

    /** folded customer -> folded unit (null: a lot without one) -> quantity received. */
    private final Map<String, Map<String, BigDecimal>> byCustomer = new HashMap<>();

    /** Adds {@code quantity} received back from {@code customer} of a lot in {@code unit}. */
    public ReceivedAtPlant add(String customer, String unit, BigDecimal quantity) {
        byCustomer.computeIfAbsent(CustomerShipments.fold(customer), c -> new HashMap<>())
                .merge(CustomerShipments.fold(unit), quantity, BigDecimal::add);
        return this;
    }

    /** The receipts of one recall ({@link RecallView#returnsReceived}). */
    static ReceivedAtPlant of(java.util.List<RecallView.ReceivedReturn> received) {
        ReceivedAtPlant all = new ReceivedAtPlant();
        received.forEach(r -> all.add(r.customer(), r.unit(), r.quantity()));
        return all;
    }

    @Override
    public BigDecimal apply(String customer, String unit) {
        Map<String, BigDecimal> units = byCustomer.get(CustomerShipments.fold(customer));
        if (units == null) {
            return BigDecimal.ZERO;
        }
        if (unit == null) {
            return units.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
        return units.getOrDefault(CustomerShipments.fold(unit), BigDecimal.ZERO);
    }
}
