package org.lotflow.quarantine.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * The status decision target of a quarantine (the seed's impact assessment: "Status decision:
 * within 1 week"): a hold placed at {@code t} is due for its signed disposition at {@code t +
 * decisionDue}; when it passes, the QA managers are told ({@link DecisionOverdue}). Property
 * {@code lotflow.quarantine.decision-due} (ISO-8601 duration, default {@code P7D}). It runs on the
 * engine's clock, like the release target, because the BPMN's timers do. A plain rule, tested
 * without Spring.
 */
public final class DecisionDeadline {

    private final Duration decisionDue;

    /** @throws IllegalArgumentException when the duration is zero or negative (the application does not start) */
    public DecisionDeadline(Duration decisionDue) {
        if (decisionDue == null || decisionDue.isNegative() || decisionDue.isZero()) {
            throw new IllegalArgumentException("lotflow.quarantine.decision-due must be positive: " + decisionDue);
        }
        this.decisionDue = decisionDue;
    }

    /** How long a decision may take. */
    public Duration decisionDue() {
        return decisionDue;
    }

    /** When the decision on a hold placed at {@code placedAt} is due. */
    public Instant dueAt(Instant placedAt) {
        return placedAt.plus(decisionDue);
    }
}
