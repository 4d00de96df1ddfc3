package org.lotflow.order.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lotflow.lot.LotStatus;
import org.lotflow.order.Fefo.Candidate;

/** When a requested lot needs a QA manager's approval, and what the reason says. */
class OverrideReasonTest {

    static final LocalDate TODAY = LocalDate.of(2025, 3, 1);

    static Candidate lot(long id, String number, String expires, String available) {
        return new Candidate(id, number, LotStatus.RELEASED, LocalDate.parse("2024-01-01"), LocalDate.parse(expires),
                new BigDecimal(available));
    }

    Candidate older = lot(1, "L-OLD", "2025-08-01", "100");
    Candidate newer = lot(2, "L-NEW", "2026-01-10", "100");

    @Test
    void theLotFefoPicksFirstNeedsNoOverride() {
        assertThat(OverrideReason.of(older, List.of(older, newer), TODAY, TODAY, null)).isEmpty();
    }

    @Test
    void skippingAnOlderLotBreaksFefo() {
        assertThat(OverrideReason.of(newer, List.of(older, newer), TODAY, TODAY, null)).hasValue(
                "Requested lot L-NEW: FEFO broken: skips older lot(s) L-OLD (expires 2025-08-01, 100 available)");
    }

    /**
     * New user 2026-12-07 F4: two PARA-500 lots made 2025-01-28, both expiring 2027-01-28; the requested one was said to
     * "skip older lot(s)" P500-250001 and sent to a QA manager as a deviation. Same expiry is a tie: no override.
     */
    @Test
    void aLotOfTheSameExpiryAsTheLotFefoTakesFirstNeedsNoOverride() {
        Candidate first = new Candidate(1L, "P500-250001", LotStatus.RELEASED, LocalDate.parse("2025-01-28"),
                LocalDate.parse("2027-01-28"), new BigDecimal("8000"));
        Candidate requested = new Candidate(2L, "P500-250002", LotStatus.RELEASED, LocalDate.parse("2025-01-28"),
                LocalDate.parse("2027-01-28"), new BigDecimal("8000"));
        assertThat(OverrideReason.of(requested, List.of(first, requested), TODAY, TODAY, null)).isEmpty();
        // the shelf-life minimum still counts on its own
        assertThat(OverrideReason.of(requested, List.of(first, requested), TODAY, TODAY, 24)).hasValue(
                "Requested lot P500-250002: shelf-life minimum broken: lot P500-250002 has 22.9 months left at"
                        + " 2025-03-01, the customer requires 24");
    }

    @Test
    void theReasonNamesOnlyTheLotsExpiringBeforeTheRequestedOne() {
        // same expiry as L-NEW, a lot number FEFO's tie-break takes first
        Candidate sameDay = lot(3, "L-A-SAME-DAY", "2026-01-10", "100");
        assertThat(OverrideReason.of(newer, List.of(older, sameDay, newer), TODAY, TODAY, null)).hasValue(
                "Requested lot L-NEW: FEFO broken: skips older lot(s) L-OLD (expires 2025-08-01, 100 available)");
    }

    @Test
    void anOlderLotWithoutStockOrBelowTheMinimumIsNotSkipped() {
        Candidate empty = lot(1, "L-OLD", "2025-08-01", "0");
        assertThat(OverrideReason.of(newer, List.of(empty, newer), TODAY, TODAY, null)).isEmpty();
        // the older lot breaks a 6-month minimum itself: FEFO would not take it either
        assertThat(OverrideReason.of(newer, List.of(older, newer), TODAY, TODAY, 6)).isEmpty();
    }

    @Test
    void aLotBelowTheShelfLifeMinimumSaysByHowMuch() {
        assertThat(OverrideReason.of(older, List.of(older), TODAY, TODAY, 6)).hasValue("Requested lot L-OLD: "
                + "shelf-life minimum broken: lot L-OLD has 5.0 months left at 2025-03-01, the customer requires 6");
    }

    @Test
    void aLotExpiringBeforeTheShipDateIsNoExceptionToApprove() {
        // refused outright by the caller (409): an override bends FEFO and shelf life, never quality (auditor G-f)
        LocalDate shipDate = LocalDate.parse("2025-09-01");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OverrideReason.of(older, List.of(older, newer), TODAY,
                shipDate, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("lot L-OLD expires on 2025-08-01, before the ship date 2025-09-01: no override may allocate it");
    }

    /**
     * Audit 28 F1 c: a requiredBy after the older lot's expiry does not make the request FEFO: the order may ship at
     * once, when FEFO would take the older lot.
     */
    @Test
    void anOlderLotExpiringBeforeRequiredByIsStillSkipped() {
        assertThat(OverrideReason.of(newer, List.of(older, newer), TODAY, LocalDate.parse("2025-09-01"), null)).hasValue(
                "Requested lot L-NEW: FEFO broken: skips older lot(s) L-OLD (expires 2025-08-01, 100 available; it"
                        + " expires before the ship date 2025-09-01, but the order may ship before then)");
    }
}
