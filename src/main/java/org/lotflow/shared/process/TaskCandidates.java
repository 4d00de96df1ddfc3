package org.lotflow.shared.process;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;

/**
 * Whom an open task is for: its candidate groups (and candidate users), read without the caller's authorizations, so
 * the answer does not depend on who asks. Used by the engine gate (who may complete, claim or be handed a task), by
 * the gate's rule on a task's own grants, and by the Console (whom to link a task for).
 */
public final class TaskCandidates {

    private TaskCandidates() {
    }

    /**
     * The task's candidate groups, and with {@code users} its candidate users too, as ids.
     *
     * @throws org.camunda.bpm.engine.exception.NullValueException when the task is gone (completed meanwhile)
     */
    public static List<String> of(TaskService tasks, IdentityService identities, String taskId, boolean users) {
        return new WithoutCallerAuthorization(identities).call(() -> tasks.getIdentityLinksForTask(taskId)).stream()
                .filter(l -> "candidate".equals(l.getType()) && (users || l.getGroupId() != null))
                .map(l -> l.getGroupId() != null ? l.getGroupId() : l.getUserId()).toList();
    }

    /** The task's candidate groups (see {@link #of}). */
    public static List<String> groups(TaskService tasks, IdentityService identities, String taskId) {
        return of(tasks, identities, taskId, false);
    }
}
