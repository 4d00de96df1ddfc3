package org.lotflow.quarantine;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotService;
import org.lotflow.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * {@code investigateLot}: on create, shows the complaint and the impact assessment; on complete,
 * stores {@code findings}, {@code rootCause} and {@code retainedSampleResults} in the hold (not
 * in the process) as the completing user.
 */
@Component("investigateLotListener")
public class InvestigateLotListener implements TaskListener {

    static final String[] FIELDS = {"findings", "rootCause", "retainedSampleResults"};

    private final QuarantineService quarantine;
    private final LotService lots;
    private final CurrentUser currentUser;

    public InvestigateLotListener(QuarantineService quarantine, LotService lots, CurrentUser currentUser) {
        this.quarantine = quarantine;
        this.lots = lots;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        Long holdId = ((Number) task.getVariable("holdId")).longValue();
        Hold hold = quarantine.get(holdId);
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            Lot lot = lots.get(hold.getLotId());
            QuarantineFormData.lotAndHold(task, lot, hold, quarantine.impact(lot), currentUser);
            return;
        }
        quarantine.recordInvestigation(holdId,
                (String) task.getVariable("findings"), (String) task.getVariable("rootCause"),
                (String) task.getVariable("retainedSampleResults"));
        for (String field : FIELDS) {
            task.getExecution().removeVariable(field);
            task.removeVariableLocal(field);
        }
    }
}
