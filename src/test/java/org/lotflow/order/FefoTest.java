package org.lotflow.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lotflow.lot.LotStatus;
import org.lotflow.order.Fefo.Candidate;

/** The FEFO rules without Spring or a database: order, expiry, shelf life, the split and its shortfall. */
class FefoTest {

    static final LocalDate TODAY = LocalDate.of(2025, 3, 1);

    static Candidate lot(long id, String number, String expires, String manufactured, String available) {
        return new Candidate(id, number, LotStatus.RELEASED, LocalDate.parse(manufactured), LocalDate.parse(expires),
                new BigDecimal(available));
    }

    static Candidate lot(long id, String number, String expires, String available) {
        return lot(id, number, expires, "2024-01-01", available);
    }

    @Test
    void firstExpiredFirstOutThenManufactureThenLotNumber() {
        Candidate late = lot(1, "L-1", "2026-01-01", "10");
        Candidate early = lot(2, "L-2", "2025-06-01", "10");
        Candidate sameDayOlder = lot(3, "L-3", "2025-06-01", "2023-12-01", "10");
        Candidate sameDaySameMakeB = lot(4, "L-B", "2025-06-01", "2024-01-01", "10");
        Candidate sameDaySameMakeA = lot(5, "L-A", "2025-06-01", "2024-01-01", "10");
        List<Candidate> lots = new ArrayList<>(List.of(late, early, sameDayOlder, sameDaySameMakeB, sameDaySameMakeA));
        lots.sort(Fefo.ORDER);
        assertThat(lots).extracting(Candidate::lotNumber).containsExactly("L-3", "L-2", "L-A", "L-B", "L-1");
    }

    @Test
    void theEarliestEligibleExpirationIsExactlyWhereTheRulesStartToAcceptALot() {
        for (int shipIn = 0; shipIn <= 40; shipIn += 20) {
            LocalDate shipDate = TODAY.plusDays(shipIn);
            for (Integer months : new Integer[] {null, 0, 1, 6}) {
                LocalDate earliest = Fefo.earliestEligibleExpiration(TODAY, shipDate, months);
                for (int d = -5; d <= 220; d++) {
                    LocalDate expires = TODAY.plusDays(d);
                    Candidate lot = new Candidate(1L, "L-1", LotStatus.RELEASED, TODAY.minusYears(1), expires,
                            BigDecimal.TEN);
                    assertThat(Fefo.eligible(lot, TODAY, shipDate, months))
                            .as("expires %s, ship %s, %s months", expires, shipDate, months)
                            .isEqualTo(!expires.isBefore(earliest));
                }
            }
        }
        // a ship date in the past counts as today
        assertThat(Fefo.earliestEligibleExpiration(TODAY, Fefo.shipDate(TODAY.minusDays(3), TODAY), null))
                .isEqualTo(TODAY.plusDays(1));
    }

    @Test
    void aLotIsExpiredOnItsExpirationDateItself() {
        assertThat(Fefo.expiredOn(TODAY, TODAY)).isTrue();
        assertThat(Fefo.expiredOn(TODAY.plusDays(1), TODAY)).isFalse();
        assertThat(Fefo.expiredOn(TODAY.minusDays(1), TODAY)).isTrue();
        Candidate expiresToday = lot(1, "L-1", TODAY.toString(), "10");
        assertThat(Fefo.releasable(expiresToday, TODAY, TODAY)).isFalse();
        assertThat(Fefo.eligible(expiresToday, TODAY, TODAY, null)).isFalse();
    }

    @Test
    void aLotThatExpiresBeforeTheShipDateIsNotReleasable() {
        Candidate lot = lot(1, "L-1", "2025-04-01", "10");
        assertThat(Fefo.releasable(lot, TODAY, LocalDate.parse("2025-03-31"))).isTrue();
        assertThat(Fefo.releasable(lot, TODAY, LocalDate.parse("2025-04-01"))).isFalse();
    }

    @Test
    void onlyReleasedLotsWithStockAreEligible() {
        Candidate quarantined = new Candidate(1L, "L-1", LotStatus.QUARANTINE, TODAY.minusYears(1),
                TODAY.plusYears(1), BigDecimal.TEN);
        Candidate empty = lot(2, "L-2", "2026-01-01", "0");
        assertThat(Fefo.eligible(quarantined, TODAY, TODAY, null)).isFalse();
        assertThat(Fefo.eligible(empty, TODAY, TODAY, null)).isFalse();
        assertThat(Fefo.eligible(lot(3, "L-3", "2026-01-01", "0.001"), TODAY, TODAY, null)).isTrue();
    }

