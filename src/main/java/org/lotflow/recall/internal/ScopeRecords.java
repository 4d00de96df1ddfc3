package org.lotflow.recall.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

import org.lotflow.history.LotEventTypes;
import org.lotflow.history.LotHistory;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotService;
import org.lotflow.lot.LotStatus;
import org.lotflow.recall.Classification;
import org.lotflow.recall.RecallEventTypes;
import org.lotflow.trace.Trace;
import org.lotflow.trace.TraceService;
import org.springframework.stereotype.Component;

/**
 * Records a locked scope as a recall opens it ({@link RecallOpening}): each lot RECALLED through the
 * lot module (or kept in scope with the note why not, {@link RecallScope}), then the shipments of the
 * scope from the order module's ledger and one notification per customer ({@link CustomerShipments}).
 */
@Component
class ScopeRecords {

    private final TraceService traces;
    private final LotService lots;
    private final LotHistory history;
    private final RecallStore store;
    private final NotificationStore notifications;

    ScopeRecords(TraceService traces, LotService lots, LotHistory history, RecallStore store,
            NotificationStore notifications) {
        this.traces = traces;
        this.lots = lots;
        this.history = history;
        this.store = store;
        this.notifications = notifications;
    }

    /**
     * What became of one lot of the scope: {@code note} null when this recall recalled it, else why not;
     * {@code coveredBy} the other recall, still open, that already recalled it (its customers are that recall's:
     * notified, and their returns counted, there; trace29 F2), else null (also when that recall is closed: the goods
     * then come back under this one, as {@link ReturnReceipts#receives} says).
     */
    record Outcome(String note, String coveredBy) {
    }

    /**
     * Recalls one lot of the scope, or records why not (see {@link Outcome}). {@code byDisposition}:
     * the recall is opened by a quarantine disposition, which set its named lot RECALLED itself.
     */
    Outcome lot(long recallId, String number, Classification classification, String why,
            Trace.TracedLot t, Lot lot, boolean named, boolean byDisposition, String by) {
        LotStatus previous = lot.getStatus();
        if (RecallScope.recalls(previous)) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("recallNumber", number);
            detail.put("classification", classification.name());
            detail.put("depth", t.depth());
            detail.put("named", named);
            lots.changeStatus(lot, LotStatus.RECALLED, why, detail, by);
            store.insertLot(recallId, lot.getId(), t.depth(), named, previous.name(), true, null);
            return new Outcome(null, null);
        }
        // an ARCHIVED lot an open recall took (archived before archiving left such lots alone, auditor 26b F3) is
        // that recall's: its goods come back under it, as a RECALLED lot's under the recall that recalled it
        String previousRecall = previous == LotStatus.RECALLED ? store.recallOf(lot.getId()).orElse(null)
                : previous == LotStatus.ARCHIVED ? store.openRecallOf(lot.getId()).orElse(null) : null;
        if (named && byDisposition && previous == LotStatus.RECALLED && previousRecall == null) {
            // the quarantine disposition that opens this recall has just set the lot RECALLED: it is
            // this recall's lot, recalled, not a lot skipped as recalled by another one
            String reason = "Recalled by its quarantine disposition, which opened recall " + number;
            store.insertLot(recallId, lot.getId(), t.depth(), true, statusBeforeRecalled(lot), true, reason);
            history.event(lot.getId(), RecallEventTypes.RECALL_SCOPE).by(by).reason(reason)
                    .detail("recallNumber", number).detail("status", previous.name()).record();
            return new Outcome(null, null);
        }
        String note = RecallScope.skipNote(previous, previousRecall);
        store.insertLot(recallId, lot.getId(), t.depth(), named, previous.name(), false, note);
        history.event(lot.getId(), RecallEventTypes.RECALL_SCOPE).by(by)
                .reason("In the scope of recall " + number + " but not recalled: " + note)
                .detail("recallNumber", number).detail("status", previous.name()).record();
        // covered only while that recall is open: a closed one takes nothing more, and the goods of its lot come back
        // under the recall that reached it since (auditor 26b F9; ReturnReceipts.receives, the same rule)
        String coveredBy = previous == LotStatus.RECALLED ? store.openRecallOf(lot.getId()).orElse(null)
                : previous == LotStatus.ARCHIVED ? previousRecall : null;
        return new Outcome(note, coveredBy);
    }

    /** The status the lot had before it became RECALLED, as its history's status change recorded it. */
    private String statusBeforeRecalled(Lot lot) {
        List<LotHistory.Entry> changes = history.of(lot.getId(), LotEventTypes.STATUS_CHANGED);
        for (int i = changes.size() - 1; i >= 0; i--) {
            if (LotStatus.RECALLED.name().equals(changes.get(i).newStatus())) {
                return changes.get(i).previousStatus();
            }
        }
        return LotStatus.RECALLED.name();
    }

    /**
     * Records the scope's shipments (lot number -> lot) and one notification per customer and unit of what it
     * received (auditor 2026-12-06 G2); how many customers and notifications that makes.
     */
    Notified customers(long recallId, Map<String, Lot> lotsByNumber) {
        List<CustomerShipments.Shipped> shipped = new ArrayList<>();
        List<RecallStore.NewShipment> rows = new ArrayList<>();
        List<Long> ids = lotsByNumber.values().stream().map(Lot::getId).toList();
        List<Trace.CustomerShipment> traced = traces.shipments(ids);
        // one spelling per customer and per unit whatever their case (A2, A3): the one of its earliest shipment, by
        // ship date, then order number and lot number (re-test R6: shipments of one day came in any order)
        Map<String, String> customerAs = new java.util.HashMap<>();
        Map<String, String> unitAs = new java.util.HashMap<>();
        traced.stream().sorted(java.util.Comparator.comparing(Trace.CustomerShipment::shippedAt,
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                .thenComparing(Trace.CustomerShipment::orderNumber).thenComparing(Trace.CustomerShipment::lotNumber))
                .forEach(s -> {
                    customerAs.putIfAbsent(CustomerShipments.fold(s.customer()), s.customer());
                    String unit = lotsByNumber.get(s.lotNumber()).getProduct().getUnit();
                    unitAs.putIfAbsent(CustomerShipments.fold(unit), unit);
                });
        for (Trace.CustomerShipment s : traced) {
            Lot lot = lotsByNumber.get(s.lotNumber());
            rows.add(new RecallStore.NewShipment(s.customer(), s.orderNumber(), lot.getId(), s.quantity(),
                    s.shippedAt(), s.carrier(), s.recordedAt()));
            shipped.add(new CustomerShipments.Shipped(customerAs.get(CustomerShipments.fold(s.customer())),
                    unitAs.get(CustomerShipments.fold(lot.getProduct().getUnit())), s.quantity()));
        }
        store.insertShipments(recallId, rows);
        SortedMap<CustomerShipments.Consignee, BigDecimal> perConsignee = CustomerShipments.shippedPerConsignee(shipped);
        notifications.insertAll(recallId, perConsignee);
        if (perConsignee.isEmpty()) {
            store.updateStatus(recallId, RecallStatus.AWAITING_CLOSE, null);
        }
        return new Notified((int) perConsignee.keySet().stream().map(CustomerShipments.Consignee::customer).distinct()
                .count(), perConsignee.size());
    }

    /** How many customers a recall reached, and how many notifications (one per customer and unit) that makes. */
    record Notified(int customers, int notifications) {

        /** "3 customer(s) to notify", and how many notifications when a customer received several units. */
        String sentence() {
            return customers + " customer(s) to notify" + (notifications == customers ? ""
                    : " (" + notifications + " notifications: one per customer and unit it received)");
        }
    }
}
