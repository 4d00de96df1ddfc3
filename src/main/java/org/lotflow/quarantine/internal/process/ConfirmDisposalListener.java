package org.lotflow.quarantine.internal.process;

import static org.lotflow.quarantine.internal.process.QuarantineInvestigationVariables.DISPOSAL_METHOD;
import static org.lotflow.quarantine.internal.process.QuarantineInvestigationVariables.DISPOSAL_REFERENCE;
import static org.lotflow.quarantine.internal.process.QuarantineInvestigationVariables.FIGURES_SHOWN;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotDisposal;
import org.lotflow.lot.LotFacts;
import org.lotflow.lot.LotService;
import org.lotflow.quarantine.internal.FollowUp;
import org.lotflow.quarantine.internal.Hold;
import org.lotflow.quarantine.internal.QuarantineQueries;
import org.lotflow.shared.TaskInputs;
import org.lotflow.shared.process.TaskForm;
import org.lotflow.shared.process.TaskLifecycleListener;
import org.springframework.stereotype.Component;

/**
 * {@code confirmDisposal} (rejected lots): shows what is to be disposed of ({@code onHand}: {@link
 * LotDisposal.RejectedStock#inWords}, the lot's stock on hand with the unit, less goods received back under a recall not
 * yet closed, which its closing disposes of) and that figure's {@code figuresVersion}, both computed when the form is
 * read ({@link org.lotflow.shared.process.LiveTaskDisplays}; mass 27 M2: the figure was set once, when the task was
 * created, and the disposal took what had come back since under a signature that never covered it); on complete,
 * hands {@code disposalMethod}, {@code disposalReference} and {@code figuresShown} (the form's fields, read once and
 * removed) to {@link FollowUp}, which accepts them only for a hold whose signed disposition was REJECT and only on the
 * figure the form showed (400 without {@code figuresShown}, 409 when the figure changed since, as the recall's closing
 * form), disposes of the lot's stock as shown and records it in the lot history. The quantity disposed of is the lot's
 * own record, never a task variable. The hold is the one bound to this process instance ({@link BoundHold}; 21 CFR
 * 11.10(f)).
 */
@Component("confirmDisposalListener")
public class ConfirmDisposalListener extends TaskLifecycleListener {

    private final QuarantineQueries queries;
    private final FollowUp followUp;
    private final LotService lots;
    private final LotDisposal disposal;
    private final org.lotflow.quarantine.internal.HoldSignatures signatures;

    public ConfirmDisposalListener(QuarantineQueries queries, FollowUp followUp, LotService lots,
            org.lotflow.shared.process.LiveTaskDisplays displays,
            LotDisposal disposal, org.lotflow.quarantine.internal.HoldSignatures signatures) {
        this.signatures = signatures;
        this.queries = queries;
        this.followUp = followUp;
        this.lots = lots;
        this.disposal = disposal;
        // computed when the form is read, so a task opened before these values existed shows them too (re-test
        // 2026-12-07 M2: a received lot's open task offered DESTROYED only and said "made at the plant")
        displays.live(InvestigationProcess.PROCESS_KEY, "confirmDisposal", (task, reader) -> {
            Hold hold = BoundHold.of(queries, task);
            Lot lot = lots.get(hold.getLotId());
            return java.util.Map.of(LotFacts.RECEIVED_LOT, LotFacts.received(lot),
                    "rejectedBecause", rejectedBecause(hold), LotFacts.SUPPLIER_LINE, LotFacts.supplierLine(lot));
        });
        // the stock on hand as it is when the form is read, and its version, which the form sends back (mass 27 M2)
        displays.live(InvestigationProcess.PROCESS_KEY, "confirmDisposal", (task, reader) ->
                disposal.rejectedStock(lots.get(BoundHold.of(queries, task).getLotId())).formValues());
    }

    /**
     * Why the lot is disposed of: the signed disposition REJECT, by whom, when, after which hold (new user L7); the
     * signature as the lot's history recorded it (printed name as signed, time, meaning; auditor sig28 H1).
     */
    private String rejectedBecause(Hold hold) {
        org.lotflow.history.RecordedSignature signed = hold.getDecidedBy() == null ? null
                : signatures.disposition(hold);
        return signed == null ? TaskForm.ABSENT : "disposition: reject, signed by "
                + signed.nameWithId() + " at " + TaskForm.text(signed.at()) + " (meaning: " + signed.meaning()
                + ") after the hold ("
                + org.lotflow.quarantine.Holds.triggerInWords(hold.getSource().name()) + ": "
                + org.lotflow.quarantine.Holds.reasonAfterTrigger(hold.getSource().name(), hold.getReason())
                + "): " + signed.reason(); // the justification as signed (re-test N3)
    }

    @Override
    protected void onCreate(DelegateTask task) {
        Hold hold = BoundHold.of(queries, task);
        TaskInputs.forget(task, DISPOSAL_METHOD, DISPOSAL_REFERENCE, FIGURES_SHOWN);
        Lot lot = lots.get(hold.getLotId());
        // onHand and figuresVersion as they stand now, kept for a form read when its live values cannot be computed;
        // the form shows them as they stand when it is read (the constructor's live values), as it shows receivedLot
        // and rejectedBecause. "nothing: ... disposed of before" when a recall's closing took it all (re-test
        // 2026-12-07 N3)
        TaskForm.of(task).showAll(LotFacts.of(lot)).showAll(disposal.rejectedStock(lot).formValues()).apply();
    }

    @Override
    protected void onComplete(DelegateTask task) {
        Hold hold = BoundHold.of(queries, task);
        String method = DISPOSAL_METHOD.get(task);
        String reference = DISPOSAL_REFERENCE.get(task);
        Object figuresShown = task.getVariable(FIGURES_SHOWN.name()); // any type: checked (400) by the disposal
        TaskInputs.forget(task, DISPOSAL_METHOD, DISPOSAL_REFERENCE, FIGURES_SHOWN);
        followUp.disposalConfirmed(hold.getId(), method, reference, figuresShown);
    }
}
