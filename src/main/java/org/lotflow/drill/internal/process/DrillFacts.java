package org.lotflow.drill.internal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.lotflow.drill.internal.DrillWork;
import org.springframework.stereotype.Component;

/**
 * What the {@code mockRecall} model's expressions need, read from the drill's row by the process's
 * business key, never from a variable a user could set: the drill's target time for its timer, and when it ends
 * for its tasks' due dates.
 */
@Component("drillFacts")
public class DrillFacts {

    private final DrillWork work;

    public DrillFacts(DrillWork work) {
        this.work = work;
    }

    /** {@code ${drillFacts.target(execution)}}: the drill's target time, ISO-8601 ({@code PT240M}). */
    public String target(DelegateExecution execution) {
        return work.target(execution.getProcessBusinessKey());
    }

    /** {@code ${drillFacts.dueAt(execution)}}: when the drill's target time ends, its tasks' due date. */
    public java.util.Date dueAt(DelegateExecution execution) {
        return work.dueAt(execution.getProcessBusinessKey());
    }
}
