package org.lotflow.release;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.lotflow.lot.Lot;

/**
 * What the listeners and delegates of {@code lotRelease} know about their lot: only what the
 * engine cannot be told by a user (business key, process instance id) and lotflow's tables, never
 * a process variable. (A task's form input is read through {@link org.lotflow.shared.TaskInputs}.)
 */
final class ReleaseFacts {

    private ReleaseFacts() {
    }

    static Lot lot(ReleaseService release, DelegateTask task) {
        return release.lotOf(task.getExecution().getProcessBusinessKey(), task.getProcessInstanceId());
    }

    static Lot lot(ReleaseService release, DelegateExecution execution) {
        return release.lotOf(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }
}
