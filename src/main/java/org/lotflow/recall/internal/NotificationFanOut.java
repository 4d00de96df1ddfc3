package org.lotflow.recall.internal;

import java.util.List;

import org.lotflow.recall.internal.process.LotRecallProcess;
import org.lotflow.shared.StateConflict;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Giving a recall's customers their notification processes, a batch at a time (issue #11: a recall
 * reaching 10,000 customers opens in at most 60 s, its lots stopped within the first seconds, the
 * notification tasks created in batches outside the opening's transaction, memory flat).
 *
 * <p>Opening a recall ({@link RecallOpening}) writes one notification row per customer in the
 * requester's transaction and starts {@code lotRecall}, nothing more. Its service task
 * {@code startNotificationProcesses} runs as a job and calls {@link #startNext} until no customer is
 * left: each call starts, in customer order, up to {@code lotflow.recall.notification-batch}
 * (default 500) {@code recallNotification} processes and binds each to its customer's row. Their
 * starts are asynchronous, so a batch commits in well under a second, and the job executor then
 * makes the customers' {@code notifyCustomer} tasks in parallel, each in its own small transaction.
 */
@Service
public class NotificationFanOut {

    private final RecallStore store;
    private final NotificationStore notifications;
    private final BoundRecalls bound;
    private final LotRecallProcess process;
    private final int batchSize;

    NotificationFanOut(RecallStore store, NotificationStore notifications, BoundRecalls bound,
            LotRecallProcess process, @Value("${lotflow.recall.notification-batch:500}") int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("lotflow.recall.notification-batch must be at least 1, not " + batchSize);
        }
        this.store = store;
        this.notifications = notifications;
        this.bound = bound;
        this.process = process;
        this.batchSize = batchSize;
    }

    /**
     * Service task {@code startNotificationProcesses} of the recall's {@code lotRecall} (found by
     * business key, and only its own process; 409 otherwise): starts the next batch of customers'
     * {@code recallNotification} processes under the recall row's lock (a job run twice at once, on
     * two nodes, queues and then finds those customers taken) and returns how many started.
     */
    @Transactional
    public int startNext(String recallNumber, String processInstanceId) {
        RecallStore.RecallRow recall = store.lock(bound.of(recallNumber, processInstanceId).id());
        List<NotificationStore.Unstarted> next = notifications.nextUnstarted(recall.id(), batchSize);
        for (NotificationStore.Unstarted n : next) {
            String started = process.startNotification(recall.recallNumber());
            if (!notifications.bindProcess(n.id(), started)) {
                throw new StateConflict("The notification at place " + n.position() + " of recall "
                        + recallNumber + " has its process already");
            }
        }
        return next.size();
    }

    /** How many of the recall's customers have no notification process yet (the model's loop condition). */
    @Transactional(readOnly = true)
    public int customersToStart(String recallNumber, String processInstanceId) {
        return notifications.unstarted(bound.of(recallNumber, processInstanceId).id());
    }
}
