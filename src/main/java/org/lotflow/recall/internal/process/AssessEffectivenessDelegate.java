package org.lotflow.recall.internal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lotflow.recall.internal.EffectivenessCheck;
import org.springframework.stereotype.Component;

/**
 * Service task {@code assessEffectiveness}: every customer task is done; the effectiveness check
 * (21 CFR 7.42(b)(3)) of the recall of the business key, recorded on the recall (issue #8: no
 * variables read or written).
 */
@Component("assessEffectivenessDelegate")
public class AssessEffectivenessDelegate implements JavaDelegate {

    private final EffectivenessCheck check;

    public AssessEffectivenessDelegate(EffectivenessCheck check) {
        this.check = check;
    }

    @Override
    public void execute(DelegateExecution execution) {
        check.assess(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }
}
