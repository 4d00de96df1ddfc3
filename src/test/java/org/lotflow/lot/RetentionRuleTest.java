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

    /**
     * The database narrows by {@code expiration_date < retentionCutoff(today, years)}: for every day of 12 years
     * (three leap days among them) and every retention a product may have, each expiration near the cutoff is
     * before it exactly when {@code expiration.plusYears(years)} lies before today (the rule's own words).
     */
    @Test
    void theRetentionCutoffSaysWhatTheRuleSaysOnEveryDayLeapDaysIncluded() {
        int checked = 0;
        for (LocalDate today = LocalDate.of(2023, 1, 1); today.isBefore(LocalDate.of(2035, 1, 1)); today = today.plusDays(1)) {
            for (int years = org.lotflow.product.ProductCategory.MIN_RETENTION_YEARS; years <= 30; years++) {
                LocalDate cutoff = RetentionRule.retentionCutoff(today, years);
                for (LocalDate expiration = cutoff.minusDays(3); expiration.isBefore(cutoff.plusDays(4)); expiration = expiration.plusDays(1)) {
                    boolean passed = expiration.plusYears(years).isBefore(today);
                    assertThat(expiration.isBefore(cutoff)).as("today %s, %d years, expiration %s", today, years, expiration)
                            .isEqualTo(passed);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(500_000);
        // the one case where today.minusYears alone would be off by a day
        assertThat(RetentionRule.retentionCutoff(LocalDate.of(2028, 2, 29), 1)).isEqualTo(LocalDate.of(2027, 3, 1));
    }
}