    @Test
    void theShelfLifeMinimumCountsCalendarMonthsToTheShipDate() {
        LocalDate shipDate = LocalDate.parse("2025-04-15");
        Candidate exactly18 = lot(1, "L-1", "2026-10-15", "10");
        Candidate aDayShort = lot(2, "L-2", "2026-10-14", "10");
        assertThat(Fefo.meetsShelfLife(exactly18, shipDate, 18)).isTrue();
        assertThat(Fefo.meetsShelfLife(aDayShort, shipDate, 18)).isFalse();
        assertThat(Fefo.meetsShelfLife(aDayShort, shipDate, null)).as("no minimum").isTrue();
        assertThat(Fefo.meetsShelfLife(aDayShort, shipDate, 0)).isTrue();
        assertThat(Fefo.eligible(aDayShort, TODAY, shipDate, 18)).isFalse();
    }

    @Test
    void theShipDateIsTheRequiredDateOrToday() {
        assertThat(Fefo.shipDate(null, TODAY)).isEqualTo(TODAY);
        assertThat(Fefo.shipDate(TODAY.minusDays(1), TODAY)).isEqualTo(TODAY);
        assertThat(Fefo.shipDate(TODAY.plusDays(9), TODAY)).isEqualTo(TODAY.plusDays(9));
    }

    @Test
    void anOrderSplitsAcrossLotsInFefoOrderAndStatesItsShortfall() {
        List<Candidate> lots = List.of(lot(1, "L-NEW", "2026-01-01", "30"), lot(2, "L-OLD", "2025-06-01", "50"),
                lot(3, "L-GONE", "2025-03-01", "500"));
        Fefo.Plan plan = Fefo.allocate(lots, new BigDecimal("100"), TODAY, TODAY, null, null);
        assertThat(plan.takes()).extracting(t -> t.lot().lotNumber()).containsExactly("L-OLD", "L-NEW");
        assertThat(plan.takes()).extracting(Fefo.Take::quantity)
                .usingComparatorForType(BigDecimal::compareTo, BigDecimal.class)
                .containsExactly(new BigDecimal("50"), new BigDecimal("30"));
        assertThat(plan.shortfall()).isEqualByComparingTo("20");
    }

    @Test
    void anOrderTakesNoMoreThanItNeeds() {
        List<Candidate> lots = List.of(lot(1, "L-1", "2025-06-01", "50"), lot(2, "L-2", "2026-01-01", "50"));
        Fefo.Plan plan = Fefo.allocate(lots, new BigDecimal("20"), TODAY, TODAY, null, null);
        assertThat(plan.takes()).hasSize(1);
        assertThat(plan.takes().get(0).quantity()).isEqualByComparingTo("20");
        assertThat(plan.shortfall()).isEqualByComparingTo("0");
        assertThat(Fefo.allocate(lots, BigDecimal.ZERO, TODAY, TODAY, null, null).takes()).isEmpty();
    }

    @Test
    void anExcludedLotAndLotsBelowTheShelfLifeMinimumAreLeftOut() {
        List<Candidate> lots = List.of(lot(1, "L-SHORT", "2025-06-01", "50"), lot(2, "L-LONG", "2027-01-01", "50"),
                lot(3, "L-REQUESTED", "2027-06-01", "50"));
        Fefo.Plan plan = Fefo.allocate(lots, new BigDecimal("80"), TODAY, TODAY, 12, 3L);
        assertThat(plan.takes()).extracting(t -> t.lot().lotNumber()).containsExactly("L-LONG");
        assertThat(plan.shortfall()).isEqualByComparingTo("30");
    }

    @Test
    void skippedLotsAreTheEligibleOlderOnes() {
        Candidate requested = lot(3, "L-3", "2026-01-01", "10");
        List<Candidate> lots = List.of(lot(1, "L-1", "2025-06-01", "10"), lot(2, "L-2", "2025-05-01", "0"),
                requested, lot(4, "L-4", "2027-01-01", "10"));
        assertThat(Fefo.skippedFor(requested, lots, TODAY, TODAY, null)).extracting(Candidate::lotNumber)
                .containsExactly("L-1");
    }

