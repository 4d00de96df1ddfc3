package org.lotflow.release;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.lotflow.lot.Lot;
import org.lotflow.shared.ApiException;

/**
 * What the listeners and delegates of {@code lotRelease} know about their lot: only what the
 * engine cannot be told by a user (business key, process instance id) and lotflow's tables, never
 * a process variable. Also the typed reading of a task's declared form fields (the user's input),
 * refused with 400 when a value has the wrong type.
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

    /** A text input of the completing user, or null when absent; 400 when it is not text. */
    static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        if (value != null && !(value instanceof String)) {
            throw ApiException.badField(name, "must be text");
        }
        return (String) value;
    }

    /** Removes an input from the task and its execution, so no stale value is found later. */
    static void forget(DelegateTask task, String... names) {
        for (String name : names) {
            task.removeVariableLocal(name);
            task.getExecution().removeVariable(name);
        }
    }
}
