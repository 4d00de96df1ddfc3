package org.lotflow.quarantine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The status decision target and the quarantine's text fields; without Spring. */
class DecisionDeadlineTest {

    @Test
    void aDecisionIsDueAWeekAfterTheHoldByDefault() {
        DecisionDeadline deadline = new DecisionDeadline(Duration.parse("P7D"));
        assertThat(deadline.dueAt(Instant.parse("2025-01-28T16:30:00Z")))
                .isEqualTo(Instant.parse("2025-02-04T16:30:00Z"));
        assertThat(deadline.decisionDue()).isEqualTo(Duration.ofDays(7));
    }

    @Test
    void theTargetMustBePositive() {
        assertThatThrownBy(() -> new DecisionDeadline(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lotflow.quarantine.decision-due");
        assertThatThrownBy(() -> new DecisionDeadline(Duration.ofHours(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void textsAreTrimmedBlankIsAbsentAndNothingIsCut() {
        assertThat(FieldText.of("rootCause", "  storage  ", false, 10)).isEqualTo("storage");
        assertThat(FieldText.of("rootCause", "   ", false, 10)).isNull();
        assertThatThrownBy(() -> FieldText.of("findings", null, true, 10))
                .isInstanceOf(org.lotflow.shared.InvalidInput.class).hasMessageContaining("must not be empty");
        assertThatThrownBy(() -> FieldText.of("findings", "x".repeat(11), true, 10))
                .hasMessageContaining("at most 10 characters");
    }
}
