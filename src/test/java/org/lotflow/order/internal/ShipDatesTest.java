package org.lotflow.order.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The days a lot may have shipped on, by its status history (auditor 2026-12-06 F6, re-test R4), without Spring. */
class ShipDatesTest {

    static final ZoneId UTC = ZoneId.of("UTC");

    static ShipDates.Change change(String at, String from, String to) {
        return new ShipDates.Change(Instant.parse(at), from, to);
    }

    /** Released on the 28th, held on the 29th, released again on the 31st. */
    static final List<ShipDates.Change> HELD = List.of(change("2025-01-28T10:00:00Z", "PENDING", "RELEASED"),
            change("2025-01-29T15:00:00Z", "RELEASED", "QUARANTINE"),
            change("2025-01-31T09:00:00Z", "QUARANTINE", "RELEASED"));

    static String refused(LocalDate date, List<ShipDates.Change> changes) {
        return ShipDates.notShippableOn("L-1", date, changes, UTC).orElse(null);
    }

    @Test
    void notBeforeTheDayTheLotWasFirstReleased() {
        assertThat(refused(LocalDate.parse("2025-01-27"), HELD)).contains("2025-01-28, the day lot L-1 was released");
        assertThat(refused(LocalDate.parse("2025-01-28"), HELD)).isNull();
    }

    @Test
    void aDayReleasedBeforeALaterHoldIsATrueShipDate() {
        // re-test R4: released all of the 28th, shipped then, recorded after the hold ended
        assertThat(refused(LocalDate.parse("2025-01-28"), HELD)).isNull();
        assertThat(refused(LocalDate.parse("2025-01-29"), HELD)).as("released until 15:00").isNull();
        assertThat(refused(LocalDate.parse("2025-01-31"), HELD)).as("released again at 09:00").isNull();
    }

    @Test
    void aDaySpentWhollyOnHoldIsRefused() {
        assertThat(refused(LocalDate.parse("2025-01-30"), HELD)).contains("was on hold (QUARANTINE) all day")
                .contains("from 2025-01-29 until it was released again on 2025-01-31");
        List<ShipDates.Change> stillHeld = HELD.subList(0, 2);
        assertThat(refused(LocalDate.parse("2025-02-10"), stillHeld)).contains("was on hold (QUARANTINE) all day (from 2025-01-29)");
    }

    @Test
    void aLotNeverReleasedIsLeftToTheOtherRules() {
        assertThat(refused(LocalDate.parse("2025-01-30"), List.of())).isNull();
    }
}
