package org.lotflow.security;

import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.lotflow.security.EngineSurfaceGuard.Caller;

/**
 * An open task as someone who may not read it sees it: as no task at all. A completion, claim, hand-back, comment,
 * attachment or deletion of such a task answers 404 with the words an id of no task gets ("There is no task 'xyz'"),
 * never the task's name, lot or groups (auditor 2026-12-07: an outsider holding a task's id learnt "Record lab results
 * · IL250-2025-002 is for QA analysts and QA managers"); reads of its form and variables answer as for an id of no open
 * task ({@link org.lotflow.shared.EngineAuthorizationRefusal}). Closed tasks are {@link ClosedTasks}.
 *
 * <p>Who may read a task is the engine's own rule, read with the caller's groups as the identity store has them now:
 * {@code READ} on the task (its candidate groups and its assignee have it) or {@code READ_TASK} on its process.
 * Administrators read every task. Those who may read a task but not work on it are still told why in words (403).
 * The check comes before anything of a request's body is judged (re-test 2026-12-07 F1: a claim naming another user
 * was told "for yourself only").
 *
 * <p>Left as it is: the answer for a hidden task takes a few milliseconds longer than for an id of no task (its rights
 * are read), which someone holding a task's id could measure over many requests (re-test 2026-12-07 F2). Task ids are
 * random UUIDs that reach only the task's own people (Tasklist, the Console's links), so no id is learnt this way.
 */
final class UnseenTasks {

    private final EngineTasks tasks;
    private final IdentityLookups lookups;

    UnseenTasks(EngineTasks tasks, IdentityLookups lookups) {
        this.tasks = tasks;
        this.lookups = lookups;
    }

    /** Whether {@code caller} may not read the open {@code task}, so that it is, to them, no task. */
    boolean hiddenFrom(Task task, Caller caller) {
        if (caller.admin()) {
            return false;
        }
        String processKey = task.getProcessDefinitionId() == null ? null : tasks.processKey(task.getProcessDefinitionId());
        return !lookups.mayRead(caller.userId(), Resources.TASK, task.getId(), ProcessDefinitionPermissions.READ_TASK,
                processKey);
    }

    /**
     * Whether {@code caller} may not read the running process instance {@code running} ({instance id, process key};
     * null: none, the read's own 404 answers it), so that it is, to them, none (auditor 2026-12-07 24b F6).
     */
    boolean hiddenFrom(String[] running, Caller caller) {
        return running != null && !caller.admin() && !lookups.mayRead(caller.userId(), Resources.PROCESS_INSTANCE,
                running[0], ProcessDefinitionPermissions.READ_INSTANCE, running[1]);
    }

    /** The answer for {@code taskId} of no task: 404, the same words whether it never existed or is hidden. */
    static SurfaceRefusal none(String taskId) {
        return new SurfaceRefusal(404, "Not found", null, org.lotflow.shared.EngineRefusals.noTask(taskId));
    }
}
