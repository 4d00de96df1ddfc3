package org.lotflow.release.internal;

import org.lotflow.shared.RefusalStatus;

import org.lotflow.shared.Refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;

import org.lotflow.release.Measurement;

import org.junit.jupiter.api.Test;

/** The Tasklist lab-results text on its own: what is read, what is skipped, what is refused (never guessed). */
class LabResultsTextTest {

    @Test
    void readsOneTestPerLineAndSkipsBlanksCommentsAndEmptyValues() {
        var measured = LabResultsText.parse("viscosity40C = 248\n# retest pending\n\nflashPoint = \r\nph = 7,25\n");
        assertThat(measured).extracting(Measurement::test).containsExactly("viscosity40C", "ph");
        assertThat(measured.get(0).value()).isEqualByComparingTo("248");
        assertThat(measured.get(1).value()).isEqualByComparingTo(new BigDecimal("7.25"));
    }

    @Test
    void refusesWhatItCannotReadWithoutGuessing() {
        for (String bad : new String[] {"viscosity40C 248", "viscosity40C = lots", "viscosity40C = 1,250",
                "viscosity40C = 1,250.5"}) {
            Refusal refused = catchThrowableOfType(Refusal.class, () -> LabResultsText.parse(bad));
            assertThat(refused).as(bad).isNotNull();
            assertThat(RefusalStatus.of(refused)).isEqualTo(400);
            assertThat(refused.properties()).containsEntry("field", "labResults");
            assertThat(refused.getMessage()).contains("line 1");
        }
    }

    /** Auditor 2026-12-06 C-j, new user F-a: said as the analyst typed it, the value kept as read. */
    @Test
    void aUnitATestGivenTwiceAndExponentNotationAreSaidInTheAnalystsWords() {
        assertThat(catchThrowableOfType(Refusal.class, () -> LabResultsText.parse("viscosity40C = 248 cSt")))
                .hasMessageContaining("line 1: '248 cSt' is not a number: write the number alone, without its unit");
        assertThat(catchThrowableOfType(Refusal.class, () -> LabResultsText.parse("flashPoint = 224 °C")))
                .hasMessageContaining("without its unit");
        assertThat(catchThrowableOfType(Refusal.class, () -> LabResultsText.parse("viscosity40C = 100\n\n"
                + "viscosity40C = 220"))).hasMessageContaining("line 3: 'viscosity40C' is given twice (line 1 gives it"
                        + " too)");
        for (String value : new String[] {"2.20E+2", "2.2e2", "25e-4"}) {
            Refusal refused = catchThrowableOfType(Refusal.class, () -> LabResultsText.parse("viscosity40C = " + value));
            assertThat(refused).as(value).hasMessageContaining("is in exponent notation");
            assertThat(refused.properties()).containsEntry("field", "labResults");
        }
    }

    @Test
    void anUnknownTestIsNamedAsSuchBeforeItsValueIsRead() {
        var specs = java.util.List.of(new org.lotflow.product.SpecLimit("viscosity40C", "cSt", null, null),
                new org.lotflow.product.SpecLimit("flashPoint", "°C", null, null));
        Refusal refused = catchThrowableOfType(Refusal.class,
                () -> LabResultsText.parse("viscosity40C = 248\ncolour = amber", "HC-100", specs));
        assertThat(refused.properties()).containsEntry("field", "labResults");
        assertThat(refused.getMessage()).contains("line 2: 'colour' is not a test of HC-100")
                .contains("viscosity40C, flashPoint").doesNotContain("not a number");
    }

    @Test
    void aValueIsWrittenWithTheDigitsZeroToNine() {
        // Arabic-Indic 100 and a Bengali 4 that looks like an 8 (auditor 2026-12-06 B4): never read as numbers
        for (String value : new String[] {"\u0661\u0660\u0660", "9\u09ea", "\uff11\uff10\uff10"}) {
            Refusal refused = catchThrowableOfType(() -> LabResultsText.parse("assay = " + value), Refusal.class);
            assertThat(refused).as(value).isNotNull();
            assertThat(RefusalStatus.of(refused)).isEqualTo(400);
            assertThat(refused.getMessage()).contains("line 1: '" + value + "' is not a number written with the digits"
                    + " 0-9");
        }
        assertThat(LabResultsText.parse("assay = 98,5").get(0).value()).isEqualByComparingTo("98.5");
    }