    /**
     * New user 2026-12-07 F4: lots expiring the same day are a tie under FEFO; the manufacture date and lot number only
     * make lotflow's order repeatable, and a requested lot skips only lots that expire strictly before it.
     */
    @Test
    void lotsOfTheSameExpiryAreNotSkipped() {
        Candidate first = lot(1, "P500-250001", "2027-01-28", "2025-01-28", "8000");
        Candidate requested = lot(2, "P500-250002", "2027-01-28", "2025-01-28", "8000");
        assertThat(Fefo.ORDER.compare(first, requested)).as("the tie-break still orders them").isNegative();
        assertThat(Fefo.skippedFor(requested, List.of(first, requested), TODAY, TODAY, null)).isEmpty();
        // made earlier but expiring the same day: still a tie
        Candidate madeEarlier = lot(3, "P500-240009", "2027-01-28", "2024-12-01", "10");
        assertThat(Fefo.skippedFor(requested, List.of(madeEarlier, first, requested), TODAY, TODAY, null)).isEmpty();
        // one day earlier is an earlier expiry: skipped, and only it
        Candidate dayEarlier = lot(4, "P500-250000", "2027-01-27", "2025-01-28", "10");
        assertThat(Fefo.skippedFor(requested, List.of(madeEarlier, dayEarlier, first, requested), TODAY, TODAY, null))
                .extracting(Candidate::lotNumber).containsExactly("P500-250000");
    }

    @Test
    void aRequestedLotNeedingNoOverrideIsTakenFirstTheRestByFefo() {
        Candidate first = lot(1, "L-1", "2027-01-28", "8000");
        Candidate requested = lot(2, "L-2", "2027-01-28", "3000");
        Candidate later = lot(3, "L-3", "2027-06-01", "8000");
        Fefo.Plan plan = Fefo.allocateRequestedFirst(requested, List.of(first, later), new BigDecimal("5000"), TODAY,
                TODAY, null);
        assertThat(plan.takes()).extracting(t -> t.lot().lotNumber() + " " + t.quantity().toPlainString())
                .containsExactly("L-2 3000", "L-1 2000");
        assertThat(plan.shortfall()).isEqualByComparingTo("0");
        // the requested lot covers the order alone
        assertThat(Fefo.allocateRequestedFirst(requested, List.of(first, later), new BigDecimal("2500"), TODAY, TODAY,
                null).takes()).extracting(t -> t.lot().lotNumber()).containsExactly("L-2");
        // the candidates may hold the requested lot: it is never taken twice
        assertThat(Fefo.allocateRequestedFirst(requested, List.of(first, requested, later), new BigDecimal("20000"),
                TODAY, TODAY, null).takes()).extracting(t -> t.lot().lotNumber() + " " + t.quantity().toPlainString())
                .containsExactly("L-2 3000", "L-1 8000", "L-3 8000");
        // a requested lot no longer eligible (no stock left) gives nothing: FEFO covers the whole
        Candidate empty = lot(2, "L-2", "2027-01-28", "0");
        Fefo.Plan byFefo = Fefo.allocateRequestedFirst(empty, List.of(first, later), new BigDecimal("9000"), TODAY,
                TODAY, null);
        assertThat(byFefo.takes()).extracting(t -> t.lot().lotNumber() + " " + t.quantity().toPlainString())
                .containsExactly("L-1 8000", "L-3 1000");
    }

    @Test
    void monthsRemainingHasOneDecimalAndIsZeroOnceExpired() {
        assertThat(Fefo.monthsRemaining(LocalDate.parse("2026-09-01"), TODAY)).isEqualByComparingTo("18.0");
        assertThat(Fefo.monthsRemaining(LocalDate.parse("2025-03-16"), TODAY)).isEqualByComparingTo("0.5");
        assertThat(Fefo.monthsRemaining(TODAY, TODAY)).isEqualByComparingTo("0.0");
        assertThat(Fefo.monthsRemaining(TODAY.minusDays(3), TODAY)).isEqualByComparingTo("0.0");
    }

    /** Audit 28 F1: the first day a passed-over lot can no longer be FEFO's choice, by expiry or by shelf life. */
    @Test
    void aLotIsNoLongerEligibleFromItsExpiryOrWhenItFallsShortOfTheMinimum() {
        Candidate l = lot(1, "L", "2026-11-15", "100");
        assertThat(Fefo.firstDayNotEligible(l, null)).isEqualTo(LocalDate.parse("2026-11-15"));
        LocalDate day = Fefo.firstDayNotEligible(l, 6);
        assertThat(day).isEqualTo(LocalDate.parse("2026-05-16"));
        assertThat(Fefo.meetsShelfLife(l, day.minusDays(1), 6)).isTrue();
        assertThat(Fefo.meetsShelfLife(l, day, 6)).isFalse();
    }
}
