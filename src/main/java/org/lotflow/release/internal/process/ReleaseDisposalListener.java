package org.lotflow.release.internal.process;

import static org.lotflow.release.internal.process.LotReleaseVariables.DISPOSAL_METHOD;
import static org.lotflow.release.internal.process.LotReleaseVariables.DISPOSAL_REFERENCE;
import static org.lotflow.release.internal.process.LotReleaseVariables.FIGURES_SHOWN;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotDisposal;
import org.lotflow.lot.LotFacts;
import org.lotflow.release.internal.RejectedLotFollowUp;
import org.lotflow.release.internal.ReleaseRunBinding;
import org.lotflow.shared.TaskInputs;
import org.lotflow.shared.process.TaskForm;
import org.lotflow.shared.process.TaskLifecycleListener;
import org.springframework.stereotype.Component;

/**
 * {@code confirmDisposal} of {@code lotRelease} (a lot rejected in lab release): shows the lot and what is to be
 * disposed of ({@code onHand}: {@link LotDisposal.RejectedStock#inWords}, with the unit) and that figure's {@code
 * figuresVersion}, computed when the form is read (the form {@code confirmDisposal}, shared with the quarantine's
 * disposal, which shows and checks them the same way; mass 27 M2); on complete, hands {@code disposalMethod}, {@code
 * disposalReference} and {@code figuresShown} (the form's fields, read once and removed) to {@link
 * RejectedLotFollowUp}: 400 without {@code figuresShown}, 409 when the stock on hand changed since the form showed it.
 * The lot is the one bound to this process instance ({@link ReleaseRunBinding}), never a variable; the quantity
 * disposed of is the lot's own record.
 */
@Component("releaseDisposalListener")
public class ReleaseDisposalListener extends TaskLifecycleListener {

    private final ReleaseRunBinding runs;
    private final RejectedLotFollowUp followUp;
    private final org.lotflow.history.LotHistory history;
    private final LotDisposal disposal;

    public ReleaseDisposalListener(ReleaseRunBinding runs, RejectedLotFollowUp followUp,
            org.lotflow.history.LotHistory history, org.lotflow.shared.process.LiveTaskDisplays displays,
            LotDisposal disposal) {
        this.runs = runs;
        this.followUp = followUp;
        this.history = history;
        this.disposal = disposal;
        // computed when the form is read, so a task opened before these values existed shows them too (re-test
        // 2026-12-07 M2)
        displays.live(org.lotflow.release.LotRelease.PROCESS_KEY, "confirmDisposal", (task, reader) -> {
            Lot lot = ReleaseFacts.lot(runs, task);
            return java.util.Map.of(LotFacts.RECEIVED_LOT, LotFacts.received(lot), LotFacts.SUPPLIER_LINE,
                    LotFacts.supplierLine(lot), "rejectedBecause",
                    java.util.Objects.requireNonNullElse(rejectedBecause(lot), TaskForm.ABSENT));
        });
        // the stock on hand as it is when the form is read, and its version, which the form sends back (mass 27 M2)
        displays.live(org.lotflow.release.LotRelease.PROCESS_KEY, "confirmDisposal", (task, reader) ->
                disposal.rejectedStock(ReleaseFacts.lot(runs, task)).formValues());
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
        // the signature as the history recorded it: the printed name signed with, its time and meaning (sig28 H1)
        org.lotflow.history.RecordedSignature signed = org.lotflow.history.RecordedSignature.of(last, lot.getId());
        return what + " by " + (signed == null ? last.user() + " at " + TaskForm.text(last.at())
                : signed.nameWithId() + " at " + TaskForm.text(signed.at()) + " (meaning: " + signed.meaning() + ")")
                + ": " + last.reason();
    }

    @Override
    protected void onCreate(DelegateTask task) {
        Lot lot = ReleaseFacts.lot(runs, task);
        TaskInputs.forget(task, DISPOSAL_METHOD, DISPOSAL_REFERENCE, FIGURES_SHOWN);
        // receivedLot, rejectedBecause, onHand and figuresVersion: computed when the form is read (the constructor's
        // live values); onHand and figuresVersion kept too, for a form read when they cannot be computed
        TaskForm.of(task).showAll(LotFacts.of(lot)).showAll(disposal.rejectedStock(lot).formValues()).apply();
    }

    @Override
    protected void onComplete(DelegateTask task) {
        Lot lot = ReleaseFacts.lot(runs, task);
        String method = DISPOSAL_METHOD.get(task);
        String reference = DISPOSAL_REFERENCE.get(task);
        Object figuresShown = task.getVariable(FIGURES_SHOWN.name()); // any type: checked (400) by the disposal
        TaskInputs.forget(task, DISPOSAL_METHOD, DISPOSAL_REFERENCE, FIGURES_SHOWN);
        followUp.disposalConfirmed(lot.getId(), method, reference, figuresShown);
    }
}
