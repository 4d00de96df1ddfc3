package org.lotflow.order;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code allocateRequestedLot}: the approved override allocates the requested lot;
 * {@code requestedLotAllocated} tells the process whether the lot still had the stock.
 */
@Component("allocateOverrideDelegate")
public class AllocateOverrideDelegate implements JavaDelegate {

    private final OrderService orders;

    public AllocateOverrideDelegate(OrderService orders) {
        this.orders = orders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean allocated = orders.applyApprovedOverride((Long) execution.getVariable("orderId"),
                (String) execution.getVariable("decidedBy"), (String) execution.getVariable("comment"));
        execution.setVariable("requestedLotAllocated", allocated);
    }
}
