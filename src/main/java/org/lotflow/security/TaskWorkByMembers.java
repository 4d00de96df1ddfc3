package org.lotflow.security;

import java.util.List;

import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.lotflow.shared.NotPermitted;
import org.lotflow.shared.process.EngineCommandFields;
import org.lotflow.shared.process.OutermostCommands;
import org.lotflow.shared.process.TaskCandidates;
import org.springframework.stereotype.Component;

/**
 * Separation of duties wherever a task is completed: a task with candidate groups (every lotflow task) is completed
 * only by a member of one of them, administrators too, whether the completion comes from Tasklist, {@code /engine-rest}
 * or lotflow's own API. A completed task is a record in its doer's name (EU GMP Annex 11 §12, 21 CFR 11.10(g));
 * auditor 2026-12-06 A1: an administrator who is not a QA manager closed a recall through
 * {@code POST /api/recalls/{n}/close}, and (A9) reviewed a drill through {@code /api}, while {@code /engine-rest}
 * refused both. {@link EngineSurfaceGuard} answers the engine's surfaces first with the same rule (checking the
 * identity store as it is now); this is the rule where every completion passes, the engine's command, with the
 * caller's groups as authenticated for the request. A completion without an authenticated caller (lotflow's own
 * steps, the job executor) is no person's record and passes; so does a task without candidate groups, and a task
 * already gone (the engine then answers the lost race).
 *
 * <p>And by the password's owner: a completion in the name of someone whose password another person set (an
 * administrator's new user or reset) is refused until they set their own ({@link OwnPassword}; 21 CFR 11.300(b)),
 * for every task, not only those whose listeners ask (re-test 2026-12-06 R2: a disposal was confirmed with the
 * password an administrator had set).
 *
 * <p>Costs one indexed read of the task's identity links and one of the security trail per completion.
 */
@Component
public class TaskWorkByMembers extends AbstractProcessEnginePlugin {

    private final org.springframework.beans.factory.ObjectProvider<CurrentUser> currentUser;
    private final org.springframework.transaction.support.TransactionTemplate transaction;

    public TaskWorkByMembers(org.springframework.beans.factory.ObjectProvider<CurrentUser> currentUser,
            org.springframework.transaction.PlatformTransactionManager transactionManager) {
        this.currentUser = currentUser;
        this.transaction = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        OutermostCommands.add(configuration, (command, proceed) -> {
            if ((command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd)
                    && EngineCommandFields.of(command, "taskId") instanceof String taskId) {
                Authentication caller = configuration.getIdentityService().getCurrentAuthentication();
                if (caller != null && caller.getUserId() != null) {
                    // the checks' reads and the completion in one transaction (the caller's, or one the engine's
                    // command joins): no commit of their own
                    return transaction.execute(status -> {
                        refuseUnlessMember(configuration, taskId, caller);
                        currentUser.getObject().requireOwnPassword();
                        return proceed.get();
                    });
                }
            }
            return proceed.get();
        });
    }

    private static void refuseUnlessMember(ProcessEngineConfigurationImpl configuration, String taskId,
            Authentication caller) {
        List<String> candidates;
        try {
            candidates = TaskCandidates.groups(configuration.getTaskService(), configuration.getIdentityService(),
                    taskId);
        } catch (NullValueException gone) {
            return;
        }
        List<String> theirs = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
        if (candidates.isEmpty() || candidates.stream().anyMatch(theirs::contains)) {
            return;
        }
        throw new NotPermitted("This task is for " + String.join(" and ", candidates.stream().map(Groups::displayName)
                .toList()) + "; " + caller.getUserId() + " is in none of these groups" + (theirs.contains(Groups.ADMIN)
                        ? " (administering lotflow does not make one a member of its roles)" : ""));
    }
}
