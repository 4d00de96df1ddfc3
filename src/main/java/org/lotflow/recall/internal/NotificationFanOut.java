package org.lotflow.recall.internal;

import java.util.List;

import org.lotflow.recall.internal.process.LotRecallProcess;
import org.lotflow.shared.NotPermitted;
import org.lotflow.shared.StateConflict;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Giving a recall's customers their notification processes, a batch at a time (issue #11: a recall
 * reaching 10,000 customers opens in at most 60 s, its lots stopped within the first seconds, the
 * notification tasks created in batches outside the opening's transaction, memory flat).
 *
 * <p>Opening a recall ({@link RecallOpening}) writes one notification row per customer (positions 0,
 * 1, ... in customer order) in the requester's transaction and starts {@code lotRecall}, nothing more.
 * A job of {@code lotRecall} then makes one multi-instance per batch of {@code lotflow.recall.notification-batch}
 * (default 100) customers; each batch is a job of its own, run beside the others by the job executor,
 * and {@link #startBatch} starts its customers' {@code recallNotification} processes in its own
 * transaction. {@link #startNext} catches up on any customer left without a process afterwards.
 *
 * <p>Each start is bound to its customer's row by the start listener ({@link #bindStarted}) through
 * what this thread is starting, never through a variable; a {@code recallNotification} started any
 * other way is refused.
 */
@Service
public class NotificationFanOut {

    private final RecallStore store;
    private final NotificationStore notifications;
    private final BoundRecalls bound;
    private final LotRecallProcess process;
    private final int batchSize;
    /** The notification whose process this thread is starting right now, and its recall's number. */
    private final ThreadLocal<Starting> starting = new ThreadLocal<>();

    private record Starting(long notificationId, String recallNumber) {
    }

    NotificationFanOut(RecallStore store, NotificationStore notifications, BoundRecalls bound,
            LotRecallProcess process, @Value("${lotflow.recall.notification-batch:100}") int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("lotflow.recall.notification-batch must be at least 1, not " + batchSize);
        }
        this.store = store;
        this.notifications = notifications;
        this.bound = bound;
        this.process = process;
        this.batchSize = batchSize;
    }

    /** How many batches the recall's customers make ({@code lotRecall}'s multi-instance cardinality). */
    @Transactional(readOnly = true)
    public int batches(String recallNumber, String processInstanceId) {
        int customers = notifications.count(bound.of(recallNumber, processInstanceId).id());
        return (customers + batchSize - 1) / batchSize;
    }

    /**
     * Service task {@code startNotificationBatch} of the recall's {@code lotRecall} (found by business
     * key, and only its own process; 409 otherwise): starts the {@code recallNotification} of every
     * customer at positions {@code batch x size} up to the next batch that has none yet, and returns how
     * many. Batches share no row, so they run side by side; a customer taken meanwhile is skipped.
     */
    @Transactional
    public int startBatch(String recallNumber, String processInstanceId, int batch) {
        RecallStore.RecallRow recall = bound.of(recallNumber, processInstanceId);
        return startAll(recall, notifications.unstartedAt(recall.id(), batch * batchSize, (batch + 1) * batchSize));
    }

    /**
     * Service task {@code startNotificationProcesses}: the catch-up after the batches, under the recall
     * row's lock (a job run twice at once, on two nodes, queues and then finds those customers taken):
     * starts up to one batch of customers still without a process and returns how many.
     */
    @Transactional
    public int startNext(String recallNumber, String processInstanceId) {
        RecallStore.RecallRow recall = store.lock(bound.of(recallNumber, processInstanceId).id());
        return startAll(recall, notifications.nextUnstarted(recall.id(), batchSize));
    }

    private int startAll(RecallStore.RecallRow recall, List<Long> next) {
        for (Long notificationId : next) {
            starting.set(new Starting(notificationId, recall.recallNumber()));
            try {
                process.startNotification(recall.recallNumber());
            } finally {
                starting.remove();
            }
        }
        return next.size();
    }

    /**
     * Start listener of {@code recallNotification}: binds the process being started to the customer's
     * notification this thread is starting it for, which must belong to the recall of its business key
     * and have no process yet. Any other start (the engine's API, a second start) is refused:
     * {@link NotPermitted} (403) or {@link StateConflict} (409), and nothing is started.
     */
    @Transactional
    public void bindStarted(String recallNumber, String processInstanceId) {
        Starting now = starting.get();
        if (now == null) {
            throw new NotPermitted("recallNotification is started only by its recall's lotRecall process, one for each"
                    + " customer that received an affected lot");
        }
        if (!now.recallNumber().equals(recallNumber) || !notifications.bindProcess(now.notificationId(), processInstanceId)) {
            throw new StateConflict("The customer notification " + now.notificationId() + " of recall "
                    + now.recallNumber() + " has its process already");
        }
    }

    /** How many of the recall's customers have no notification process yet (the model's loop condition). */
    @Transactional(readOnly = true)
    public int customersToStart(String recallNumber, String processInstanceId) {
        return notifications.unstarted(bound.of(recallNumber, processInstanceId).id());
    }
}
