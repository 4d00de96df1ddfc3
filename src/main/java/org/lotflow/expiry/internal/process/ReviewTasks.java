package org.lotflow.expiry.internal.process;

import org.camunda.bpm.engine.TaskService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The expiry module's handle on open {@code reviewExpiringLots} tasks: one open review at a time. */
@Component
public class ReviewTasks {

    private final JdbcTemplate jdbc;
    private final TaskService taskService;

    public ReviewTasks(JdbcTemplate jdbc, TaskService taskService) {
        this.jdbc = jdbc;
        this.taskService = taskService;
    }

    /**
     * True when another run's review task is still open: a second run on the same day creates no second
     * task. Runs at the same moment queue on the {@code app_lock} row {@code expiry-review} first (held until
     * the run's transaction, which creates its review task, commits), so the rule "one open review" is kept
     * under concurrency, not only by the query.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean anotherOpen(String ownProcessInstanceId) {
        jdbc.queryForList("SELECT name FROM app_lock WHERE name = 'expiry-review' FOR UPDATE", String.class);
        return taskService.createTaskQuery().processDefinitionKey(ExpiryMonitoringVariables.PROCESS_KEY)
                .taskDefinitionKey(ExpiryMonitoringVariables.TASK_REVIEW).list().stream()
                .anyMatch(t -> !t.getProcessInstanceId().equals(ownProcessInstanceId));
    }
}
