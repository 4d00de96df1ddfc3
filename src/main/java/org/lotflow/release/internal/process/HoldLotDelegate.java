package org.lotflow.release.internal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lotflow.release.internal.ReleaseOutcome;
import org.lotflow.release.internal.ReleaseRunBinding;
import org.springframework.stereotype.Component;

/**
 * Service task {@code holdLot} of {@code lotRelease}, reached only through the boundary error
 * {@code SOURCE_LOT_RECALLED} on {@code releaseLot}: a signed release met material that became RECALLED before it
 * was carried out. {@link ReleaseOutcome#stop} re-reads lotflow's records (the lot bound to this instance, PENDING,
 * its release signed, a RECALLED source) and publishes {@link org.lotflow.release.LabReleaseStopped}; the quarantine
 * module holds the lot and starts its investigation in this transaction. Anything else fails and changes nothing.
 */
@Component("holdLotDelegate")
public class HoldLotDelegate implements JavaDelegate {

    private final ReleaseRunBinding runs;
    private final ReleaseOutcome outcome;

    public HoldLotDelegate(ReleaseRunBinding runs, ReleaseOutcome outcome) {
        this.runs = runs;
        this.outcome = outcome;
    }

    @Override
    public void execute(DelegateExecution execution) {
        outcome.stop(ReleaseFacts.lot(runs, execution).getId());
    }
}
