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
 * {@code reached}, {@code acknowledged}, {@code quantityReturned}, {@code contactMethod}, {@code contactPerson}, {@code note} and
 * {@code quantityDestroyed} for the notification bound to this task ({@link CustomerNotification}).
 *
 * <p>The decision inputs are taken from the completing task only: the task runs in its own scope
 * (its deadline timer makes it one), and on create the seven inputs are declared local to that scope
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
        task.setName(taskName(data.customer(), data.recallNumber(), data.ofUnits() > 1 ? data.unit() : null));
        if (data.escalated()) {
            // another attempt of a notification already escalated: it stays with the QA managers too, as urgent as
            // the escalation made it (re-test 2026-12-06 N1: the retry went back to the coordinators alone)
            task.addCandidateGroup(org.lotflow.security.Groups.QA_MANAGER);
            task.setPriority(org.lotflow.recall.internal.NotificationEscalation.ESCALATED_PRIORITY);
        }
        TaskForm.of(task).show(CUSTOMER.name(), data.customer()).show(RECALL_NUMBER.name(), data.recallNumber())
                .show(CLASSIFICATION.name(), org.lotflow.recall.Classification.inWords(data.classification())).show(RECALL_REASON.name(), data.reason())
                .show(DELIVERIES.name(), data.deliveries())
                .show(QUANTITY_SHIPPED.name(), data.quantityShipped(), data.unit())
                .show(LotRecallVariables.OTHER_UNITS.name(), data.otherUnits())
                .show(LotRecallVariables.EARLIER_ATTEMPTS.name(), data.attemptsText()).apply();
        LotRecallVariables.declareAnswer(scope);
    }

    /** The most characters a task's name holds (Camunda's {@code ACT_RU_TASK.NAME_}). */
    static final int MAX_TASK_NAME = 255;

    /**
     * The task's name: "Notify {customer} ({recall})", and ": what it received in {unit}" for a customer that received
     * several units (G2), each with its own task. A customer name too long for it (up to 200 characters with a unit of
     * up to 32 made 275, and the tasks were never created: re-test 2026-12-06 R1) is shortened there, and says so with
     * an ellipsis; the form shows it whole.
     */
    static String taskName(String customer, String recallNumber, String unit) {
        String suffix = " (" + recallNumber + ")" + (unit == null ? "" : ": what it received in " + unit);
        String prefix = "Notify ";
        int room = MAX_TASK_NAME - prefix.length() - suffix.length();
        String shown = customer.codePointCount(0, customer.length()) <= room ? customer
                : customer.substring(0, customer.offsetByCodePoints(0, Math.max(0, room - 1))) + "\u2026";
        return prefix + shown + suffix;
    }

    @Override
    protected void onComplete(DelegateTask task) {
        DelegateExecution scope = task.getExecution();
        notification.record(scope.getProcessBusinessKey(), scope.getProcessInstanceId(), task.getId(),
                LotRecallVariables.reached(scope), LotRecallVariables.acknowledged(scope), LotRecallVariables.quantityReturned(scope),
                LotRecallVariables.contactMethod(scope), LotRecallVariables.contactPerson(scope),
                LotRecallVariables.note(scope), LotRecallVariables.quantityDestroyed(scope),
                LotRecallVariables.tryAgain(scope));
        LotRecallVariables.forgetAnswer(scope);
    }
}
