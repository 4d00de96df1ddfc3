package org.lotflow.quarantine;

import org.lotflow.shared.TaskInputs;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotService;
import org.lotflow.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * {@code decideDisposition}: on create, shows the complaint, the impact and the findings; on
 * complete, checks the electronic signature of the completing user: {@code decision},
 * {@code justification}, {@code classification}, signed with the password that accompanies the
 * request ({@link org.lotflow.security.ElectronicSignatures}: the masked field of
 * {@code forms/decideDisposition.html}, which the engine surface guard takes out of the submission
 * before the engine sees it, or HTTP Basic). Should a {@code signaturePassword} variable ever reach
 * the engine it is removed at once and kept out of history ({@link SignaturePasswordHistoryFilter}).
 * A disposition signed through the REST API is already recorded and passes straight on. Either
 * way the gateway's {@code decision} is written from the hold's signed disposition, overwriting
 * whatever a user sent; no {@code dispositionBy} variable exists (the signer is the hold's
 * {@code decidedBy}). The hold is the one bound to this process instance, never a {@code holdId}
 * variable (contract; 21 CFR 11.10(f), 11.50, 11.70).
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
        Hold hold = QuarantineFacts.hold(quarantine, task);
        Long holdId = hold.getId();
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            for (String field : FIELDS) { // no decision may be waiting before anyone decided
                task.getExecution().removeVariable(field);
                task.removeVariableLocal(field);
            }
            Lot lot = lots.get(hold.getLotId());
            QuarantineFormData.lotAndHold(task, lot, hold, quarantine.impact(lot), currentUser);
            task.setVariableLocal("findingsText", hold.getFindings() == null ? "-" : hold.getFindings());
            task.setVariableLocal("rootCauseText", hold.getRootCause() == null ? "-" : hold.getRootCause());
            task.setVariableLocal("retainedSampleText",
                    hold.getRetainedSampleResults() == null ? "-" : hold.getRetainedSampleResults());
            task.setVariableLocal("investigatedByName", currentUser.fullName(hold.getInvestigatedBy()));
            return;
        }
        String decision = TaskInputs.text(task, "decision");
        String justification = TaskInputs.text(task, "justification");
        String classification = TaskInputs.text(task, "classification");
        for (String field : FIELDS) {
            task.getExecution().removeVariable(field);
            task.removeVariableLocal(field);
        }
        String outcome;
        if (hold.getDecision() == null) {
            QuarantineService.DispositionInput input = new QuarantineService.DispositionInput(decision,
                    justification, null, classification); // the password comes with the request, never as a variable
            outcome = quarantine.signInTask(holdId, input).decision().name();
        } else {
            outcome = hold.getDecision().name(); // signed through POST /api/lots/{lotNumber}/disposition
        }
        task.getExecution().setVariable("decision", outcome);
    }
}
