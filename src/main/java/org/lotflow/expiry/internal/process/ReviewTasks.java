package org.lotflow.expiry.internal.process;

import org.camunda.bpm.engine.TaskService;
import org.lotflow.shared.ClusterLock;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The expiry module's handle on open {@code reviewExpiringLots} tasks: one open review at a time. */
@Component
public class ReviewTasks {

    private final ClusterLock lock;
    private final TaskService taskService;

    public ReviewTasks(ClusterLock lock, TaskService taskService) {
        this.lock = lock;
        this.taskService = taskService;
    }

    /**
     * True when another run's review task is still open: a second run on the same day creates no second
     * task. Runs at the same moment queue on the cluster lock {@code expiry-review} first (its {@code app_lock}
     * row, taken in the run's transaction and held until it commits, with the review task it creates), so
     * the rule "one open review" is kept under concurrency, not only by the query.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean anotherOpen(String ownProcessInstanceId) {
        // joins the run's transaction: the row lock is held until it commits
        return lock.withLock("expiry-review", () -> taskService.createTaskQuery()
                .processDefinitionKey(ExpiryMonitoringVariables.PROCESS_KEY)
                .taskDefinitionKey(ExpiryMonitoringVariables.TASK_REVIEW).list().stream()
                .anyMatch(t -> !t.getProcessInstanceId().equals(ownProcessInstanceId)));
    }
}
