package org.lotflow.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.lotflow.lot.LotStatus;
import org.lotflow.order.Fefo.Candidate;

/** Which lots may ship: released and not expired, by today or by the ship date. */
class ShippingRuleTest {

    static final LocalDate TODAY = LocalDate.of(2025, 3, 1);

    static Candidate lot(LotStatus status, LocalDate expires) {
        return new Candidate(1L, "L-1", status, LocalDate.of(2024, 1, 1), expires, BigDecimal.ZERO);
    }

    @Test
    void aReleasedUnexpiredLotShips() {
        assertThat(Shipping.mayNotShip(lot(LotStatus.RELEASED, TODAY.plusDays(1)), TODAY, TODAY)).isEmpty();
    }

    @Test
    void aLotDoesNotShipOnItsExpirationDateNorAfter() {
        assertThat(Shipping.mayNotShip(lot(LotStatus.RELEASED, TODAY), TODAY, TODAY))
                .hasValue("lot L-1 expired on 2025-03-01");
        // backdated shipment: the lot has expired since, and expired stock never ships
        assertThat(Shipping.mayNotShip(lot(LotStatus.RELEASED, TODAY), TODAY, TODAY.minusDays(5))).isPresent();
    }

    /**
     * The customer's minimum shelf life is judged again on the ship date, by allocation's rule (auditor 26b F7): a lot
     * allocated with enough of it does not ship once it has less; a QA manager's approved override for the lot does.
     */
    @Test
    void aLotShipsOnlyWithTheCustomersMinimumShelfLifeLeftOnTheShipDate() {
        Candidate lot = lot(LotStatus.RELEASED, LocalDate.of(2025, 12, 10)); // 10.4 months left on 2025-01-28
        LocalDate shipDate = LocalDate.of(2025, 1, 28);
        assertThat(Shipping.mayNotShip(lot, shipDate, shipDate, 11, null)).hasValueSatisfying(reason -> assertThat(
                reason).startsWith("lot L-1 has 10.4 months of shelf life left on 2025-01-28 (it expires on 2025-12-10),"
                        + " less than the customer's minimum of 11 months (an expiration on or after 2025-12-28)"));
        assertThat(Shipping.mayNotShip(lot, shipDate, shipDate, 10, null)).isEmpty();
        // the expiration date counts as the last day, as at allocation: exactly the minimum ships
        LocalDate lastDay = LocalDate.of(2025, 1, 10);
        assertThat(Shipping.mayNotShip(lot, lastDay, lastDay, 11, null)).isEmpty();
        assertThat(Shipping.mayNotShip(lot, lastDay.plusDays(1), lastDay.plusDays(1), 11, null)).isPresent();
        // a shipment dated back to a day the lot still had the months is judged on today too (re-test 26 R1)
        assertThat(Shipping.mayNotShip(lot, shipDate, lastDay, 11, null)).hasValueSatisfying(reason -> assertThat(
                reason).startsWith("lot L-1 has 10.4 months of shelf life left on 2025-01-28 (today; the shipment is"
                        + " dated 2025-01-10, but the goods leave with what is left now)"));
        assertThat(Shipping.mayNotShip(lot, shipDate, shipDate, null, null)).isEmpty();
        // an approved override bends the minimum, never quality
        assertThat(Shipping.mayNotShip(lot, shipDate, shipDate, 11, shipDate)).isEmpty();
        assertThat(Shipping.mayNotShip(lot(LotStatus.QUARANTINE, LocalDate.of(2025, 12, 10)), shipDate, shipDate, 11,
                shipDate)).hasValue("lot L-1 is in quarantine (on hold until released)");
    }

    /**
     * Re-test 2026-12-07 R4: the approval bends the minimum for the shelf life the QA manager saw, judged at the ship
     * date it was for; shipped later, the lot has less than the signature allowed, and the minimum is judged again.
     */
    @Test
    void anApprovedShorterShelfLifeHoldsUpToTheShipDateItWasApprovedFor() {
        Candidate lot = lot(LotStatus.RELEASED, LocalDate.of(2025, 12, 10));
        LocalDate approvedFor = LocalDate.of(2025, 2, 5);
        assertThat(Shipping.mayNotShip(lot, LocalDate.of(2025, 1, 28), approvedFor, 11, approvedFor)).isEmpty();
        assertThat(Shipping.mayNotShip(lot, approvedFor, approvedFor, 11, approvedFor)).isEmpty();
        LocalDate later = LocalDate.of(2025, 6, 5);
        assertThat(Shipping.mayNotShip(lot, later, later, 11, approvedFor)).hasValueSatisfying(reason -> assertThat(
                reason).startsWith("lot L-1 has 6.2 months of shelf life left on 2025-06-05 (it expires on 2025-12-10),"
                        + " less than the customer's minimum of 11 months: a QA manager approved it for this order with"
                        + " the 10.2 months it had on 2025-02-05, and it ships later"));
        // several open allocations of the lot: the earliest date holds, and one not approved means none is
        assertThat(Shipping.approvedThrough(java.util.List.of(approvedFor, later))).isEqualTo(approvedFor);
        assertThat(Shipping.approvedThrough(java.util.Arrays.asList(approvedFor, null))).isNull();
        assertThat(Shipping.approvedThrough(java.util.List.of())).isNull();
    }

    @Test
    void onlyReleasedLotsShip() {
        assertThat(Shipping.mayNotShip(lot(LotStatus.QUARANTINE, TODAY.plusYears(1)), TODAY, TODAY))
                .hasValue("lot L-1 is in quarantine (on hold until released)");
        assertThat(Shipping.mayNotShip(lot(LotStatus.RECALLED, TODAY.plusYears(1)), TODAY, TODAY))
                .hasValue("lot L-1 is recalled");
    }
}
