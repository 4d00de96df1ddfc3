package org.lotflow.release.internal.process;

import java.time.Duration;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The due dates of the out-of-specification investigation's tasks (new user 28 L3: they had none, so an investigation
 * holding a lot {@code PENDING} had no visible deadline), shown in Tasklist and the Console's open tasks. The BPMN sets
 * {@code camunda:dueDate="${oosDeadlines.phaseOne()}"} on {@code investigateLabError} and
 * {@code ${oosDeadlines.phaseTwo()}} on {@code investigateProduction}: the task's creation time plus
 * <ul>
 * <li>{@code lotflow.release.oos.phase-one-due} (ISO-8601 duration, default {@code P1D}): the laboratory's
 * preliminary assessment, which FDA's guidance "Investigating Out-of-Specification (OOS) Test Results for
 * Pharmaceutical Production" (2006, section III) expects promptly, while the sample preparations are still at hand;</li>
 * <li>{@code lotflow.release.oos.phase-two-due} (default {@code P20D}): the full-scale investigation; the guidance asks
 * for a timely and thorough investigation without a fixed limit, and 30 days for the whole investigation is the
 * usual SOP figure (21 CFR 211.192 requires it to be documented; the field-alert 3 days of 21 CFR 314.81 are another
 * matter), so 1 + 20 days leave the QA manager's decision inside the 30.</li>
 * </ul>
 * Working time, on the engine's clock (as {@link ReleaseSla}), not on {@code lotflow.today}. Calendar days, not
 * business days: the plant's calendar is not modelled. Set your SOP's limits in the configuration.
 */
@Component("oosDeadlines")
public class OosDeadlines {

    private final Duration phaseOne;
    private final Duration phaseTwo;

    public OosDeadlines(@Value("${lotflow.release.oos.phase-one-due:P1D}") Duration phaseOne,
            @Value("${lotflow.release.oos.phase-two-due:P20D}") Duration phaseTwo) {
        if (phaseOne.isNegative() || phaseOne.isZero() || phaseTwo.isNegative() || phaseTwo.isZero()) {
            throw new IllegalArgumentException("lotflow.release.oos.phase-one-due and phase-two-due must be positive: "
                    + phaseOne + ", " + phaseTwo);
        }
        this.phaseOne = phaseOne;
        this.phaseTwo = phaseTwo;
    }

    /** When a phase I task created now is due: now + {@code phase-one-due}. */
    public Date phaseOne() {
        return new Date(ClockUtil.getCurrentTime().getTime() + phaseOne.toMillis());
    }

    /** When a phase II task created now is due: now + {@code phase-two-due}. */
    public Date phaseTwo() {
        return new Date(ClockUtil.getCurrentTime().getTime() + phaseTwo.toMillis());
    }
}
