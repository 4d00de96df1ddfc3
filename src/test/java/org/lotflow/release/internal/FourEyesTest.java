package org.lotflow.release.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.lotflow.shared.FourEyesViolation;
import org.lotflow.shared.RefusalStatus;

/** The release's four-eyes rule without Spring: the analyst may not sign; 403 everywhere. */
class FourEyesTest {

    @Test
    void theAnalystMayNotSignTheReleaseDecision() {
        FourEyesViolation refused = catchThrowableOfType(FourEyesViolation.class,
                () -> FourEyes.requireSecondPerson("sarah", "sarah", "IL250-2025-003"));
        assertThat(refused).isNotNull();
        assertThat(RefusalStatus.of(refused)).isEqualTo(403);
        assertThat(refused.getMessage()).startsWith("Four-eyes principle:").contains("IL250-2025-003");
        assertThat(refused.properties()).containsEntry("labRecordedBy", "sarah");
    }

    /** Auditor 2026-12-06 X2: whoever made (or received) the lot does not sign its release, whatever their groups. */
    @Test
    void theLotsMakerMayNotSignItsRelease() {
        FourEyesViolation refused = catchThrowableOfType(FourEyesViolation.class,
                () -> FourEyes.requireNotMaker("mike", "mike", "IL250-2025-012"));
        assertThat(refused).isNotNull();
        assertThat(RefusalStatus.of(refused)).isEqualTo(403);
        assertThat(refused.getMessage()).startsWith("Four-eyes principle:").contains("created lot IL250-2025-012");
        assertThat(refused.properties()).containsEntry("createdBy", "mike");
        assertThatCode(() -> FourEyes.requireNotMaker("jennifer", "mike", "L1")).doesNotThrowAnyException();
    }

    /** Auditor 27 F4: whoever invalidated a round as a laboratory error does not record the retest replacing it. */
    @Test
    void theInvalidatorOfARoundMayNotRecordItsRetest() {
        java.time.Instant t = java.time.Instant.parse("2025-01-28T09:00:00Z");
        OosInvestigation round1 = new OosInvestigation(7L, 1, "viscosity = 232", "sarah", t);
        assertThatCode(() -> FourEyes.requireNotInvalidatorOfReplaced("jennifer", round1, "L1"))
                .as("not concluded yet: no retest is allowed anyway, and this rule says nothing")
                .doesNotThrowAnyException();
        round1.concludeLaboratoryPhase(OosInvestigation.LabConclusion.LAB_ERROR, "wrong drum", "jennifer", t,
                "findings");
        FourEyesViolation refused = catchThrowableOfType(FourEyesViolation.class,
                () -> FourEyes.requireNotInvalidatorOfReplaced("jennifer", round1, "IL250-2025-002"));
        assertThat(refused).isNotNull();
        assertThat(RefusalStatus.of(refused)).isEqualTo(403);
        assertThat(refused.getMessage()).startsWith("Four-eyes principle: you invalidated the out-of-specification"
                + " result of test round 1 of lot IL250-2025-002 as a laboratory error and may not also record the"
                + " retest that replaces it");
        assertThat(refused.properties()).containsEntry("labConcludedBy", "jennifer").containsEntry("retestRound", 2);
        assertThatCode(() -> FourEyes.requireNotInvalidatorOfReplaced("sarah", round1, "L1"))
                .as("the analyst of round 1 may (FDA recommends another analyst; the approver is told)")
                .doesNotThrowAnyException();
        assertThatCode(() -> FourEyes.requireNotInvalidatorOfReplaced("jennifer", null, "L1"))
                .doesNotThrowAnyException();
    }

    @Test
    void anotherPersonMaySign() {
        assertThatCode(() -> FourEyes.requireSecondPerson("jennifer", "sarah", "L1")).doesNotThrowAnyException();
        assertThat(FourEyes.isSecondPerson("jennifer", "sarah")).isTrue();
    }

    @Test
    void anUnknownSignerIsNoSecondPerson() {
        assertThat(FourEyes.isSecondPerson(null, "sarah")).isFalse();
        assertThat(FourEyes.isSecondPerson("sarah", "sarah")).isFalse();
    }
}
