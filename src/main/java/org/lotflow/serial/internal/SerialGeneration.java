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

    public SerialGeneration(LotService lots, SerialRegistration registration) {
        this.lots = lots;
        this.registration = registration;
    }

    /** Checks the lot's units and generates its serials ({@link SerialRegistration#generate}). */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public void onLotCreated(LotCreated created) {
        registration.generate(lots.get(created.lotId()));
    }
}
