package org.lotflow.order;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code allocateByFefo}: a refused override leaves the order to FEFO under the normal
 * rules. The order is the business key's, and the refusal is re-checked on the order row before
 * anything is allocated; variables are never trusted (issue #8).
 */
@Component("allocateByFefoDelegate")
public class AllocateByFefoDelegate implements JavaDelegate {

    private final OrderService orders;

    public AllocateByFefoDelegate(OrderService orders) {
        this.orders = orders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        orders.applyRefusedOverride(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }
}
