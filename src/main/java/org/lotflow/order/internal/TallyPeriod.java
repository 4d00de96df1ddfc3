package org.lotflow.order.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * How a period {@code [from, to)} of allocation times (null bounds: open) is read for FEFO compliance: the whole
 * UTC days inside it from the per-day tally ({@code allocation_day_tally}, V119) and the rest, at most a partial
 * first and a partial last day, from the allocations themselves. A rule without Spring: the pieces never overlap
 * and together cover exactly the period, so every allocation is counted once (issue #13: every report within
 * 1 s at 1,000,000 lots).
 *
 * @param firstDay first whole day read from the tally, inclusive (null: from the first day there is)
 * @param endDay   day after the last whole day read from the tally, exclusive (null: to the last day there is)
 * @param raw      time ranges {@code [from, to)} read from the allocations (null bounds: open); empty when the
 *                 period starts and ends at midnight UTC
 * @param tally    whether any whole day is read from the tally
 */
public record TallyPeriod(LocalDate firstDay, LocalDate endDay, List<Range> raw, boolean tally) {

    /** A time range {@code [from, to)} read from the allocations; a null bound is open. */
    public record Range(Instant from, Instant to) {
    }

    /** Splits {@code [from, to)}; refuses a period that ends before it starts. */
    public static TallyPeriod of(Instant from, Instant to) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends before it starts");
        }
        LocalDate first = from == null ? null : ceilingDay(from);
        LocalDate end = to == null ? null : day(to);
        if (first != null && end != null && !first.isBefore(end)) {
            // no whole day inside: the period is read from the allocations alone
            return new TallyPeriod(null, null, List.of(new Range(from, to)), false);
        }
        List<Range> raw = new ArrayList<>(2);
        if (from != null && from.isBefore(midnight(first))) {
            raw.add(new Range(from, midnight(first)));
        }
        if (to != null && midnight(end).isBefore(to)) {
            raw.add(new Range(midnight(end), to));
        }
        return new TallyPeriod(first, end, List.copyOf(raw), true);
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    private static LocalDate ceilingDay(Instant at) {
        LocalDate day = day(at);
        return midnight(day).equals(at) ? day : day.plusDays(1);
    }

    private static Instant midnight(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
