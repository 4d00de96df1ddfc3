package org.lotflow.recall.internal.process;

import static org.lotflow.recall.internal.process.LotRecallVariables.RECALL_NUMBER;
import static org.lotflow.recall.internal.process.LotRecallVariables.RECALL_SUMMARY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.lotflow.recall.internal.RecallClosing;
import org.lotflow.recall.internal.RecallQueries;
import org.lotflow.shared.process.TaskForm;
import org.lotflow.shared.process.TaskLifecycleListener;
import org.springframework.stereotype.Component;

/**
 * {@code closeRecall}: on create, shows the effectiveness check of the recall of the business key
 * and clears any earlier {@code comment}; on complete, records the logged-in QA manager's closing
 * decision with the form's {@code comment} (and {@code justification}, required below the target
 * effectiveness level, and {@code disposalMethod} with {@code disposalReference}, the first required while recalled
 * stock is left) on the recall row, where the report task re-checks it
 * ({@link RecallClosing#sign}). The comment is read from this completion only and removed once
 * recorded; who closes is the logged-in user, never a variable (contract; 21 CFR Part 11; issue #8).
 */
@Component("closeRecallListener")
public class CloseRecallListener extends TaskLifecycleListener {

    private final RecallClosing closing;
    private final RecallQueries queries;

    public CloseRecallListener(RecallClosing closing, RecallQueries queries) {
        this.closing = closing;
        this.queries = queries;
    }

    @Override
    protected void onCreate(DelegateTask task) {
        DelegateExecution processInstance = task.getExecution().getProcessInstance();
        String recallNumber = processInstance.getProcessBusinessKey();
        LotRecallVariables.forgetComment(processInstance);
        String summary = queries.closeSummary(recallNumber, processInstance.getId());
        TaskForm.of(task).show(RECALL_NUMBER.name(), recallNumber)
                .show(LotRecallVariables.TARGET_LEVEL.name(), closing.target())
                .markdown(RECALL_SUMMARY.name(), esc -> queries.closeSummary(recallNumber, processInstance.getId(), esc))
                .show(LotRecallVariables.FIGURES_VERSION.name(), RecallQueries.figuresVersion(summary))
                .apply();
    }

    @Override
    protected void onComplete(DelegateTask task) {
        // a completion's variables land on the task's execution, the process instance here
        DelegateExecution processInstance = task.getExecution().getProcessInstance();
        closing.sign(processInstance.getProcessBusinessKey(), processInstance.getId(),
                LotRecallVariables.comment(processInstance), LotRecallVariables.justification(processInstance),
                LotRecallVariables.disposalMethod(processInstance), LotRecallVariables.disposalReference(processInstance),
                LotRecallVariables.disposals(processInstance), LotRecallVariables.figuresShown(processInstance),
                formSendsFiguresVersion(task));
        LotRecallVariables.forgetComment(processInstance);
    }

    /**
     * Whether the {@code closeRecall} form deployed with this task's process definition sends the figures' version
     * back: a recall opened before it did (its definition keeps the form it was deployed with) is closed without it, so
     * an upgrade leaves no recall that cannot be closed in Tasklist. Read from the deployment, as lotflow, not as the
     * signer; when the form cannot be read, the version is asked for.
     */
    static boolean formSendsFiguresVersion(DelegateTask task) {
        try {
            return org.camunda.bpm.engine.impl.context.Context.getCommandContext().runWithoutAuthorization(() -> {
                org.camunda.bpm.engine.RepositoryService repository =
                        task.getProcessEngineServices().getRepositoryService();
                String deploymentId = repository.getProcessDefinition(task.getProcessDefinitionId()).getDeploymentId();
                for (String name : repository.getDeploymentResourceNames(deploymentId)) {
                    if (name.endsWith("closeRecall.html")) {
                        try (java.io.InputStream in = repository.getResourceAsStream(deploymentId, name)) {
                            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                                    .contains(LotRecallVariables.FIGURES_SHOWN.name());
                        }
                    }
                }
                return true;
            });
        } catch (RuntimeException e) {
            return true;
        }
    }
}
