package org.lotflow.lot;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** {@link RetentionRule} on its facts: only inactive lots with nothing on hand, only after their retention. */
class RetentionRuleTest {

    private static final LocalDate TODAY = LocalDate.of(2025, 1, 28);
    private static final LotQuantities SHIPPED = new LotQuantities(new BigDecimal("10"), BigDecimal.ZERO,
            new BigDecimal("10"), BigDecimal.ZERO, BigDecimal.ZERO);
    private static final LotQuantities ON_HAND = new LotQuantities(new BigDecimal("10"), BigDecimal.ZERO,
            new BigDecimal("4"), BigDecimal.ZERO, BigDecimal.ZERO);

    @Test
    void aLotWhoseRetentionHasNotPassedIsNeverArchivable() {
        for (LotStatus s : LotStatus.values()) {
            assertThat(RetentionRule.archivable(s, SHIPPED, TODAY, TODAY)).as(s + " on its last day").isFalse();
            assertThat(RetentionRule.archivable(s, SHIPPED, TODAY.plusYears(1), TODAY)).isFalse();
        }
    }

    @Test
    void onlyInactiveLotsWithNothingOnHandArePastTheirActivity() {
        LocalDate passed = TODAY.minusDays(1);
        for (LotStatus s : LotStatus.values()) {
            boolean expected = s == LotStatus.DEPLETED || s == LotStatus.EXPIRED || s == LotStatus.REJECTED
                    || s == LotStatus.RECALLED;
            assertThat(RetentionRule.archivable(s, SHIPPED, passed, TODAY)).as(s.name()).isEqualTo(expected);
            assertThat(RetentionRule.archivable(s, ON_HAND, passed, TODAY)).as(s + " with stock on hand").isFalse();
        }
    }
}
