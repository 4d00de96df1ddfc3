package org.lotflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The lockout rule on its own: free failures, growing and capped delay, forgetting, never for good. */
class LockoutPolicyTest {

    private final LockoutPolicy policy = new LockoutPolicy(5, Duration.ofSeconds(30), Duration.ofMinutes(15),
            Duration.ofHours(24));
    private final Instant t0 = Instant.parse("2025-01-28T08:00:00Z");

    @Test
    void theFirstFailuresCostNothingThenTheDelayDoublesUpToItsCap() {
        for (int failures = 1; failures <= 5; failures++) {
            assertThat(policy.lockedUntil(failures, t0)).as("failure " + failures).isNull();
        }
        assertThat(policy.lockedUntil(6, t0)).isEqualTo(t0.plusSeconds(30));
        assertThat(policy.lockedUntil(7, t0)).isEqualTo(t0.plusSeconds(60));
        assertThat(policy.lockedUntil(8, t0)).isEqualTo(t0.plusSeconds(120));
        assertThat(policy.lockedUntil(11, t0)).isEqualTo(t0.plusSeconds(900)); // 960 s capped at 15 min
        assertThat(policy.lockedUntil(1_000_000, t0)).as("eleven, or a million: never for good")
                .isEqualTo(t0.plus(Duration.ofMinutes(15)));
    }

    @Test
    void failuresCountOnUntilForgotten() {
        assertThat(policy.failuresAfter(0, null, t0)).isEqualTo(1);
        assertThat(policy.failuresAfter(4, t0, t0.plusSeconds(10))).isEqualTo(5);
        assertThat(policy.failuresAfter(9, t0, t0.plus(Duration.ofHours(24)))).isEqualTo(10);
        assertThat(policy.failuresAfter(9, t0, t0.plus(Duration.ofHours(24)).plusSeconds(1))).isEqualTo(1);
    }

    @Test
    void aPolicyThatWouldLockForeverOrNeverIsRefused() {
        assertThatThrownBy(() -> new LockoutPolicy(0, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LockoutPolicy(3, Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofHours(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
