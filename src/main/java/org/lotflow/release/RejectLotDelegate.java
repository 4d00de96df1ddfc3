package org.lotflow.release;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code rejectLot}: the lot becomes REJECTED (out of spec, or release refused). The
 * lot is the one bound to this process instance, and {@link ReleaseService#reject} re-checks the
 * failing verdict or the signed refusal in lotflow's records; no variable decides anything here.
 */
@Component("rejectLotDelegate")
public class RejectLotDelegate implements JavaDelegate {

    private final ReleaseService release;

    public RejectLotDelegate(ReleaseService release) {
        this.release = release;
    }

    @Override
    public void execute(DelegateExecution execution) {
        release.reject(ReleaseFacts.lot(release, execution).getId());
    }
}
