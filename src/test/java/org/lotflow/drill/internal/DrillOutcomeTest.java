package org.lotflow.drill.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.lotflow.drill.DrillStatus;

/** How a drill ends: within its target time, trace complete and reconciled, or FAILED with every reason. */
class DrillOutcomeTest {

    static final Instant START = Instant.parse("2025-01-28T09:00:00Z");

    @Test
    void closedInTimeCompleteAndReconciledPasses() {
        DrillOutcome.Result r = DrillOutcome.closed(START, START.plus(Duration.ofMinutes(240)), 240, true, 0);
        assertThat(r.status()).isEqualTo(DrillStatus.PASSED);
        assertThat(r.reason()).isNull();
    }

    @Test
    void everyReasonToFailIsListed() {
        DrillOutcome.Result late = DrillOutcome.closed(START, START.plusSeconds(240 * 60 + 1), 240, true, 0);
        assertThat(late.status()).isEqualTo(DrillStatus.FAILED);
        assertThat(late.reason()).isEqualTo("closed after 241 minutes, beyond the target of 240 minutes");
        DrillOutcome.Result all = DrillOutcome.closed(START, START.plus(Duration.ofHours(5)), 240, false, 2);
        assertThat(all.reason()).contains("300 minutes").contains("could not confirm the trace complete")
                .contains("2 lots of the scope do not reconcile");
        assertThat(DrillOutcome.closed(START, START.plusSeconds(60), 240, true, 1).reason())
                .isEqualTo("1 lot of the scope does not reconcile (mass balance)");
    }

    @Test
    void theTimerFailsItWithTheTarget() {
        assertThat(DrillOutcome.timedOut(90)).isEqualTo(new DrillOutcome.Result(DrillStatus.FAILED,
                "the target time of 90 minutes passed before the drill was closed"));
    }

    @Test
    void elapsedMinutesCountABegunMinute() {
        assertThat(DrillOutcome.elapsedMinutes(START, START)).isZero();
        assertThat(DrillOutcome.elapsedMinutes(START, START.plusSeconds(1))).isEqualTo(1);
        assertThat(DrillOutcome.elapsedMinutes(START, START.plusSeconds(120))).isEqualTo(2);
    }

    @Test
    void theTargetIsWholeMinutes() {
        assertThat(DrillStarting.targetMinutes(Duration.parse("PT4H"))).isEqualTo(240);
        assertThat(DrillStarting.targetMinutes(Duration.parse("PT90M"))).isEqualTo(90);
        assertThatThrownBy(() -> DrillStarting.targetMinutes(Duration.parse("PT30S")))
                .hasMessageContaining("lotflow.drill.target");
        assertThatThrownBy(() -> DrillStarting.targetMinutes(Duration.ZERO)).hasMessageContaining("positive");
    }

    @Test
    void drillNumbersArePerYearWithFourDigits() {
        assertThat(new DrillNumber(2025, 1)).hasToString("MR-2025-0001");
        assertThat(new DrillNumber(2025, 12345)).hasToString("MR-2025-12345");
        assertThat(DrillNumber.parse("MR-2025-0042")).isEqualTo(new DrillNumber(2025, 42));
        assertThat(DrillNumber.isWellFormed("RC-2025-001")).isFalse();
        assertThat(DrillNumber.parse("MR-2025-0000")).isNull();
    }
}
