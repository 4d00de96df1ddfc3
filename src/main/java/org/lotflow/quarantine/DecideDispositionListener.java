package org.lotflow.quarantine;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotService;
import org.lotflow.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * {@code decideDisposition}: on create, shows the complaint, the impact and the findings; on
 * complete, checks the electronic signature of the completing user: {@code decision},
 * {@code justification}, {@code classification} and the re-entered {@code signaturePassword},
 * which is removed at once (and never reaches history, see {@link SignaturePasswordHistoryFilter}).
 * A disposition signed through the REST API is already recorded and passes straight on.
 */
@Component("decideDispositionListener")
public class DecideDispositionListener implements TaskListener {

    public static final String PASSWORD = "signaturePassword";
    static final String[] FIELDS = {"decision", "justification", "classification", PASSWORD};

    private final QuarantineService quarantine;
    private final LotService lots;
    private final CurrentUser currentUser;

    public DecideDispositionListener(QuarantineService quarantine, LotService lots, CurrentUser currentUser) {
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
            task.setVariableLocal("findingsText", hold.getFindings() == null ? "-" : hold.getFindings());
            task.setVariableLocal("rootCauseText", hold.getRootCause() == null ? "-" : hold.getRootCause());
            task.setVariableLocal("retainedSampleText",
                    hold.getRetainedSampleResults() == null ? "-" : hold.getRetainedSampleResults());
            task.setVariableLocal("investigatedByName", currentUser.fullName(hold.getInvestigatedBy()));
            return;
        }
        String password = (String) task.getVariable(PASSWORD);
        String decision = (String) task.getVariable("decision");
        String justification = (String) task.getVariable("justification");
        String classification = (String) task.getVariable("classification");
        for (String field : FIELDS) {
            task.getExecution().removeVariable(field);
            task.removeVariableLocal(field);
        }
        String outcome;
        if (hold.getDecision() == null) {
            QuarantineService.DispositionInput input = new QuarantineService.DispositionInput(decision,
                    justification, password, classification);
            outcome = quarantine.signInTask(holdId, input).decision().name();
        } else {
            outcome = hold.getDecision().name(); // signed through POST /api/lots/{lotNumber}/disposition
        }
        task.getExecution().setVariable("decision", outcome);
        task.getExecution().setVariable("dispositionBy", quarantine.get(holdId).getDecidedBy());
    }
}
