package org.lotflow.recall.internal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.lotflow.recall.internal.CustomerNotification;
import org.springframework.stereotype.Component;

/**
 * End of {@code lotRecall}'s {@code Event_CustomersAnswered}: the message {@code recallCustomersAnswered}
 * moves the recall on to its effectiveness check only when lotflow's notification rows say every
 * customer answered ({@link CustomerNotification#checkEveryCustomerAnswered}); otherwise it is refused
 * (409) and the recall keeps waiting. The message itself carries nothing that is read.
 */
@Component("customersAnsweredListener")
public class CustomersAnsweredListener implements ExecutionListener {

    private final CustomerNotification notification;

    public CustomersAnsweredListener(CustomerNotification notification) {
        this.notification = notification;
    }

    @Override
    public void notify(DelegateExecution execution) {
        notification.checkEveryCustomerAnswered(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }
}
