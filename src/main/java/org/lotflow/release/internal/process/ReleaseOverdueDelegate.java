package org.lotflow.release.internal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lotflow.release.internal.ReleaseOverdueNotice;
import org.lotflow.release.internal.ReleaseRunBinding;
import org.springframework.stereotype.Component;

/**
 * Service task {@code recordReleaseOverdue}: the release target passed; a notice in the history
 * of the lot bound to this process instance (never a variable).
 */
@Component("releaseOverdueDelegate")
public class ReleaseOverdueDelegate implements JavaDelegate {

    private final ReleaseRunBinding runs;
    private final ReleaseOverdueNotice overdue;

    public ReleaseOverdueDelegate(ReleaseRunBinding runs, ReleaseOverdueNotice overdue) {
        this.runs = runs;
        this.overdue = overdue;
    }

    @Override
    public void execute(DelegateExecution execution) {
        overdue.record(ReleaseFacts.lot(runs, execution).getId());
    }
}
