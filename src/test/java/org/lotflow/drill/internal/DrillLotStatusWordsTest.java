package org.lotflow.drill.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A lot's status in the drill's form text, inside its parentheses (new user round 24b N6). */
class DrillLotStatusWordsTest {

    @Test
    void aStatusReadsWithoutParenthesesOfItsOwn() {
        assertThat(DrillReports.lotStatusWords("PENDING")).isEqualTo("pending, not released yet");
        assertThat("Made from it IL250P-2025-001 (" + DrillReports.lotStatusWords("PENDING") + ")")
                .isEqualTo("Made from it IL250P-2025-001 (pending, not released yet)");
        assertThat(DrillReports.lotStatusWords("RECALLED")).isEqualTo("recalled");
        assertThat(DrillReports.lotStatusWords("NO_SUCH")).isEqualTo("NO_SUCH");
    }
}
