package org.lotflow.recall.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.lotflow.security.CurrentUser;
import org.lotflow.security.Groups;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recall's read side: the API's view and export (any member of a business group, else 403;
 * 404 for an unknown recall), and the facts the {@code lotRecall} model's expressions need, read
 * from the recall tables by business key.
 */
@Service
public class RecallQueries {

    private final RecallStore store;
    private final RecalledStock recalledStock;
    private final NotificationStore notifications;
    private final BoundRecalls bound;
    private final RecallDeadlines deadlines;
    private final CurrentUser currentUser;
    private final org.lotflow.trace.TraceabilityRecords traceability;
    private final org.lotflow.trace.EpcisDocuments epcis;
    private final org.lotflow.serial.SerialLedger serials;
    private final ReturnReceiptStore receipts;
    private final org.lotflow.lot.LotStock lotStock;
    private final org.lotflow.history.LotHistory history;

    RecallQueries(RecallStore store, NotificationStore notifications, BoundRecalls bound, RecallDeadlines deadlines,
            CurrentUser currentUser, org.lotflow.trace.TraceabilityRecords traceability,
            org.lotflow.trace.EpcisDocuments epcis, org.lotflow.serial.SerialLedger serials,
            RecalledStock recalledStock, ReturnReceiptStore receipts, org.lotflow.lot.LotStock lotStock,
            org.lotflow.history.LotHistory history) {
        this.history = history;
        this.recalledStock = recalledStock;
        this.receipts = receipts;
        this.lotStock = lotStock;
        this.serials = serials;
        this.traceability = traceability;
        this.epcis = epcis;
        this.store = store;
        this.notifications = notifications;
        this.bound = bound;
        this.deadlines = deadlines;
        this.currentUser = currentUser;
    }

    /** {@code GET /api/recalls/{recallNumber}}. */
    @Transactional(readOnly = true)
    public RecallView view(String recallNumber) {
        currentUser.require(Groups.BUSINESS.toArray(String[]::new));
        RecallStore.RecallRow r = bound.find(recallNumber);
        CustomerShipments shipments = new CustomerShipments(store.shipments(r.id()));
        List<NotificationStore.NotificationRow> rows = this.notifications.all(r.id());
        // the serials of the scope's lots that reached each customer (issue #16; one query)
        java.util.Map<String, List<String>> serialsOf = CustomerShipments.byCustomer(serials.shippedFrom(
                store.scopeLotIds(r.id())));
        java.util.Map<String, Long> unitsOf = rows.stream().collect(java.util.stream.Collectors.groupingBy(
                NotificationStore.NotificationRow::customer, java.util.stream.Collectors.counting()));
        List<RecallView.Customer> customers = new ArrayList<>();
        List<RecallStore.EventRow> events = store.events(r.id());
        List<RecallView.ReceivedReturn> received = receivedReturns(r.id()); // read once, shown twice
        ReceivedAtPlant atPlant = ReceivedAtPlant.of(received); // summed once, asked per customer
        for (NotificationStore.NotificationRow n : rows) {
            // a customer listed once per unit it received (G2) gets the serials of that unit's lots (one query each)
            List<String> serialsOfRow = unitsOf.get(n.customer()) == 1 ? serialsOf.get(n.customer())
                    : CustomerShipments.byCustomer(serials.shippedFrom(shipments.lotsOf(n.consignee()).keySet()))
                            .get(n.customer());
            customers.add(new RecallView.Customer(n.customer(), n.quantityShipped(), shipments.unitOf(n.consignee()),
                    n.done(), n.reached(), n.notified(),
                    n.acknowledged(), n.quantityReturned(), n.quantityDestroyed(), n.contactMethod(),
                    n.contactPerson(), n.note(), n.notifiedBy(), n.notifiedAt(),
                    n.escalatedAt() != null, shipments.of(n.consignee()).stream().map(s -> new RecallView.Shipment(
                            s.lotNumber(), s.orderNumber(), s.quantity(), s.shippedAt())).toList(),
                    serialsOfRow, AnswerRecords.attempts(events, n.customer(), r.recallNumber(),
                            currentUser::nameWithId),
                    atPlant.apply(n.customer(), n.unit())));
        }
        // the closing's comment and justification as signed (the RECALL_CLOSED event), never the recall row's columns,
        // which an edit would change (re-test N3); the row's for a closing without a recorded signature
        org.lotflow.history.RecordedSignature closing = closingEvent(r, store.lots(r.id()));
        String closeComment = closing == null ? r.closeComment() : closing.detailText("comment");
        String closeJustification = closing == null ? r.closeJustification()
                : closing.detailText("closeJustification") != null ? closing.detailText("closeJustification")
                        : closing.detailText("belowTargetJustification");
        return new RecallView(r.recallNumber(), r.status(), r.classification(), r.reason(), r.openedBy(),
                r.openedAt(), r.closedBy(), r.closedAt(), closeComment, closeJustification, r.processInstanceId(),
                deadlines.notifyWithin(r.classification()),
                store.lots(r.id()).stream().map(l -> new RecallView.AffectedLot(l.lotNumber(), l.sku(),
                        l.productName(), l.depth(), l.named(), l.previousStatus(), l.currentStatus(),
                        l.recalled() ? "RECALLED" : "SKIPPED", l.note(), ReturnReceipts.receives(store, l))).toList(),
                customers, Effectiveness.of(rows, atPlant),
                events.stream().map(e -> new RecallView.TimelineEntry(e.at(), e.type(), e.user(),
                        e.text())).toList(), DisposalRecords.disposals(r.closeDisposals()), received,
                closing == null ? null : new RecallView.Signature(closing.userId(), closing.fullName(), closing.at(),
                        closing.meaning()), otherLotsOfSupplierLots(store.lots(r.id())));
    }

