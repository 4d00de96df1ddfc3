package org.lotflow.release.internal.process;

import static org.lotflow.release.internal.process.LotReleaseVariables.DISPOSAL_METHOD;
import static org.lotflow.release.internal.process.LotReleaseVariables.DISPOSAL_REFERENCE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotFacts;
import org.lotflow.release.internal.RejectedLotFollowUp;
import org.lotflow.release.internal.ReleaseRunBinding;
import org.lotflow.shared.TaskInputs;
import org.lotflow.shared.process.TaskForm;
import org.lotflow.shared.process.TaskLifecycleListener;
import org.springframework.stereotype.Component;

/**
 * {@code confirmDisposal} of {@code lotRelease} (a lot rejected in lab release): on create, shows the lot and what
 * is to be disposed of ({@code onHand} with the unit; the form {@code confirmDisposal}, shared with the quarantine's
 * disposal); on complete, hands {@code disposalMethod} and {@code disposalReference} (the form's fields, read once
 * and removed) to {@link RejectedLotFollowUp}. The lot is the one bound to this process instance
 * ({@link ReleaseRunBinding}), never a variable; the quantity disposed of is the lot's own record.
 */
@Component("releaseDisposalListener")
public class ReleaseDisposalListener extends TaskLifecycleListener {

    private final ReleaseRunBinding runs;
    private final RejectedLotFollowUp followUp;
    private final org.lotflow.history.LotHistory history;
    private final org.lotflow.security.CurrentUser users;

    public ReleaseDisposalListener(ReleaseRunBinding runs, RejectedLotFollowUp followUp,
            org.lotflow.history.LotHistory history, org.lotflow.security.CurrentUser users,
            org.lotflow.shared.process.LiveTaskDisplays displays) {
        this.runs = runs;
        this.followUp = followUp;
        this.history = history;
        this.users = users;
        // computed when the form is read, so a task opened before these values existed shows them too (re-test
        // 2026-12-07 M2)
        displays.live(org.lotflow.release.LotRelease.PROCESS_KEY, "confirmDisposal", (task, reader) -> {
            Lot lot = ReleaseFacts.lot(runs, task);
            return java.util.Map.of(LotFacts.RECEIVED_LOT, LotFacts.received(lot), LotFacts.SUPPLIER_LINE,
                    LotFacts.supplierLine(lot), "rejectedBecause",
                    java.util.Objects.requireNonNullElse(rejectedBecause(lot), TaskForm.ABSENT));
        });
    }

    /**
     * Why the lot is disposed of, from its history: the last signed refusal of its release or signed REJECT of an
     * out-of-specification result, who signed it and when (new user 2026-12-07 L7: the form did not say).
     */
    String rejectedBecause(Lot lot) {
        org.lotflow.history.LotHistory.Entry last = null;
        for (org.lotflow.history.LotHistory.Entry e : history.of(lot.getId())) {
            if (org.lotflow.history.LotEventTypes.RELEASE_REFUSED.equals(e.type())
                    || (org.lotflow.history.LotEventTypes.OOS_DECISION_SIGNED.equals(e.type())
                            && "REJECT".equals(String.valueOf(e.detail().get("decision"))))) {
                last = e;
            }
        }
        if (last == null) {
            return null;
        }
        String what = org.lotflow.history.LotEventTypes.RELEASE_REFUSED.equals(last.type()) ? "release refused"
                : "rejected after the out-of-specification investigation of test round " + last.detail().get("round");
        return what + " by " + users.nameWithId(last.user()) + " at " + TaskForm.text(last.at())
                + ": " + last.reason();
    }

    @Override
    protected void onCreate(DelegateTask task) {
        Lot lot = ReleaseFacts.lot(runs, task);
        TaskInputs.forget(task, DISPOSAL_METHOD, DISPOSAL_REFERENCE);
        // receivedLot and rejectedBecause: computed when the form is read (the constructor's live values)
        TaskForm.of(task).showAll(LotFacts.of(lot)).show("onHand", lot.getOnHand(), lot.getProduct().getUnit())
                .apply();
    }

    @Override
    protected void onComplete(DelegateTask task) {
        Lot lot = ReleaseFacts.lot(runs, task);
        String method = DISPOSAL_METHOD.get(task);
        String reference = DISPOSAL_REFERENCE.get(task);
        TaskInputs.forget(task, DISPOSAL_METHOD, DISPOSAL_REFERENCE);
        followUp.disposalConfirmed(lot.getId(), method, reference);
    }
}
