package org.lotflow.shared.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * A user task's listener, registered in the BPMN for {@code create} and {@code complete}: on create it
 * fills what the form shows ({@link TaskForm}); on complete it reads the completing user's inputs and
 * hands them to the use case. Subclasses implement the two halves; this class does the branching that
 * every task listener needs, and names every new task after what it concerns: the process's business
 * key (the lot, order or recall number) is added to the model's name unless the subclass's name already
 * shows it ("Record lab results · IL250-2025-001"), so Tasklist's list says which lot each row is
 * about (issue #12).
 */
public abstract class TaskLifecycleListener implements TaskListener {

    @Override
    public final void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> {
                onCreate(task);
                nameAfterSubject(task);
            }
            case EVENTNAME_COMPLETE -> {
                try {
                    onComplete(task);
                } catch (org.lotflow.shared.FourEyesViolation refused) {
                    // the refused person had claimed the task: it goes back to its groups (new user 28 M2)
                    throw handBack(task, refused);
                }
            }
            case EVENTNAME_ASSIGNMENT -> {
                if (task.getAssignee() != null) {
                    try {
                        onAssigned(task, task.getAssignee());
                    } catch (org.lotflow.shared.FourEyesViolation refused) {
                        // told as "you ..." to whoever claims; one who assigns the task to someone else is told whom
                        throw refused.assignedBy(callerOf(task), task.getAssignee());
                    }
                }
            }
            default -> onOther(task);
        }
    }

    /**
     * The refusal of a completion by the person who claimed the task, marked for handing the task back to its candidate
     * groups (named in the sentence); unchanged when the task is not claimed by the caller or has no candidate group.
     */
    static org.lotflow.shared.FourEyesViolation handBack(DelegateTask task, org.lotflow.shared.FourEyesViolation refused) {
        String assignee = task.getAssignee();
        if (assignee == null || !assignee.equals(callerOf(task))) {
            return refused;
        }
        java.util.List<String> groupIds = task.getCandidates().stream()
                .map(org.camunda.bpm.engine.task.IdentityLink::getGroupId).filter(java.util.Objects::nonNull)
                .distinct().sorted().toList();
        if (groupIds.isEmpty()) {
            return refused;
        }
        java.util.List<String> names = groupIds.stream().map(id -> groupName(task, id)).toList();
        return refused.handedBack(task.getId(), assignee, names);
    }

    private static String groupName(DelegateTask task, String groupId) {
        try {
            org.camunda.bpm.engine.identity.Group group = org.camunda.bpm.engine.impl.context.Context.getCommandContext()
                    .runWithoutAuthorization(() -> task.getProcessEngineServices().getIdentityService()
                            .createGroupQuery().groupId(groupId).singleResult());
            return group == null || group.getName() == null || group.getName().isBlank() ? groupId : group.getName();
        } catch (RuntimeException e) {
            return groupId;
        }
    }

    /** The user on whose request the engine runs this listener (null for none: a job, a timer). */
    private static String callerOf(DelegateTask task) {
        org.camunda.bpm.engine.impl.identity.Authentication auth = task.getProcessEngineServices().getIdentityService()
                .getCurrentAuthentication();
        return auth == null ? null : auth.getUserId();
    }

    /**
     * Adds the business key to the task's name ({@code "<name> · <business key>"}) unless it has none
     * or the name shows it already.
     */
    static void nameAfterSubject(DelegateTask task) {
        String key = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        String name = task.getName();
        if (key != null && !key.isBlank() && (name == null || !name.contains(key))) {
            task.setName(name == null || name.isBlank() ? key : name + " · " + key);
        }
    }

    /** The task was created: show the form's data, forget inputs that may be waiting from before. */
    protected abstract void onCreate(DelegateTask task);

    /** The task is being completed: read the inputs and carry out the decision (or refuse it). */
    protected abstract void onComplete(DelegateTask task);

    /**
     * The task was claimed by or assigned to {@code assignee} (the BPMN registers the listener for
     * {@code assignment}); refuse to keep someone off a task before they work on it. Nothing by default.
     */
    protected void onAssigned(DelegateTask task, String assignee) {
    }

    /** Any other event the BPMN registers this listener for (assignment, timeout, ...): nothing by default. */
    protected void onOther(DelegateTask task) {
    }
}
