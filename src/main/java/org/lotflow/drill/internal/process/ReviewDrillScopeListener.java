package org.lotflow.drill.internal.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.lotflow.drill.internal.DrillReports;
import org.lotflow.drill.internal.DrillWork;
import org.lotflow.shared.process.TaskForm;
import org.lotflow.shared.process.TaskLifecycleListener;
import org.springframework.stereotype.Component;

/**
 * {@code reviewDrillScope}: on create, shows the drill's scope and mass balance as lotflow traced them;
 * on complete, records the logged-in coordinator's review (the form's {@code traceComplete} and
 * {@code findings}) on the drill ({@link DrillWork#recordReview}); the inputs are read from this
 * completion only and removed once recorded.
 */
@Component("reviewDrillScopeListener")
public class ReviewDrillScopeListener extends TaskLifecycleListener {

    private final DrillWork work;
    private final DrillReports reports;

    public ReviewDrillScopeListener(DrillWork work, DrillReports reports) {
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
        work.recordReview(task.getExecution().getProcessBusinessKey(), task.getProcessInstanceId(),
                task.getVariable(MockRecallProcess.TRACE_COMPLETE), task.getVariable(MockRecallProcess.FINDINGS));
        task.removeVariable(MockRecallProcess.TRACE_COMPLETE);
        task.removeVariable(MockRecallProcess.FINDINGS);
    }
}
