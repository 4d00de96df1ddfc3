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
 * The shipments of a recall's scope grouped per customer (21 CFR 7.49: every consignee is told):
 * one notification per customer that received any lot of the scope, with the total quantity shipped
 * to it, the units of those lots, and the lots it received. Customers sort by name.
 */
final class CustomerShipments {

    /** Each customer's shipments in ledger order, grouped once (a recall of 13,000 customers asked 13,000 times). */
    private final Map<String, List<RecallStore.ShipmentRow>> byCustomer;

    CustomerShipments(List<RecallStore.ShipmentRow> shipments) {
        Map<String, List<RecallStore.ShipmentRow>> grouped = new HashMap<>();
        shipments.forEach(s -> grouped.computeIfAbsent(s.customer(), c -> new ArrayList<>()).add(s));
        this.byCustomer = grouped;
    }

    /** The total quantity shipped per customer (one notification each), by customer name. */
    static SortedMap<String, BigDecimal> shippedPerCustomer(List<Shipped> shipments) {
        SortedMap<String, BigDecimal> out = new TreeMap<>();
        shipments.forEach(s -> out.merge(s.customer(), s.quantity(), BigDecimal::add));
        return out;
    }

    /** One shipment, as grouping needs it. */
    record Shipped(String customer, BigDecimal quantity) {
    }

    /** The shipments to one customer, in ledger order. */
    List<RecallStore.ShipmentRow> of(String customer) {
        return List.copyOf(byCustomer.getOrDefault(customer, List.of()));
    }

    /** The lots (id -> lot number) a customer received, by id. */
    SortedMap<Long, String> lotsOf(String customer) {
        SortedMap<Long, String> out = new TreeMap<>();
        of(customer).forEach(s -> out.put(s.lotId(), s.lotNumber()));
        return out;
    }

    /** The units of what a customer received, distinct, joined with {@code /} (e.g. {@code kg/pcs}). */
    String unitsOf(String customer) {
        return of(customer).stream().map(RecallStore.ShipmentRow::unit).distinct().collect(Collectors.joining("/"));
    }

    /** What the customer's notification task lists: one Markdown line per shipment. */
    String deliveriesOf(String customer) {
        return of(customer).stream().map(s -> "- lot **" + s.lotNumber() + "** (" + s.productName() + ", "
                + s.sku() + "): " + Quantities.plain(s.quantity()) + " " + s.unit() + " on order " + s.orderNumber()
                + ", shipped " + s.shippedAt()).collect(Collectors.joining("\n"));
    }
}
