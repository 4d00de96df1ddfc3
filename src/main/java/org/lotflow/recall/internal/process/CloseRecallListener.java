package org.lotflow.recall;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code closeRecall}: on create, shows the effectiveness check of the recall of the business key
 * (task-local values) and clears any earlier {@code comment}; on complete, records the logged-in QA
 * manager's closing decision with the form's {@code comment} on the recall row, where the report task
 * re-checks it. The comment is read from this completion only and removed once recorded; who closes
 * is the logged-in user, never a variable (contract; 21 CFR Part 11; issue #8).
 */
@Component("closeRecallListener")
public class CloseRecallListener implements TaskListener {

    static final String COMMENT = "comment";

    private final RecallService recalls;

    public CloseRecallListener(RecallService recalls) {
        this.recalls = recalls;
    }

    @Override
    public void notify(DelegateTask task) {
        DelegateExecution processInstance = task.getExecution().getProcessInstance();
        String recallNumber = processInstance.getProcessBusinessKey();
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            processInstance.removeVariablesLocal(List.of(COMMENT));
            task.setVariableLocal("recallNumber", recallNumber);
            task.setVariableLocal("recallSummary", recalls.closeSummary(recallNumber, processInstance.getId()));
            return;
        }
        // a completion's variables land on the task's execution, the process instance here
        recalls.signClose(recallNumber, processInstance.getId(), processInstance.getVariableLocal(COMMENT));
        processInstance.removeVariablesLocal(List.of(COMMENT));
    }
}
