package org.lotflow.recall.internal.process;

import static org.lotflow.recall.internal.process.LotRecallVariables.RECALL_NUMBER;
import static org.lotflow.recall.internal.process.LotRecallVariables.RECALL_SUMMARY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.lotflow.recall.internal.RecallClosing;
import org.lotflow.recall.internal.RecallQueries;
import org.lotflow.shared.process.LiveTaskDisplays;
import org.lotflow.shared.process.TaskForm;
import org.lotflow.shared.process.TaskLifecycleListener;
import org.springframework.stereotype.Component;

/**
 * {@code closeRecall}: shows the effectiveness check of the recall of the business key ({@code recallSummary}) and
 * that summary's {@code figuresVersion}, computed when the form is read ({@link LiveTaskDisplays}), so what the QA
 * manager reads and signs on is the recall's figures as they stand then: answers, returns received and a rejection's
 * disposal of the lot's other stock recorded after the task was made included (re-test 27 R1: after the rejection's
 * disposal the form kept the old figure and its version, and every signature was refused); on create, clears any
 * earlier {@code comment} and keeps the figures as they stand then, shown only when the live ones cannot be computed
 * (a version that is then out of date is refused, 409, never signed on). On complete, records the logged-in QA
 * manager's closing decision with the form's {@code comment} (and {@code justification}, required below the target
 * effectiveness level, and {@code disposalMethod} with {@code disposalReference}, the first required while recalled
 * stock is left) on the recall row, where the report task re-checks it ({@link RecallClosing#sign}, which compares
 * the form's {@code figuresShown} with {@link RecallQueries#figuresVersion} of the same summary as it stands then).
 * The comment is read from this completion only and removed once recorded; who closes is the logged-in user, never a
 * variable (contract; 21 CFR Part 11; issue #8).
 */
@Component("closeRecallListener")
public class CloseRecallListener extends TaskLifecycleListener {

    private final RecallClosing closing;
    private final RecallQueries queries;

    public CloseRecallListener(RecallClosing closing, RecallQueries queries, LiveTaskDisplays displays) {
        this.closing = closing;
        this.queries = queries;
        // the recall's figures and their version as they stand when the form is read (re-test 27 R1)
        displays.live(LotRecallProcess.PROCESS_KEY, LotRecallProcess.TASK_CLOSE_RECALL, (task, reader) -> {
            DelegateExecution processInstance = task.getExecution().getProcessInstance();
            return figures(task, processInstance.getProcessBusinessKey(), processInstance.getId());
        });
    }

    /**
     * {@code recallSummary} and {@code figuresVersion} of the closing form, as they stand now. The version is taken
     * first, of the text {@link RecallClosing#sign} checks the signature's against: should the figures change between
     * the two readings, the summary shown is the newer and the version the older, so the signature is refused (409),
     * never accepted on figures not shown.
     */
    private java.util.Map<String, Object> figures(DelegateTask task, String recallNumber, String processInstanceId) {
        String version = RecallQueries.figuresVersion(queries.closeSummary(recallNumber, processInstanceId));
        java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put(RECALL_SUMMARY.name(), TaskForm.built(task,
                esc -> queries.closeSummary(recallNumber, processInstanceId, esc)));
        values.put(LotRecallVariables.FIGURES_VERSION.name(), version);
        return values;
    }

    @Override
    protected void onCreate(DelegateTask task) {
        DelegateExecution processInstance = task.getExecution().getProcessInstance();
        String recallNumber = processInstance.getProcessBusinessKey();
        LotRecallVariables.forgetComment(processInstance);
        // recallSummary and figuresVersion as they stand now: kept for a form read when its live values (the
        // constructor's) cannot be computed
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
