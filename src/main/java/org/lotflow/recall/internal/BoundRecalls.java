package org.lotflow.recall.internal;

import org.lotflow.shared.NotFound;
import org.lotflow.shared.NotPermitted;
import org.lotflow.shared.StateConflict;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recall of a {@code lotRecall} process: the process's business key is the recall number, and a
 * recall has exactly one process, bound to it by one atomic UPDATE when the process starts. Every
 * step of the process finds its recall here, never through a process variable (contract; issue #8).
 */
@Component
public class BoundRecalls {

    private final RecallStore store;
    private final NotificationStore notifications;

    BoundRecalls(RecallStore store, NotificationStore notifications) {
        this.store = store;
        this.notifications = notifications;
    }

    /**
     * Start listener of {@code lotRecall} started with a business key: binds the process instance to
     * the recall of that number, which must have been opened by lotflow in this very transaction
     * ({@link RecallOpening}) and have no process yet. Any other start (engine REST, Tasklist with a
     * business key, {@code RuntimeService}) is refused: {@link NotPermitted} (403) for a number that is
     * no recall being opened, {@link StateConflict} (409) for a recall that has its process already;
     * nothing is started (contract: lotRecall only by a recall coordinator's recall or a RECALL
     * disposition; issue #8).
     */
    @Transactional
    public void bind(String recallNumber, String processInstanceId) {
        RecallStore.RecallRow recall = store.find(recallNumber).orElseThrow(() -> new NotPermitted(
                "lotRecall is started only by opening a recall (POST /api/recalls, its Tasklist start form without "
                        + "a business key, or a RECALL disposition); there is no recall '" + recallNumber + "'"));
        if (recall.processInstanceId() != null || store.bindProcess(recallNumber, processInstanceId) != 1) {
            throw new StateConflict("Recall " + recallNumber + " already has its lotRecall process")
                    .with("recallNumber", recallNumber);
        }
    }

    /** Binds a recall opened from the Tasklist start form to the process being started; 409 if it has one. */
    void bindOpened(String recallNumber, String processInstanceId) {
        if (store.bindProcess(recallNumber, processInstanceId) != 1) {
            throw new StateConflict("Recall " + recallNumber + " already has a process");
        }
    }

    /** The recall of a lotRecall process: by business key, and only the process bound to it (409 otherwise). */
    RecallStore.RecallRow of(String recallNumber, String processInstanceId) {
        RecallStore.RecallRow recall = recallNumber == null ? null : store.find(recallNumber).orElse(null);
        if (recall == null || !processInstanceId.equals(recall.processInstanceId())) {
            throw new StateConflict("Process " + processInstanceId + " is not the lotRecall process of recall "
                    + recallNumber).with("recallNumber", recallNumber);
        }
        return recall;
    }

    /**
     * The recall of a {@code lotRecall} process or of one of its customers' {@code recallNotification}
     * processes (bound to a notification row of that recall when lotflow started it): by business key,
     * 409 for any other process.
     */
    RecallStore.RecallRow ofRecallOrNotification(String recallNumber, String processInstanceId) {
        RecallStore.RecallRow recall = recallNumber == null ? null : store.find(recallNumber).orElse(null);
        if (recall != null && (processInstanceId.equals(recall.processInstanceId())
                || notifications.isBound(recall.id(), processInstanceId))) {
            return recall;
        }
        throw new StateConflict("Process " + processInstanceId + " is neither the lotRecall process of recall "
                + recallNumber + " nor one of its customer notifications").with("recallNumber", recallNumber);
    }

    /** The recall of that number for the API; {@link NotFound} (404) for none. */
    RecallStore.RecallRow find(String recallNumber) {
        return store.find(recallNumber).orElseThrow(() -> new NotFound("Recall", recallNumber));
    }
}
