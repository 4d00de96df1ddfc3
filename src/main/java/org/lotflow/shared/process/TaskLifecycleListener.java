package org.lotflow.shared.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * A user task's listener, registered in the BPMN for {@code create} and {@code complete}: on create it
 * fills what the form shows ({@link TaskForm}); on complete it reads the completing user's inputs and
 * hands them to the use case. Subclasses implement the two halves; this class does the branching that
 * every task listener needs.
 */
public abstract class TaskLifecycleListener implements TaskListener {

    @Override
    public final void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> onCreate(task);
            case EVENTNAME_COMPLETE -> onComplete(task);
            default -> onOther(task);
        }
    }

    /** The task was created: show the form's data, forget inputs that may be waiting from before. */
    protected abstract void onCreate(DelegateTask task);

    /** The task is being completed: read the inputs and carry out the decision (or refuse it). */
    protected abstract void onComplete(DelegateTask task);

    /** Any other event the BPMN registers this listener for (assignment, timeout, ...): nothing by default. */
    protected void onOther(DelegateTask task) {
    }
}
