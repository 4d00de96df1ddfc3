package org.lotflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/**
 * The seed's scenario is of 2025-01-28: it is seeded while its lots are unexpired (an expired lot is not created), and
 * on a later day only the demo users are, so a start on the real clock is not stopped half-way (found 2026-12-06 by the
 * lifecycle benchmark, which starts on the real clock).
 */
class DemoScenarioDateTest {

    @Test
    void theScenarioIsSeededOnlyWhileItsFirstLotIsUnexpired() {
        assertThat(DemoData.scenarioStillCurrent(LocalDate.parse("2025-01-28"))).isTrue();
        assertThat(DemoData.scenarioStillCurrent(LocalDate.parse("2026-11-14"))).isTrue();
        assertThat(DemoData.scenarioStillCurrent(LocalDate.parse("2026-11-15"))).isFalse();
        assertThat(DemoData.scenarioStillCurrent(LocalDate.parse("2026-12-06"))).isFalse();
    }
}
