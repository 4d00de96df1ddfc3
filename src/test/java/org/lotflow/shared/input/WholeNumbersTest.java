package org.lotflow.shared.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lotflow.shared.InvalidInput;

/** {@link WholeNumbers}: what a person wrote, never another number (auditor 2026-12-07 F1, F2; re-test F3-F5). */
class WholeNumbersTest {

    @Test
    void onlyTheDigitsZeroToNineWithAnOptionalSign() {
        assertThat(WholeNumbers.read("size", "24")).isEqualTo(24);
        assertThat(WholeNumbers.read("size", " +18 ")).isEqualTo(18);
        assertThat(WholeNumbers.read("size", "-5")).isEqualTo(-5);
        for (String notPlain : new String[] {"0x18", "#18", "0X0C", "\u0661\u0668", "\uff13", "1e3", "1_000", "1.0",
                "", " "}) {
            assertThat(WholeNumbers.why(notPlain)).as(notPlain).isEqualTo("'" + notPlain + "' is not a whole number:"
                    + " write it with the digits 0-9, e.g. 24");
            assertThatThrownBy(() -> WholeNumbers.read("size", notPlain)).isInstanceOf(InvalidInput.class)
                    .hasMessageContaining("size");
        }
    }

    @Test
    void digitsBeyondTheRangeSaySoWhateverTheSign() {
        assertThat(WholeNumbers.why("99999999999")).isEqualTo("'99999999999' is outside the range of whole numbers"
                + " this field takes");
        assertThat(WholeNumbers.why("-99999999999999999999999")).contains("outside the range");
        assertThat(WholeNumbers.why("2147483647")).isNull();
        assertThat(WholeNumbers.why("31", 1, 30)).contains("outside the range");
    }
}
