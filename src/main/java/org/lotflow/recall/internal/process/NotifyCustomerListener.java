package org.lotflow.recall.internal.process;

import static org.lotflow.recall.internal.process.LotRecallVariables.CLASSIFICATION;
import static org.lotflow.recall.internal.process.LotRecallVariables.CUSTOMER;
import static org.lotflow.recall.internal.process.LotRecallVariables.DELIVERIES;
import static org.lotflow.recall.internal.process.LotRecallVariables.QUANTITY_SHIPPED;
import static org.lotflow.recall.internal.process.LotRecallVariables.RECALL_NUMBER;
import static org.lotflow.recall.internal.process.LotRecallVariables.RECALL_REASON;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.lotflow.recall.internal.CustomerNotification;
import org.lotflow.shared.process.TaskForm;
import org.lotflow.shared.process.TaskLifecycleListener;
import org.springframework.stereotype.Component;

/**
 * {@code notifyCustomer} (the task of one customer's {@code recallNotification}): on create, binds the
 * task to the customer notification lotflow bound to that process when it started it (lotflow's own
 * record, never a variable),
 * names the task after the customer and shows what it received; on complete, records
 * {@code acknowledged} and {@code quantityReturned} for the notification bound to this task
 * ({@link CustomerNotification}).
 *
 * <p>The decision inputs are taken from the completing task only: the task runs in its own scope
 * (its deadline timer makes it one), and on create the two inputs are declared local to that scope
 * (empty), so a completion's values land there and nowhere else; values of other tasks or of the
 * process instance are never read. They are removed once recorded. Contract; issue #8.
 */
@Component("notifyCustomerListener")
public class NotifyCustomerListener extends TaskLifecycleListener {

    private final CustomerNotification notification;

    public NotifyCustomerListener(CustomerNotification notification) {
        this.notification = notification;
    }

    @Override
    protected void onCreate(DelegateTask task) {
        DelegateExecution scope = task.getExecution();
        CustomerNotification.NotificationTask data = notification.bindTask(scope.getProcessBusinessKey(),
                scope.getProcessInstanceId(), task.getId());
        // a customer that received several units has a task for each (G2): the name says which
        task.setName("Notify " + data.customer() + " (" + data.recallNumber() + ")"
                + (data.ofUnits() > 1 ? ": what it received in " + data.unit() : ""));
        TaskForm.of(task).show(CUSTOMER.name(), data.customer()).show(RECALL_NUMBER.name(), data.recallNumber())
                .show(CLASSIFICATION.name(), data.classification()).show(RECALL_REASON.name(), data.reason())
                .show(DELIVERIES.name(), data.deliveries())
                .show(QUANTITY_SHIPPED.name(), data.quantityShipped(), data.unit())
                .show(LotRecallVariables.OTHER_UNITS.name(), data.otherUnits()).apply();
        LotRecallVariables.declareAnswer(scope);
    }

    @Override
    protected void onComplete(DelegateTask task) {
        DelegateExecution scope = task.getExecution();
        notification.record(scope.getProcessBusinessKey(), scope.getProcessInstanceId(), task.getId(),
                LotRecallVariables.acknowledged(scope), LotRecallVariables.quantityReturned(scope));
        LotRecallVariables.forgetAnswer(scope);
    }
}
