package org.lotflow.reports.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lotflow.lot.LotQuantities;
import org.lotflow.lot.LotStatus;

/** The reports' rules, without Spring. */
class ReportRulesTest {

    @Test
    void percentagesHaveOneDecimalHalfUpNeverAHundredWhileShortAndNoRateOfNothing() {
        assertThat(Percent.of(2, 3)).isEqualTo(new BigDecimal("66.7"));
        assertThat(Percent.of(1, 8)).isEqualTo(new BigDecimal("12.5"));
        assertThat(Percent.of(1, 16)).isEqualTo(new BigDecimal("6.3")); // 6.25 half up
        assertThat(Percent.of(3, 3)).isEqualTo(new BigDecimal("100.0"));
        // never 100.0 while one was missed (audit 2026-12-07 F3): 99.95 half up would read 100.0
        assertThat(Percent.of(1999, 2000)).isEqualTo(new BigDecimal("99.9"));
        assertThat(Percent.of(new BigDecimal("59.97"), new BigDecimal("60"))).isEqualTo(new BigDecimal("99.9"));
        assertThat(Percent.of(0, 0)).isNull();
    }

    @Test
    void releaseTimeIsHoursFromCreationToReleaseAgainstTheTarget() {
        Instant t = Instant.parse("2025-01-28T06:00:00Z");
        ReleaseTime r = ReleaseTime.of(List.of(new Instant[] {t, t.plus(Duration.ofMinutes(450))},
                new Instant[] {t, t.plus(Duration.ofHours(9))}, new Instant[] {t, t.plus(Duration.ofHours(8))}),
                Duration.ofHours(8));
        assertThat(r.averageHours()).isEqualTo(new BigDecimal("8.17")); // (7.5 + 9 + 8) / 3 = 8.1666..
        assertThat(r.worstHours()).isEqualTo(new BigDecimal("9.00"));
        assertThat(r.pastTarget()).as("exactly on target is not past it").isEqualTo(1);
        assertThat(ReleaseTime.of(List.of(), Duration.ofHours(8)).averageHours()).isNull();
        assertThat(ReleaseTime.hours(Duration.ofSeconds(18))).isEqualTo(new BigDecimal("0.01"));
    }

    @Test
    void aLotIsTakenBackToTheEndOfThePastDay() {
        LocalDate day = LocalDate.parse("2025-01-27");
        LotQuantities now = new LotQuantities(new BigDecimal("500"), new BigDecimal("50"), new BigDecimal("100"),
                new BigDecimal("20"), BigDecimal.ZERO);
        // then: PENDING, nothing allocated, shipped or consumed yet
        StockAtEnd then = StockAtEnd.then(LotStatus.RELEASED, LotStatus.PENDING, LocalDate.parse("2027-01-10"), day,
                now, new BigDecimal("50"), new BigDecimal("100"), new BigDecimal("20"), false);
        assertThat(then.status()).isEqualTo(LotStatus.PENDING);
        assertThat(then.onHand()).isEqualByComparingTo("500");
        assertThat(then.available()).isEqualByComparingTo("500");
        assertThat(then.active()).isTrue();
        assertThat(then.allocatable()).isFalse();
        // an allocation open then and shipped since: allocated then, not shipped then
        StockAtEnd open = StockAtEnd.then(LotStatus.RELEASED, null, LocalDate.parse("2027-01-10"), day, now,
                new BigDecimal("-100"), new BigDecimal("100"), BigDecimal.ZERO, false);
        assertThat(open.onHand()).isEqualByComparingTo("480");
        assertThat(open.available()).isEqualByComparingTo("330"); // 480 - (50 + 100)
        assertThat(open.allocatable()).isTrue();
        // disposed of since: still on hand then, as the rejected lot it was
        LotQuantities gone = new LotQuantities(new BigDecimal("120.5"), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, new BigDecimal("120.5"));
        StockAtEnd rejected = StockAtEnd.then(LotStatus.REJECTED, null, LocalDate.parse("2027-01-10"), day, gone,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, true);
        assertThat(rejected.onHand()).isEqualByComparingTo("120.5");
        assertThat(rejected.active()).isFalse();
        // expired on the day itself (expirationDate <= day): not active, whatever the status
        assertThat(StockAtEnd.now(LotStatus.RELEASED, day, day, now).active()).isFalse();
        assertThat(StockAtEnd.now(LotStatus.QUARANTINE, day.plusDays(1), day, now).quarantined()).isTrue();
        // expired stock still on hand is counted apart, held or not; rejected and recalled stock is not (audit28 F3)
        assertThat(StockAtEnd.now(LotStatus.RELEASED, day, day, now).expiredOnHand()).isTrue();
        assertThat(StockAtEnd.now(LotStatus.QUARANTINE, day, day, now).expiredOnHand()).isTrue();
        assertThat(StockAtEnd.now(LotStatus.EXPIRED, day.plusDays(5), day, now).expiredOnHand()).isTrue();
        assertThat(StockAtEnd.now(LotStatus.RELEASED, day.plusDays(1), day, now).expiredOnHand()).isFalse();
        assertThat(StockAtEnd.now(LotStatus.REJECTED, day, day, now).expiredOnHand()).isFalse();
        assertThat(StockAtEnd.now(LotStatus.RECALLED, day, day, now).expiredOnHand()).isFalse();
        assertThat(StockAtEnd.now(LotStatus.EXPIRED, day, day, gone).expiredOnHand()).as("nothing on hand").isFalse();
    }