    /**
     * The lots received of the supplier lots of the recall's named lots (same supplier, same supplier lot number as
     * receipts compare them) that are not in its scope, by lot number ({@link RecallView.SupplierLotSibling}).
     */
    List<RecallView.SupplierLotSibling> otherLotsOfSupplierLots(List<RecallStore.LotRow> scope) {
        java.util.Set<String> inScope = new java.util.HashSet<>();
        scope.forEach(l -> inScope.add(l.lotNumber()));
        java.util.SortedMap<String, RecallView.SupplierLotSibling> out = new java.util.TreeMap<>();
        for (RecallStore.LotRow l : scope) {
            if (!l.named()) {
                continue;
            }
            org.lotflow.lot.Lot lot = lotStock.findByLotNumber(l.lotNumber()).orElse(null);
            if (lot == null || lot.getSupplierLotNumber() == null || lot.getSupplier() == null) {
                continue;
            }
            for (org.lotflow.lot.LotStock.ReceivedLot s : lotStock.ofSupplierLot(lot.getSupplier(),
                    lot.getSupplierLotNumber())) {
                if (!inScope.contains(s.lotNumber())) {
                    out.put(s.lotNumber(), new RecallView.SupplierLotSibling(s.lotNumber(), s.supplier(),
                            s.supplierLotNumber(), s.status().name()));
                }
            }
        }
        return List.copyOf(out.values());
    }

    /**
     * The closing's signed {@code RECALL_CLOSED} event of this recall as the history of the recall's lots recorded it
     * (its signature: printed name, time of the signing, meaning; and in its detail the closing
     * report as signed: {@code comment}, {@code closeJustification} or {@code belowTargetJustification}, the
     * figures), or null while it is not closed or for a closing without a signature.
     */
    private org.lotflow.history.RecordedSignature closingEvent(RecallStore.RecallRow r,
            List<RecallStore.LotRow> scope) {
        if (r.closedAt() == null) {
            return null;
        }
        for (RecallStore.LotRow lot : scope) {
            for (org.lotflow.history.RecordedSignature s : history.signatures(lot.lotId(),
                    org.lotflow.recall.RecallEventTypes.RECALL_CLOSED)) {
                if (r.recallNumber().equals(s.detailText("recallNumber"))) {
                    return s;
                }
            }
        }
        return null;
    }

    /** The recall's goods received back, in the order recorded, with their lots' numbers and units. */
    /** What was received back at the plant from each customer, per unit, for the recall ({@link StillAtCustomers}). */
    ReceivedAtPlant receivedAtPlant(long recallId) {
        return ReceivedAtPlant.of(receivedReturns(recallId));
    }

    private List<RecallView.ReceivedReturn> receivedReturns(long recallId) {
        List<ReturnReceiptStore.Row> rows = receipts.of(recallId);
        java.util.Map<Long, org.lotflow.lot.LotLabel> labels = lotStock.labels(rows.stream()
                .map(ReturnReceiptStore.Row::lotId).distinct().toList());
        return rows.stream().map(x -> new RecallView.ReceivedReturn(labels.get(x.lotId()).lotNumber(), x.customer(),
                x.quantity(), labels.get(x.lotId()).unit(), x.receivedOn(), x.reference(), x.recordedBy(),
                x.recordedAt())).toList();
    }

    /** {@code GET /api/recalls/{recallNumber}/export}: what the CSV is made of ({@link RecallExport}). */
    @Transactional(readOnly = true)
    public RecallExport.Data exportData(String recallNumber) {
        currentUser.require(Groups.BUSINESS.toArray(String[]::new));
        RecallStore.RecallRow r = bound.find(recallNumber);
        List<org.lotflow.trace.TraceabilityRecords.Shipment> shipments = store.shipments(r.id()).stream()
                .map(s -> new org.lotflow.trace.TraceabilityRecords.Shipment(s.lotId(), s.customer(), s.orderNumber(),
                        s.quantity(), s.shippedAt(), s.carrier(), s.recordedAt())).toList();
        return new RecallExport.Data(r.recallNumber(), traceability.of(store.scopeLotIds(r.id()), shipments));
    }

