package org.lotflow.drill.internal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lotflow.drill.internal.DrillWork;
import org.springframework.stereotype.Component;

/** {@code markDrillFailed}: the drill's target time passed before it was closed: FAILED ({@link DrillWork#timedOut}). */
@Component("markDrillFailedDelegate")
public class MarkDrillFailedDelegate implements JavaDelegate {

    private final DrillWork work;

    public MarkDrillFailedDelegate(DrillWork work) {
        this.work = work;
    }

    @Override
    public void execute(DelegateExecution execution) {
        work.timedOut(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }
}
