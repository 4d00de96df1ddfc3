package org.lotflow.release.internal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.lotflow.release.internal.ReleaseRunBinding;
import org.springframework.stereotype.Component;

/**
 * Start of {@code lotRelease}: only lotflow's own start for a newly created PENDING lot passes,
 * once per lot (contract: "lotRelease is started only by creating a lot"). It reads the business
 * key only; variables sent with a start (a {@code lotId} of another lot, say) change nothing. A
 * refusal is a 4xx {@link org.lotflow.shared.Refusal} and nothing starts. See
 * {@link ReleaseRunBinding#claimStart}.
 */
@Component("lotReleaseStartListener")
public class LotReleaseStartListener implements ExecutionListener {

    private final ReleaseRunBinding runs;

    public LotReleaseStartListener(ReleaseRunBinding runs) {
        this.runs = runs;
    }

    @Override
    public void notify(DelegateExecution execution) {
        runs.claimStart(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }
}
