package org.lotflow.order;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code allocateRequestedLot}: the approved override allocates the requested lot;
 * {@code requestedLotAllocated} tells the process whether the lot still had the stock. The order is
 * the business key's, and the approval is re-checked on the order row (the QA manager's signed
 * decision, 21 CFR Part 11) before anything is allocated; variables are never trusted (issue #8).
 */
@Component("allocateOverrideDelegate")
public class AllocateOverrideDelegate implements JavaDelegate {

    private final OrderService orders;

    public AllocateOverrideDelegate(OrderService orders) {
        this.orders = orders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean allocated = orders.applyApprovedOverride(execution.getProcessBusinessKey(),
                execution.getProcessInstanceId());
        execution.setVariable("requestedLotAllocated", allocated);
    }
}
