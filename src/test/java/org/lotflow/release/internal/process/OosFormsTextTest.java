package org.lotflow.release.internal.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The OOS forms' sentences: a finding's own full stop is not doubled (new user 2026-12-06 L7: "RS-115.. Its"). */
class OosFormsTextTest {

    @Test
    void aFindingEndingWithAFullStopIsNotGivenASecond() {
        assertThat(OosForms.withoutFinalStop("Wrong dilution; retest with RS-115.") + ". Its results stay on record.")
                .isEqualTo("Wrong dilution; retest with RS-115. Its results stay on record.");
        assertThat(OosForms.withoutFinalStop("Pipette out of calibration ")).isEqualTo("Pipette out of calibration");
        assertThat(OosForms.withoutFinalStop(null)).isEmpty();
    }
}
