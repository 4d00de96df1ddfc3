package org.lotflow.shared;

import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * A task listener's reading of the completing user's input: the fields its form declares (the
 * engine surface guard lets nothing else through), typed, read once and then forgotten so no stale
 * value is found by a later task. Business facts are never read this way: they come from
 * lotflow's tables by the process's business key.
 */
public final class TaskInputs {

    private TaskInputs() {
    }

    /** A text input of the completing user, or null when absent; 400 naming the field when it is not text. */
    public static String text(DelegateTask task, String name) {
        Object value = task.getVariable(name);
        if (value != null && !(value instanceof String)) {
            throw new InvalidInput(name, "must be text");
        }
        return (String) value;
    }

    /** Removes inputs from the task and its execution, so no stale value is found later. */
    public static void forget(DelegateTask task, String... names) {
        for (String name : names) {
            task.removeVariableLocal(name);
            task.getExecution().removeVariable(name);
        }
    }
}
