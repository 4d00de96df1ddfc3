package org.lotflow.drill.internal.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.lotflow.drill.internal.DrillReports;
import org.lotflow.drill.internal.DrillWork;
import org.lotflow.shared.process.TaskForm;
import org.lotflow.shared.process.TaskLifecycleListener;
import org.springframework.stereotype.Component;

/**
 * {@code closeDrill}: on create, shows the drill with its review; on complete, closes the drill as the
 * logged-in coordinator with the form's {@code comment} ({@link DrillWork#recordClose}: PASSED or FAILED
 * by the drill's rules), read from this completion only and removed once recorded.
 */
@Component("closeDrillListener")
public class CloseDrillListener extends TaskLifecycleListener {

    private final DrillWork work;
    private final DrillReports reports;

    public CloseDrillListener(DrillWork work, DrillReports reports) {
        this.work = work;
        this.reports = reports;
    }

    @Override
    protected void onCreate(DelegateTask task) {
        String drillNumber = task.getExecution().getProcessBusinessKey();
        TaskForm.of(task).show(MockRecallProcess.DRILL_NUMBER, drillNumber)
                .show(MockRecallProcess.DRILL_SUMMARY, reports.summary(drillNumber)).apply();
    }

    @Override
    protected void onComplete(DelegateTask task) {
        work.recordClose(task.getExecution().getProcessBusinessKey(), task.getProcessInstanceId(),
                task.getVariable(MockRecallProcess.COMMENT));
        task.removeVariable(MockRecallProcess.COMMENT);
    }
}