    /** A line of a test without limits reads an observation in words; a test with limits still a number (F1). */
    @Test
    void aTestWithoutLimitsReadsAnObservation() {
        java.util.List<org.lotflow.product.SpecLimit> spec = java.util.List.of(new org.lotflow.product.SpecLimit("viscosity", "cSt",
                new java.math.BigDecimal("245"), new java.math.BigDecimal("255")),
                new org.lotflow.product.SpecLimit("appearance", null, null, null));
        var measured = LabResultsText.parse("viscosity = 248\nappearance = clear amber liquid", "IL", spec);
        assertThat(measured).extracting(org.lotflow.release.Measurement::text).containsExactly(null,
                "clear amber liquid");
        assertThat(catchThrowableOfType(Refusal.class, () -> LabResultsText.parse("viscosity = thick", "IL", spec))
                .getMessage()).contains("not a number");
        // what begins like a number is read as one, or refused as for any test: never kept as words (re-test c-F2)
        assertThat(LabResultsText.parse("viscosity = 248\nappearance = .5", "IL", spec).get(1).value())
                .isEqualByComparingTo("0.5");
        for (String numberLike : new String[] {"1e5", "5 score", "\u09e7\u09e8"}) {
            assertThat(catchThrowableOfType(Refusal.class, () -> LabResultsText.parse("viscosity = 248\nappearance = "
                    + numberLike, "IL", spec))).as(numberLike).isNotNull();
        }
    }

    /** New user 28 M4: every bad line at once, in line order; capitals of one test forgiven; the nearest test named. */
    @Test
    void everyBadLineIsSaidAtOnceAndATestIsFoundRegardlessOfCapitals() {
        java.util.List<org.lotflow.product.SpecLimit> specs = java.util.List.of(
                new org.lotflow.product.SpecLimit("viscosity40C", "cSt", new BigDecimal("220"), new BigDecimal("250")),
                new org.lotflow.product.SpecLimit("flashPoint", "°C", new BigDecimal("220"), null),
                new org.lotflow.product.SpecLimit("waterContent", "%", null, new BigDecimal("0.05")));
        Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> LabResultsText.parse("viscosity40C = abc\nflashPoint = 232 °C\n"
                + "waterContent = 0.02%\nviscosity40c = 250", "IL-250", specs));
        assertThat(refused).isInstanceOf(org.lotflow.shared.InvalidInput.class);
        String message = refused.getMessage();
        assertThat(message).contains("line 1: 'abc' is not a number").contains("line 2: '232 °C' is not a number")
                .contains("line 3: '0.02%' is not a number").contains("line 4: 'viscosity40C' is given twice");
        assertThat(message.indexOf("line 1")).isLessThan(message.indexOf("line 2"));
        assertThat(message.indexOf("line 3")).isLessThan(message.indexOf("line 4"));
        assertThat(LabResultsText.parse("VISCOSITY40c = 250\nflashpoint = 232", "IL-250", specs))
                .extracting(Measurement::test).containsExactly("viscosity40C", "flashPoint");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> LabResultsText.parse("viscosity4OC = 250", "IL-250", specs)).getMessage())
                .endsWith(", did you mean viscosity40C?");
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> LabResultsText.parse("colour = red", "IL-250", specs)).getMessage())
                .doesNotContain("did you mean");
        // the API's results keep names exact, with the same hint
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> LabJudgement.judge("IL-250", specs,
                java.util.List.of(new Measurement("viscosity40c", new BigDecimal("250"))))).getMessage())
                .endsWith(", did you mean viscosity40C?");
    }
}
