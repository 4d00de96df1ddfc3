package org.lotflow.drill.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.lotflow.drill.DrillStatus;

/**
 * How a drill ends (issue #14; BRCGS 3.11.3 and SQF 2.6.3: the exercise proves the plant can trace and
 * account for the product within the target time, usually 4 hours). Closed by the coordinator, it
 * PASSES only when all three hold, and FAILS otherwise with every reason:
 * <ul>
 * <li>it was closed within its target time (from its start to the closing, lotflow's clock);</li>
 * <li>the coordinator confirmed the trace complete at {@code reviewDrillScope};</li>
 * <li>every lot of the scope reconciles (no mass-balance difference, {@link MassBalance}).</li>
 * </ul>
 * When the target time passes first, the process's timer FAILS it ({@link #timedOut}). Plain rules,
 * tested without Spring ({@code DrillOutcomeTest}).
 */
final class DrillOutcome {

    /** The result and, for a failure, why (sentences joined by "; "). */
    record Result(DrillStatus status, String reason) {
    }

    private DrillOutcome() {
    }

    /** Whole minutes from start to finish (a part minute counts as begun: 4 h 0 min 1 s is 241). */
    static long elapsedMinutes(Instant startedAt, Instant finishedAt) {
        long seconds = Duration.between(startedAt, finishedAt).getSeconds();
        return seconds <= 0 ? 0 : (seconds + 59) / 60;
    }

    static Result closed(Instant startedAt, Instant closedAt, int targetMinutes, boolean traceComplete,
            int lotsNotReconciled) {
        List<String> reasons = new ArrayList<>();
        if (Duration.between(startedAt, closedAt).compareTo(Duration.ofMinutes(targetMinutes)) > 0) {
            reasons.add("closed after " + elapsedMinutes(startedAt, closedAt) + " minutes, beyond the target of "
                    + targetMinutes + " minutes");
        }
        if (!traceComplete) {
            reasons.add("the coordinator could not confirm the trace complete");
        }
        if (lotsNotReconciled > 0) {
            reasons.add(lotsNotReconciled + (lotsNotReconciled == 1 ? " lot of the scope does not reconcile"
                    : " lots of the scope do not reconcile") + " (mass balance)");
        }
        return reasons.isEmpty() ? new Result(DrillStatus.PASSED, null)
                : new Result(DrillStatus.FAILED, String.join("; ", reasons));
    }

    static Result timedOut(int targetMinutes) {
        return new Result(DrillStatus.FAILED, "the target time of " + targetMinutes
                + " minutes passed before the drill was closed");
    }
}
