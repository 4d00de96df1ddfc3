package org.lotflow.recall;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code assessEffectiveness}: every customer task is done; the effectiveness check. */
@Component("assessEffectivenessDelegate")
public class AssessEffectivenessDelegate implements JavaDelegate {

    private final RecallService recalls;

    public AssessEffectivenessDelegate(RecallService recalls) {
        this.recalls = recalls;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Effectiveness e = recalls.assess((Long) execution.getVariable("recallId"));
        execution.setVariable("effectivenessLevel", e.level());
    }
}
