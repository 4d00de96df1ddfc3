package org.lotflow.release;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code releaseLot}: the lot becomes RELEASED. */
@Component("releaseLotDelegate")
public class ReleaseLotDelegate implements JavaDelegate {

    private final ReleaseService release;

    public ReleaseLotDelegate(ReleaseService release) {
        this.release = release;
    }

    @Override
    public void execute(DelegateExecution execution) {
        release.release((Long) execution.getVariable("lotId"), (String) execution.getVariable("approvedBy"));
    }
}
