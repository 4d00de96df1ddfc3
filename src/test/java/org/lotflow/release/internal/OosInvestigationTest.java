package org.lotflow.release.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.lotflow.release.internal.OosInvestigation.Decision;
import org.lotflow.release.internal.OosInvestigation.LabConclusion;
import org.lotflow.release.internal.OosInvestigation.Stage;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.StateConflict;

/** The phases of an OOS investigation, in order and once each, without Spring (FDA OOS guidance). */
class OosInvestigationTest {

    static final Instant T = Instant.parse("2025-01-28T10:00:00Z");

    static OosInvestigation opened() {
        return new OosInvestigation(7L, 1, "viscosity = 232", "sarah", T);
    }

    @Test
    void aLaboratoryErrorInvalidatesTheRoundAndAllowsARetestOnly() {
        OosInvestigation oos = opened();
        assertThat(oos.stage()).isEqualTo(Stage.LABORATORY);
        assertThat(oos.allowsRetest()).isFalse();
        oos.concludeLaboratoryPhase(LabConclusion.LAB_ERROR, "  pipette out of calibration  ", "jennifer", T, "findings");
        assertThat(oos.stage()).isEqualTo(Stage.INVALIDATED);
        assertThat(oos.allowsRetest()).isTrue();
        assertThat(oos.getLabFindings()).isEqualTo("pipette out of calibration");
        assertThatThrownBy(() -> oos.concludeProductionPhase("x", "jennifer", T, "findings"))
                .isInstanceOf(StateConflict.class).hasMessageContaining("invalidated");
        assertThatThrownBy(() -> oos.decide(Decision.REJECT, "x", "jennifer", T, "comment"))
                .isInstanceOf(StateConflict.class);
    }

    @Test
    void aConfirmedResultGoesThroughProductionToTheDecision() {
        OosInvestigation oos = opened();
        assertThatThrownBy(() -> oos.decide(Decision.REJECT, "x", "jennifer", T, "comment"))
                .isInstanceOf(StateConflict.class).hasMessageContaining("laboratory");
        oos.concludeLaboratoryPhase(LabConclusion.CONFIRMED, "calculation and instrument checked", "jennifer", T,
                "findings");
        assertThat(oos.stage()).isEqualTo(Stage.PRODUCTION);
        assertThat(oos.allowsRetest()).isFalse();
        assertThatThrownBy(() -> oos.concludeLaboratoryPhase(LabConclusion.LAB_ERROR, "again", "demo", T, "findings"))
                .isInstanceOf(StateConflict.class).hasMessageContaining("phase I");
        oos.concludeProductionPhase("base oil lot out of tolerance", "sarah", T, "findings");
        assertThat(oos.stage()).isEqualTo(Stage.DECISION);
        oos.decide(Decision.REJECT, "confirmed, root cause found", "jennifer", T, "comment");
        assertThat(oos.stage()).isEqualTo(Stage.DECIDED);
        assertThat(oos.allowsRetest()).isFalse();
        assertThat(oos.getDecidedBy()).isEqualTo("jennifer");
        assertThatThrownBy(() -> oos.decide(Decision.RELEASE, "changed my mind", "demo", T, "comment"))
                .isInstanceOf(StateConflict.class);
        assertThat(oos.getDecision()).isEqualTo(Decision.REJECT);
    }

    @Test
    void findingsAreRequiredAndNeverCut() {
        OosInvestigation oos = opened();
        assertThatThrownBy(() -> oos.concludeLaboratoryPhase(LabConclusion.CONFIRMED, " ", "jennifer", T, "findings"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("findings");
        assertThatThrownBy(() -> oos.concludeLaboratoryPhase(LabConclusion.CONFIRMED, "x".repeat(4001), "jennifer", T,
                "findings")).isInstanceOf(InvalidInput.class).hasMessageContaining("4000");
        assertThat(oos.stage()).isEqualTo(Stage.LABORATORY);
    }
}
