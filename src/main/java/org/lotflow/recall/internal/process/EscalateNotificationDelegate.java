package org.lotflow.recall;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code escalateNotification}: the customer's deadline passed; QA managers are brought
 * in. The notification is the one whose task runs in the same subprocess instance (bound when the
 * task was created), within the recall of the business key; never a variable (issue #8).
 */
@Component("escalateNotificationDelegate")
public class EscalateNotificationDelegate implements JavaDelegate {

    private final RecallService recalls;

    public EscalateNotificationDelegate(RecallService recalls) {
        this.recalls = recalls;
    }

    @Override
    public void execute(DelegateExecution execution) {
        recalls.escalate(execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
                execution.getParentActivityInstanceId());
    }
}
