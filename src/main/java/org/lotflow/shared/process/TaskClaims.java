package org.lotflow.shared.process;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.lotflow.shared.StateConflict;
import org.springframework.stereotype.Component;

/**
 * A claimed task is completed by whoever claimed it, on every path (auditor 2026-12-05 B8 and C10: the engine REST gate
 * held it, but lotflow's own API completed a recall's closing, a customer's answer or a drill's review claimed by
 * someone else, and the engine's history then named another doer than lotflow's record). Used by the process adapters
 * that complete a task for an {@code /api} call.
 */
@Component
public class TaskClaims {

    private final TaskService taskService;
    private final IdentityService identityService;

    public TaskClaims(TaskService taskService, IdentityService identityService) {
        this.taskService = taskService;
        this.identityService = identityService;
    }

    /** Refuses (409) to complete the task as the logged-in caller when someone else has claimed it. */
    public void requireClaimableByCaller(String taskId) {
        Authentication caller = identityService.getCurrentAuthentication();
        if (caller == null || caller.getUserId() == null) {
            return; // lotflow itself (a job)
        }
        Task task = new WithoutCallerAuthorization(identityService).call(() -> taskService.createTaskQuery()
                .taskId(taskId).singleResult());
        String why = refusal(task, caller.getUserId());
        if (why != null) {
            throw new StateConflict(why);
        }
    }

    /**
     * Why {@code userId} may not complete the task, which someone else has claimed; null when they may (nobody or they
     * claimed it, or no task). The rule of every path: lotflow's {@code /api} here, the engine REST gate there.
     */
    public static String refusal(Task task, String userId) {
        if (task == null || task.getAssignee() == null || task.getAssignee().equals(userId)) {
            return null;
        }
        return "The task '" + task.getName() + "' is claimed by " + task.getAssignee() + ": they complete it, or hand it"
                + " back to its group (unclaim; an administrator may hand it back for them) before someone else does";
    }
}
