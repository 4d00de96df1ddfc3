package org.lotflow.release.internal.process;

import static org.lotflow.release.internal.process.LotReleaseVariables.APPROVED;
import static org.lotflow.release.internal.process.LotReleaseVariables.COMMENT;
import static org.lotflow.release.internal.process.LotReleaseVariables.LAB_RECORDED_BY_NAME;
import static org.lotflow.release.internal.process.LotReleaseVariables.LAB_SUMMARY;
import static org.lotflow.release.internal.process.LotReleaseVariables.OOS_HISTORY;
import static org.lotflow.release.internal.process.LotReleaseVariables.UNFIT_MATERIAL_NOTICE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotFacts;
import org.lotflow.release.LabVerdict;
import org.lotflow.release.internal.ReleaseApproval;
import org.lotflow.release.internal.ReleaseQueries;
import org.lotflow.release.internal.ReleaseRunBinding;
import org.lotflow.security.CurrentUser;
import org.lotflow.shared.TaskInputs;
import org.lotflow.shared.process.TaskForm;
import org.lotflow.shared.process.TaskLifecycleListener;
import org.springframework.stereotype.Component;

/**
 * {@code approveRelease}: on create, shows the lot, its lab verdict and any earlier out-of-specification
 * round with its invalidation ({@code oosHistory}, {@link OosForms#oosHistory}), when the form is read the four-eyes
 * rule as it applies to the reader and what keeps the lot from being released ({@code unfitMaterialNotice}: the 409
 * an approval would answer, {@link org.lotflow.lot.SourceLotUnfit}), and forgets any decision
 * waiting from before; on complete, reads the form's fields ({@code approved}, {@code comment}, both
 * required, read once and removed), has {@link ReleaseApproval} sign the decision as the logged-in
 * user (four eyes), and hands the signed decision to the gateway as {@code approved}. The lot is the
 * one bound to this process instance and the analyst comes from the {@code lab_result} rows, never
 * from a variable (contract; 21 CFR 11.10(f) and 11.50; EU GMP Annex 11 §14).
 */
@Component("approveReleaseListener")
public class ApproveReleaseListener extends TaskLifecycleListener {

    private final ReleaseRunBinding runs;
    private final ReleaseQueries queries;
    private final ReleaseApproval approval;
    private final CurrentUser currentUser;
    private final OosForms oosForms;

    public ApproveReleaseListener(ReleaseRunBinding runs, ReleaseQueries queries, ReleaseApproval approval,
            CurrentUser currentUser, OosForms oosForms, org.lotflow.shared.process.LiveTaskDisplays displays) {
        this.oosForms = oosForms;
        // the four-eyes rule as it applies to whoever opens the form, when they open it (F11, re-test M1/M2)
        displays.live(org.lotflow.release.LotRelease.PROCESS_KEY, "approveRelease", (task, reader) -> {
            Lot lot = ReleaseFacts.lot(runs, task);
            return org.lotflow.shared.FourEyesNotices.shownTo(reader, approval.fourEyesNotices(lot,
                    queries.verdict(lot.getId())));
        });
        // material that keeps the lot from being released, said when the form is read, before the signature's 409
        // (a source RECALLED, held or REJECTED; for a received lot, another lot of its supplier lot so): lotflow's
        // records as they are now, as the approval checks them
        displays.live(org.lotflow.release.LotRelease.PROCESS_KEY, "approveRelease", (task, reader) -> {
            Lot lot = ReleaseFacts.lot(runs, task);
            String refusal = approval.unfitMaterialRefusal(lot);
            return org.lotflow.shared.process.Variable.values(UNFIT_MATERIAL_NOTICE.with(refusal == null ? "" : refusal));
        });
        this.runs = runs;
        this.queries = queries;
        this.approval = approval;
        this.currentUser = currentUser;
    }

    @Override
    protected void onCreate(DelegateTask task) {
        Lot lot = ReleaseFacts.lot(runs, task);
        LabVerdict verdict = queries.verdict(lot.getId());
        TaskInputs.forget(task, APPROVED, COMMENT); // no decision may wait before anyone decided
        TaskForm.of(task).showAll(LotFacts.of(lot))
                .markdown(LAB_SUMMARY.name(), esc -> verdict == null ? null : verdict.summary(esc))
                // which round the approver signs on: a retest says so above its results (new user 2026-12-07 F15)
                .show("labRound", verdict == null ? null : verdict.round() == 1 ? "Test round 1 (original analysis)"
                        : "Test round " + verdict.round() + " (retest)")
                .show(LAB_RECORDED_BY_NAME.name(), verdict == null ? null : currentUser.nameWithId(verdict.recordedBy()))
                .show("labRecordedAt", verdict == null ? null : verdict.recordedAt())
                .show(OOS_HISTORY.name(), oosForms.oosHistory(lot))
                .apply();
    }

    /** Claiming: the analyst who recorded the results may not take their approval (four eyes, 403 at once). */
    @Override
    protected void onAssigned(DelegateTask task, String assignee) {
        Lot lot = ReleaseFacts.lot(runs, task);
        LabVerdict verdict = queries.verdict(lot.getId());
        org.lotflow.release.internal.FourEyes.requireSecondPerson(assignee, verdict == null ? null : verdict.recordedBy(),
                lot.getLotNumber());
    }

    @Override
    protected void onComplete(DelegateTask task) {
        Lot lot = ReleaseFacts.lot(runs, task);
        Boolean approved = APPROVED.get(task);
        String comment = COMMENT.get(task);
        TaskInputs.forget(task, APPROVED, COMMENT);
        approval.sign(lot.getId(), approved, comment);
        APPROVED.set(task.getExecution(), approved);
    }
}
