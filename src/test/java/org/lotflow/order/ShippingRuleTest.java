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

    @Test
    void onlyReleasedLotsShip() {
        assertThat(Shipping.mayNotShip(lot(LotStatus.QUARANTINE, TODAY.plusYears(1)), TODAY, TODAY))
                .hasValue("lot L-1 is in quarantine (on hold until released)");
        assertThat(Shipping.mayNotShip(lot(LotStatus.RECALLED, TODAY.plusYears(1)), TODAY, TODAY))
                .hasValue("lot L-1 is recalled");
    }
}
