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

    public LotReturns(LotService lots, LotStock stock, LotHistory history) {
        this.lots = lots;
        this.stock = stock;
        this.history = history;
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
     * @throws StateConflict 409 when the lot is neither RECALLED nor REJECTED, or has less than {@code quantity}
     *         shipped; nothing changes
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void receiveRecalled(Lot lot, BigDecimal quantity, String customer, String recallNumber,
            LocalDate receivedOn, String reference) {
        Lot locked = lots.lockForChange(lot);
        if (locked.getStatus() != LotStatus.RECALLED && locked.getStatus() != LotStatus.REJECTED) {
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
