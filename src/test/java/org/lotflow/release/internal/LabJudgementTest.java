package org.lotflow.release.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lotflow.product.SpecLimit;
import org.lotflow.release.LabVerdict;
import org.lotflow.release.Measurement;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.RefusalStatus;

/** The lab verdict against spec limits, without Spring: every test judged, bounds inclusive, bad input 400. */
class LabJudgementTest {

    static final List<SpecLimit> SPEC = List.of(
            new SpecLimit("viscosity", "cSt", new BigDecimal("245"), new BigDecimal("255")),
            new SpecLimit("flashPoint", "°C", new BigDecimal("220"), null),
            new SpecLimit("water", "%", null, new BigDecimal("0.05")));

    static Measurement m(String test, String value) {
        return new Measurement(test, value == null ? null : new BigDecimal(value));
    }

    @Test
    void everyTestOfTheSpecificationIsJudgedInItsOrderWithInclusiveBounds() {
        List<LabVerdict.TestVerdict> verdicts = LabJudgement.judge("IL", SPEC,
                List.of(m("water", "0.05"), m("viscosity", "245"), m("flashPoint", "220")));
        assertThat(verdicts).extracting(LabVerdict.TestVerdict::test).containsExactly("viscosity", "flashPoint", "water");
        assertThat(verdicts).allMatch(LabVerdict.TestVerdict::passed);
        assertThat(verdicts.get(0).unit()).isEqualTo("cSt");
        assertThat(verdicts.get(0).min()).isEqualByComparingTo("245");
        assertThat(LabVerdict.of("sarah", verdicts).passed()).isTrue();
    }

    @Test
    void aValueOutsideItsLimitFails() {
        List<LabVerdict.TestVerdict> verdicts = LabJudgement.judge("IL", SPEC,
                List.of(m("viscosity", "255.000001"), m("flashPoint", "230"), m("water", "0.06")));
        assertThat(verdicts).extracting(LabVerdict.TestVerdict::passed).containsExactly(false, true, false);
        LabVerdict verdict = LabVerdict.of("sarah", verdicts);
        assertThat(verdict.passed()).isFalse();
        assertThat(verdict.recordedBy()).isEqualTo("sarah");
        assertThat(verdict.failedTests()).isEqualTo("viscosity = 255.000001, water = 0.06");
        assertThat(verdict.summary()).contains("- **FAIL** viscosity: 255.000001 cSt").contains("- PASS flashPoint: 230 °C")
                .contains("- **FAIL** water: 0.06 %");
    }

    @Test
    void incompleteResultsAreRefusedNamingTheMissingTestsNeverJudged() {
        InvalidInput refused = catchThrowableOfType(InvalidInput.class, () -> LabJudgement.judge("IL", SPEC,
                List.of(m("viscosity", "250"))));
        assertThat(refused.field()).isEqualTo("results");
        assertThat(refused.getMessage()).contains("incomplete").contains("flashPoint, water");
        // the form sent back with no value at all says which values are wanted (new user's U4)
        InvalidInput none = catchThrowableOfType(InvalidInput.class, () -> LabJudgement.judge("IL", SPEC, List.of()));
        assertThat(none.getMessage()).startsWith("results: no result was given: every test of the specification of IL [")
                .contains("flashPoint").endsWith("needs a value");
    }

    @Test
    void noTestsMeansNoPass() {
        assertThat(LabVerdict.of("sarah", List.of()).passed()).isFalse();
    }

    @Test
    void badInputIsRefusedWith400NamingTheField() {
        assertRefused(List.of(), "results");
        assertRefused(null, "results");
        assertRefused(List.of(m(" ", "1")), "results[0].test");
        assertRefused(Arrays.asList(m("viscosity", "250"), null), "results[1].test");
        assertRefused(List.of(m("viscosity", "250"), m("colour", "3")), "results[1].test");
        assertRefused(List.of(m("viscosity", null)), "results[0].value");
        assertRefused(List.of(m("viscosity", "250.0000001")), "results[0].value");
        assertRefused(List.of(m("viscosity", "250"), m("viscosity", "251")), "results[1].test");
    }

    private static void assertRefused(List<Measurement> measurements, String field) {
        InvalidInput refused = catchThrowableOfType(InvalidInput.class, () -> LabJudgement.judge("IL", SPEC, measurements));
        assertThat(refused).as(field).isNotNull();
        assertThat(RefusalStatus.of(refused)).isEqualTo(400);
        assertThat(refused.properties()).containsEntry("field", field);
    }

    /** A test without limits takes a number or an observation; a test with limits a number only (new user 17 F1). */
    @Test
    void anObservationIsTakenOnlyForATestWithoutLimits() {
        List<SpecLimit> spec = List.of(new SpecLimit("viscosity", "cSt", new BigDecimal("245"), new BigDecimal("255")),
                new SpecLimit("appearance", null, null, null));
        List<LabVerdict.TestVerdict> verdicts = LabJudgement.judge("IL", spec, List.of(m("viscosity", "250"),
                new Measurement("appearance", null, " clear amber liquid ")));
        assertThat(verdicts.get(1).text()).isEqualTo("clear amber liquid");
        assertThat(verdicts.get(1).value()).isNull();
        assertThat(verdicts.get(1).passed()).isTrue();
        assertThat(verdicts.get(1).valueText()).isEqualTo("clear amber liquid");
        InvalidInput limits = catchThrowableOfType(InvalidInput.class, () -> LabJudgement.judge("IL", spec,
                List.of(new Measurement("viscosity", null, "thick"), new Measurement("appearance", null, "clear"))));
        assertThat(limits.field()).isEqualTo("results[0].value");
        assertThat(limits.getMessage()).contains("'thick' is not a number").contains("245 – 255 cSt");
        InvalidInput twoLines = catchThrowableOfType(InvalidInput.class, () -> LabJudgement.judge("IL", spec,
                List.of(m("viscosity", "250"), new Measurement("appearance", null, "clear\ncloudy"))));
        assertThat(twoLines.field()).isEqualTo("results[1].text");
    }
}
