package org.lotflow.quarantine.internal.process;

import static org.lotflow.quarantine.internal.process.QuarantineInvestigationVariables.DECISION_DUE_AT;
import static org.lotflow.quarantine.internal.process.QuarantineInvestigationVariables.LOT_NUMBER;
import static org.lotflow.quarantine.internal.process.QuarantineInvestigationVariables.REASON;
import static org.lotflow.quarantine.internal.process.QuarantineInvestigationVariables.REFERENCE;
import static org.lotflow.quarantine.internal.process.QuarantineInvestigationVariables.SOURCE;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.lotflow.quarantine.internal.Hold;
import org.lotflow.quarantine.internal.HoldPlacement;
import org.lotflow.shared.StateConflict;
import org.lotflow.shared.process.Variable;
import org.springframework.stereotype.Component;

/**
 * Start of {@code quarantineInvestigation} (contract: started only by a hold, "API or its start
 * form, with the same checks"). Started by lotflow (API hold, unidentified stock), the hold is
 * already placed and checked: {@link InvestigationProcess} recognises its own start by a handshake no
 * user can send and {@link HoldPlacement#bindOwnStart} binds the instance to that hold. Any other
 * start is a user's: the Tasklist start form ({@code lotNumber}, {@code reason}, {@code source},
 * {@code reference}), whose hold {@link HoldPlacement#holdFromStartForm} places with exactly the checks
 * of {@code POST /api/lots/{n}/holds}. A user's start naming a hold or lot id ({@code holdId},
 * {@code lotId}) is refused (409): no variable binds an instance to a hold.
 */
@Component("quarantineStartListener")
public class QuarantineStartListener implements ExecutionListener {

    /** The start form's fields. */
    static final Variable<?>[] FIELDS = {LOT_NUMBER, REASON, SOURCE, REFERENCE};

    private final HoldPlacement placement;

    public QuarantineStartListener(HoldPlacement placement) {
        this.placement = placement;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Long ownHold = InvestigationProcess.claimHandshake();
        if (ownHold != null) {
            placement.bindOwnStart(ownHold, execution.getProcessBusinessKey(), execution.getProcessInstanceId());
            return;
        }
        for (String forged : QuarantineInvestigationVariables.FORGED_AT_START) {
            if (execution.hasVariable(forged)) {
                throw new StateConflict("'" + forged + "' " + execution.getVariable(forged) + " is not waiting "
                        + "for an investigation to start: a hold's investigation is started by placing the hold "
                        + "(POST /api/lots/{lotNumber}/holds or the start form)");
            }
        }
        String lotNumber = LOT_NUMBER.get(execution);
        Hold hold = placement.holdFromStartForm(lotNumber, REASON.get(execution), SOURCE.get(execution),
                REFERENCE.get(execution), execution.getProcessInstanceId());
        // the lot's number as stored, whatever the case typed in the form (auditor 2026-12-06 B2: a 409 naming the
        // rolled-back instance)
        execution.setProcessBusinessKey(placement.lotNumberOf(hold));
        DECISION_DUE_AT.set(execution, Date.from(hold.getDecisionDueAt()));
        // kept in the hold, not in the process
        for (Variable<?> field : FIELDS) {
            execution.removeVariable(field.name());
        }
    }
}
