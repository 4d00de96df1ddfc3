package org.lotflow.quarantine.internal.process;

import java.util.List;
import org.lotflow.shared.process.Variable;
import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.lotflow.quarantine.internal.Disposition;
import org.springframework.stereotype.Component;

/**
 * The {@code decideDisposition} task of a lot's investigation, for a disposition signed through
 * {@code POST /api/lots/{lotNumber}/disposition}: found by the lot number (the business key), claimed
 * for the signer and completed with the signed decision as the gateway's routing.
 */
@Component
public class DispositionTask {

    public static final String TASK_INVESTIGATE = "investigateLot";
    public static final String TASK_DECIDE = "decideDisposition";

    private final TaskService taskService;

    public DispositionTask(TaskService taskService) {
        this.taskService = taskService;
    }

    /** An open disposition task: its id and assignee (null when unclaimed). */
    public record Open(String id, String assignee) {
    }

    /** The lot's open disposition task, if its investigation has reached it. */
    public Optional<Open> open(String lotNumber) {
        List<Task> tasks = taskService.createTaskQuery().processDefinitionKey(InvestigationProcess.PROCESS_KEY)
                .processInstanceBusinessKey(lotNumber).taskDefinitionKey(TASK_DECIDE).active().list();
        return tasks.stream().findFirst().map(t -> new Open(t.getId(), t.getAssignee()));
    }

    /**
     * Completes the task as {@code signer} (claiming it first when unclaimed) with the signed
     * {@code decision}; its complete listener finds the disposition already recorded and passes on.
     */
    public void complete(Open task, String signer, Disposition decision) {
        if (task.assignee() == null) {
            taskService.claim(task.id(), signer);
        }
        taskService.complete(task.id(),
                Variable.values(QuarantineInvestigationVariables.DECISION.with(decision.name())));
    }
}
