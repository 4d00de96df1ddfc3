package org.lotflow.quarantine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.lotflow.shared.ApiException;

/**
 * What the listeners and delegates of {@code quarantineInvestigation} know about their hold: only
 * what a user cannot send (business key, process instance id) and lotflow's tables, never a
 * process variable such as {@code holdId} or {@code lotId}. Also the typed reading of a task's
 * declared form fields (the user's input), refused with 400 when a value has the wrong type.
 */
final class QuarantineFacts {

    private QuarantineFacts() {
    }

    static Hold hold(QuarantineService quarantine, DelegateTask task) {
        return quarantine.holdOf(task.getExecution().getProcessBusinessKey(), task.getProcessInstanceId());
    }

    static Hold hold(QuarantineService quarantine, DelegateExecution execution) {
        return quarantine.holdOf(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }

    /** A text input of the completing user, or null when absent; 400 when it is not text. */
    static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        if (value != null && !(value instanceof String)) {
            throw ApiException.badField(name, "must be text");
        }
        return (String) value;
    }

    /** Removes inputs from the task and its execution, so no stale value is found later. */
    static void forget(DelegateTask task, String... names) {
        for (String name : names) {
            task.removeVariableLocal(name);
            task.getExecution().removeVariable(name);
        }
    }
}
