package org.lotflow.recall.internal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.lotflow.recall.internal.RecallQueries;
import org.springframework.stereotype.Component;

/**
 * The facts the {@code lotRecall} model's expressions need, read from the recall tables by the
 * process's business key (the recall number), never from process variables a user could set
 * (contract; issue #8): how many customers to notify (multi-instance cardinality and the "any
 * customers?" gateway) and the notification deadline of the recall's class (timer and due date).
 */
@Component("recallFacts")
public class RecallFacts {

    private final RecallQueries queries;

    public RecallFacts(RecallQueries queries) {
        this.queries = queries;
    }

    /** {@code ${recallFacts.customers(execution)}}: one notification (and task) per affected customer. */
    public int customers(DelegateExecution execution) {
        return queries.customerCount(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }

    /** {@code ${recallFacts.notifyWithin(execution)}}: the ISO-8601 deadline of the recall's class. */
    public String notifyWithin(DelegateExecution execution) {
        return queries.notifyWithin(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }
}
