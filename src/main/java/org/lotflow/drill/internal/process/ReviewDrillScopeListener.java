package org.lotflow.drill.internal.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.lotflow.drill.internal.DrillReports;
import org.lotflow.drill.internal.DrillWork;
import org.springframework.stereotype.Component;

/**
 * {@code reviewDrillScope}: on create, shows the drill's scope and mass balance as lotflow traced them
 * ({@link DrillTaskListener}); on complete, records the logged-in coordinator's review (the form's
 * {@code traceComplete} and {@code findings}) on the drill ({@link DrillWork#recordReview}); the inputs are read
 * from this completion only and removed once recorded.
 */
@Component("reviewDrillScopeListener")
public class ReviewDrillScopeListener extends DrillTaskListener {

    public ReviewDrillScopeListener(DrillWork work, DrillReports reports) {
        super(work, reports);
    }

    @Override
    protected void onComplete(DelegateTask task) {
        work.recordReview(drillNumber(task), task.getProcessInstanceId(),
                task.getVariable(MockRecallProcess.TRACE_COMPLETE), task.getVariable(MockRecallProcess.FINDINGS));
        task.removeVariable(MockRecallProcess.TRACE_COMPLETE);
        task.removeVariable(MockRecallProcess.FINDINGS);
    }
}
