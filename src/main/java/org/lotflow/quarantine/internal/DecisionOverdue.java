package org.lotflow.quarantine.internal;

import org.lotflow.quarantine.QuarantineEventTypes;

import java.time.Clock;

import org.lotflow.history.LotHistory;
import org.lotflow.quarantine.internal.process.InvestigationProcess;
import org.lotflow.security.Groups;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The decision target passed ({@link DecisionDeadline}; the BPMN's boundary timers at
 * {@code decisionDueAt}): a notice in the lot history, once per hold, and the open tasks of the
 * investigation go to the top of the QA managers' list (priority {@value #ESCALATED_PRIORITY}).
 * Nothing happens to a hold already decided or closed.
 */
@Service
public class DecisionOverdue {

    /** The task priority of an overdue investigation (Camunda's default is 50). */
    public static final int ESCALATED_PRIORITY = 100;

    private final QuarantineQueries queries;
    private final InvestigationProcess process;
    private final DecisionDeadline deadline;
    private final LotHistory history;
    private final Clock clock;

    public DecisionOverdue(QuarantineQueries queries, InvestigationProcess process, DecisionDeadline deadline,
            LotHistory history, Clock clock) {
        this.queries = queries;
        this.process = process;
        this.deadline = deadline;
        this.history = history;
        this.clock = clock;
    }

    /** Records that the decision on the hold is overdue and escalates it (idempotent). */
    @Transactional
    public void record(Long holdId) {
        Hold hold = queries.get(holdId);
        if (!hold.isActive() || hold.getDecision() != null || hold.getOverdueAt() != null) {
            return;
        }
        hold.overdue(clock.instant());
        history.event(hold.getLotId(), QuarantineEventTypes.DECISION_OVERDUE)
                .reason("Status decision was due " + hold.getDecisionDueAt() + " (within " + deadline.decisionDue()
                        + " of the hold); escalated to the QA managers")
                .detail("escalatedTo", Groups.QA_MANAGER).detail("stage", hold.getStage().name()).record();
        if (hold.getProcessInstanceId() != null) {
            process.raisePriority(hold.getProcessInstanceId(), ESCALATED_PRIORITY);
        }
    }
}
