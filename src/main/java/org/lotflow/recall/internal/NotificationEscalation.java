package org.lotflow.recall.internal;

import java.time.Clock;
import java.time.Instant;

import org.lotflow.history.LotHistory;
import org.lotflow.recall.RecallEventTypes;
import org.lotflow.recall.internal.process.LotRecallProcess;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.Groups;
import org.lotflow.shared.StateConflict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Escalating an overdue customer notification: the deadline of the recall's class
 * ({@link RecallDeadlines}) passed with the customer's task still open, so the QA managers are
 * brought in on it (candidate group, priority 90) and the customer's lots' histories say so.
 */
@Service
public class NotificationEscalation {

    /** The task priority of an escalated notification (Tasklist sorts by it). */
    public static final int ESCALATED_PRIORITY = 90;

    private final RecallStore store;
    private final NotificationStore notifications;
    private final BoundRecalls bound;
    private final RecallDeadlines deadlines;
    private final LotRecallProcess process;
    private final LotHistory history;
    private final Clock clock;
    private final org.lotflow.shared.process.TaskCompletionsInOrder taskLocks;

    NotificationEscalation(RecallStore store, NotificationStore notifications, BoundRecalls bound,
            RecallDeadlines deadlines, LotRecallProcess process, LotHistory history, Clock clock,
            org.lotflow.shared.process.TaskCompletionsInOrder taskLocks) {
        this.taskLocks = taskLocks;
        this.store = store;
        this.notifications = notifications;
        this.bound = bound;
        this.deadlines = deadlines;
        this.process = process;
        this.history = history;
        this.clock = clock;
    }

    /**
     * The notification is the one bound to the {@code recallNotification} process {@code processInstanceId}
     * when lotflow started it (or, for a recall opened before V87, the one whose task runs in the
     * multi-instance subprocess instance {@code scope} of its {@code lotRecall}), within the recall of
     * the business key; never a variable. An answered notification, or one escalated before, is left alone; 409 when no
     * notification of the recall is bound there.
     */
    @Transactional
    public void escalate(String recallNumber, String processInstanceId, String scope) {
        RecallStore.RecallRow recall = bound.ofRecallOrNotification(recallNumber, processInstanceId);
        // the task's row before the notification's, the order a completion of the task takes them (A11)
        notifications.taskOfProcess(recall.id(), processInstanceId).ifPresent(taskLocks::lock);
        NotificationStore.NotificationRow n = notifications.lockOfProcess(recall.id(), processInstanceId)
                .or(() -> notifications.lockOfScope(recall.id(), scope)).orElseThrow(() ->
                        new StateConflict("No customer notification of recall " + recallNumber + " runs in process "
                                + processInstanceId));
        if (n.done() || n.escalatedAt() != null) {
            // answered, or escalated before: an attempt tried again after the deadline has the QA managers on its
            // task already (its create listener), so no second escalation nor a second candidate group (re-test R5)
            return;
        }
        Instant now = clock.instant();
        notifications.escalated(n.id(), now);
        process.escalate(n.taskId(), Groups.QA_MANAGER, ESCALATED_PRIORITY);
        CustomerShipments shipments = new CustomerShipments(store.shipments(recall.id(), n.customer()));
        String text = "Customer " + n.customer() + " not confirmed within "
                + deadlines.notifyWithin(recall.classification()) + " (" + org.lotflow.recall.Classification.inWords(recall.classification())
                + "): notification" + (n.unit() == null ? "" : " of what it received in " + n.unit())
                + " escalated to QA managers";
        for (Long lotId : shipments.lotsOf(n.consignee()).keySet()) {
            history.event(lotId, RecallEventTypes.RECALL_NOTIFICATION_OVERDUE).reason(text)
                    .detail("recallNumber", recall.recallNumber()).detail("customer", n.customer())
                    .detail("unit", shipments.unitOf(n.consignee())).record();
        }
        store.event(recall.id(), now, "NOTIFICATION_ESCALATED", CurrentUser.SYSTEM, text);
    }
}
