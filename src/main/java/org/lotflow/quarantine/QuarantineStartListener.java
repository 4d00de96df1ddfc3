package org.lotflow.quarantine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of {@code quarantineInvestigation}. Started by the service (API hold, unidentified stock)
 * the hold is already placed and checked: the instance is bound to it. Started from the
 * Tasklist start form ({@code lotNumber}, {@code reason}, {@code source}, {@code reference}) the
 * hold is placed here with the very same checks, and refused with a clear message.
 */
@Component("quarantineStartListener")
public class QuarantineStartListener implements ExecutionListener {

    private final QuarantineService quarantine;

    public QuarantineStartListener(QuarantineService quarantine) {
        this.quarantine = quarantine;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Object holdId = execution.getVariable("holdId");
        if (holdId != null) {
            Object lotId = execution.getVariable("lotId");
            quarantine.bind(((Number) holdId).longValue(),
                    lotId instanceof Number n ? n.longValue() : null, execution.getProcessInstanceId());
            return;
        }
        Hold hold = quarantine.holdFromStartForm(
                string(execution, "lotNumber"), string(execution, "reason"), string(execution, "source"),
                string(execution, "reference"), execution.getProcessInstanceId());
        String lotNumber = string(execution, "lotNumber").trim();
        execution.setProcessBusinessKey(lotNumber);
        execution.setVariable("lotNumber", lotNumber);
        execution.setVariable("lotId", hold.getLotId());
        execution.setVariable("holdId", hold.getId());
        execution.setVariable("decisionDueAt", java.util.Date.from(hold.getDecisionDueAt()));
        // kept in the hold, not in the process
        execution.removeVariable("reason");
        execution.removeVariable("source");
        execution.removeVariable("reference");
    }

    private static String string(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }
}