    /**
     * {@code GET /api/recalls/{recallNumber}/epcis}: the EPCIS 2.0 document of the recall's frozen scope (its lots
     * and the shipments recorded when it opened), as the export's records. Business groups; 404 for an unknown recall.
     */
    @Transactional(readOnly = true)
    public org.lotflow.trace.EpcisDocuments.Document epcis(String recallNumber) {
        currentUser.require(Groups.BUSINESS.toArray(String[]::new));
        RecallStore.RecallRow r = bound.find(recallNumber);
        List<org.lotflow.trace.TraceabilityRecords.Shipment> shipments = store.shipments(r.id()).stream()
                .map(s -> new org.lotflow.trace.TraceabilityRecords.Shipment(s.lotId(), s.customer(), s.orderNumber(),
                        s.quantity(), s.shippedAt(), s.carrier(), s.recordedAt())).toList();
        return epcis.of(store.scopeLotIds(r.id()), shipments);
    }

    /**
     * The version of a closing summary's figures: the first 16 hex digits of its SHA-256. The closing form shows it
     * and sends it back when signed, so a signature on figures that changed meanwhile is refused ({@link
     * RecallClosing#sign}; re-test 2026-12-06 R3): {@link org.lotflow.shared.process.FiguresVersion}, the rule every
     * signing form with live figures follows.
     */
    public static String figuresVersion(String summary) {
        return org.lotflow.shared.process.FiguresVersion.of(summary);
    }

    /**
     * What the {@code closeRecall} form shows as text (its embedded form prints users' texts as they are; absent ones
     * "-"), the text a figures version is taken of.
     */
    @Transactional(readOnly = true)
    public String closeSummary(String recallNumber, String processInstanceId) {
        return closeSummary(recallNumber, processInstanceId,
                t -> t == null ? org.lotflow.shared.process.TaskForm.ABSENT : t);
    }

    /**
     * What the {@code closeRecall} form shows (Markdown), for the recall of the business key, with {@code e} applied
     * to every text of a user's (reason, customers).
     */
    @Transactional(readOnly = true)
    public String closeSummary(String recallNumber, String processInstanceId, java.util.function.UnaryOperator<String> e) {
        RecallStore.RecallRow recall = bound.of(recallNumber, processInstanceId);
        StringBuilder sb = new StringBuilder();
        sb.append("**").append(e.apply(org.lotflow.recall.Classification.inWords(recall.classification())))
                .append("**: ")
                .append(e.apply(recall.reason())).append("\n\n");
        String recalledLots = store.lots(recall.id()).stream().filter(RecallStore.LotRow::recalled)
                .map(RecallStore.LotRow::lotNumber).collect(Collectors.joining(", "));
        // none recalled (a recall of a REJECTED lot, kept as it was): said, not an empty heading (re-test F3)
        sb.append("Lots recalled: ").append(recalledLots.isEmpty() ? "none (the lots of its scope are kept as they"
                + " were; their customers are notified)" : e.apply(recalledLots)).append("\n\n");
        List<NotificationStore.NotificationRow> rows = this.notifications.all(recall.id());
        ReceivedAtPlant received = receivedAtPlant(recall.id());
        for (NotificationStore.NotificationRow n : rows) {
            String unit = n.unit() == null ? "" : " " + e.apply(n.unit());
            java.math.BigDecimal atDock = received.apply(n.customer(), n.unit());
            sb.append("- ").append(e.apply(n.customer())).append(": shipped ").append(Quantities.plain(n.quantityShipped()))
                    .append(unit).append(", returned ").append(n.quantityReturned() == null ? "-"
                            : Quantities.plain(n.quantityReturned()) + unit)
                    .append(n.quantityDestroyed() == null ? "" : ", destroyed at the customer "
                            + Quantities.plain(n.quantityDestroyed()) + unit)
                    .append(n.contactMethod() == null ? "" : (n.notReached() ? ", could not be reached by "
                            : ", reached by ") + AnswerRecords.contactWords(n.contactMethod()) + " ("
                            + (n.notReached() ? "tried: " : "") + e.apply(n.contactPerson()) + ")")
                    .append(", ").append(n.notReached() ? "NOT notified" : Boolean.TRUE.equals(n.acknowledged())
                            ? "acknowledged" : "not acknowledged")
                    // what arrived at the dock beside what the customer said (re-test 2026-12-06 2)
                    .append(", received back at the plant ").append(Quantities.plain(atDock)).append(unit)
                    .append(receiptRemark(n, atDock))
                    .append('\n');
        }
        sb.append('\n').append(Effectiveness.of(rows, received).summary());
        RecalledStock.Left left = recalledStock.left(recall.id());
        sb.append("\n\n").append(left.isEmpty() ? "No recalled lot has stock on hand: leave the disposal empty."
                : "To dispose of on closing: " + e.apply(left.describe()) + ". Choose how below; a lot that leaves"
                        + " differently gets a line of its own.");
        return sb.toString();
    }