    @Test
    void bucketsByAgeAndByRemainingShelfLife() {
        LocalDate today = LocalDate.parse("2026-12-01");
        assertThat(AgeBuckets.ageBucket(today, today)).isZero();
        assertThat(AgeBuckets.ageBucket(today.minusDays(29), today)).isZero();
        assertThat(AgeBuckets.ageBucket(today.minusDays(30), today)).isEqualTo(1);
        assertThat(AgeBuckets.ageBucket(today.minusDays(364), today)).isEqualTo(3);
        assertThat(AgeBuckets.ageBucket(today.minusDays(365), today)).isEqualTo(4);
        assertThat(AgeBuckets.shelfLifeBucket(today, today)).as("expires today: expired").isZero();
        assertThat(AgeBuckets.shelfLifeBucket(today.plusDays(1), today)).isEqualTo(1);
        assertThat(AgeBuckets.shelfLifeBucket(today.plusDays(89), today)).isEqualTo(1);
        assertThat(AgeBuckets.shelfLifeBucket(today.plusDays(90), today)).isEqualTo(2);
        assertThat(AgeBuckets.shelfLifeBucket(today.plusDays(365), today)).isEqualTo(4);
        assertThat(AgeBuckets.AGE_LABELS).hasSize(AgeBuckets.manufacturedOnOrAfter(today).size() + 1);
        assertThat(AgeBuckets.SHELF_LIFE_LABELS).hasSize(AgeBuckets.expiringBefore(today).size() + 1);
    }

    @Test
    void turnoverIsMonthsOfStockAtThePeriodsRate() {
        LocalDate from = LocalDate.parse("2025-01-01");
        LocalDate to = LocalDate.parse("2025-12-31");
        assertThat(Turnover.months(from, to)).isEqualTo(new BigDecimal("11.9918")); // 365 / 30.4375
        // the seed's 8.5 months: 1,710 drums on hand, shipping 2,414 a year
        assertThat(Turnover.months(new BigDecimal("1710"), new BigDecimal("2414"), from, to))
                .isEqualTo(new BigDecimal("8.5"));
        assertThat(Turnover.monthly(new BigDecimal("2414"), from, to)).isEqualTo(new BigDecimal("201.3"));
        assertThat(Turnover.periodMonths(from, to)).isEqualTo(new BigDecimal("12.0"));
        assertThat(Turnover.months(new BigDecimal("1710"), BigDecimal.ZERO, from, to)).isNull();
    }

    @Test
    void controlLimitsAreMeanPlusMinusThreeSampleStandardDeviations() {
        ControlLimits c = ControlLimits.of(List.of(new BigDecimal("248"), new BigDecimal("248"), new BigDecimal("260")));
        assertThat(c.n()).isEqualTo(3);
        assertThat(c.mean()).isEqualTo(new BigDecimal("252.000000"));
        assertThat(c.standardDeviation()).isEqualTo(new BigDecimal("6.928203")); // sqrt(96 / 2)
        assertThat(c.lowerControlLimit()).isEqualTo(new BigDecimal("231.215390"));
        assertThat(c.upperControlLimit()).isEqualTo(new BigDecimal("272.784610"));
        assertThat(ControlLimits.of(List.of(BigDecimal.ONE)).standardDeviation()).isNull();
        assertThat(ControlLimits.of(List.of()).n()).isZero();
    }
}
