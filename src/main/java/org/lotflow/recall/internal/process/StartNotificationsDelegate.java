package org.lotflow.recall.internal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lotflow.recall.internal.NotificationFanOut;
import org.springframework.stereotype.Component;

/**
 * Service task {@code startNotificationProcesses} of {@code lotRecall} (a job of its own each time):
 * starts the next batch of the recall's customers' {@code recallNotification} processes
 * ({@link NotificationFanOut#startNext}); the recall is the one of the business key, never a variable.
 */
@Component("startNotificationsDelegate")
public class StartNotificationsDelegate implements JavaDelegate {

    private final NotificationFanOut fanOut;

    public StartNotificationsDelegate(NotificationFanOut fanOut) {
        this.fanOut = fanOut;
    }

    @Override
    public void execute(DelegateExecution execution) {
        fanOut.startNext(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }
}
