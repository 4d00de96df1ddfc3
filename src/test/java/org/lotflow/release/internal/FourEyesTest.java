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
