package org.lotflow.quarantine;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotService;
import org.springframework.stereotype.Component;

/**
 * {@code informCustomers}: on create, lists the customers who received the lot and the outcome;
 * on complete, records {@code customerNotice} (who was told what, how) in the lot history.
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
        Long holdId = ((Number) task.getVariable("holdId")).longValue();
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            Hold hold = quarantine.get(holdId);
            Lot lot = lots.get(hold.getLotId());
            task.setVariableLocal("lotNumber", lot.getLotNumber());
            task.setVariableLocal("lotStatus", lot.getStatus().name());
            task.setVariableLocal("outcome", hold.getDecision() == null ? "-" : hold.getDecision().name());
            task.setVariableLocal("justificationText", hold.getJustification() == null ? "-" : hold.getJustification());
            task.setVariableLocal("customerList", quarantine.impact(lot).customersMarkdown());
            return;
        }
        quarantine.recordCustomersInformed(holdId,
                (String) task.getVariable("customerNotice"));
        task.getExecution().removeVariable("customerNotice");
    }
}
