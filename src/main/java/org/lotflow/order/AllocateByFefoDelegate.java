package org.lotflow.order;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code allocateByFefo}: a refused override leaves the order to FEFO under the normal rules. */
@Component("allocateByFefoDelegate")
public class AllocateByFefoDelegate implements JavaDelegate {

    private final OrderService orders;

    public AllocateByFefoDelegate(OrderService orders) {
        this.orders = orders;
    }

    @Override
    public void execute(DelegateExecution execution) {
        orders.applyRefusedOverride((Long) execution.getVariable("orderId"),
                (String) execution.getVariable("decidedBy"), (String) execution.getVariable("comment"));
    }
}
