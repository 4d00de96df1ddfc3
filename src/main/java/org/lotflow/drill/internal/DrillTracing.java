package org.lotflow.drill.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.lotflow.drill.MockRecallReport;
import org.lotflow.history.HistoryReports;
import org.lotflow.lot.Genealogies;
import org.lotflow.lot.LotOrigins;
import org.lotflow.order.OpenAllocations;
import org.lotflow.recall.CustomerAnswers;
import org.lotflow.trace.Direction;
import org.lotflow.trace.Trace;
import org.lotflow.trace.TraceService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A drill's trace, as a recall traces (issue #14: "the same trace as a real recall, both directions"),
 * read-only: forward the whole downstream trace of the drilled lot ({@link TraceService#walkWhole}, the
 * walk a recall opens its scope with; refused with 409 when the genealogy is deeper than
 * {@code lotflow.trace.max-depth}), one step back the drilled lot's inputs and, for every received lot,
 * its supplier ({@link LotOrigins}); the customers of the drilled lot and every lot made from it (the
 * shipment ledger, as a recall's notifications), each with what it still holds: shipped less what came back from it
 * and what it destroyed on site by its answers to the recalls ({@link CustomerHoldings}, {@link CustomerAnswers}: the
 * recall module's figures and rule). Then the ledgers for the mass balance of every lot of
 * the scope ({@link MassBalance}): open allocations, shipments (less the goods received back from customers under a
 * recall, each a {@code RETURN_RECEIVED} record in the lot's history), and every genealogy link out of a lot of
 * the scope. Set-based: twelve queries whatever the size of the scope, each with the lots as one array.
 */
@Component
class DrillTracing {

    static final String DRILLED = "DRILLED";
    static final String SOURCE = "SOURCE";
    static final String DOWNSTREAM = "DOWNSTREAM";

    private final TraceService traces;
    private final Genealogies genealogies;
    private final LotOrigins origins;
    private final OpenAllocations allocations;

    private final HistoryReports history;
    private final CustomerAnswers answers;

    DrillTracing(TraceService traces, Genealogies genealogies, LotOrigins origins, OpenAllocations allocations,
            HistoryReports history, CustomerAnswers answers) {
        this.history = history;
        this.answers = answers;
        this.traces = traces;
        this.genealogies = genealogies;
        this.origins = origins;
        this.allocations = allocations;
    }

    @Transactional(readOnly = true)
    DrillScope trace(long lotId) {
        List<Trace.TracedLot> forward = traces.walkWhole(List.of(lotId), Direction.DOWNSTREAM);
        // one step back: the inputs of the drilled lot (depth 1 of its upstream walk)
        List<Genealogies.ReachedLot> back = genealogies.walk(List.of(lotId), Genealogies.Way.UPSTREAM, 1).stream()
                .filter(l -> l.depth() == 1).toList();

        Map<Long, ScopeLot> scope = new LinkedHashMap<>();
        for (Trace.TracedLot t : forward) {
            scope.put(t.id(), new ScopeLot(t.id(), t.lotNumber(), t.sku(), t.productName(), t.unit(), t.status(),
                    t.depth() == 0 ? DRILLED : DOWNSTREAM, t.depth(),
                    new org.lotflow.lot.LotQuantities(t.quantity(), t.allocated(), t.shipped(), t.consumed(),
                            t.disposed())));
        }
        for (Genealogies.ReachedLot r : back) {
            scope.putIfAbsent(r.id(), new ScopeLot(r.id(), r.lotNumber(), r.sku(), r.productName(), r.unit(),
                    r.status(), SOURCE, 1, r.quantities()));
        }
        Set<Long> ids = scope.keySet();

        List<Trace.CustomerShipment> shipped = traces.shipments(ids);
        Map<String, BigDecimal> shippedByLot = new HashMap<>();
        shipped.forEach(s -> shippedByLot.merge(s.lotNumber(), s.quantity(), BigDecimal::add));
        // less what came back from customers under a recall: on hand again, and the lot's shipped figure says so; the
        // same records say per customer what came back from it (customers(): still at customers = the lot's shipped)
        List<HistoryReports.ReturnReceived> returned = history.returnsReceived(ids);
        Map<String, BigDecimal> receivedByLot = new HashMap<>();
        returned.forEach(r -> receivedByLot.merge(scope.get(r.lotId()).lotNumber(), r.quantity(), BigDecimal::add));
        receivedByLot.forEach((lot, quantity) -> shippedByLot.merge(lot, quantity.negate(), BigDecimal::add));
        Map<String, BigDecimal> allocatedByLot = new HashMap<>();
        allocations.ofLots(ids).forEach(a -> allocatedByLot.merge(a.lotNumber(), a.quantity(), BigDecimal::add));
        Map<String, BigDecimal> consumedByLot = consumed(ids);

        List<MockRecallReport.Lot> lots = new ArrayList<>();
        List<String> findings = new ArrayList<>();
        for (ScopeLot l : scope.values()) {
            MassBalance.Balance b = MassBalance.of(l.lotNumber(), l.unit(), l.quantities(),
                    allocatedByLot.get(l.lotNumber()), shippedByLot.get(l.lotNumber()), consumedByLot.get(l.lotNumber()));
            findings.addAll(b.findings());
            lots.add(new MockRecallReport.Lot(l.lotNumber(), l.sku(), l.productName(), l.unit(), l.status(), l.role(),
                    l.depth(), b.quantity(), b.available(), b.allocated(), b.shipped(),
                    MassBalance.zeroIfNull(receivedByLot.get(l.lotNumber())), b.consumed(), b.disposed(),
                    b.onHand(), b.difference(), b.reconciliationPercent()));
        }

        List<MockRecallReport.Supplier> suppliers = new ArrayList<>();
        Set<Long> backIds = new LinkedHashSet<>();
        backIds.add(lotId);
        back.forEach(r -> backIds.add(r.id()));
        for (LotOrigins.Origin o : origins.of(backIds)) {
            if (o.received()) {
                suppliers.add(new MockRecallReport.Supplier(o.supplier(), o.supplierLotNumber(), o.lotNumber(),
                        o.deliveryReference(), o.receiptDate(), o.quantities().quantity(), o.unit()));
            }
        }
        suppliers.sort(java.util.Comparator.comparing(MockRecallReport.Supplier::lotNumber));

        List<Long> forwardIds = scope.values().stream().filter(l -> !SOURCE.equals(l.role())).map(ScopeLot::id)
                .toList();
        List<MockRecallReport.Customer> customers = customers(shipped, returned, answers.ofLots(forwardIds), scope,
                findings);
        return new DrillScope(lots, suppliers, customers, findings,
                MassBalance.overall(lots.stream().map(MockRecallReport.Lot::reconciliationPercent).toList()));
    }

    /** Every genealogy link out of the scope's lots (into the lots made from them, in the scope or not). */
    private Map<String, BigDecimal> consumed(Collection<Long> ids) {
        List<Genealogies.ReachedLot> next = genealogies.walk(ids, Genealogies.Way.DOWNSTREAM, 1);
        Set<String> scopeNumbers = new java.util.HashSet<>();
        next.stream().filter(r -> ids.contains(r.id())).forEach(r -> scopeNumbers.add(r.lotNumber()));
        Map<String, BigDecimal> consumed = new HashMap<>();
        for (Genealogies.Edge e : genealogies.edgesAmong(next.stream().map(Genealogies.ReachedLot::id).toList())) {
            if (scopeNumbers.contains(e.source())) {
                consumed.merge(e.source(), e.quantity(), BigDecimal::add);
            }
        }
        return consumed;
    }

    /**
     * The customers of the drilled lot and of the lots made from it (not of its inputs: a drill goes one step forward
     * from the drilled lot), by name; per customer and lot what it was shipped, received back and still holds
     * ({@link CustomerHoldings}), every shipment and every receipt back, every answer to a recall saying it destroyed
     * goods of the scope on site. A receipt from a customer the shipment ledger shows no shipment of its lot to is a
     * finding: the lot's shipped is netted by it, no customer's holding is. So is an answer from such a customer, a
     * customer that accounts for more than it was shipped, and one that said it returned more than arrived.
     */
    private static List<MockRecallReport.Customer> customers(List<Trace.CustomerShipment> shipped,
            List<HistoryReports.ReturnReceived> returned, List<CustomerAnswers.Answer> answered,
            Map<Long, ScopeLot> scope, List<String> findings) {
        Map<String, ScopeLot> byNumber = new HashMap<>();
        scope.values().forEach(l -> byNumber.put(l.lotNumber(), l));
        Map<String, List<Trace.CustomerShipment>> perCustomer = new TreeMap<>();
        List<CustomerHoldings.Shipped> forward = new ArrayList<>();
        for (Trace.CustomerShipment s : shipped) {
            ScopeLot lot = byNumber.get(s.lotNumber());
            if (lot != null && !SOURCE.equals(lot.role())) {
                perCustomer.computeIfAbsent(s.customer(), c -> new ArrayList<>()).add(s);
                forward.add(new CustomerHoldings.Shipped(s.customer(), s.lotNumber(), s.quantity()));
            }
        }
        List<HistoryReports.ReturnReceived> back = returned.stream()
                .filter(r -> !SOURCE.equals(scope.get(r.lotId()).role())).toList();
        // a recall's answer for one lot of the scope counts in that lot's figures; one for several, in words only
        List<CustomerHoldings.Answer> perLot = new ArrayList<>();
        List<CustomerAnswers.Answer> together = new ArrayList<>();
        for (CustomerAnswers.Answer a : answered) {
            if (a.lotNumber() != null && byNumber.containsKey(a.lotNumber())
                    && !SOURCE.equals(byNumber.get(a.lotNumber()).role())) {
                perLot.add(new CustomerHoldings.Answer(a.recallNumber(), a.customer(), a.lotNumber(),
                        a.quantityReturned(), a.quantityReceived(), a.quantityDestroyed()));
            } else if (a.lotNumber() == null && a.quantityDestroyed() != null && a.quantityDestroyed().signum() > 0) {
                together.add(a);
            }
        }
        CustomerHoldings holdings = CustomerHoldings.of(forward, back.stream()
                .map(r -> new CustomerHoldings.Received(r.customer(), scope.get(r.lotId()).lotNumber(), r.quantity()))
                .toList(), perLot);
        for (CustomerHoldings.Answer a : holdings.unmatchedAnswers()) {
            findings.add("Lot " + a.lotNumber() + ": " + a.customer() + " answered recall " + a.recallNumber()
                    + ", which the shipment ledger shows no shipment of this lot to");
        }
        Map<String, List<MockRecallReport.DestroyedAtCustomer>> destroyedOf = new HashMap<>();
        for (CustomerAnswers.Answer a : together) {
            String unit = a.unit() != null ? a.unit() : a.lots().stream().map(CustomerAnswers.LotPart::lotNumber)
                    .filter(byNumber::containsKey).map(n -> byNumber.get(n).unit()).findFirst().orElse(null);
            String customer = listedAs(perCustomer.keySet(), a.customer());
            MockRecallReport.DestroyedAtCustomer d = new MockRecallReport.DestroyedAtCustomer(a.recallNumber(),
                    a.lots().stream().map(CustomerAnswers.LotPart::lotNumber).toList(), a.quantityDestroyed(), unit);
            if (customer == null) {
                findings.add(a.customer() + ": " + d.inWords() + ", which the shipment ledger shows no shipment of"
                        + " these lots to");
            } else {
                destroyedOf.computeIfAbsent(customer, c -> new ArrayList<>()).add(d);
            }
        }
        Map<String, List<MockRecallReport.ReturnReceived>> receiptsOf = new HashMap<>();
        for (int i = 0; i < back.size(); i++) {
            HistoryReports.ReturnReceived r = back.get(i);
            ScopeLot lot = scope.get(r.lotId());
            String customer = holdings.listedUnder(i);
            if (customer == null) {
                findings.add("Lot " + lot.lotNumber() + ": " + MassBalance.plain(r.quantity()) + " " + lot.unit()
                        + " received back from " + r.customer() + (r.recallNumber() == null ? ""
                                : " under recall " + r.recallNumber())
                        + ", which the shipment ledger shows no shipment of this lot to");
            } else {
                receiptsOf.computeIfAbsent(customer, c -> new ArrayList<>()).add(new MockRecallReport.ReturnReceived(
                        lot.lotNumber(), r.quantity(), lot.unit(), r.receivedOn(), r.recallNumber(), r.reference()));
            }
        }
        List<MockRecallReport.Customer> customers = new ArrayList<>();
        perCustomer.forEach((customer, list) -> {
            Map<String, BigDecimal> shippedOf = new TreeMap<>();
            list.forEach(s -> shippedOf.merge(s.lotNumber(), s.quantity(), BigDecimal::add));
            List<MockRecallReport.CustomerLot> lots = new ArrayList<>();
            List<MockRecallReport.DestroyedAtCustomer> destroyed = new ArrayList<>();
            shippedOf.forEach((lotNumber, quantity) -> {
                ScopeLot lot = byNumber.get(lotNumber);
                CustomerHoldings.Holding h = holdings.holding(customer, lotNumber);
                lots.add(new MockRecallReport.CustomerLot(lotNumber, lot.sku(), lot.unit(), quantity,
                        MassBalance.zeroIfNull(h.received()), MassBalance.zeroIfNull(h.stillAtCustomer()),
                        MassBalance.zeroIfNull(h.destroyed())));
                List<CustomerHoldings.Answer> its = holdings.answers(customer, lotNumber);
                for (CustomerHoldings.Answer a : its) {
                    if (a.destroyed() != null && a.destroyed().signum() > 0) {
                        destroyed.add(new MockRecallReport.DestroyedAtCustomer(a.recallNumber(), List.of(lotNumber),
                                a.destroyed(), lot.unit()));
                    }
                }
                findings.addAll(CustomerHoldings.findings(customer, lotNumber, lot.unit(), h, its));
            });
            destroyed.addAll(destroyedOf.getOrDefault(customer, List.of()));
            destroyed.sort(java.util.Comparator.comparing(MockRecallReport.DestroyedAtCustomer::recallNumber));
            customers.add(new MockRecallReport.Customer(customer, lots, list.stream()
                    .map(s -> new MockRecallReport.Shipment(s.lotNumber(), s.orderNumber(), s.quantity(),
                            byNumber.get(s.lotNumber()).unit(), s.shippedAt(), s.carrier()))
                    .toList(), receiptsOf.getOrDefault(customer, List.of()), destroyed));
        });
        return customers;
    }

    /** The drill's customer {@code customer} is listed as: exactly that name, else the first of it in another case. */
    private static String listedAs(Collection<String> listed, String customer) {
        if (listed.contains(customer)) {
            return customer;
        }
        String folded = customer == null ? "" : customer.strip().toLowerCase(java.util.Locale.ROOT);
        return listed.stream().filter(c -> c.strip().toLowerCase(java.util.Locale.ROOT).equals(folded)).sorted()
                .findFirst().orElse(null);
    }

    private record ScopeLot(Long id, String lotNumber, String sku, String productName, String unit, String status,
            String role, int depth, org.lotflow.lot.LotQuantities quantities) {
    }
}
