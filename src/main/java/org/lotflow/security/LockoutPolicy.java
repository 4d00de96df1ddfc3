package org.lotflow.security;

import java.time.Duration;
import java.time.Instant;

/**
 * When repeated failures of one user id from one client address lock that pair, and for how
 * long: the first {@code freeFailures} failures cost nothing, every further one locks the pair for
 * {@code firstDelay} doubled per failure, at most {@code maxDelay}. A lock always ends by itself
 * (it cannot be used to shut a user out for good), a success clears the count, and a count whose
 * last failure is older than {@code forgetAfter} starts again.
 *
 * <p>Source: 21 CFR 11.300(d) (safeguards against unauthorized use of passwords, detection and
 * reporting of attempts), EU GMP Annex 11 §12.1. A plain rule, tested without Spring.
 */
public record LockoutPolicy(int freeFailures, Duration firstDelay, Duration maxDelay, Duration forgetAfter) {

    public LockoutPolicy {
        if (freeFailures < 1 || firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0
                || forgetAfter.isNegative() || forgetAfter.isZero()) {
            throw new IllegalArgumentException("lockout: freeFailures >= 1, 0 < firstDelay <= maxDelay, forgetAfter > 0");
        }
    }

    /**
     * The failure count after one more failure at {@code now}, given the stored count and the time of
     * the last failure (null when none).
     */
    public int failuresAfter(int storedFailures, Instant lastFailureAt, Instant now) {
        boolean forgotten = lastFailureAt == null || lastFailureAt.plus(forgetAfter).isBefore(now);
        return (forgotten ? 0 : storedFailures) + 1;
    }

    /** Until when a pair with {@code failures} consecutive failures is locked, or null when it is not. */
    public Instant lockedUntil(int failures, Instant lastFailureAt) {
        if (failures <= freeFailures) {
            return null;
        }
        int doublings = Math.min(failures - freeFailures - 1, 30);
        long millis = firstDelay.toMillis();
        for (int i = 0; i < doublings && millis < maxDelay.toMillis(); i++) {
            millis *= 2;
        }
        return lastFailureAt.plus(Duration.ofMillis(Math.min(millis, maxDelay.toMillis())));
    }
}
