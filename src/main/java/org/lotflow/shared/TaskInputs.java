package org.lotflow.shared;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.lotflow.shared.process.Variable;

/**
 * Forgets a task's form inputs once its listener has read them (typed, through each process's
 * {@link Variable}s), and when the task is created, so no stale value is found by a later task.
 * Business facts are never read from inputs: they come from lotflow's tables by the process's
 * business key.
 */
public final class TaskInputs {

    private TaskInputs() {
    }

    /** Removes the inputs from the task and from its execution. */
    public static void forget(DelegateTask task, Variable<?>... inputs) {
        for (Variable<?> input : inputs) {
            task.removeVariableLocal(input.name());
            task.getExecution().removeVariable(input.name());
        }
    }
}
