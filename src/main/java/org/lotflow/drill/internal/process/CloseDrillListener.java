package org.lotflow.drill.internal.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.lotflow.drill.internal.DrillReports;
import org.lotflow.drill.internal.DrillWork;
import org.springframework.stereotype.Component;

/**
 * {@code closeDrill}: on create, shows the drill with its review ({@link DrillTaskListener}); on complete, closes
 * the drill as the logged-in coordinator with the form's {@code comment} ({@link DrillWork#recordClose}: PASSED or
 * FAILED by the drill's rules), read from this completion only and removed once recorded.
 */
@Component("closeDrillListener")
public class CloseDrillListener extends DrillTaskListener {

    public CloseDrillListener(DrillWork work, DrillReports reports) {
        super(work, reports);
    }

    @Override
    protected void onComplete(DelegateTask task) {
        work.recordClose(drillNumber(task), task.getProcessInstanceId(), task.getVariable(MockRecallProcess.COMMENT));
        task.removeVariable(MockRecallProcess.COMMENT);
    }
}
