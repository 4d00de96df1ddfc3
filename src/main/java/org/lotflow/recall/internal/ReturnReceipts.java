package org.lotflow.recall.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.lotflow.lot.Lot;
import org.lotflow.lot.LotReturns;
import org.lotflow.lot.LotStatus;
import org.lotflow.lot.LotStock;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.Groups;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.StateConflict;
import org.lotflow.shared.input.InputRules;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: goods of a recalled lot a customer sent back, received at the plant
 * ({@code POST /api/recalls/{recallNumber}/received-returns}; the seed: "coordinate product retrieval, document all
 * actions taken"; 21 CFR 7.55(a): a recall ends once the recalled product has had proper disposition). The quantity is
 * on hand again in its lot ({@link LotReturns}: {@code shipped} shrinks by it, a {@code RETURN_RECEIVED} event in its
 * history) and the recall's signed closing disposes of it with the lot's other stock, so a lot shipped whole and sent
 * back is destroyed (or returned to its supplier) on the record, not only in the closing's comment. A receipt is by lot:
 * the plant reads the lot number on the drums that come back. What the customer said it returned
 * ({@code quantityReturned} of its answer, {@link RecallReturns}) stays its statement; this is what arrived.
 */
@Service
public class ReturnReceipts {

    /** At most this many characters in a receipt's {@code reference} (the customer's return note or RMA number). */
    static final int MAX_REFERENCE = 200;

    private final RecallStore store;
    private final ReturnReceiptStore receipts;
    private final BoundRecalls bound;
    private final LotStock lots;
    private final LotReturns lotReturns;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final org.lotflow.serial.SerialReturns serialReturns;

    public ReturnReceipts(RecallStore store, ReturnReceiptStore receipts, BoundRecalls bound, LotStock lots,
            LotReturns lotReturns, CurrentUser currentUser, Clock clock,
            org.lotflow.serial.SerialReturns serialReturns) {
        this.serialReturns = serialReturns;
        this.store = store;
        this.receipts = receipts;
        this.bound = bound;
        this.lots = lots;
        this.lotReturns = lotReturns;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Records that {@code quantity} (in the lot's unit, more than 0, at most 3 decimals, never rounded) of recalled lot
     * {@code lotNumber} came back from {@code customer} (as the recall lists it, in any case) on {@code receivedOn}
     * (a day from the recall's opening to today; today when not given), with an optional {@code reference} (the return
     * note, one line of at most {@value #MAX_REFERENCE} characters); a serialised product's units by {@code serials},
     * one each, every one received by that customer of that lot ({@link org.lotflow.serial.SerialReturns}). All of a customer's receipts of a lot together are
     * at most what the recall's shipments of that lot sent it. Refusals, nothing changed: 403 for anyone but recall
     * coordinators and QA managers; 400 naming {@code lotNumber} (not a lot the recall recalled), {@code customer}
     * (received none of that lot), {@code quantity}, {@code receivedOn} or {@code reference}; 409 once the recall is
     * closed or its closing is signed (the closing disposes of what was on hand when it was signed), and when the lot
     * is neither RECALLED nor REJECTED. A lot the recall kept REJECTED (its customers notified) takes goods back as a
     * recalled one does, and the closing disposes of them (auditor 2026-12-07 F1); a lot that was ARCHIVED when the
     * recall reached it or one another recall recalled does not (400 naming {@code lotNumber}, the other recall's
     * number said). Decided by how the recall took the lot, not by its status now (auditor 26b F3): a lot it took and
     * that was ARCHIVED afterwards goes back to RECALLED (or REJECTED) and takes its goods back ({@link LotReturns}).
     */
    @Transactional
    public void receive(String recallNumber, String lotNumberAsSent, String customerAsSent, BigDecimal quantity,
            LocalDate receivedOnAsSent, String referenceAsSent, List<String> serials) {
        currentUser.requireToRecord("receive a recall's returned goods", Groups.RECALL_COORDINATOR,
                Groups.QA_MANAGER);
        String lotNumber = org.lotflow.shared.input.TypedLotNumber.of("lotNumber", lotNumberAsSent,
                "name the lot written on the goods that came back");
        String customer = customerAsSent == null ? null : customerAsSent.strip();
        CustomerNotification.requireCustomerAndUnit(customer, null);
        InputRules.require("quantity", quantity == null ? "give the quantity that came back, in the lot's unit"
                : InputRules.quantity(quantity, false));
        String reference = InputRules.optionalLine("reference", referenceAsSent, MAX_REFERENCE);
        LocalDate today = LocalDate.now(clock);
        LocalDate receivedOn = receivedOnAsSent == null ? today : receivedOnAsSent;
        if (receivedOn.isAfter(today)) {
            throw new InvalidInput("receivedOn", receivedOn + " is after today (" + today + "): record goods once"
                    + " they have arrived");
        }
        RecallStore.RecallRow recall = store.lock(bound.find(recallNumber).id());
        if (RecallStatus.CLOSED.equals(recall.status())) {
            throw new StateConflict("Recall " + recall.recallNumber() + " is closed: goods received after its closing"
                    + " are not its stock to dispose of; record them with the QA department")
                    .with("recallNumber", recall.recallNumber());
        }
        if (recall.closeRequestedAt() != null) {
            throw new StateConflict("The closing of recall " + recall.recallNumber() + " is signed: it disposes of the"
                    + " stock on hand as it was signed; goods that arrive now are recorded with the QA department")
                    .with("recallNumber", recall.recallNumber());
        }
        LocalDate opened = recall.openedAt().atZone(clock.getZone()).toLocalDate();
        if (receivedOn.isBefore(opened)) {
            throw new InvalidInput("receivedOn", receivedOn + " is before recall " + recall.recallNumber()
                    + " was opened (" + opened + "): goods that came back earlier were not returned under it");
        }
        RecallStore.LotRow lot = returnedLot(recall, lotNumber);
        List<RecallStore.ShipmentRow> shipped = store.shipments(recall.id(), customer).stream()
                .filter(s -> s.lotId().equals(lot.lotId())).toList();
        if (shipped.isEmpty()) {
            List<String> received = store.shipments(recall.id()).stream().filter(s -> s.lotId().equals(lot.lotId()))
                    .map(RecallStore.ShipmentRow::customer).distinct().toList();
            throw new InvalidInput("customer", "recall " + recall.recallNumber() + " shipped nothing of lot "
                    + lot.lotNumber() + " to '" + customer + "'" + (received.isEmpty() ? ": no customer received it"
                            : "; it went to " + String.join(", ", received)));
        }
        String asRecorded = shipped.get(0).customer();
        BigDecimal sent = shipped.stream().map(RecallStore.ShipmentRow::quantity).reduce(BigDecimal.ZERO,
                BigDecimal::add);
        // what came back of the lot from that customer under any recall: a REJECTED lot may be in the scope of several
        // (re-test 2026-12-07 F4: 2 kg back under each of two recalls from a customer shipped 2); under the lot's
        // row lock, so two recalls' receipts of one lot wait for each other
        Lot stock = lots.lockAll(List.of(lot.lotId())).get(0);
        BigDecimal before = receipts.received(lot.lotId(), asRecorded);
        // so many drums or serialised units came back, never half of one (audit 28 F2); what is left of a shipment
        // recorded with a fraction before the rule can still come back
        org.lotflow.product.WholeUnits.require("quantity", stock.getProduct(), quantity, sent.subtract(before));
        if (before.add(quantity).compareTo(sent) > 0) {
            throw new InvalidInput("quantity", Quantities.plain(quantity) + " " + lot.unit() + " would make "
                    + Quantities.plain(before.add(quantity)) + " " + lot.unit() + " received back of lot "
                    + lot.lotNumber() + " from " + asRecorded + ", which was shipped " + Quantities.plain(sent) + " "
                    + lot.unit() + " of it" + (before.signum() == 0 ? ""
                            : " (" + Quantities.plain(before) + " " + lot.unit() + " received already)"));
        }
        // a serialised lot's units come back by serial, each one this customer received of it
        serialReturns.receive(stock.getProduct(), lot.lotId(), lot.lotNumber(), quantity, asRecorded,
                recall.recallNumber(), serials);
        // as the recall took the lot (its scope's record), whatever its status now: an ARCHIVED one goes back to it
        lotReturns.receiveRecalled(stock, quantity, asRecorded, recall.recallNumber(), receivedOn, reference,
                lot.recalled() || "RECALLED".equals(lot.previousStatus()) ? LotStatus.RECALLED : LotStatus.REJECTED);
        String by = currentUser.id();
        Instant now = clock.instant();
        receipts.insert(recall.id(), lot.lotId(), asRecorded, quantity, receivedOn, reference, now, by);
        store.event(recall.id(), now, "RETURN_RECEIVED", by, "Received back from " + asRecorded + ": "
                + Quantities.plain(quantity) + " " + lot.unit() + " of lot " + lot.lotNumber() + " on " + receivedOn
                + (reference == null ? "" : " (" + reference + ")") + "; on hand until the closing disposes of it");
        // a closing form already waiting, this recall's or any other's whose scope holds the lot (a REJECTED lot in
        // several: re-test 2026-12-07 N1), shows the stock to dispose of as it now stands: it is computed when the form
        // is read (CloseRecallListener; re-test 27 R1)
    }

    /**
     * Whether goods of a lot of a recall's scope come back under that recall: recalled by it, kept REJECTED by it, or
     * found RECALLED by an earlier recall that is closed now ({@link org.lotflow.recall.Recalls#receivesReturns(String,
     * String, boolean)}; the earlier recall's state read only for such a lot).
     */
    static boolean receives(RecallStore store, RecallStore.LotRow lot) {
        String action = lot.recalled() ? "RECALLED" : "SKIPPED";
        if (org.lotflow.recall.Recalls.receivesReturns(action, lot.previousStatus())) {
            return true;
        }
        return org.lotflow.recall.Recalls.receivesReturns(action, lot.previousStatus(),
                "RECALLED".equals(lot.previousStatus()) && store.openRecallOf(lot.lotId()).isPresent());
    }

    /**
     * The lot of the recall's scope whose goods come back under it ({@link org.lotflow.recall.Recalls#receivesReturns}:
     * recalled by it, or kept REJECTED), by number in any case; 400 naming lotNumber otherwise.
     */
    private RecallStore.LotRow returnedLot(RecallStore.RecallRow recall, String lotNumber) {
        RecallStore.LotRow lot = store.scopeLot(recall.id(), lotNumber)
                .orElseThrow(() -> new InvalidInput("lotNumber", "'" + lotNumber + "' is not a lot of recall " + recall.recallNumber() + " (GET /api/recalls/"
                        + recall.recallNumber() + " lists its " + store.scopeSize(recall.id()) + " lots)"));
        if (!receives(store, lot)) {
            throw new InvalidInput("lotNumber", "lot " + lot.lotNumber() + " is in the scope of recall "
                    + recall.recallNumber() + " but was not recalled by it (" + lot.note() + "): its goods are not"
                    + " received under this recall" + (lot.note().startsWith("already RECALLED by ")
                            ? "; receive them under " + lot.note().substring("already RECALLED by ".length()).split(" ")[0]
                            : ""));
        }
        return lot;
    }
}
