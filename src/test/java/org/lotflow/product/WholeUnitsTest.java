package org.lotflow.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** {@link WholeUnits}: counts of packages and serialised units take whole numbers only (audit 28 F2). */
class WholeUnitsTest {

    @Test
    void aCountOfPackagesTakesWholeNumbersOnly() {
        assertThat(WholeUnits.problem("IL-250-55GAL", false, "drums", new BigDecimal("0.5")))
                .isEqualTo("IL-250-55GAL is counted in drums: 0.5 drums is not a whole number of drums; enter a whole"
                        + " number of drums (nothing is rounded)");
        assertThat(WholeUnits.problem("IL-250-55GAL", false, "drums", new BigDecimal("0.001"))).isNotNull();
        assertThat(WholeUnits.problem("IL-250-55GAL", false, "drums", new BigDecimal("2.000"))).isNull();
        assertThat(WholeUnits.problem("P", false, "pails", new BigDecimal("400"))).isNull();
    }

    @Test
    void aMeasureTakesFractions() {
        assertThat(WholeUnits.problem("HC-100", false, "kg", new BigDecimal("12.5"))).isNull();
        assertThat(WholeUnits.problem("T", false, "MT", new BigDecimal("12.5"))).isNull();
    }

    @Test
    void aSerialisedProductTakesWholeUnitsInAnyUnit() {
        assertThat(WholeUnits.problem("SN-1", true, "kg", new BigDecimal("2.5")))
                .isEqualTo("SN-1 is serialised, one serial per unit: 2.5 kg is not a whole number of units; enter a"
                        + " whole number (nothing is rounded)");
        assertThat(WholeUnits.problem("SN-1", true, "pcs", new BigDecimal("2.5"))).contains("not a whole number");
        assertThat(WholeUnits.counted(true, "kg")).isTrue();
        assertThat(WholeUnits.counted(false, "kg")).isFalse();
        assertThat(WholeUnits.counted(false, "cases")).isTrue();
    }

    @Test
    void aMeasureKeepsItsDecimals() {
        assertThat(WholeUnits.problem("HC-100", false, "L", new BigDecimal("0.001"))).isNull();
        assertThat(WholeUnits.problem("HC-100", false, "g", new BigDecimal("12.345"))).isNull();
    }

    @Test
    void aFractionStoredBeforeTheRuleCanStillBeEmptied() {
        // 2.5 drums on hand: its 0.5, all 2.5, or whole drums; never a fraction leaving a fraction
        assertThat(WholeUnits.takesFrom(new BigDecimal("0.5"), new BigDecimal("2.5"))).isTrue();
        assertThat(WholeUnits.takesFrom(new BigDecimal("2.5"), new BigDecimal("2.5"))).isTrue();
        assertThat(WholeUnits.takesFrom(new BigDecimal("1"), new BigDecimal("2.5"))).isTrue();
        assertThat(WholeUnits.takesFrom(new BigDecimal("0.25"), new BigDecimal("2.5"))).isFalse();
        // a whole stock gives whole drums only
        assertThat(WholeUnits.takesFrom(new BigDecimal("0.5"), new BigDecimal("3"))).isFalse();
        assertThat(WholeUnits.takesFrom(new BigDecimal("0.5"), null)).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> WholeUnits.require("quantity",
                drums(), new BigDecimal("0.5"), new BigDecimal("3")))
                .isInstanceOf(org.lotflow.shared.InvalidInput.class).hasMessageContaining("0.5 drums");
    }

    private static Product drums() {
        Product p = org.mockito.Mockito.mock(Product.class);
        org.mockito.Mockito.when(p.getSku()).thenReturn("IL-250-55GAL");
        org.mockito.Mockito.when(p.getUnit()).thenReturn("drums");
        return p;
    }
}
