package org.lotflow.release;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code recordReleaseOverdue}: the release target passed; a notice in the history. */
@Component("releaseOverdueDelegate")
public class ReleaseOverdueDelegate implements JavaDelegate {

    private final ReleaseService release;

    public ReleaseOverdueDelegate(ReleaseService release) {
        this.release = release;
    }

    @Override
    public void execute(DelegateExecution execution) {
        release.recordOverdue((Long) execution.getVariable("lotId"));
    }
}
