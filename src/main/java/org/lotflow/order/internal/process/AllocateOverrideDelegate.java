package org.lotflow.order.internal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lotflow.order.internal.OverrideOutcome;
import org.springframework.stereotype.Component;

/**
 * Service task {@code allocateRequestedLot}: the approved override allocates the requested lot
 * ({@link OverrideOutcome#applyApproved}); {@code requestedLotAllocated} tells the process whether the
 * lot still had the stock. The order is the business key's, and the approval is re-checked on the order
 * row (the QA manager's signed decision, 21 CFR Part 11) before anything is allocated; variables are
 * never trusted (issue #8).
 */
@Component("allocateOverrideDelegate")
public class AllocateOverrideDelegate implements JavaDelegate {

    private final OverrideOutcome outcome;

    public AllocateOverrideDelegate(OverrideOutcome outcome) {
        this.outcome = outcome;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean allocated = outcome.applyApproved(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
        AllocationOverrideVariables.REQUESTED_LOT_ALLOCATED.set(execution, allocated);
    }
}
