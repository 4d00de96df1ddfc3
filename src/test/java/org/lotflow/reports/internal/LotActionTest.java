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

    /**
     * Auditor 26b F6: the expiry test came before the status, so a RECALLED lot of an open recall and a PENDING lot in
     * lab release were told to "dispose". The status decides first; "dispose" is for a lot no process holds.
     */
    @Test
    void theLotsProcessDecidesBeforeItsDate() {
        assertThat(LotAction.of(false, false, true, LotStatus.RECALLED, false, "RC-2025-001", true))
                .isEqualTo("Blocked: recalled (recall RC-2025-001: disposed of at its closing)");
        assertThat(LotAction.of(false, false, false, LotStatus.RECALLED, false, "RC-2025-001", true))
                .isEqualTo("Blocked: recalled (recall RC-2025-001: disposed of at its closing)");
        assertThat(LotAction.of(false, false, true, LotStatus.RECALLED, false, "RC-2025-001", false))
                .isEqualTo("Blocked: recalled (recall RC-2025-001, closed)");
        assertThat(LotAction.of(false, false, true, LotStatus.RECALLED))
                .isEqualTo("Blocked: recalled (disposed of at its recall's closing)");
        assertThat(LotAction.of(false, false, true, LotStatus.PENDING))
                .isEqualTo("Awaiting lab release (expired: a release makes it EXPIRED, it is never allocated)");
        assertThat(LotAction.of(false, false, true, LotStatus.QUARANTINE)).isEqualTo("Hold pending investigation"
                + " (allocations stay, cannot ship); expired: the hold's disposition decides what becomes of it");
        assertThat(LotAction.of(false, false, true, LotStatus.REJECTED)).isEqualTo("Blocked: REJECTED");
        // a lot no process holds is disposed of once expired, whatever the status says (released, the expiry run
        // not yet past) and even if it was released on a concession
        assertThat(LotAction.of(false, false, true, LotStatus.RELEASED, true))
                .isEqualTo("Expired: never allocated or shipped; dispose");
        assertThat(LotAction.of(false, false, true, LotStatus.EXPIRED))
                .isEqualTo("Expired: never allocated or shipped; dispose");
        assertThat(LotAction.of(true, true, false, LotStatus.RELEASED, true)).isEqualTo(LotAction.CONCESSION);
    }

    @Test
    void sharesHaveOneDecimalAndNoneWithoutAWhole() {
        assertThat(ReportQueries.percent(BigDecimal.ONE, BigDecimal.valueOf(3))).isEqualByComparingTo("33.3");
        assertThat(ReportQueries.percent(BigDecimal.valueOf(2), BigDecimal.valueOf(3))).isEqualByComparingTo("66.7");
        assertThat(ReportQueries.percent(BigDecimal.ZERO, BigDecimal.ZERO)).isNull();
    }
}
