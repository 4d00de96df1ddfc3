package org.lotflow.drill.internal.process;

import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The drill use cases' one door to the engine: starting {@code mockRecall} for a drill just started,
 * finding its open task and completing it as the caller. Also the names the model and its forms use.
 */
@Component
public class MockRecallProcess {

    public static final String PROCESS_KEY = "mockRecall";
    public static final String TASK_REVIEW = "reviewDrillScope";
    public static final String TASK_CLOSE = "closeDrill";
    /** {@code reviewDrillScope}'s choice: {@link #YES} or {@link #NO}. */
    public static final String TRACE_COMPLETE = "traceComplete";
    public static final String FINDINGS = "findings";
    /** {@code closeDrill}'s closing statement. */
    public static final String COMMENT = "comment";
    public static final String YES = "YES";
    public static final String NO = "NO";
    /** What the tasks show: the drill number and a summary of its scope. */
    static final String DRILL_NUMBER = "drillNumber";
    static final String DRILL_SUMMARY = "drillSummary";

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final org.lotflow.shared.process.TaskClaims claims;

    public MockRecallProcess(RuntimeService runtimeService, TaskService taskService,
            org.lotflow.shared.process.TaskClaims claims) {
        this.claims = claims;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
    }

    /** Starts {@code mockRecall} for a drill just started: business key only; the start listener binds it. */
    public void start(String drillNumber) {
        runtimeService.startProcessInstanceByKey(PROCESS_KEY, drillNumber);
    }

    /** The open task of that key of the drill's process, if any. */
    public Optional<String> activeTask(String processInstanceId, String taskKey) {
        if (processInstanceId == null) {
            return Optional.empty();
        }
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskKey)
                .active().singleResult();
        return Optional.ofNullable(task).map(Task::getId);
    }

    /** Completes a task as the caller with its form's variables (its listener checks and records them). */
    public void complete(String taskId, Map<String, Object> variables) {
        claims.requireClaimableByCaller(taskId);
        taskService.complete(taskId, variables);
    }
}
