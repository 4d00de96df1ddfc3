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
        assertThat(Shipping.mayNotShip(lot, shipDate, shipDate, 11, false)).hasValueSatisfying(reason -> assertThat(
                reason).startsWith("lot L-1 has 10.4 months of shelf life left on 2025-01-28 (it expires on 2025-12-10),"
                        + " less than the customer's minimum of 11 months (an expiration on or after 2025-12-28)"));
        assertThat(Shipping.mayNotShip(lot, shipDate, shipDate, 10, false)).isEmpty();
        // the expiration date counts as the last day, as at allocation: exactly the minimum ships
        LocalDate lastDay = LocalDate.of(2025, 1, 10);
        assertThat(Shipping.mayNotShip(lot, lastDay, lastDay, 11, false)).isEmpty();
        assertThat(Shipping.mayNotShip(lot, lastDay.plusDays(1), lastDay.plusDays(1), 11, false)).isPresent();
        // a shipment dated back to a day the lot still had the months is judged on today too (re-test 26 R1)
        assertThat(Shipping.mayNotShip(lot, shipDate, lastDay, 11, false)).hasValueSatisfying(reason -> assertThat(
                reason).startsWith("lot L-1 has 10.4 months of shelf life left on 2025-01-28 (today; the shipment is"
                        + " dated 2025-01-10, but the goods leave with what is left now)"));
        assertThat(Shipping.mayNotShip(lot, shipDate, shipDate, null, false)).isEmpty();
        // an approved override bends the minimum, never quality
        assertThat(Shipping.mayNotShip(lot, shipDate, shipDate, 11, true)).isEmpty();
        assertThat(Shipping.mayNotShip(lot(LotStatus.QUARANTINE, LocalDate.of(2025, 12, 10)), shipDate, shipDate, 11,
                true)).hasValue("lot L-1 is in quarantine (on hold until released)");
    }

    @Test
    void onlyReleasedLotsShip() {
        assertThat(Shipping.mayNotShip(lot(LotStatus.QUARANTINE, TODAY.plusYears(1)), TODAY, TODAY))
                .hasValue("lot L-1 is in quarantine (on hold until released)");
        assertThat(Shipping.mayNotShip(lot(LotStatus.RECALLED, TODAY.plusYears(1)), TODAY, TODAY))
                .hasValue("lot L-1 is recalled");
    }
}
