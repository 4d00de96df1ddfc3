package org.lotflow.release.internal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lotflow.release.internal.ReleaseOutcome;
import org.lotflow.release.internal.ReleaseRunBinding;
import org.springframework.stereotype.Component;

/**
 * Service task {@code releaseLot}: the lot becomes RELEASED. The lot is the one bound to this
 * process instance, and {@link ReleaseOutcome#release} re-checks the passing verdict and the
 * signed four-eyes approval in lotflow's records; no variable decides anything here.
 */
@Component("releaseLotDelegate")
public class ReleaseLotDelegate implements JavaDelegate {

    private final ReleaseRunBinding runs;
    private final ReleaseOutcome outcome;

    public ReleaseLotDelegate(ReleaseRunBinding runs, ReleaseOutcome outcome) {
        this.runs = runs;
        this.outcome = outcome;
    }

    @Override
    public void execute(DelegateExecution execution) {
        outcome.release(ReleaseFacts.lot(runs, execution).getId());
    }
}
