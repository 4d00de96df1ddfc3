package org.lotflow.recall.internal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lotflow.recall.internal.NotificationEscalation;
import org.springframework.stereotype.Component;

/**
 * Service task {@code escalateNotification}: the customer's deadline passed; QA managers are brought
 * in. The notification is the one whose task runs in the same subprocess instance (bound when the
 * task was created), within the recall of the business key; never a variable (issue #8).
 */
@Component("escalateNotificationDelegate")
public class EscalateNotificationDelegate implements JavaDelegate {

    private final NotificationEscalation escalation;

    public EscalateNotificationDelegate(NotificationEscalation escalation) {
        this.escalation = escalation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        escalation.escalate(execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
                execution.getParentActivityInstanceId());
    }
}
