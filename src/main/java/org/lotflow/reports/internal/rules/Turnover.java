package org.lotflow.reports.internal.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The seed's rotation efficiency ("Inventory turnover: 8.5 months average"): how many months the stock on
 * hand lasts at a monthly rate over the period (lotflow's rotation report gives it the period's production),
 * <pre>
 * monthlyRate = quantity in [from, to] / (days in [from, to] / 30.4375)
 * months      = on hand today / monthlyRate
 * </pre>
 * (30.4375 days: the average month of the Gregorian calendar's 400-year cycle). Months and the monthly rate
 * with one decimal place, rounded half up, as a planner reads them (new user 2026-12-07 F8: "11.9261 months",
 * "167.699 a month" read as a program's figures); the period's length in months is computed at four places.
 * Null when the quantity is zero (stock that nothing replaces or moves has no turnover). A plain rule, tested
 * without Spring.
 */
public final class Turnover {

    static final BigDecimal DAYS_PER_MONTH = new BigDecimal("30.4375");

    private Turnover() {
    }

    /** Months in {@code [from, to]}, both days included, at four decimal places. */
    public static BigDecimal months(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to) + 1;
        return BigDecimal.valueOf(days).divide(DAYS_PER_MONTH, 4, RoundingMode.HALF_UP);
    }

    /** The period's length as the report gives it: months with one decimal place ({@link #months}, rounded). */
    public static BigDecimal periodMonths(LocalDate from, LocalDate to) {
        return months(from, to).setScale(1, RoundingMode.HALF_UP);
    }

    /** Shipped per month, one decimal place. */
    public static BigDecimal monthly(BigDecimal shipped, LocalDate from, LocalDate to) {
        return shipped.multiply(DAYS_PER_MONTH).divide(BigDecimal.valueOf(ChronoUnit.DAYS.between(from, to) + 1), 1,
                RoundingMode.HALF_UP);
    }

    /** Months of stock on hand at the period's shipping rate, one decimal place; null when nothing shipped. */
    public static BigDecimal months(BigDecimal onHand, BigDecimal shipped, LocalDate from, LocalDate to) {
        if (shipped.signum() == 0) {
            return null;
        }
        return onHand.multiply(months(from, to)).divide(shipped, 1, RoundingMode.HALF_UP);
    }
}
