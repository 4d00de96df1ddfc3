package org.lotflow.drill.internal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.lotflow.drill.internal.DrillWork;
import org.springframework.stereotype.Component;

/**
 * Start of {@code mockRecall}: only lotflow starts it, for a drill it started in the same transaction
 * ({@code POST /api/mock-recalls}); the process is bound to the drill of its business key
 * ({@link DrillWork#bind}), and any other start is refused and starts nothing. Every variable of the
 * start is dropped: the process carries no facts, its steps read the drill by business key.
 */
@Component("drillStartListener")
public class DrillStartListener implements ExecutionListener {

    private final DrillWork work;

    public DrillStartListener(DrillWork work) {
        this.work = work;
    }

    @Override
    public void notify(DelegateExecution execution) {
        work.bind(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
        execution.getProcessInstance().removeVariablesLocal();
    }
}
