package org.lotflow.release;

import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.StateConflict;

import org.lotflow.shared.TaskInputs;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lotflow.lot.Lot;
import org.lotflow.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * {@code approveRelease}: on create, shows the lab verdict; on complete, signs the decision
 * ({@code approved}, {@code comment}: the form's fields, both required, read once and removed) as
 * the logged-in user, refusing the analyst who recorded the results (four eyes), and hands the
 * signed decision to the gateway as {@code approved}. The lot is the one bound to this process
 * instance and the analyst comes from the {@code lab_result} rows, never from a variable (contract;
 * 21 CFR 11.10(f) and 11.50; EU GMP Annex 11 §14).
 */
@Component("approveReleaseListener")
public class ApproveReleaseListener implements TaskListener {

    /** The form's fields: the decision inputs of this task. */
    static final String[] FIELDS = {"approved", "comment"};
    static final int MAX_COMMENT = 2000;

    private final ReleaseService release;
    private final CurrentUser currentUser;

    public ApproveReleaseListener(ReleaseService release, CurrentUser currentUser) {
        this.release = release;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        Lot lot = ReleaseFacts.lot(release, task);
        LabVerdict verdict = release.verdict(lot.getId());
        String recordedBy = verdict == null ? null : verdict.recordedBy();
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            TaskInputs.forget(task, FIELDS); // no decision may be waiting before anyone decided
            TaskFormData.lot(task, lot);
            task.setVariableLocal("labSummary", verdict == null ? "" : verdict.summary());
            task.setVariableLocal("labRecordedByName", currentUser.fullName(recordedBy));
            return;
        }
        Object approvedInput = task.getVariable("approved");
        String comment = TaskInputs.text(task, "comment");
        TaskInputs.forget(task, FIELDS);
        if (approvedInput == null) {
            throw new InvalidInput("approved", "is required: true to release, false to refuse");
        }
        if (!(approvedInput instanceof Boolean approved)) {
            throw new InvalidInput("approved", "must be a Boolean (true or false)");
        }
        if (comment == null || comment.isBlank()) {
            throw new InvalidInput("comment", "must not be empty");
        }
        if (comment.length() > MAX_COMMENT) {
            throw new InvalidInput("comment", "must be at most " + MAX_COMMENT + " characters");
        }
        if (verdict == null || !verdict.passed()) {
            throw new StateConflict("Lot " + lot.getLotNumber() + " has no passing lab verdict to approve");
        }
        release.signApproval(lot.getId(), approved, comment, recordedBy);
        task.getExecution().setVariable("approved", approved);
    }
}
