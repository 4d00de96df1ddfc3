package org.lotflow.release;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code rejectLot}: the lot becomes REJECTED (out of spec, or release refused). */
@Component("rejectLotDelegate")
public class RejectLotDelegate implements JavaDelegate {

    private final ReleaseService release;

    public RejectLotDelegate(ReleaseService release) {
        this.release = release;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Boolean labPassed = (Boolean) execution.getVariable("labPassed");
        String decidedBy = Boolean.FALSE.equals(labPassed) ? (String) execution.getVariable("labRecordedBy")
                : (String) execution.getVariable("approvedBy");
        release.reject((Long) execution.getVariable("lotId"), labPassed, decidedBy);
    }
}
