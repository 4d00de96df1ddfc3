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
        String summary = queries.closeSummary(recallNumber, processInstance.getId(),
                t -> t == null ? TaskForm.ABSENT : t);
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
                LotRecallVariables.disposals(processInstance), LotRecallVariables.figuresShown(processInstance));
        LotRecallVariables.forgetComment(processInstance);
    }
}
