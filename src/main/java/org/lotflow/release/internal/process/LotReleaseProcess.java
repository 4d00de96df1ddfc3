package org.lotflow.release.internal.process;

import java.util.List;
import org.lotflow.shared.process.Variable;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.lotflow.release.LotRelease;
import org.lotflow.shared.StateConflict;
import org.springframework.stereotype.Component;

/**
 * The engine side of the lab release for its use cases: starts {@code lotRelease} for a lot, finds a
 * lot's open task and completes it as the caller. The use cases never touch the engine's services.
 */
@Component
public class LotReleaseProcess {

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ReleaseSla sla;

    public LotReleaseProcess(RuntimeService runtimeService, TaskService taskService, ReleaseSla sla) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.sla = sla;
    }

    /** An open user task of a lot's release: its id and who claimed it (null when nobody has). */
    public record OpenTask(String id, String assignee) {
    }

    /** Starts the release of the lot {@code lotNumber} (its business key), due after the release target. */
    public void start(String lotNumber) {
        runtimeService.startProcessInstanceByKey(LotRelease.PROCESS_KEY, lotNumber,
                Variable.values(LotReleaseVariables.RELEASE_DUE_AT.with(sla.dueFromNow())));
    }

    /** The lot's open task {@code taskKey}; 409 when it has none the caller may work on. */
    public OpenTask openTask(String lotNumber, String taskKey) {
        List<Task> tasks = taskService.createTaskQuery().processDefinitionKey(LotRelease.PROCESS_KEY)
                .processInstanceBusinessKey(lotNumber).taskDefinitionKey(taskKey).active().list();
        if (tasks.isEmpty()) {
            throw new StateConflict("Lot " + lotNumber + " has no open " + taskKey + " task you may work on");
        }
        return new OpenTask(tasks.get(0).getId(), tasks.get(0).getAssignee());
    }

    /** Completes the task as {@code userId}, claiming it first when nobody has (the task's listeners run). */
    public void complete(OpenTask task, String userId) {
        if (task.assignee() == null) {
            taskService.claim(task.id(), userId);
        }
        taskService.complete(task.id());
    }
}
