package org.lotflow.release;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lotflow.lot.LotService;
import org.lotflow.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * {@code approveRelease}: on create, shows the lab verdict; on complete, signs the decision
 * ({@code approved}, {@code comment}) as the logged-in user, refusing the analyst who recorded
 * the results (four eyes), and passes {@code approvedBy} on.
 */
@Component("approveReleaseListener")
public class ApproveReleaseListener implements TaskListener {

    private final ReleaseService release;
    private final LotService lots;
    private final CurrentUser currentUser;

    public ApproveReleaseListener(ReleaseService release, LotService lots, CurrentUser currentUser) {
        this.release = release;
        this.lots = lots;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        Long lotId = (Long) task.getVariable("lotId");
        String recordedBy = (String) task.getVariable("labRecordedBy");
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            TaskFormData.lot(task, lots.get(lotId));
            LabVerdict verdict = release.verdict(lotId);
            task.setVariableLocal("labSummary", verdict == null ? "" : verdict.summary());
            task.setVariableLocal("labRecordedByName", currentUser.fullName(recordedBy));
            return;
        }
        Object approved = task.getVariable("approved");
        release.signApproval(lotId, approved instanceof Boolean b ? b : null, (String) task.getVariable("comment"),
                recordedBy);
        task.getExecution().setVariable("approvedBy", currentUser.id());
    }
}
