package org.lotflow.console.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The marks of the lot list, as the seed's "Lot Inventory" and "FIFO Management Report" show them:
 * <ul>
 * <li>{@code expired}: the expiration date is today or past (contract: a lot is expired on its expiration
 * date, never allocated or shipped from then on);</li>
 * <li>{@code expiringSoon}: not expired and expiring within {@code alertDays} days (the expiry monitor's
 * window, {@code lotflow.expiry.alert-days}; seed: "Expiring Soon", "Expiration Alerts");</li>
 * <li>{@code monthsLeft}: whole months of shelf life left (seed: "22 months remaining");</li>
 * <li>{@code nextToAllocate}: the first lot of its product in FEFO order that allocation would take now
 * (RELEASED, not expired, something available; seed: "NEXT TO ALLOCATE"). Only on the list's first page of
 * an unfiltered or RELEASED status view: on a later page an earlier lot of the product may come first.</li>
 * </ul>
 */
public final class LotMarks {

    private LotMarks() {
    }

    /**
     * What the list knows of a lot for its marks; lots given in FEFO order. {@code concession}: released despite a
     * confirmed out-of-specification result, so never allocated by FEFO (re-test 2026-12-06 N4).
     */
    public record Row(String sku, String status, LocalDate expirationDate, BigDecimal available, boolean concession) {

        /** A lot not released on a concession. */
        public Row(String sku, String status, LocalDate expirationDate, BigDecimal available) {
            this(sku, status, expirationDate, available, false);
        }
    }

    /** The marks of one lot. */
    public record Marks(boolean expired, boolean expiringSoon, long daysLeft, long monthsLeft,
            boolean nextToAllocate, boolean concession) {
    }

    /**
     * @param rows      the page's lots in FEFO order
     * @param firstPage whether the page is the first of a list that is unfiltered by status or shows RELEASED
     *                  lots (only then can the next lot to allocate be told)
     */
    public static List<Marks> of(List<Row> rows, LocalDate today, int alertDays, boolean firstPage) {
        Set<String> seen = new HashSet<>();
        return rows.stream().map(r -> {
            boolean expired = !r.expirationDate().isAfter(today);
            long days = ChronoUnit.DAYS.between(today, r.expirationDate());
            long months = expired ? 0 : Period.between(today, r.expirationDate()).toTotalMonths();
            boolean allocatable = "RELEASED".equals(r.status()) && !expired && r.available() != null
                    && r.available().signum() > 0 && !r.concession();
            boolean next = firstPage && allocatable && seen.add(r.sku());
            return new Marks(expired, !expired && days <= alertDays, days, months, next, r.concession());
        }).toList();
    }
}
