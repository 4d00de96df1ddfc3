package org.lotflow.quarantine;

import org.lotflow.shared.TaskInputs;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotService;
import org.springframework.stereotype.Component;

/**
 * {@code informCustomers}: on create, lists the customers who received the lot and the outcome;
 * on complete, records {@code customerNotice} (the form's field: who was told what, how) in the
 * lot history and hands the hold's signed decision to the next gateway as {@code decision},
 * overwriting whatever a user sent. The hold is the one bound to this process instance, never a
 * {@code holdId} variable (contract; 21 CFR 11.10(f)).
 */
@Component("informCustomersListener")
public class InformCustomersListener implements TaskListener {

    private final QuarantineService quarantine;
    private final LotService lots;

    public InformCustomersListener(QuarantineService quarantine, LotService lots) {
        this.quarantine = quarantine;
        this.lots = lots;
    }

    @Override
    public void notify(DelegateTask task) {
        Hold hold = QuarantineFacts.hold(quarantine, task);
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            TaskInputs.forget(task, "customerNotice");
            Lot lot = lots.get(hold.getLotId());
            task.setVariableLocal("lotNumber", lot.getLotNumber());
            task.setVariableLocal("lotStatus", lot.getStatus().name());
            task.setVariableLocal("outcome", hold.getDecision() == null ? "-" : hold.getDecision().name());
            task.setVariableLocal("justificationText", hold.getJustification() == null ? "-" : hold.getJustification());
            task.setVariableLocal("customerList", quarantine.impact(lot).customersMarkdown());
            return;
        }
        String notice = TaskInputs.text(task, "customerNotice");
        TaskInputs.forget(task, "customerNotice");
        quarantine.recordCustomersInformed(hold.getId(), notice);
        task.getExecution().setVariable("decision", hold.getDecision().name());
    }
}
