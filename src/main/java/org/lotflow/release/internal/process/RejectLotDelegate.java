package org.lotflow.release.internal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lotflow.release.internal.ReleaseOutcome;
import org.lotflow.release.internal.ReleaseRunBinding;
import org.springframework.stereotype.Component;

/**
 * Service task {@code rejectLot}: the lot becomes REJECTED (out of spec, or release refused). The
 * lot is the one bound to this process instance, and {@link ReleaseOutcome#reject} re-checks the
 * failing verdict or the signed refusal in lotflow's records; no variable decides anything here.
 */
@Component("rejectLotDelegate")
public class RejectLotDelegate implements JavaDelegate {

    private final ReleaseRunBinding runs;
    private final ReleaseOutcome outcome;

    public RejectLotDelegate(ReleaseRunBinding runs, ReleaseOutcome outcome) {
        this.runs = runs;
        this.outcome = outcome;
    }

    @Override
    public void execute(DelegateExecution execution) {
        outcome.reject(ReleaseFacts.lot(runs, execution).getId());
    }
}
