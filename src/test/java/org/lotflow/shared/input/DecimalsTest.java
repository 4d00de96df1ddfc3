package org.lotflow.shared.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class DecimalsTest {

    @Test
    void aValueReadsAsItWasWrittenAndAnOldOneWithoutTheColumnsPadding() {
        BigDecimal stored = new BigDecimal("8.000000"); // NUMERIC(19, 6) gives it back so
        assertThat(Decimals.of(new BigDecimal("8.0"))).isEqualTo(1);
        assertThat(Decimals.text(Decimals.asWritten(stored, 1))).isEqualTo("8.0");
        assertThat(Decimals.text(Decimals.asWritten(stored, 0))).isEqualTo("8");
        assertThat(Decimals.text(Decimals.asWritten(new BigDecimal("0.300000"), 2))).isEqualTo("0.30");
        assertThat(Decimals.text(Decimals.asWritten(new BigDecimal("102.000000"), 1))).isEqualTo("102.0");
        // recorded before the decimals were kept: as before, the column's padding gone, never 2.5E+2
        assertThat(Decimals.text(Decimals.asWritten(new BigDecimal("250.000000"), null))).isEqualTo("250");
        assertThat(Decimals.text(Decimals.asWritten(new BigDecimal("0.100000"), null))).isEqualTo("0.1");
        assertThat(Decimals.of(new BigDecimal("250"))).isZero();
        assertThat(Decimals.asWritten(null, 2)).isNull();
        // a count that would cut digits is never applied: the number stays exact
        assertThat(Decimals.text(Decimals.asWritten(new BigDecimal("8.125000"), 1))).isEqualTo("8.125000");
    }
}
