package org.lotflow.quarantine;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The status decision target of a quarantine (the seed: "Status decision: within 1 week"),
 * property {@code lotflow.quarantine.decision-due} (ISO-8601 duration, default {@code P7D}). It
 * runs on the engine's clock, like the release target.
 */
@Component
public class QuarantineSla {

    private final Duration decisionDue;

    public QuarantineSla(@Value("${lotflow.quarantine.decision-due:P7D}") Duration decisionDue) {
        if (decisionDue.isNegative() || decisionDue.isZero()) {
            throw new IllegalArgumentException("lotflow.quarantine.decision-due must be positive: " + decisionDue);
        }
        this.decisionDue = decisionDue;
    }

    public Duration getDecisionDue() {
        return decisionDue;
    }

    /** When a decision on a hold placed now is due. */
    public Date dueFromNow() {
        return new Date(ClockUtil.getCurrentTime().getTime() + decisionDue.toMillis());
    }
}
