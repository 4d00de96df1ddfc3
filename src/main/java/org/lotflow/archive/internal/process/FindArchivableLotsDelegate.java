package org.lotflow.archive.internal.process;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lotflow.archive.internal.LotArchiving;
import org.springframework.stereotype.Component;

/**
 * Service task {@code findArchivableLots}: counts the lots past their retention ({@link LotArchiving}) and decides
 * whether a QA manager reviews them ({@code reviewNeeded}: there are some and no earlier review is still open).
 */
@Component("findArchivableLotsDelegate")
public class FindArchivableLotsDelegate implements JavaDelegate {

    private final LotArchiving archiving;
    private final TaskService taskService;

    public FindArchivableLotsDelegate(LotArchiving archiving, TaskService taskService) {
        this.archiving = archiving;
        this.taskService = taskService;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long count = archiving.countArchivable();
        LotArchivingProcess.ARCHIVABLE_COUNT.set(execution, (int) Math.min(Integer.MAX_VALUE, count));
        boolean otherOpen = taskService.createTaskQuery().processDefinitionKey(LotArchivingProcess.PROCESS_KEY)
                .taskDefinitionKey(LotArchivingProcess.TASK_REVIEW).list().stream()
                .anyMatch(t -> !t.getProcessInstanceId().equals(execution.getProcessInstanceId()));
        LotArchivingProcess.REVIEW_NEEDED.set(execution, count > 0 && !otherOpen);
    }
}
