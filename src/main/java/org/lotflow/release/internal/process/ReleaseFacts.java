package org.lotflow.release.internal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.lotflow.lot.Lot;
import org.lotflow.release.internal.ReleaseRunBinding;

/**
 * What the listeners and delegates of {@code lotRelease} know about their lot: only what the
 * engine cannot be told by a user (business key, process instance id) and lotflow's tables, never
 * a process variable ({@link ReleaseRunBinding#lotOf}).
 */
final class ReleaseFacts {

    private ReleaseFacts() {
    }

    static Lot lot(ReleaseRunBinding runs, DelegateTask task) {
        return runs.lotOf(task.getExecution().getProcessBusinessKey(), task.getProcessInstanceId());
    }

    static Lot lot(ReleaseRunBinding runs, DelegateExecution execution) {
        return runs.lotOf(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }
}
