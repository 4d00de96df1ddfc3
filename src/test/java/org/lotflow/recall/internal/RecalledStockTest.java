package org.lotflow.recall.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lotflow.shared.InvalidInput;

/** The disposal a recall's closing must sign (21 CFR 7.55(a)), without Spring: what is left, in words, and the rule. */
class RecalledStockTest {

    private static final RecalledStock.Left NOTHING = new RecalledStock.Left(List.of(), List.of());
    private static final RecalledStock.Left RETURNS = new RecalledStock.Left(List.of(), List.of(
            new Effectiveness.UnitQuantities("kg", new BigDecimal("40.000"), new BigDecimal("12.500"), null),
            new Effectiveness.UnitQuantities("pails", new BigDecimal("5"), new BigDecimal("2"), null)));

    @Test
    void whatIsLeftIsSaidInWordsWithItsUnits() {
        assertThat(NOTHING.isEmpty()).isTrue();
        assertThat(RETURNS.isEmpty()).isFalse();
        assertThat(RETURNS.describe()).isEqualTo("12.5 kg and 2 pails returned by customers");
    }

    @Test
    void aDisposalIsRequiredWhileSomethingIsLeftAndRefusedWhenNothingIs() {
        assertThatThrownBy(() -> RecallClosing.disposalOf("RC-2025-001", RETURNS, null, "WM-1"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("disposalMethod")
                .hasMessageContaining("recall RC-2025-001 leaves 12.5 kg and 2 pails returned by customers")
                .hasMessageContaining("one of DESTROYED, RETURNED_TO_SUPPLIER, REWORKED");
        assertThatThrownBy(() -> RecallClosing.disposalOf("RC-2025-001", RETURNS, " ", null))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("disposalMethod");
        assertThatThrownBy(() -> RecallClosing.disposalOf("RC-2025-001", RETURNS, "destroyed", null))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("'destroyed' is not a disposal method");
        assertThatThrownBy(() -> RecallClosing.disposalOf("RC-2025-001", RETURNS, 3, null))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("must be text");
        assertThat(RecallClosing.disposalOf("RC-2025-001", RETURNS, "RETURNED_TO_SUPPLIER", " RN-7 "))
                .containsExactly("RETURNED_TO_SUPPLIER", "RN-7");
        assertThat(RecallClosing.disposalOf("RC-2025-001", RETURNS, "DESTROYED", ""))
                .containsExactly("DESTROYED", null);

        assertThat(RecallClosing.disposalOf("RC-2025-001", NOTHING, null, " ")).containsExactly(null, null);
        assertThatThrownBy(() -> RecallClosing.disposalOf("RC-2025-001", NOTHING, "DESTROYED", null))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("disposalMethod")
                .hasMessageContaining("not needed");
        assertThatThrownBy(() -> RecallClosing.disposalOf("RC-2025-001", NOTHING, null, "WM-1"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("disposalReference")
                .hasMessageContaining("not needed");
    }
}
