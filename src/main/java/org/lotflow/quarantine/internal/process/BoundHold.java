package org.lotflow.quarantine.internal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.lotflow.quarantine.internal.Hold;
import org.lotflow.quarantine.internal.QuarantineQueries;

/**
 * The hold a {@code quarantineInvestigation} listener or delegate acts on: found by what a user cannot
 * send (business key, process instance id) in lotflow's tables, never by a process variable such as
 * {@code holdId} or {@code lotId} (contract; 21 CFR 11.10(f)).
 */
final class BoundHold {

    private BoundHold() {
    }

    static Hold of(QuarantineQueries queries, DelegateTask task) {
        return queries.boundTo(task.getExecution().getProcessBusinessKey(), task.getProcessInstanceId());
    }

    static Hold of(QuarantineQueries queries, DelegateExecution execution) {
        return queries.boundTo(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }
}
