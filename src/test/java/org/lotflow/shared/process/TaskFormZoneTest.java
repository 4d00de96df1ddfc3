package org.lotflow.shared.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Times on forms read as a QA person reads them, in the plant's zone (issue #12), never a raw ISO string. */
class TaskFormZoneTest {

    @AfterEach
    void backToUtc() {
        TaskForm.usePlantZone(ZoneId.of("UTC"));
    }

    @Test
    void instantsAreShownInThePlantsZoneWithItsName() {
        Instant t = Instant.parse("2026-12-04T08:15:59Z");
        assertThat(TaskForm.text(t)).isEqualTo("2026-12-04 08:15 UTC");
        TaskForm.usePlantZone(ZoneId.of("Europe/Berlin"));
        assertThat(TaskForm.text(t)).isEqualTo("2026-12-04 09:15 Europe/Berlin");
        assertThat(TaskForm.text(Instant.parse("2026-07-01T08:15:00Z"))).isEqualTo("2026-07-01 10:15 Europe/Berlin");
    }

    @Test
    void quantitiesHaveNoTrailingZerosAndNoExponent() {
        assertThat(TaskForm.text(new BigDecimal("1250.500"))).isEqualTo("1250.5");
        assertThat(TaskForm.text(new BigDecimal("1.2E+3"))).isEqualTo("1200");
    }
}
