package org.lotflow.quarantine;

import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.StateConflict;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of {@code quarantineInvestigation} (contract: started only by a hold, "API or its start
 * form, with the same checks"). Started by lotflow (API hold, unidentified stock), the hold is
 * already placed and checked: the service recognises its own start by a handshake no user can
 * send and binds the instance to that hold. Any other start is a user's: the Tasklist start form
 * ({@code lotNumber}, {@code reason}, {@code source}, {@code reference}), whose hold is placed
 * here with exactly the checks of {@code POST /api/lots/{n}/holds}. A user's start naming a hold
 * or lot id ({@code holdId}, {@code lotId}) is refused: no variable binds an instance to a hold.
 */
@Component("quarantineStartListener")
public class QuarantineStartListener implements ExecutionListener {

    /** The start form's fields. */
    static final String[] FIELDS = {"lotNumber", "reason", "source", "reference"};

    private final QuarantineService quarantine;

    public QuarantineStartListener(QuarantineService quarantine) {
        this.quarantine = quarantine;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (quarantine.claimOwnStart(execution.getProcessBusinessKey(), execution.getProcessInstanceId()) != null) {
            return;
        }
        for (String forged : new String[] {"holdId", "lotId"}) {
            if (execution.hasVariable(forged)) {
                throw new StateConflict("'" + forged + "' " + execution.getVariable(forged) + " is not waiting "
                        + "for an investigation to start: a hold's investigation is started by placing the hold "
                        + "(POST /api/lots/{lotNumber}/holds or the start form)");
            }
        }
        String lotNumber = string(execution, "lotNumber");
        Hold hold = quarantine.holdFromStartForm(lotNumber, string(execution, "reason"),
                string(execution, "source"), string(execution, "reference"), execution.getProcessInstanceId());
        execution.setProcessBusinessKey(lotNumber.trim());
        execution.setVariable("decisionDueAt", java.util.Date.from(hold.getDecisionDueAt()));
        // kept in the hold, not in the process
        for (String field : FIELDS) {
            execution.removeVariable(field);
        }
    }

    private static String string(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        if (value != null && !(value instanceof String)) {
            throw new InvalidInput(name, "must be text");
        }
        return (String) value;
    }
}
