package org.lotflow.recall.internal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.lotflow.recall.internal.NotificationFanOut;
import org.lotflow.recall.internal.RecallQueries;
import org.springframework.stereotype.Component;

/**
 * The facts the {@code lotRecall} model's expressions need, read from the recall tables by the
 * process's business key (the recall number), never from process variables a user could set
 * (contract; issue #8): how many customers to notify (the "any customers?" gateway), how many still
 * need their notification process, and the notification deadline of the recall's class (timer and due date).
 */
@Component("recallFacts")
public class RecallFacts {

    private final RecallQueries queries;
    private final NotificationFanOut fanOut;

    public RecallFacts(RecallQueries queries, NotificationFanOut fanOut) {
        this.queries = queries;
        this.fanOut = fanOut;
    }

    /** {@code ${recallFacts.customers(execution)}}: one notification (and task) per affected customer. */
    public int customers(DelegateExecution execution) {
        return queries.customerCount(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }

    /** {@code ${recallFacts.batches(execution)}}: batches of customers whose notifications start side by side. */
    public int batches(DelegateExecution execution) {
        return fanOut.batches(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }

    /**
     * {@code ${recallFacts.customersToStart(execution)}}: customers of the recall without their
     * {@code recallNotification} yet ({@code lotRecall} starts them in batches until none is left).
     */
    public int customersToStart(DelegateExecution execution) {
        return fanOut.customersToStart(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }

    /**
     * {@code ${recallFacts.notifyBy(execution)}}: when the customers of the recall are to be notified by, the recall's
     * opening plus its class's deadline, for one of its {@code recallNotification} processes (the timer's date and the
     * task's due date of every attempt: an attempt tried again after it is escalated at once).
     */
    public java.util.Date notifyBy(DelegateExecution execution) {
        return java.util.Date.from(queries.notifyBy(execution.getProcessBusinessKey(), execution.getProcessInstanceId()));
    }

    /**
     * {@code ${recallFacts.notifyWithin(execution)}}: the ISO-8601 window of the recall's class. Only instances of
     * {@code recallNotification} deployed before {@link #notifyBy} read it (each of their attempts counted it anew);
     * kept so that they run on to their end after an upgrade.
     */
    public String notifyWithin(DelegateExecution execution) {
        return queries.notifyWithin(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }

    /**
     * {@code ${recallFacts.notificationOpen(execution)}}: whether the customer notification of this
     * {@code recallNotification} is still open after its task: an attempt that reached nobody and is tried again (the
     * process loops back to {@code notifyCustomer}; new user 2026-12-06 F13). Read from lotflow's record.
     */
    public boolean notificationOpen(DelegateExecution execution) {
        return queries.notificationOpen(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }
}
