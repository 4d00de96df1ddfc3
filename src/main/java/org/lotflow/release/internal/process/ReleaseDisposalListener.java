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

    public ReleaseDisposalListener(ReleaseRunBinding runs, RejectedLotFollowUp followUp) {
        this.runs = runs;
        this.followUp = followUp;
    }

    @Override
    protected void onCreate(DelegateTask task) {
        Lot lot = ReleaseFacts.lot(runs, task);
        TaskInputs.forget(task, DISPOSAL_METHOD, DISPOSAL_REFERENCE);
        TaskForm.of(task).showAll(LotFacts.of(lot)).show("onHand", lot.getOnHand(), lot.getProduct().getUnit())
                .show(LotFacts.RECEIVED_LOT, LotFacts.received(lot)).apply();
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
