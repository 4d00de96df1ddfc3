package org.lotflow.recall;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code assessEffectiveness}: every customer task is done; the effectiveness check
 * (21 CFR 7.42(b)(3)) of the recall of the business key, recorded on the recall (issue #8: no
 * variables read or written).
 */
@Component("assessEffectivenessDelegate")
public class AssessEffectivenessDelegate implements JavaDelegate {

    private final RecallService recalls;

    public AssessEffectivenessDelegate(RecallService recalls) {
        this.recalls = recalls;
    }

    @Override
    public void execute(DelegateExecution execution) {
        recalls.assess(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }
}
