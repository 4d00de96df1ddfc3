package org.lotflow.reports.internal.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The seed's release time ("Release time: 7.5 hours (target: 8 hours)"): hours from a lot's creation to its
 * lab release (PENDING to RELEASED), as a decimal with two places rounded half up; the average and the
 * worst of a day's releases, and how many took longer than the target ({@code lotflow.release.sla}, 8 hours
 * by default). Null figures when nothing was released.
 */
public record ReleaseTime(BigDecimal averageHours, BigDecimal worstHours, int pastTarget) {

    /** The scale of every hour figure: two decimal places (36 seconds). */
    public static final int SCALE = 2;

    public static BigDecimal hours(Duration d) {
        return BigDecimal.valueOf(d.toMillis()).divide(BigDecimal.valueOf(3_600_000L), SCALE, RoundingMode.HALF_UP);
    }

    /** From the (created, released) instants of each release. */
    public static ReleaseTime of(List<Instant[]> createdReleased, Duration target) {
        if (createdReleased.isEmpty()) {
            return new ReleaseTime(null, null, 0);
        }
        long total = 0;
        long worst = Long.MIN_VALUE;
        int past = 0;
        for (Instant[] pair : createdReleased) {
            long ms = Duration.between(pair[0], pair[1]).toMillis();
            total += ms;
            worst = Math.max(worst, ms);
            if (ms > target.toMillis()) {
                past++;
            }
        }
        BigDecimal average = BigDecimal.valueOf(total).divide(BigDecimal.valueOf(createdReleased.size() * 3_600_000L),
                SCALE, RoundingMode.HALF_UP);
        return new ReleaseTime(average, hours(Duration.ofMillis(worst)), past);
    }
}
