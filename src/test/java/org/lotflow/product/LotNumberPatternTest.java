package org.lotflow.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LotNumberPatternTest {

    @Test
    void formatsTheSeedsScheme() {
        LotNumberPattern p = LotNumberPattern.parse("IL250-{yyyy}-{seq:3}");
        assertThat(p.format(2025, 3)).isEqualTo("IL250-2025-003");
        assertThat(p.format(2024, 89)).isEqualTo("IL250-2024-089");
        assertThat(p.format(2025, 1234)).isEqualTo("IL250-2025-1234");
    }

    @Test
    void shortYear() {
        assertThat(LotNumberPattern.parse("RM{yy}.{seq:4}").format(2025, 15)).isEqualTo("RM25.0015");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "IL250-{yyyy}", "{seq:3}-{seq:2}", "A-{seq:0}", "A-{month}-{seq:2}", "A B-{seq:2}",
            "A/{seq:2}", "{seq:10}"})
    void refusesUnusablePatterns(String pattern) {
        assertThatThrownBy(() -> LotNumberPattern.parse(pattern)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void specLimitsAreInclusiveAndOneSidedLimitsWork() {
        SpecLimit viscosity = new SpecLimit("viscosity", "cSt", new BigDecimal("245"), new BigDecimal("255"));
        assertThat(viscosity.accepts(new BigDecimal("245"))).isTrue();
        assertThat(viscosity.accepts(new BigDecimal("255"))).isTrue();
        assertThat(viscosity.accepts(new BigDecimal("232"))).isFalse();
        assertThat(viscosity.accepts(null)).isFalse();
        SpecLimit flash = new SpecLimit("flashPoint", "°C", new BigDecimal("220"), null);
        assertThat(flash.accepts(new BigDecimal("10000"))).isTrue();
        assertThat(flash.accepts(new BigDecimal("219.9"))).isFalse();
        assertThat(flash.describe()).isEqualTo("≥ 220 °C");
    }

    /** Auditor 2026-12-05 A7: a lot number given by hand follows the product's scheme, with the year the lot was made. */
    @Test
    void aNumberGivenByHandFollowsTheSchemeAndTheYearOfManufacture() {
        LotNumberPattern scheme = LotNumberPattern.parse("IL250-{yyyy}-{seq:3}");
        assertThat(scheme.matches("IL250-2024-092", 2024)).isTrue();
        assertThat(scheme.matches("il250-2024-092", 2024)).isTrue(); // the same lot to anyone reading it
        assertThat(scheme.matches("IL250-2024-1092", 2024)).isTrue(); // the sequence grows past its digits
        assertThat(scheme.matches("IL250-2025-092", 2024)).isFalse();
        assertThat(scheme.matches("IL250-2024-92", 2024)).isFalse();
        assertThat(scheme.matches("IL250-2024-09A", 2024)).isFalse();
        assertThat(scheme.matches("XIL250-2024-092", 2024)).isFalse();
        assertThat(LotNumberPattern.parse("R.{yy}.{seq:2}").matches("R.24.07", 2024)).isTrue();
        assertThat(LotNumberPattern.parse("R.{yy}.{seq:2}").matches("RX24.07", 2024)).isFalse(); // '.' is a dot
    }

    /** Auditor 2026-12-06 G5: AU1-2025-0001 was taken beside AU1-2025-001, two lots of sequence 1. */
    @Test
    void aSequenceIsWrittenWithItsDigitsAndNoExtraLeadingZeros() {
        LotNumberPattern p = LotNumberPattern.parse("AU1-{yyyy}-{seq:3}");
        org.assertj.core.api.Assertions.assertThat(p.matches("AU1-2025-001", 2025)).isTrue();
        org.assertj.core.api.Assertions.assertThat(p.matches("AU1-2025-0001", 2025)).isFalse();
        org.assertj.core.api.Assertions.assertThat(p.matches("AU1-2025-00002", 2025)).isFalse();
        org.assertj.core.api.Assertions.assertThat(p.matches("AU1-2025-1000", 2025)).as("grown past 3 digits").isTrue();
        org.assertj.core.api.Assertions.assertThat(p.matches("AU1-2025-01000", 2025)).isFalse();
        org.assertj.core.api.Assertions.assertThat(p.matches(p.format(2025, 12345), 2025)).isTrue();
        org.assertj.core.api.Assertions.assertThat(p.sequenceDigits()).isEqualTo(3);
    }

    /** Auditor 2026-12-06 G13: two products' schemes could write the same lot number. */
    @Test
    void twoSchemesShareNumbersWhenSomeLotNumberFollowsBoth() {
        LotNumberPattern il = LotNumberPattern.parse("IL250-{yyyy}-{seq:3}");
        org.assertj.core.api.Assertions.assertThat(il.sharesNumbersWith(LotNumberPattern.parse("IL250-{yyyy}-{seq:3}")))
                .isTrue();
        org.assertj.core.api.Assertions.assertThat(il.sharesNumbersWith(LotNumberPattern.parse("il250-{yyyy}-{seq:4}")))
                .as("letters in any case; IL250-2025-1000 follows both").isTrue();
        org.assertj.core.api.Assertions.assertThat(il.sharesNumbersWith(LotNumberPattern.parse("IL250-2025-{seq:3}")))
                .as("a year written as literal digits").isTrue();
        org.assertj.core.api.Assertions.assertThat(il.sharesNumbersWith(LotNumberPattern.parse("IL250-{yyyy}-A{seq:3}")))
                .isFalse();
        org.assertj.core.api.Assertions.assertThat(il.sharesNumbersWith(LotNumberPattern.parse("IL{seq:3}-{yyyy}-0{yy}")))
                .as("IL250-2025-025 follows both").isTrue();
        org.assertj.core.api.Assertions.assertThat(il.sharesNumbersWith(LotNumberPattern.parse("IL250P-{yyyy}-{seq:3}")))
                .isFalse();
        org.assertj.core.api.Assertions.assertThat(il.sharesNumbersWith(LotNumberPattern.parse("IL250-{yy}-{seq:3}")))
                .as("IL250-25-001 has one dash less than any IL250-{yyyy}-... number").isFalse();
        org.assertj.core.api.Assertions.assertThat(LotNumberPattern.parse("G{yyyy}{seq:3}")
                .sharesNumbersWith(LotNumberPattern.parse("G{seq:7}"))).as("G2025001").isTrue();
        org.assertj.core.api.Assertions.assertThat(LotNumberPattern.parse("G{yyyy}{seq:3}")
                .sharesNumbersWith(LotNumberPattern.parse("G{seq:1}X"))).isFalse();
    }
}
