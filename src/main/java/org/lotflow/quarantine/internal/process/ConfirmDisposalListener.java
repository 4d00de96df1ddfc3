package org.lotflow.quarantine.internal.process;

import static org.lotflow.quarantine.internal.process.QuarantineInvestigationVariables.DISPOSAL_METHOD;
import static org.lotflow.quarantine.internal.process.QuarantineInvestigationVariables.DISPOSAL_REFERENCE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.lotflow.lot.Lot;
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
 * {@code confirmDisposal} (rejected lots): on create, shows what is to be disposed of ({@code onHand},
 * {@link org.lotflow.lot.LotQuantities#onHand()}, with the unit); on complete, hands {@code disposalMethod}
 * and {@code disposalReference} (the form's fields) to {@link FollowUp}, which accepts them only for a hold
 * whose signed disposition was REJECT, disposes of the lot's stock on hand and records it in the lot
 * history. The quantity disposed of is the lot's own record, never a task variable. The hold is the one bound to this process instance ({@link BoundHold};
 * 21 CFR 11.10(f)).
 */
@Component("confirmDisposalListener")
public class ConfirmDisposalListener extends TaskLifecycleListener {

    private final QuarantineQueries queries;
    private final FollowUp followUp;
    private final LotService lots;
    private final org.lotflow.security.CurrentUser currentUser;

    public ConfirmDisposalListener(QuarantineQueries queries, FollowUp followUp, LotService lots,
            org.lotflow.security.CurrentUser currentUser, org.lotflow.shared.process.LiveTaskDisplays displays) {
        this.queries = queries;
        this.followUp = followUp;
        this.lots = lots;
        this.currentUser = currentUser;
        // computed when the form is read, so a task opened before these values existed shows them too (re-test
        // 2026-12-07 M2: a received lot's open task offered DESTROYED only and said "made at the plant")
        displays.live(InvestigationProcess.PROCESS_KEY, "confirmDisposal", (task, reader) -> {
            Hold hold = BoundHold.of(queries, task);
            Lot lot = lots.get(hold.getLotId());
            return java.util.Map.of(LotFacts.RECEIVED_LOT, LotFacts.received(lot),
                    "rejectedBecause", rejectedBecause(hold), LotFacts.SUPPLIER_LINE, LotFacts.supplierLine(lot));
        });
    }

    /** Why the lot is disposed of: the signed disposition REJECT, by whom, when, after which hold (new user L7). */
    private String rejectedBecause(Hold hold) {
        return hold.getDecidedBy() == null ? TaskForm.ABSENT : "disposition: reject, signed by "
                + currentUser.nameWithId(hold.getDecidedBy()) + " at "
                + TaskForm.text(hold.getDecidedAt()) + " after the hold ("
                + org.lotflow.quarantine.Holds.triggerInWords(hold.getSource().name()) + ": "
                + org.lotflow.quarantine.Holds.reasonAfterTrigger(hold.getSource().name(), hold.getReason())
                + "): " + hold.getJustification();
    }

    @Override
    protected void onCreate(DelegateTask task) {
        Hold hold = BoundHold.of(queries, task);
        TaskInputs.forget(task, DISPOSAL_METHOD, DISPOSAL_REFERENCE);
        Lot lot = lots.get(hold.getLotId());
        TaskForm form = TaskForm.of(task).showAll(LotFacts.of(lot));
        if (lot.getOnHand().signum() == 0 && lot.quantities().disposed().signum() > 0) {
            // disposed of before (a recall's closing): said, so nobody types a method and a waste reference for
            // nothing (re-test 2026-12-07 N3); confirming records that nothing was left, no disposal
            form.show("onHand", "nothing: " + lot.quantities().disposed().stripTrailingZeros().toPlainString() + " "
                    + lot.getProduct().getUnit() + " were disposed of before (the lot's history says when and how);"
                    + " confirming records that nothing was left, and no disposal");
        } else {
            form.show("onHand", lot.getOnHand(), lot.getProduct().getUnit());
        }
        // receivedLot and rejectedBecause: computed when the form is read (the constructor's live values)
        form.apply();
    }

    @Override
    protected void onComplete(DelegateTask task) {
        Hold hold = BoundHold.of(queries, task);
        String method = DISPOSAL_METHOD.get(task);
        String reference = DISPOSAL_REFERENCE.get(task);
        TaskInputs.forget(task, DISPOSAL_METHOD, DISPOSAL_REFERENCE);
        followUp.disposalConfirmed(hold.getId(), method, reference);
    }
}
