package org.lotflow.recall;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lotflow.shared.ApiException;
import org.springframework.stereotype.Component;

/**
 * {@code closeRecall}: on create, shows the effectiveness check; on complete, requires a QA
 * manager and a {@code comment}, and passes the signer on as {@code closedBy}.
 */
@Component("closeRecallListener")
public class CloseRecallListener implements TaskListener {

    private final RecallService recalls;

    public CloseRecallListener(RecallService recalls) {
        this.recalls = recalls;
    }

    @Override
    public void notify(DelegateTask task) {
        Long recallId = (Long) task.getVariable("recallId");
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal("recallSummary", recalls.closeSummary(recallId));
            return;
        }
        try {
            task.getExecution().setVariable("closedBy", recalls.signClose(recallId, task.getVariable("comment")));
        } catch (ApiException e) {
            throw new BadUserRequestException(e.getMessage());
        }
    }
}
