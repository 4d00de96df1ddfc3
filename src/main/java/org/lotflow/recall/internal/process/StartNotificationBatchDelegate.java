package org.lotflow.recall.internal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lotflow.recall.internal.NotificationFanOut;
import org.springframework.stereotype.Component;

/**
 * Service task {@code startNotificationBatch} of {@code lotRecall}, one job per batch of customers, run
 * beside the other batches: starts the batch's customers' {@code recallNotification} processes
 * ({@link NotificationFanOut#startBatch}). The batch is the engine's multi-instance loop counter; a
 * counter altered by hand can at worst make two batches meet (the second skips the customers taken)
 * or leave customers to the catch-up step after the batches, never start one twice.
 */
@Component("startNotificationBatchDelegate")
public class StartNotificationBatchDelegate implements JavaDelegate {

    private final NotificationFanOut fanOut;

    public StartNotificationBatchDelegate(NotificationFanOut fanOut) {
        this.fanOut = fanOut;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object loopCounter = execution.getVariable("loopCounter");
        fanOut.startBatch(execution.getProcessBusinessKey(), execution.getProcessInstanceId(),
                loopCounter instanceof Integer batch && batch >= 0 ? batch : 0);
    }
}
