package org.lotflow.order;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of {@code allocationOverride}. The contract lets only an order that asks for an exception
 * to FEFO or shelf-life rules start it: the order row of the business key must have a pending
 * override request without a process, which only {@link OrderService#create} writes, in the same
 * transaction as its start. Any other start (engine REST, Tasklist, {@code RuntimeService}) is refused
 * with a 4xx {@link org.lotflow.shared.Refusal} and starts nothing. Variables passed to a start
 * are dropped: the process carries no facts (issue #8).
 */
@Component("overrideStartListener")
public class OverrideStartListener implements ExecutionListener {

    private final OrderService orders;

    public OverrideStartListener(OrderService orders) {
        this.orders = orders;
    }

    @Override
    public void notify(DelegateExecution execution) {
        orders.bindOverrideProcess(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
        execution.getProcessInstance().removeVariablesLocal();
    }
}
