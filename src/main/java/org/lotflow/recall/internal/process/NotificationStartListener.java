package org.lotflow.recall.internal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.lotflow.recall.internal.NotificationFanOut;
import org.springframework.stereotype.Component;

/**
 * Start of {@code recallNotification}: binds the instance to the customer's notification row lotflow is
 * starting it for ({@link NotificationFanOut#bindStarted}); any other start is refused (contract: a
 * recall's processes are started by lotflow only; issue #8). The process carries no variables.
 */
@Component("notificationStartListener")
public class NotificationStartListener implements ExecutionListener {

    private final NotificationFanOut fanOut;

    public NotificationStartListener(NotificationFanOut fanOut) {
        this.fanOut = fanOut;
    }

    @Override
    public void notify(DelegateExecution execution) {
        fanOut.bindStarted(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }
}
