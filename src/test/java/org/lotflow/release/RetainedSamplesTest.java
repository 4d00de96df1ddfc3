package org.lotflow.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lotflow.product.SpecLimit;
import org.lotflow.shared.InvalidInput;

/** The retained-sample rule without Spring: read against the specification, judged as lab results are. */
class RetainedSamplesTest {

    private static final List<SpecLimit> SPEC = List.of(
            new SpecLimit("viscosity40C", "cSt", new BigDecimal("245"), new BigDecimal("255")),
            new SpecLimit("flashPoint", "°C", new BigDecimal("220"), null),
            new SpecLimit("waterContent", "%", null, new BigDecimal("0.05")),
            new SpecLimit("appearance", null, null, null));

    private static RetainedSamples.Judged judge(String text) {
        return RetainedSamples.judge("IL-250-55GAL", SPEC, text);
    }

    private static String refusal(String text) {
        try {
            judge(text);
        } catch (InvalidInput e) {
            assertThat(e.properties()).containsEntry("field", "retainedSampleResults");
            return (String) e.properties().get("reason");
        }
        throw new AssertionError("not refused: " + text);
    }

    @Test
    void aValueOutOfSpecificationFailsWithItsLimits() {
        RetainedSamples.Judged j = judge("waterContent = 0.09 %\nviscosity40C = 249 cSt");
        assertThat(j.passed()).isFalse();
        assertThat(j.lines()).isEqualTo("viscosity40C = 249 cSt (245 – 255 cSt): PASS\n"
                + "waterContent = 0.09 % (≤ 0.05 %): FAIL");
        assertThat(j.failures()).isEqualTo("waterContent 0.09 % > 0.05 %");
    }

    @Test
    void passingValuesWithAndWithoutUnitsAndAnObservation() {
        RetainedSamples.Judged j = judge("# retested 2026-12-07\nviscosity40C = 249\n\nflashPoint = 224 °C\n"
                + "waterContent = 0.02%\nappearance = clear amber liquid\n");
        assertThat(j.passed()).isTrue();
        assertThat(j.failures()).isNull();
        assertThat(j.verdicts()).extracting(LabVerdict.TestVerdict::result)
                .containsExactly("PASS", "PASS", "PASS", "REPORTED");
        assertThat(j.lines()).contains("appearance = clear amber liquid (recorded only): REPORTED");
    }

    @Test
    void belowTheMinimumFails() {
        assertThat(judge("flashPoint = 210 °C").failures()).isEqualTo("flashPoint 210 °C < 220 °C");
    }

    @Test
    void blankAndTemplateLinesJudgeNothing() {
        assertThat(judge("").verdicts()).isEmpty();
        assertThat(judge(null).passed()).isTrue();
        assertThat(judge("viscosity40C =\nwaterContent = ").lines()).isEqualTo("no retained-sample value given");
    }

    @Test
    void unreadableLinesAreRefusedNamingTheLine() {
        assertThat(refusal("viscosity40C = 249\nnone taken")).startsWith("line 2 'none taken' is not 'test = value unit'");
        assertThat(refusal("viscosity = 249 cSt")).isEqualTo(
                "line 1: 'viscosity' is not a test of IL-250-55GAL (its tests: viscosity40C, flashPoint, waterContent,"
                        + " appearance)");
        assertThat(refusal("viscosity40C = 249 cSt, flashPoint = 224 °C")).startsWith("line 1: ");
        assertThat(refusal("waterContent = 0,09")).startsWith("line 1 (waterContent): '0,09' is not a number");
        assertThat(refusal("waterContent = 1e-2")).contains("exponent notation");
        assertThat(refusal("waterContent = ৪")).contains("digits 0-9");
        assertThat(refusal("waterContent = high")).contains("not a number");
        assertThat(refusal("waterContent = 0.09 ppm")).isEqualTo("line 1: 'ppm' is not the unit of waterContent in"
                + " the specification of IL-250-55GAL (%): give the value in %");
        assertThat(refusal("waterContent = 0.01\n\nwaterContent = 0.02")).isEqualTo(
                "line 3: 'waterContent' is given twice (line 1 gives it too); one value per test");
        assertThat(refusal("waterContent = 0.0000001")).contains("decimal places");
        assertThat(refusal("appearance = 5 units")).contains("line 1");
        // capitals are part of a unit: "Mg" is not "mg" (re-test 2026-12-07 24c F3)
        assertThat(refusal("viscosity40C = 249 CST")).contains("'CST' is not the unit of viscosity40C");
    }
}
