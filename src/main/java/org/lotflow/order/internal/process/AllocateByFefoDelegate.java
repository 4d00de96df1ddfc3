package org.lotflow.order.internal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lotflow.order.internal.OverrideOutcome;
import org.springframework.stereotype.Component;

/**
 * Service task {@code allocateByFefo}: a refused override leaves the order to FEFO under the normal
 * rules ({@link OverrideOutcome#applyRefused}). The order is the business key's, and the refusal is
 * re-checked on the order row before anything is allocated; variables are never trusted (issue #8).
 */
@Component("allocateByFefoDelegate")
public class AllocateByFefoDelegate implements JavaDelegate {

    private final OverrideOutcome outcome;

    public AllocateByFefoDelegate(OverrideOutcome outcome) {
        this.outcome = outcome;
    }

    @Override
    public void execute(DelegateExecution execution) {
        outcome.applyRefused(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }
}
