package org.lotflow.reports.internal.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The buckets of the inventory aging report (seed: "Inventory aging analysis"; its FIFO report counts
 * months remaining and alerts six months ahead):
 * <ul>
 * <li>by age, days since manufacture: {@code 0-29}, {@code 30-89}, {@code 90-179}, {@code 180-364},
 * {@code 365+};</li>
 * <li>by remaining shelf life, days until the expiration date: {@code expired} (expires on or before today,
 * the contract's rule), {@code 1-89}, {@code 90-179} (the seed's six-month alert), {@code 180-364},
 * {@code 365+}.</li>
 * </ul>
 * Each bucket's boundaries are dates derived from today, so the database compares plain dates. A plain
 * rule, tested without Spring.
 */
public final class AgeBuckets {

    /** Lower age limits in days of every bucket but the first. */
    static final int[] AGE_DAYS = {30, 90, 180, 365};
    public static final List<String> AGE_LABELS = List.of("0-29", "30-89", "90-179", "180-364", "365+");
    /** Days remaining that start every shelf-life bucket but the first ("expired": 0 or fewer). */
    static final int[] REMAINING_DAYS = {1, 90, 180, 365};
    public static final List<String> SHELF_LIFE_LABELS = List.of("expired", "1-89", "90-179", "180-364", "365+");

    private AgeBuckets() {
    }

    /**
     * Age bucket i holds lots manufactured on or after the i-th date (the first such i), the last bucket
     * the rest: {@code today - 29 days, today - 89, today - 179, today - 364}.
     */
    public static List<LocalDate> manufacturedOnOrAfter(LocalDate today) {
        List<LocalDate> dates = new ArrayList<>();
        for (int days : AGE_DAYS) {
            dates.add(today.minusDays(days - 1L));
        }
        return dates;
    }

    /**
     * Shelf-life bucket i holds lots expiring before the i-th date (the first such i), the last bucket the
     * rest: {@code today + 1, today + 90, today + 180, today + 365}.
     */
    public static List<LocalDate> expiringBefore(LocalDate today) {
        List<LocalDate> dates = new ArrayList<>();
        for (int days : REMAINING_DAYS) {
            dates.add(today.plusDays(days));
        }
        return dates;
    }

    /** The age bucket of a manufacture date, as the database computes it. */
    public static int ageBucket(LocalDate manufactured, LocalDate today) {
        List<LocalDate> limits = manufacturedOnOrAfter(today);
        for (int i = 0; i < limits.size(); i++) {
            if (!manufactured.isBefore(limits.get(i))) {
                return i;
            }
        }
        return limits.size();
    }

    /** The shelf-life bucket of an expiration date, as the database computes it. */
    public static int shelfLifeBucket(LocalDate expiration, LocalDate today) {
        List<LocalDate> limits = expiringBefore(today);
        for (int i = 0; i < limits.size(); i++) {
            if (expiration.isBefore(limits.get(i))) {
                return i;
            }
        }
        return limits.size();
    }
}
