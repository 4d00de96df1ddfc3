package org.lotflow.lot;

import java.util.Map;

import org.lotflow.history.LotEventTypes;
import org.lotflow.history.LotHistory;
import org.lotflow.lot.internal.LotRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case "move a lot through its lifecycle" ({@link LotStatus}; 409 {@link IllegalTransitionException}
 * when the lifecycle forbids it): the change, its history event and {@link LotStatusChanged}, in the
 * caller's transaction. Package-private like {@link Lot#transitionTo}: other modules call
 * {@link LotService#changeStatus}.
 */
@Service
class LotStatusChange {

    private final LotRepository lots;
    private final LotHistory history;
    private final ApplicationEventPublisher events;

    LotStatusChange(LotRepository lots, LotHistory history, ApplicationEventPublisher events) {
        this.lots = lots;
        this.history = history;
        this.events = events;
    }

    /** Changes the status on behalf of {@code byUser} (the person whose decision a process step carries out). */
    @Transactional
    Lot change(Lot lot, LotStatus next, String reason, Map<String, ?> detail, String byUser) {
        LotStatus previous = lot.transitionTo(next);
        lots.save(lot);
        history.event(lot.getId(), LotEventTypes.STATUS_CHANGED).by(byUser).status(previous, next).reason(reason)
                .details(detail).record();
        events.publishEvent(new LotStatusChanged(lot.getId(), lot.getLotNumber(), previous, next, reason));
        return lot;
    }
}
