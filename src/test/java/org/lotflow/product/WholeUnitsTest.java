package org.lotflow.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** {@link WholeUnits}: counts of packages and serialised units take whole numbers only (audit 28 F2). */
class WholeUnitsTest {

    @Test
    void aCountOfPackagesTakesWholeNumbersOnly() {
        assertThat(WholeUnits.problem("IL-250-55GAL", false, "drums", new BigDecimal("0.5")))
                .isEqualTo("IL-250-55GAL is counted in drums: 0.5 drums is not a whole number of drums");
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
                .isEqualTo("SN-1 is serialised, one serial per unit: 2.5 kg is not a whole number of units");
        assertThat(WholeUnits.problem("SN-1", true, "pcs", new BigDecimal("2.5"))).contains("not a whole number");
        assertThat(WholeUnits.counted(true, "kg")).isTrue();
        assertThat(WholeUnits.counted(false, "kg")).isFalse();
        assertThat(WholeUnits.counted(false, "cases")).isTrue();
    }
}
