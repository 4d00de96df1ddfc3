package org.lotflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

/** The demo day's clock ({@code lotflow.today}) across midnight, without Spring. */
class ClockConfigurationTest {

    /** A system clock the test moves. */
    private static final class MovingClock extends Clock {
        Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void theDemoDayStartsOnItsDateInTheMorningAndRunsOnPastMidnight() {
        // started at 23:57 real time: the demo day still begins at 09:00 and lasts until midnight (new user W19)
        MovingClock system = new MovingClock(Instant.parse("2026-12-04T23:57:00Z"));
        Clock demo = new ClockConfiguration.FixedDayClock(system, LocalDate.parse("2025-01-28"));
        Instant before = demo.instant();
        assertThat(before).isEqualTo(Instant.parse("2025-01-28T09:00:00Z"));
        assertThat(LocalDate.now(demo)).isEqualTo(LocalDate.parse("2025-01-28"));

        system.now = Instant.parse("2026-12-05T00:01:00Z");
        assertThat(demo.instant()).isEqualTo(Instant.parse("2025-01-28T09:04:00Z"));
        assertThat(LocalDate.now(demo)).as("minutes later, still the demo day").isEqualTo(LocalDate.parse("2025-01-28"));

        system.now = Instant.parse("2026-12-05T15:01:00Z");
        Instant after = demo.instant();
        assertThat(after).as("never back in time").isAfter(before).isEqualTo(Instant.parse("2025-01-29T00:04:00Z"));
        assertThat(LocalDate.now(demo)).isEqualTo(LocalDate.parse("2025-01-29"));
        Clock berlin = new ClockConfiguration.FixedDayClock(Clock.fixed(Instant.parse("2026-12-04T23:57:00Z"),
                ZoneId.of("Europe/Berlin")), LocalDate.parse("2025-01-28"));
        assertThat(berlin.instant()).as("09:00 in the plant's zone").isEqualTo(Instant.parse("2025-01-28T08:00:00Z"));
    }

    @Test
    void instantsAreWholeMicrosecondsAsTheDatabaseKeepsThem() {
        MovingClock system = new MovingClock(Instant.parse("2026-12-05T10:28:07.990780101Z"));
        Clock recorded = ClockConfiguration.recorded(system);
        assertThat(recorded.instant()).isEqualTo(Instant.parse("2026-12-05T10:28:07.990780Z"));
        Clock demo = ClockConfiguration.recorded(new ClockConfiguration.FixedDayClock(system, LocalDate.parse(
                "2025-01-28")));
        system.now = system.now.plusNanos(1_250_500_101L);
        assertThat(demo.instant()).isEqualTo(Instant.parse("2025-01-28T09:00:01.250500Z"));
        assertThat(demo.withZone(ZoneId.of("Europe/Berlin")).instant()).isEqualTo(demo.instant());
    }

    /** Auditor 2026-12-05 F18: a restart with an earlier demo day dated an approval before its lab results. */
    @Test
    void theClockNeverDatesARecordBeforeTheAuditTrailsLatest() {
        MovingClock system = new MovingClock(Instant.parse("2026-12-05T09:00:00Z"));
        ClockConfiguration.TrailClock clock = new ClockConfiguration.TrailClock(ClockConfiguration.recorded(
                new ClockConfiguration.FixedDayClock(system, LocalDate.parse("2025-01-28"))), true);
        assertThat(clock.instant()).isEqualTo(Instant.parse("2025-01-28T09:00:00Z"));
        // the trail's latest record: written yesterday afternoon on the same demo day
        assertThat(clock.notBefore(Instant.parse("2025-01-28T16:30:00.000250Z")))
                .isEqualTo(java.time.Duration.parse("PT7H30M0.000251S"));
        assertThat(clock.instant()).isEqualTo(Instant.parse("2025-01-28T16:30:00.000251Z"));
        system.now = Instant.parse("2026-12-05T09:00:02Z");
        assertThat(clock.instant()).as("then runs at the real rate").isEqualTo(Instant.parse("2025-01-28T16:30:02.000251Z"));
        assertThat(clock.notBefore(Instant.parse("2025-01-28T10:00:00Z"))).as("never back").isZero();
        assertThat(clock.notBefore(null)).isZero();
        assertThat(clock.withZone(ZoneId.of("Europe/Berlin")).instant()).isEqualTo(clock.instant());
    }
}
