package org.lotflow.order.internal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.lotflow.order.internal.OverrideRequest;
import org.springframework.stereotype.Component;

/**
 * Start of {@code allocationOverride}. The contract lets only an order that asks for an exception to
 * FEFO or shelf-life rules start it: {@link OverrideRequest#bindProcess} binds the process to the order
 * row of the business key, which must have a pending override request without a process (written only
 * by order placement, in the same transaction as the start). Any other start (engine REST, Tasklist,
 * {@code RuntimeService}) is refused with a 4xx {@link org.lotflow.shared.Refusal} and starts nothing.
 * Variables passed to a start are dropped: the process carries no facts (issue #8).
 */
@Component("overrideStartListener")
public class OverrideStartListener implements ExecutionListener {

    private final OverrideRequest request;

    public OverrideStartListener(OverrideRequest request) {
        this.request = request;
    }

    @Override
    public void notify(DelegateExecution execution) {
        request.bindProcess(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
        execution.getProcessInstance().removeVariablesLocal();
    }
}
