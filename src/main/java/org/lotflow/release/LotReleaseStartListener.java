package org.lotflow.release;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of {@code lotRelease}: only lotflow's own start for a newly created PENDING lot passes,
 * once per lot (contract: "lotRelease is started only by creating a lot"). It reads the business
 * key only; variables sent with a start (a {@code lotId} of another lot, say) change nothing. A
 * refusal is a 4xx {@link org.lotflow.shared.Refusal} and nothing starts. See
 * {@link ReleaseService#claimStart}.
 */
@Component("lotReleaseStartListener")
public class LotReleaseStartListener implements ExecutionListener {

    private final ReleaseService release;

    public LotReleaseStartListener(ReleaseService release) {
        this.release = release;
    }

    @Override
    public void notify(DelegateExecution execution) {
        release.claimStart(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }
}
