package org.lotflow.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.lotflow.lot.LotStatus;

/** The FIFO management report's action per lot, and its percentages. */
class LotActionTest {

    @Test
    void theFirstAllocatableLotIsNextTheOthersAreReserved() {
        assertThat(LotAction.of(true, true, false, LotStatus.RELEASED))
                .isEqualTo("NEXT TO ALLOCATE: primary allocation source");
        assertThat(LotAction.of(true, false, false, LotStatus.RELEASED)).isEqualTo("Reserve for future allocation");
    }

    @Test
    void aLotFefoCannotTakeSaysWhy() {
        assertThat(LotAction.of(false, false, true, LotStatus.RELEASED))
                .isEqualTo("Expired: never allocated or shipped; dispose");
        assertThat(LotAction.of(false, false, false, LotStatus.EXPIRED))
                .isEqualTo("Expired: never allocated or shipped; dispose");
        assertThat(LotAction.of(false, false, false, LotStatus.QUARANTINE))
                .isEqualTo("Hold pending investigation (allocations stay, cannot ship)");
        assertThat(LotAction.of(false, false, false, LotStatus.PENDING)).isEqualTo("Awaiting lab release");
        assertThat(LotAction.of(false, false, false, LotStatus.RELEASED))
                .isEqualTo("Fully allocated: ship open allocations");
        assertThat(LotAction.of(false, false, false, LotStatus.REJECTED)).isEqualTo("Blocked: REJECTED");
    }

    @Test
    void sharesHaveOneDecimalAndNoneWithoutAWhole() {
        assertThat(ReportQueries.percent(BigDecimal.ONE, BigDecimal.valueOf(3))).isEqualByComparingTo("33.3");
        assertThat(ReportQueries.percent(BigDecimal.valueOf(2), BigDecimal.valueOf(3))).isEqualByComparingTo("66.7");
        assertThat(ReportQueries.percent(BigDecimal.ZERO, BigDecimal.ZERO)).isNull();
    }
}
