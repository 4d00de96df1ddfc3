package org.lotflow.recall;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lotflow.shared.ApiException;
import org.springframework.stereotype.Component;

/**
 * {@code notifyCustomer}: on create, names the task after the customer and shows what it
 * received; on complete, records {@code acknowledged} and {@code quantityReturned} (refused when
 * missing, negative or more than shipped) and keeps them out of the process instance.
 */
@Component("notifyCustomerListener")
public class NotifyCustomerListener implements TaskListener {

    private final RecallService recalls;

    public NotifyCustomerListener(RecallService recalls) {
        this.recalls = recalls;
    }

    @Override
    public void notify(DelegateTask task) {
        Long notificationId = (Long) task.getVariable("notificationId");
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            RecallService.NotificationTask data = recalls.notificationTask(notificationId, task.getId());
            task.setName("Notify " + data.customer() + " (" + data.recallNumber() + ")");
            task.setVariableLocal("customer", data.customer());
            task.setVariableLocal("recallReason", data.reason());
            task.setVariableLocal("deliveries", data.deliveries());
            task.setVariableLocal("quantityShipped", data.quantityShipped());
            return;
        }
        try {
            recalls.recordNotification(notificationId, task.getVariable("acknowledged"),
                    task.getVariable("quantityReturned"));
        } catch (ApiException e) {
            throw new BadUserRequestException(e.getMessage());
        }
        task.getExecution().removeVariable("acknowledged");
        task.getExecution().removeVariable("quantityReturned");
    }
}
