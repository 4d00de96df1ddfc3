package org.lotflow.release;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code recordReleaseOverdue}: the release target passed; a notice in the history
 * of the lot bound to this process instance (never a variable).
 */
@Component("releaseOverdueDelegate")
public class ReleaseOverdueDelegate implements JavaDelegate {

    private final ReleaseService release;

    public ReleaseOverdueDelegate(ReleaseService release) {
        this.release = release;
    }

    @Override
    public void execute(DelegateExecution execution) {
        release.recordOverdue(ReleaseFacts.lot(release, execution).getId());
    }
}
