package org.lotflow.recall.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The shipments of a recall's scope grouped per customer (21 CFR 7.49: every consignee is told) and unit:
 * one notification per customer and unit of what it received ({@link Consignee}), with the total quantity
 * shipped in that unit and the lots it received in it. A customer that received pails and kilograms gets two,
 * because a quantity returned or a share returned means nothing added across units (auditor 2026-12-06 G2).
 * Customers sort by name, then unit. A customer or a unit is one whatever its case ({@code ACME FOODS} is
 * {@code Acme Foods}, as the order list finds it; {@code KG} is {@code kg}, as EPCIS codes it: auditor 2026-12-06 A2,
 * A3); a notification shows the spelling of its customer's earliest shipment (ship date, then order and lot number).
 */
final class CustomerShipments {

    /**
     * One customer's deliveries in one unit: what one notification counts. {@code unit} null only for a
     * notification recorded before V131 whose customer received several units (its quantity is their old sum).
     */
    record Consignee(String customer, String unit) implements Comparable<Consignee> {

        private static final java.util.Comparator<Consignee> ORDER = java.util.Comparator
                .comparing((Consignee c) -> fold(c.customer())).thenComparing(c -> fold(c.unit()),
                        java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));

        @Override
        public int compareTo(Consignee other) {
            return ORDER.compare(this, other);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Consignee c && compareTo(c) == 0;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(fold(customer), fold(unit));
        }

        boolean counts(RecallStore.ShipmentRow s) {
            return fold(s.customer()).equals(fold(customer)) && (unit == null || fold(unit).equals(fold(s.unit())));
        }
    }

    /** Lists by customer (serials shipped, say) as one customer whatever its case: a map that finds either spelling. */
    static Map<String, List<String>> byCustomer(Map<String, List<String>> byExactName) {
        Map<String, List<String>> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byExactName.forEach((customer, items) -> out.computeIfAbsent(customer, c -> new ArrayList<>()).addAll(items));
        return out;
    }

    /** A name as compared: whatever its case. */
    static String fold(String name) {
        return name == null ? null : name.toLowerCase(java.util.Locale.ROOT);
    }

    /** Each customer's shipments in ledger order, grouped once (a recall of 13,000 customers asked 13,000 times). */
    private final Map<String, List<RecallStore.ShipmentRow>> byCustomer;

    CustomerShipments(List<RecallStore.ShipmentRow> shipments) {
        Map<String, List<RecallStore.ShipmentRow>> grouped = new HashMap<>();
        shipments.forEach(s -> grouped.computeIfAbsent(fold(s.customer()), c -> new ArrayList<>()).add(s));
        this.byCustomer = grouped;
    }

    /** The total quantity shipped per customer and unit (one notification each), by customer name, then unit. */
    static SortedMap<Consignee, BigDecimal> shippedPerConsignee(List<Shipped> shipments) {
        SortedMap<Consignee, BigDecimal> out = new TreeMap<>();
        shipments.forEach(s -> out.merge(new Consignee(s.customer(), s.unit()), s.quantity(), BigDecimal::add));
        return out;
    }

    /** One shipment, as grouping needs it: the customer, the unit of the lot's product, the quantity in it. */
    record Shipped(String customer, String unit, BigDecimal quantity) {
    }

    /** The shipments a notification counts (its customer's in its unit), in ledger order. */
    List<RecallStore.ShipmentRow> of(Consignee consignee) {
        return byCustomer.getOrDefault(fold(consignee.customer()), List.of()).stream().filter(consignee::counts)
                .toList();
    }

    /** The lots (id -> lot number) a notification counts, by id. */
    SortedMap<Long, String> lotsOf(Consignee consignee) {
        SortedMap<Long, String> out = new TreeMap<>();
        of(consignee).forEach(s -> out.put(s.lotId(), s.lotNumber()));
        return out;
    }

    /**
     * The unit of what a notification counts: its own, or for a notification recorded before V131 the units its
     * customer received, distinct, joined with {@code /} (e.g. {@code kg/pcs}).
     */
    String unitOf(Consignee consignee) {
        return consignee.unit() != null ? consignee.unit()
                : of(consignee).stream().map(RecallStore.ShipmentRow::unit).distinct().collect(Collectors.joining("/"));
    }

    /** What the notification's task lists: one Markdown line per shipment. */
    String deliveriesOf(Consignee consignee) {
        return of(consignee).stream().map(s -> "- lot **" + s.lotNumber() + "** (" + s.productName() + ", "
                + s.sku() + "): " + Quantities.plain(s.quantity()) + " " + s.unit() + " on order " + s.orderNumber()
                + ", shipped " + s.shippedAt()).collect(Collectors.joining("\n"));
    }
}
