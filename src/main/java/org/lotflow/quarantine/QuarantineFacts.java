package org.lotflow.quarantine;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What the listeners and delegates of {@code quarantineInvestigation} know about their hold: only
 * what a user cannot send (business key, process instance id) and lotflow's tables, never a
 * process variable such as {@code holdId} or {@code lotId}. (A task's form input is read through
 * {@link org.lotflow.shared.TaskInputs}.)
 */
final class QuarantineFacts {

    private QuarantineFacts() {
    }

    static Hold hold(QuarantineService quarantine, DelegateTask task) {
        return quarantine.holdOf(task.getExecution().getProcessBusinessKey(), task.getProcessInstanceId());
    }

    static Hold hold(QuarantineService quarantine, DelegateExecution execution) {
        return quarantine.holdOf(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }
}
