package org.lotflow.reports.internal.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How every rate of the reports is given (lab pass rate, FEFO compliance, shelf life met; the seed writes
 * "100% pass rate", "FIFO compliance: 100%"): a percentage with one decimal place, rounded half up, and
 * null when nothing was counted (no rate of nothing). Each report gives the counts next to the rate, so the
 * exact fraction is never lost.
 */
public final class Percent {

    /** The scale of every percentage: one decimal place. */
    public static final int SCALE = 1;

    private Percent() {
    }

    public static BigDecimal of(long part, long whole) {
        return of(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
    }

    public static BigDecimal of(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return null;
        }
        return part.multiply(BigDecimal.valueOf(100)).divide(whole, SCALE, RoundingMode.HALF_UP);
    }
}
