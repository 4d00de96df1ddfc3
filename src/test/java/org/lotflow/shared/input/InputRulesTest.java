package org.lotflow.shared.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The input vocabulary on its own: what is a quantity, a measured value, a business date, an identifier. */
class InputRulesTest {

    @Test
    void quantities() {
        assertThat(InputRules.quantity(new BigDecimal("1.005"), false)).isNull();
        assertThat(InputRules.quantity(new BigDecimal("1.0050"), false)).as("trailing zeros are no precision").isNull();
        assertThat(InputRules.quantity(new BigDecimal("1.0005"), false)).contains("at most 3 decimal places")
                .contains("never rounded");
        assertThat(InputRules.quantity(new BigDecimal("0.0004"), false)).contains("at most 3 decimal places");
        assertThat(InputRules.quantity(BigDecimal.ZERO, false)).contains("greater than 0");
        assertThat(InputRules.quantity(BigDecimal.ZERO, true)).isNull();
        assertThat(InputRules.quantity(new BigDecimal("-1"), true)).contains("0 or more");
        assertThat(InputRules.quantity(new BigDecimal("1E13"), false)).contains("at most 1000000000");
        assertThat(InputRules.quantity(null, false)).isNull();
    }

    @Test
    void measuredValues() {
        assertThat(InputRules.measuredValue(new BigDecimal("102.000001"))).isNull();
        assertThat(InputRules.measuredValue(new BigDecimal("102.0000004"))).contains("at most 6 decimal places");
        assertThat(InputRules.measuredValue(new BigDecimal("-9999999999999.5"))).isNull();
        assertThat(InputRules.measuredValue(new BigDecimal("1E13"))).contains("smaller than");
    }

    @Test
    void businessDatesAndIdentifiers() {
        assertThat(InputRules.businessDate(LocalDate.of(2025, 1, 28))).isNull();
        assertThat(InputRules.businessDate(LocalDate.of(1, 1, 1))).contains("between 1900-01-01 and 2199-12-31");
        assertThat(InputRules.businessDate(LocalDate.of(9999, 12, 31))).contains("between");
        assertThat(InputRules.identifier("IL250-2024-089")).isNull();
        assertThat(InputRules.identifier("SO_2025.1")).isNull();
        for (String bad : new String[] {".", "..", "A/B", "../x", "A B", "", "-A", "A".repeat(65), "A\\B", "A%2F"}) {
            assertThat(InputRules.identifier(bad)).as(bad).contains("letters, digits");
        }
    }
}
