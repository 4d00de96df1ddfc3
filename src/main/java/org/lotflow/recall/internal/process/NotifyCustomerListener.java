package org.lotflow.recall;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code notifyCustomer} (one task per affected customer): on create, binds the task to the next
 * customer notification of the recall that has none (lotflow's own record, not a loop variable),
 * names the task after the customer and shows what it received (task-local values); on complete,
 * records {@code acknowledged} and {@code quantityReturned} for the notification bound to this task
 * (refused when missing, mistyped, negative, more than shipped or with more than 3 decimals).
 *
 * <p>The decision inputs are taken from the completing task only: the task runs in its own scope
 * (its deadline timer makes it one), and on create the two inputs are declared local to that scope
 * (empty), so a completion's values land there and nowhere else; values of other tasks or of the
 * process instance are never read. They are removed once recorded. Contract; issue #8.
 */
@Component("notifyCustomerListener")
public class NotifyCustomerListener implements TaskListener {

    static final String ACKNOWLEDGED = "acknowledged";
    static final String QUANTITY_RETURNED = "quantityReturned";

    private final RecallService recalls;

    public NotifyCustomerListener(RecallService recalls) {
        this.recalls = recalls;
    }

    @Override
    public void notify(DelegateTask task) {
        DelegateExecution scope = task.getExecution();
        String recallNumber = scope.getProcessBusinessKey();
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            RecallService.NotificationTask data = recalls.notificationTask(recallNumber,
                    scope.getProcessInstanceId(), task.getId(), scope.getParentActivityInstanceId());
            task.setName("Notify " + data.customer() + " (" + data.recallNumber() + ")");
            task.setVariableLocal("customer", data.customer());
            task.setVariableLocal("recallNumber", data.recallNumber());
            task.setVariableLocal("classification", data.classification());
            task.setVariableLocal("recallReason", data.reason());
            task.setVariableLocal("deliveries", data.deliveries());
            task.setVariableLocal("quantityShipped", data.quantityShipped());
            scope.setVariableLocal(ACKNOWLEDGED, null);
            scope.setVariableLocal(QUANTITY_RETURNED, null);
            return;
        }
        recalls.recordNotification(recallNumber, scope.getProcessInstanceId(), task.getId(),
                scope.getVariableLocal(ACKNOWLEDGED), scope.getVariableLocal(QUANTITY_RETURNED));
        scope.removeVariablesLocal(List.of(ACKNOWLEDGED, QUANTITY_RETURNED));
    }
}
