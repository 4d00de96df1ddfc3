package org.lotflow.recall.internal;

import java.time.Clock;
import java.util.List;

import org.lotflow.security.CurrentUser;
import org.lotflow.shared.StateConflict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The effectiveness check after the last customer answered (21 CFR 7.42(b)(3)): its level
 * ({@link Effectiveness}) is recorded on the recall, which then awaits a QA manager's closing.
 */
@Service
public class EffectivenessCheck {

    private final RecallStore store;
    private final NotificationStore notificationStore;
    private final BoundRecalls bound;
    private final Clock clock;
    private final RecallQueries queries;

    EffectivenessCheck(RecallStore store, NotificationStore notificationStore, BoundRecalls bound, Clock clock,
            RecallQueries queries) {
        this.store = store;
        this.notificationStore = notificationStore;
        this.bound = bound;
        this.clock = clock;
        this.queries = queries;
    }

    /**
     * Checks the recall of the business key and records the check on its timeline; 409
     * ({@link StateConflict}) while a customer notification is still open.
     */
    @Transactional
    public Effectiveness assess(String recallNumber, String processInstanceId) {
        long recallId = bound.of(recallNumber, processInstanceId).id();
        List<NotificationStore.NotificationRow> notifications = notificationStore.all(recallId);
        long open = notifications.stream().filter(n -> !n.done()).count();
        if (open > 0) {
            throw new StateConflict("Recall " + recallNumber + " still has " + open
                    + " customer notification(s) open");
        }
        Effectiveness e = Effectiveness.of(notifications, queries.receivedAtPlant(recallId));
        store.updateStatus(recallId, RecallStatus.AWAITING_CLOSE, e.level());
        store.event(recallId, clock.instant(), "EFFECTIVENESS_CHECKED", CurrentUser.SYSTEM, e.summary());
        return e;
    }
}
