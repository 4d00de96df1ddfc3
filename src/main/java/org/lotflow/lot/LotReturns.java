package org.lotflow.lot;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.lotflow.history.LotEventTypes;
import org.lotflow.history.LotHistory;
import org.lotflow.shared.StateConflict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receiving a recalled lot's goods back from a customer (the seed: "coordinate product retrieval, document all actions
 * taken"; 21 CFR 7.55(a): a recall ends once the recalled product has had proper disposition; EU GMP Chapter 5.65:
 * recalled products are stored apart until their fate is decided): the quantity received leaves {@code shipped} and is
 * on hand again ({@link LotQuantities#receiveReturn}), where the recall's signed closing disposes of it with the rest of
 * the lot's stock ({@link LotDisposal#confirmRecalled}). The caller (the recall's use case) has checked that the lot is
 * in its recall's scope and that the customer received that much of it; this records the receipt itself.
 */
@Service
public class LotReturns {

    private final LotService lots;
    private final LotStock stock;
    private final LotHistory history;
    private final LotStatusChange statusChange;
    private final org.lotflow.security.CurrentUser currentUser;

    public LotReturns(LotService lots, LotStock stock, LotHistory history, LotStatusChange statusChange,
            org.lotflow.security.CurrentUser currentUser) {
        this.lots = lots;
        this.stock = stock;
        this.history = history;
        this.statusChange = statusChange;
        this.currentUser = currentUser;
    }

    /**
     * Locks the lot and takes {@code quantity} (in the product's unit, more than 0) of its shipped stock back on hand,
     * with a {@code RETURN_RECEIVED} event in its history by the current user: the {@code recallNumber}, the
     * {@code customer} it came from, the day it arrived ({@code receivedOn}), the return note ({@code reference}, may
     * be null), the quantity and unit, and the lot's quantities after it.
     *
     * A REJECTED lot of the recall's scope takes its goods back too (the recall notified its customers; the stock is
     * the rejected lot's until the recall's closing disposes of it, auditor 2026-12-07 F1).
     *
     * Whether the recall receives the lot's goods is decided by how it took the lot ({@code takenAs}: RECALLED, or
     * REJECTED kept in its scope), not by the lot's later status (auditor 26b F3): a lot the open recall took and that
     * was ARCHIVED afterwards (before archiving left the lots of open recalls alone) goes back to {@code takenAs}, with
     * a status change in its history, and takes its goods back, so the recall's signed closing disposes of them as of
     * any other of its lots (21 CFR 7.55(a)); an archived lot holds nothing on hand.
     *
     * @param takenAs how the caller's recall took the lot (RECALLED or REJECTED, from its scope's record)
     * @throws StateConflict 409 when the lot is neither RECALLED nor REJECTED (nor ARCHIVED after being taken so), or
     *         has less than {@code quantity} shipped; nothing changes
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void receiveRecalled(Lot lot, BigDecimal quantity, String customer, String recallNumber,
            LocalDate receivedOn, String reference, LotStatus takenAs) {
        Lot locked = lots.lockForChange(lot);
        boolean taken = takenAs == LotStatus.RECALLED || takenAs == LotStatus.REJECTED;
        if (locked.getStatus() == LotStatus.ARCHIVED && taken) {
            statusChange.reopenForRecall(locked, takenAs, "Goods received back under recall " + recallNumber
                    + ", which took the lot " + takenAs + " before it was archived: " + takenAs + " again until the"
                    + " recall's closing disposes of them", java.util.Map.of("recallNumber", recallNumber),
                    currentUser.id());
        } else if (locked.getStatus() != LotStatus.RECALLED && locked.getStatus() != LotStatus.REJECTED) {
            throw new StateConflict("Lot " + locked.getLotNumber() + " is " + locked.getStatus() + ": returned goods"
                    + " are received under a recall only while the lot is RECALLED (or REJECTED)")
                    .with("lotNumber", locked.getLotNumber()).with("lotStatus", locked.getStatus().name());
        }
        stock.receiveReturn(locked, quantity);
        String unit = locked.getProduct().getUnit();
        history.event(locked.getId(), LotEventTypes.RETURN_RECEIVED)
                .reason("Received back from " + customer + " (recall " + recallNumber + "): "
                        + quantity.stripTrailingZeros().toPlainString() + " " + unit + " on " + receivedOn)
                .detail("recallNumber", recallNumber).detail("customer", customer).detail("quantity", quantity)
                .detail("unit", unit).detail("receivedOn", receivedOn.toString()).detail("reference", reference)
                .detail("quantities", locked.quantities().asMap()).record();
    }
}
