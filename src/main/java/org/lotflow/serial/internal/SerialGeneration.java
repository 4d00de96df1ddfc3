package org.lotflow.serial.internal;

import org.lotflow.lot.LotCreated;
import org.lotflow.lot.LotService;
import org.lotflow.serial.SerialRegistration;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Gives a new lot of a serialised product its serials as it is made or received ({@link LotCreated}, published in
 * the creating transaction): before any other listener starts a process for it, so a refusal (a fractional
 * quantity, too many units) undoes the lot and everything of it.
 */
@Component
public class SerialGeneration {

    private final LotService lots;
    private final SerialRegistration registration;

    private final SerialStore store;

    public SerialGeneration(LotService lots, SerialRegistration registration, SerialStore store) {
        this.lots = lots;
        this.registration = registration;
        this.store = store;
    }

    /** Checks the lot's units and generates its serials ({@link SerialRegistration#generate}). */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public void onLotCreated(LotCreated created) {
        registration.generate(lots.get(created.lotId()));
    }

    /**
     * A lot's stock on hand left it without a shipment ({@link org.lotflow.lot.LotStockLeft}): its units still in stock
     * are DISPOSED or CONSUMED with it (auditor 2026-12-06 G6), in the same transaction.
     */
    @EventListener
    public void onStockLeft(org.lotflow.lot.LotStockLeft left) {
        store.markLeft(left.lotId(), left.how() == org.lotflow.lot.LotStockLeft.How.DISPOSED
                ? org.lotflow.serial.SerialStatus.DISPOSED : org.lotflow.serial.SerialStatus.CONSUMED);
    }
}
