package org.lotflow.drill.internal.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.lotflow.drill.internal.DrillReports;
import org.lotflow.drill.internal.DrillWork;
import org.lotflow.shared.process.TaskForm;
import org.lotflow.shared.process.TaskLifecycleListener;

/**
 * What the mock-recall drill's tasks ({@code reviewDrillScope}, {@code closeDrill}) share: on create, the form
 * shows the drill's number and its scope and mass balance as lotflow traced them, read from lotflow's tables by
 * the process's business key (the drill number), never from a variable a user can write.
 */
abstract class DrillTaskListener extends TaskLifecycleListener {

    protected final DrillWork work;
    private final DrillReports reports;

    DrillTaskListener(DrillWork work, DrillReports reports) {
        this.work = work;
        this.reports = reports;
    }

    @Override
    protected void onCreate(DelegateTask task) {
        String drillNumber = drillNumber(task);
        TaskForm.of(task).show(MockRecallProcess.DRILL_NUMBER, drillNumber)
                .markdown(MockRecallProcess.DRILL_SUMMARY, esc -> reports.summary(drillNumber, esc)).apply();
    }

    /** The drill this task belongs to: its process's business key. */
    protected static String drillNumber(DelegateTask task) {
        return task.getExecution().getProcessBusinessKey();
    }
}
