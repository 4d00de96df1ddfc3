package org.lotflow.recall;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The facts the {@code lotRecall} model's expressions need, read from the recall tables by the
 * process's business key (the recall number), never from process variables a user could set
 * (contract; issue #8): how many customers to notify (multi-instance cardinality and the "any
 * customers?" gateway) and the notification deadline of the recall's class (timer and due date).
 */
@Component("recallFacts")
public class RecallFacts {

    private final RecallService recalls;
    private final RecallDeadlines deadlines;

    public RecallFacts(RecallService recalls, RecallDeadlines deadlines) {
        this.recalls = recalls;
        this.deadlines = deadlines;
    }

    /** {@code ${recallFacts.customers(execution)}}: one notification (and task) per affected customer. */
    public int customers(DelegateExecution execution) {
        return recalls.customerCount(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }

    /** {@code ${recallFacts.notifyWithin(execution)}}: the ISO-8601 deadline of the recall's class. */
    public String notifyWithin(DelegateExecution execution) {
        return deadlines.notifyWithin(recalls.classification(execution.getProcessBusinessKey(),
                execution.getProcessInstanceId()));
    }
}