    /**
     * For the signed closing's report: each customer (and unit) something came back from or whose answer disagrees with
     * what came back: {@code customer}, {@code unit}, {@code quantityReceived} at the plant, {@code quantityReturned}
     * as the customer said (null when not answered), and {@code check}, the closing form's remark ("" when none).
     */
    @Transactional(readOnly = true)
    public List<java.util.Map<String, Object>> receivedAgainstSaid(long recallId) {
        ReceivedAtPlant received = receivedAtPlant(recallId);
        List<java.util.Map<String, Object>> out = new ArrayList<>();
        for (NotificationStore.NotificationRow n : notifications.all(recallId)) {
            java.math.BigDecimal atDock = received.apply(n.customer(), n.unit());
            String remark = receiptRemark(n, atDock).strip();
            if (atDock.signum() == 0 && remark.isEmpty()) {
                continue;
            }
            java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
            row.put("customer", n.customer());
            row.put("unit", n.unit());
            row.put("quantityReceived", atDock);
            row.put("quantityReturned", n.notReached() ? null : n.quantityReturned());
            row.put("check", remark.isEmpty() ? "" : remark.substring(1, remark.length() - 1));
            out.add(row);
        }
        return out;
    }

    /**
     * What the plant received back from {@code customer} of lots in {@code unit} (null: of any unit), customer and unit
     * matched whatever their case, as the notifications group them ({@link CustomerShipments.Consignee}: a customer that
     * received "drums" and "Drums" has one notification in "drums"; auditor 2026-12-07 24b F1: goods received of the
     * "Drums" lot were read as never received).
     */
    static java.math.BigDecimal received(List<RecallView.ReceivedReturn> received, String customer, String unit) {
        return ReceivedAtPlant.of(received).apply(customer, unit);
    }

    /**
     * A remark where the goods received back and the customer's answer disagree: goods from a customer recorded as not
     * reached, or another quantity than it said it returned; "" otherwise.
     */
    static String receiptRemark(NotificationStore.NotificationRow n, java.math.BigDecimal atDock) {
        return switch (org.lotflow.recall.ReturnCheck.of(n.done(), n.notReached(), n.quantityReturned(), atDock)) {
            case FROM_NOT_REACHED -> " (CHECK: goods came back from a customer recorded as not reached: record the"
                    + " contact that reached it)";
            case DIFFERS -> " (CHECK: the customer said " + Quantities.plain(n.quantityReturned()) + " returned)";
            // goods ahead of the answer: the closing waits for every answer in any case
            case BEFORE_ANSWER, NONE -> "";
        };
    }

    /**
     * The number of customer notifications (one {@code notifyCustomer} each, one per customer and unit it
     * received), from the recall's own notification rows: the "any customers?" gateway.
     */
    @Transactional(readOnly = true)
    public int customerCount(String recallNumber, String processInstanceId) {
        return notifications.count(bound.of(recallNumber, processInstanceId).id());
    }

    /**
     * The moment the recall's customers are to be notified by: its opening plus its class's deadline (timer and due
     * date of every attempt; {@link RecallDeadlines#notifyBy}), for one of its {@code recallNotification} processes.
     */
    @Transactional(readOnly = true)
    public java.time.Instant notifyBy(String recallNumber, String processInstanceId) {
        RecallStore.RecallRow recall = bound.ofRecallOrNotification(recallNumber, processInstanceId);
        return deadlines.notifyBy(recall.classification(), recall.openedAt());
    }

    /** The ISO-8601 window of the recall's class ({@link RecallDeadlines#notifyWithin}), for earlier definitions. */
    @Transactional(readOnly = true)
    public String notifyWithin(String recallNumber, String processInstanceId) {
        return deadlines.notifyWithin(bound.ofRecallOrNotification(recallNumber, processInstanceId).classification());
    }

    /** Whether the notification bound to that {@code recallNotification} process is still open (tried again). */
    @Transactional(readOnly = true)
    public boolean notificationOpen(String recallNumber, String processInstanceId) {
        return notifications.openOfProcess(bound.ofRecallOrNotification(recallNumber, processInstanceId).id(),
                processInstanceId);
    }
}
