package org.lotflow.order.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.lotflow.order.internal.TallyPeriod.Range;

/** How a compliance period is split into whole UTC days (the tally) and partial days (the allocations). */
class TallyPeriodTest {

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    @Test
    void allTimeIsTheTallyAlone() {
        TallyPeriod p = TallyPeriod.of(null, null);
        assertThat(p.tally()).isTrue();
        assertThat(p.firstDay()).isNull();
        assertThat(p.endDay()).isNull();
        assertThat(p.raw()).isEmpty();
    }

    @Test
    void daysFromMidnightToMidnightAreTheTallyAlone() {
        TallyPeriod p = TallyPeriod.of(at("2025-01-01T00:00:00Z"), at("2025-02-01T00:00:00Z"));
        assertThat(p.tally()).isTrue();
        assertThat(p.firstDay()).isEqualTo(LocalDate.parse("2025-01-01"));
        assertThat(p.endDay()).isEqualTo(LocalDate.parse("2025-02-01"));
        assertThat(p.raw()).isEmpty();
    }

    @Test
    void partialFirstAndLastDaysAreReadFromTheAllocations() {
        // a plant in Chicago: its days start at 06:00 UTC
        TallyPeriod p = TallyPeriod.of(at("2025-01-01T06:00:00Z"), at("2025-02-01T06:00:00Z"));
        assertThat(p.firstDay()).isEqualTo(LocalDate.parse("2025-01-02"));
        assertThat(p.endDay()).isEqualTo(LocalDate.parse("2025-02-01"));
        assertThat(p.raw()).containsExactly(new Range(at("2025-01-01T06:00:00Z"), at("2025-01-02T00:00:00Z")),
                new Range(at("2025-02-01T00:00:00Z"), at("2025-02-01T06:00:00Z")));
    }

    @Test
    void openBoundsKeepTheirPartialDayOnTheOtherSide() {
        TallyPeriod since = TallyPeriod.of(at("2025-03-10T12:30:00Z"), null);
        assertThat(since.firstDay()).isEqualTo(LocalDate.parse("2025-03-11"));
        assertThat(since.endDay()).isNull();
        assertThat(since.raw()).containsExactly(new Range(at("2025-03-10T12:30:00Z"), at("2025-03-11T00:00:00Z")));

        TallyPeriod until = TallyPeriod.of(null, at("2025-03-10T12:30:00Z"));
        assertThat(until.firstDay()).isNull();
        assertThat(until.endDay()).isEqualTo(LocalDate.parse("2025-03-10"));
        assertThat(until.raw()).containsExactly(new Range(at("2025-03-10T00:00:00Z"), at("2025-03-10T12:30:00Z")));
    }

    @Test
    void aPeriodWithoutAWholeDayIsReadFromTheAllocationsAlone() {
        TallyPeriod oneDay = TallyPeriod.of(at("2025-01-01T06:00:00Z"), at("2025-01-02T06:00:00Z"));
        assertThat(oneDay.tally()).isFalse();
        assertThat(oneDay.raw()).containsExactly(new Range(at("2025-01-01T06:00:00Z"), at("2025-01-02T06:00:00Z")));

        TallyPeriod hours = TallyPeriod.of(at("2025-01-01T06:00:00Z"), at("2025-01-01T09:00:00Z"));
        assertThat(hours.tally()).isFalse();
        assertThat(hours.raw()).hasSize(1);

        TallyPeriod empty = TallyPeriod.of(at("2025-01-01T06:00:00Z"), at("2025-01-01T06:00:00Z"));
        assertThat(empty.tally()).isFalse();
    }

    @Test
    void aPeriodEndingBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> TallyPeriod.of(at("2025-01-02T00:00:00Z"), at("2025-01-01T00:00:00Z")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
