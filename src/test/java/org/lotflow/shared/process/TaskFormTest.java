package org.lotflow.shared.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** How every Tasklist form shows a value: one rule, no Spring. */
class TaskFormTest {

    enum Kind { COMPLAINT }

    @Test
    void absentAndBlankValuesShowAsADash() {
        assertThat(TaskForm.text(null)).isEqualTo("-");
        assertThat(TaskForm.text("  ")).isEqualTo("-");
    }

    @Test
    void quantitiesWithoutTrailingZerosOrExponents() {
        assertThat(TaskForm.text(new BigDecimal("1250.500"))).isEqualTo("1250.5");
        assertThat(TaskForm.text(new BigDecimal("1.2E+3"))).isEqualTo("1200");
    }

    @Test
    void datesIsoAndInstantsToTheMinuteInUtc() {
        assertThat(TaskForm.text(LocalDate.of(2025, 3, 1))).isEqualTo("2025-03-01");
        assertThat(TaskForm.text(Instant.parse("2025-01-28T09:23:13.223471537Z"))).isEqualTo("2025-01-28 09:23 UTC");
    }

    @Test
    void enumsByName() {
        assertThat(TaskForm.text(Kind.COMPLAINT)).isEqualTo("COMPLAINT");
    }
}
