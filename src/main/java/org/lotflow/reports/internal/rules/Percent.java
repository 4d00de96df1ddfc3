package org.lotflow.reports.internal.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How every rate of the reports is given (lab pass rate, FEFO compliance, shelf life met; the seed writes
 * "100% pass rate", "FIFO compliance: 100%"): a percentage with one decimal place, rounded half up but never up
 * to 100.0 while the part is short of the whole (1,999 of 2,000 is 99.9 %, not 100.0 %, as the drill's reconciliation
 * is never 100.00 while a difference is left: audit 2026-12-07 F3), and null when nothing was counted (no rate of
 * nothing). Each report gives the counts next to the rate, so the exact fraction is never lost.
 */
public final class Percent {

    /** The scale of every percentage: one decimal place. */
    public static final int SCALE = 1;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The highest rate short of the whole: 99.9. */
    private static final BigDecimal ALMOST = new BigDecimal("99.9");

    private Percent() {
    }

    public static BigDecimal of(long part, long whole) {
        return of(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
    }

    public static BigDecimal of(BigDecimal part, BigDecimal whole) {
        if (whole.signum() == 0) {
            return null;
        }
        BigDecimal rate = part.multiply(HUNDRED).divide(whole, SCALE, RoundingMode.HALF_UP);
        return rate.compareTo(HUNDRED) >= 0 && part.compareTo(whole) < 0 ? ALMOST : rate;
    }
}
