package org.lotflow.release;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code releaseLot}: the lot becomes RELEASED. The lot is the one bound to this
 * process instance, and {@link ReleaseService#release} re-checks the passing verdict and the
 * signed four-eyes approval in lotflow's records; no variable decides anything here.
 */
@Component("releaseLotDelegate")
public class ReleaseLotDelegate implements JavaDelegate {

    private final ReleaseService release;

    public ReleaseLotDelegate(ReleaseService release) {
        this.release = release;
    }

    @Override
    public void execute(DelegateExecution execution) {
        release.release(ReleaseFacts.lot(release, execution).getId());
    }
}
