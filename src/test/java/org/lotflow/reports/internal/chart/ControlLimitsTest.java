package org.lotflow.reports.internal.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class ControlLimitsTest {

    private static List<BigDecimal> values(String... v) {
        return java.util.Arrays.stream(v).map(BigDecimal::new).toList();
    }

    @Test
    void meanPlusAndMinusThreeSampleStandardDeviations() {
        ControlLimits l = ControlLimits.of(values("248", "250", "252")).orElseThrow();
        assertThat(l.mean()).isEqualByComparingTo("250");
        assertThat(l.standardDeviation()).as("sqrt((4 + 0 + 4) / 2)").isEqualByComparingTo("2");
        assertThat(l.lower()).isEqualByComparingTo("244");
        assertThat(l.upper()).isEqualByComparingTo("256");
    }

    @Test
    void oneValueHasNoSpreadAndNoValuesNoLimits() {
        assertThat(ControlLimits.of(values("7.25")).orElseThrow())
                .isEqualTo(new ControlLimits(new BigDecimal("7.25"), BigDecimal.ZERO, new BigDecimal("7.25"), new BigDecimal("7.25")));
        assertThat(ControlLimits.of(List.of())).isEmpty();
    }

    @Test
    void decimalsAreKeptNotRounded() {
        ControlLimits l = ControlLimits.of(values("0.1", "0.2", "0.3", "0.4")).orElseThrow();
        assertThat(l.mean()).isEqualByComparingTo("0.25");
        assertThat(l.standardDeviation().doubleValue()).isCloseTo(0.1290994, org.assertj.core.data.Offset.offset(1e-7));
    }
}
