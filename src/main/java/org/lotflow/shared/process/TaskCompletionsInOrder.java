package org.lotflow.shared.process;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One task is completed by one request at a time, on every node of a cluster: a completion ({@code complete},
 * {@code submit-form}, from Tasklist, {@code /engine-rest} or lotflow's API) first takes the row lock of its task
 * ({@code ACT_RU_TASK}, {@code SELECT ... FOR UPDATE}) in the transaction the engine's command then joins. A second
 * completion of the same task waits until the first has committed, then finds the task gone and is answered 409 ("was
 * completed by ... at the same time"), as before.
 *
 * <p>Why: two completions of one task sent at the same moment both read the task and its execution before either
 * wrote. On PostgreSQL the second then failed inside the engine with a {@link NullPointerException} (the execution
 * had already moved on), which the engine logged as an ERROR with its stack trace and lotflow's gate turned into the
 * 409 after the fact (issue #9's race test, 2026-12-05; race losers leaving errors in the log, auditor 2026-12-05).
 * The caller's answer is unchanged; the log keeps errors for real failures.
 *
 * <p>Costs one indexed read per task completion. A task the lock does not find (completed or never there) is left to
 * the engine, which answers it as before.
 */
@Component
public class TaskCompletionsInOrder extends AbstractProcessEnginePlugin {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    public TaskCompletionsInOrder(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * Takes the row lock of the task now, in the caller's transaction (which must be one), as its completion would:
     * for a service that checks lotflow's records before it completes a task, so that it takes its locks in the order
     * every completion takes them (the task's row first, then what the task's listeners lock). Taking them the other
     * way round deadlocked an answer sent through lotflow's API against one sent through {@code /engine-rest} on
     * PostgreSQL (auditor 2026-12-06 A11). False when the task is gone (completed meanwhile).
     */
    @org.springframework.transaction.annotation.Transactional(propagation
            = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public boolean lock(String taskId) {
        return !jdbc.queryForList(LOCK_TASK, String.class, taskId).isEmpty();
    }

    private static final String LOCK_TASK = "SELECT ID_ FROM ACT_RU_TASK WHERE ID_ = ? FOR UPDATE";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        OutermostCommands.add(configuration, (command, proceed) -> {
            if (!(command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd)
                    || !(EngineCommandFields.of(command, "taskId") instanceof String taskId)) {
                return proceed.get();
            }
            // in the caller's transaction (lotflow's API) or a new one the engine's command joins
            return transaction.execute(status -> {
                try {
                    jdbc.queryForList(LOCK_TASK, String.class, taskId);
                } catch (org.springframework.dao.ConcurrencyFailureException lost) {
                    // a deadlock or lock timeout against another request: a lost race, 409 in words, nothing saved
                    // (auditor 2026-12-06 A11: Camunda's REST layer answered it 500 with the SQL)
                    throw new org.lotflow.shared.StateConflict(org.lotflow.shared.EngineRefusals.CONCURRENT);
                }
                return proceed.get();
            });
        });
    }
}
