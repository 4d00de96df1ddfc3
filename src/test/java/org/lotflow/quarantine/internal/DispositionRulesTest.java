package org.lotflow.quarantine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lotflow.release.LabVerdict;
import org.lotflow.shared.FourEyesViolation;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.RefusalStatus;
import org.lotflow.shared.StateConflict;

/** Who may sign which disposition, and what a signed disposition says; without Spring. */
class DispositionRulesTest {

    static final Instant T0 = Instant.parse("2025-01-28T16:30:00Z");

    static Hold held() {
        return new Hold(7L, HoldSource.COMPLAINT, "Viscosity 5% below specification", null, "jennifer", T0,
                T0.plusSeconds(7 * 86_400));
    }

    static Hold investigatedBy(String user) {
        Hold hold = held();
        hold.investigated("Retained sample 249 cSt", null, null, user, T0.plusSeconds(3600));
        return hold;
    }

    @Test
    void onlyQaManagersSign() {
        assertThat(DispositionRules.SIGNING_GROUP).isEqualTo("qa-manager");
    }

    @Test
    void aValidDispositionIsTrimmedAndKeepsItsPassword() {
        DispositionRules.Decision d = DispositionRules.validate(new DispositionInput(" RELEASE ", "  ok  ", "pw",
                null), true);
        assertThat(d.decision()).isEqualTo(Disposition.RELEASE);
        assertThat(d.justification()).isEqualTo("ok");
        assertThat(d.password()).isEqualTo("pw");
        assertThat(d.classification()).isNull();
        assertThat(d.toString()).doesNotContain("pw");
    }

    @Test
    void theFieldsAreCheckedInOrderWithTheirNames() {
        assertThat(field(null, true)).isEqualTo("body");
        assertThat(field(new DispositionInput(null, "ok", "pw", null), true)).isEqualTo("decision");
        assertThat(field(new DispositionInput("APPROVE", "ok", "pw", null), true)).isEqualTo("decision");
        assertThat(field(new DispositionInput("RELEASE", " ", "pw", null), true)).isEqualTo("justification");
        assertThat(field(new DispositionInput("RELEASE", "x".repeat(2001), "pw", null), true))
                .isEqualTo("justification");
        assertThat(field(new DispositionInput("RELEASE", "ok", "", null), true)).isEqualTo("password");
        assertThat(field(new DispositionInput("RECALL", "ok", "pw", "CLASS_IV"), true)).isEqualTo("classification");
        assertThat(field(new DispositionInput("RELEASE", "ok", "pw", "CLASS_IV"), true))
                .as("an invalid classification is refused whatever the decision").isEqualTo("classification");
    }

    @Test
    void inTasklistThePasswordComesWithTheRequest() {
        assertThatCode(() -> DispositionRules.validate(new DispositionInput("REJECT", "ok", null, null), false))
                .doesNotThrowAnyException();
    }

    @Test
    void onlyARecallHasAClassificationClassTwoUnlessGiven() {
        assertThat(DispositionRules.validate(new DispositionInput("RECALL", "ok", "pw", null), true)
                .classification()).isEqualTo("CLASS_II");
        assertThat(DispositionRules.validate(new DispositionInput("RECALL", "ok", "pw", " CLASS_I "), true)
                .classification()).isEqualTo("CLASS_I");
        assertThat(field(new DispositionInput("REJECT", "ok", "pw", "CLASS_I"), true))
                .as("through the API a classification with another decision is refused, never dropped")
                .isEqualTo("classification");
        assertThat(field(new DispositionInput("RELEASE", "ok", "pw", "CLASS_III"), true)).isEqualTo("classification");
        // sent empty or blank through the API: refused, not signed as the default class (auditor 2026-12-07 F1)
        assertThat(field(new DispositionInput("RECALL", "ok", "pw", " "), true)).isEqualTo("classification");
        assertThat(field(new DispositionInput("RECALL", "ok", "pw", ""), true)).isEqualTo("classification");
        assertThat(field(new DispositionInput("REJECT", "ok", "pw", " "), true)).isEqualTo("classification");
        // Tasklist's form keeps a class chosen before the decision changed: it is left out there
        assertThat(DispositionRules.validate(new DispositionInput("REJECT", "ok", null, "CLASS_I"), false)
                .classification()).isNull();
    }

    @Test
    void inTasklistARecallsClassIsChosenNeverDefaulted() {
        assertThatThrownBy(() -> DispositionRules.validate(new DispositionInput("RECALL", "ok", null, null), false))
                .isInstanceOf(org.lotflow.shared.InvalidInput.class).hasMessageContaining("classification")
                .hasMessageContaining("required for a RECALL");
        assertThat(DispositionRules.validate(new DispositionInput("RECALL", "ok", null, "CLASS_III"), false)
                .classification()).isEqualTo("CLASS_III");
        assertThat(DispositionRules.validate(new DispositionInput("REJECT", "ok", null, null), false)
                .classification()).isNull();
    }

    @Test
    void theSignatureMeansTheDecision() {
        assertThat(DispositionRules.meaning(Disposition.RECALL)).isEqualTo("quarantine disposition: RECALL");
    }

    @Test
    void aDispositionIsSignedOnceAndAfterTheInvestigation() {
        StateConflict early = catchThrowableOfType(() -> DispositionRules.requireSignable(held(), "L-1"),
                StateConflict.class);
        assertThat(early.getMessage()).contains("investigation of lot L-1 is not recorded");
        assertThat(RefusalStatus.of(early)).isEqualTo(409);

        Hold decided = investigatedBy("sarah");
        assertThatCode(() -> DispositionRules.requireSignable(decided, "L-1")).doesNotThrowAnyException();
        decided.decide(Disposition.REJECT, "bad", null, "jennifer", T0.plusSeconds(7200));
        assertThatThrownBy(() -> DispositionRules.requireSignable(decided, "L-1")).isInstanceOf(StateConflict.class)
                .hasMessageContaining("already decided");

        Hold closed = investigatedBy("sarah");
        closed.close(T0.plusSeconds(7200));
        assertThatThrownBy(() -> DispositionRules.requireSignable(closed, "L-1")).isInstanceOf(StateConflict.class);
    }

    @Test
    void theInvestigatorMayNotSignTheReleaseButMayRejectOrRecall() {
        Hold hold = investigatedBy("jennifer");
        FourEyesViolation refused = catchThrowableOfType(() -> DispositionRules.requireFourEyes(hold,
                Disposition.RELEASE, "jennifer", "L-1", "mike"), FourEyesViolation.class);
        assertThat(RefusalStatus.of(refused)).isEqualTo(403);
        assertThat(refused.getMessage()).startsWith("Four-eyes principle:").contains("investigated lot L-1");
        assertThat(refused.properties()).containsEntry("investigatedBy", "jennifer");
        assertThatCode(() -> DispositionRules.requireFourEyes(hold, Disposition.RELEASE, "michael", "L-1", "mike"))
                .doesNotThrowAnyException();
        assertThatCode(() -> DispositionRules.requireFourEyes(hold, Disposition.REJECT, "jennifer", "L-1", "jennifer"))
                .doesNotThrowAnyException();
        assertThatCode(() -> DispositionRules.requireFourEyes(hold, Disposition.RECALL, "jennifer", "L-1", "jennifer"))
                .doesNotThrowAnyException();
        // nor the lot's creator (re-test 2026-12-06 Y1); a REJECT or RECALL stays open to them
        FourEyesViolation maker = catchThrowableOfType(() -> DispositionRules.requireFourEyes(hold,
                Disposition.RELEASE, "pete", "L-1", "pete"), FourEyesViolation.class);
        assertThat(maker.getMessage()).contains("created lot L-1");
        assertThat(maker.properties()).containsEntry("createdBy", "pete");
    }

    @Test
    void anOutcomeActsOnlyOnItsOwnSignedDisposition() {
        Hold hold = investigatedBy("sarah");
        assertThatThrownBy(() -> DispositionRules.requireSigned(hold, Disposition.RELEASE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("Refused to carry out RELEASE")
                .hasMessageContaining("missing");
        hold.decide(Disposition.REJECT, "bad", null, "jennifer", T0.plusSeconds(7200));
        assertThatThrownBy(() -> DispositionRules.requireSigned(hold, Disposition.RELEASE))
                .hasMessageContaining("its signed disposition is REJECT");
        assertThatCode(() -> DispositionRules.requireSigned(hold, Disposition.REJECT)).doesNotThrowAnyException();
    }

    @Test
    void aRecallHandsOverItsClassificationOrClassTwo() {
        Hold hold = investigatedBy("sarah");
        hold.decide(Disposition.RECALL, "contaminated", null, "jennifer", T0);
        assertThat(DispositionRules.recallClassification(hold)).isEqualTo("CLASS_II");
        hold.decide(Disposition.RECALL, "contaminated", "CLASS_I", "jennifer", T0);
        assertThat(DispositionRules.recallClassification(hold)).isEqualTo("CLASS_I");
    }

    private static String field(DispositionInput in, boolean passwordInBody) {
        InvalidInput refused = catchThrowableOfType(() -> DispositionRules.validate(in, passwordInBody),
                InvalidInput.class);
        assertThat(refused).as("refused: " + in).isNotNull();
        assertThat(RefusalStatus.of(refused)).isEqualTo(400);
        return refused.field();
    }

    /** Auditor 2026-12-05 F15: a lot never released is released by its disposition only on valid passing results. */
    @Test
    void aLotNeverReleasedNeedsValidPassingLabResultsToBeReleasedByItsDisposition() {
        BigDecimal v = new BigDecimal("250");
        LabVerdict passed = LabVerdict.of("sarah", List.of(
                new LabVerdict.TestVerdict("viscosity", v, "cSt", new BigDecimal("245"),
                        new BigDecimal("255"), true)));
        LabVerdict failed = LabVerdict.of("sarah", List.of(
                new LabVerdict.TestVerdict("viscosity", new BigDecimal("232"), "cSt",
                        new BigDecimal("245"), new BigDecimal("255"), false)));
        assertThatThrownBy(() -> DispositionRules.requireTestedBeforeFirstRelease(Disposition.RELEASE, false, null,
                "jennifer", "UN-1")).hasMessageContaining("never released and has no valid lab"
                        + " results");
        assertThatThrownBy(() -> DispositionRules.requireTestedBeforeFirstRelease(Disposition.RELEASE, false, failed,
                "jennifer", "UN-1")).hasMessageContaining("out of specification");
        DispositionRules.requireTestedBeforeFirstRelease(Disposition.RELEASE, false, passed, "jennifer", "UN-1");
        DispositionRules.requireTestedBeforeFirstRelease(Disposition.RELEASE, true, null, "jennifer", "L-1"); // released before
        DispositionRules.requireTestedBeforeFirstRelease(Disposition.REJECT, false, null, "jennifer", "UN-1");
        DispositionRules.requireTestedBeforeFirstRelease(Disposition.RECALL, false, failed, "jennifer", "UN-1");
        // four eyes: the analyst of the results does not sign the release they support (re-test N1)
        assertThatThrownBy(() -> DispositionRules.requireTestedBeforeFirstRelease(Disposition.RELEASE, false, passed,
                "sarah", "UN-1")).isInstanceOf(FourEyesViolation.class).hasMessageContaining("recorded the lab results");
    }

    /**
     * Auditor 2026-12-05 A6: a RELEASE of a held lot recalled meanwhile is refused before it is signed. A lot the expiry
     * run made EXPIRED while held (before audit 26 F3) may be released: the hold closes, the lot stays EXPIRED.
     */
    @Test
    void aLotRecalledWhileHeldIsNotReleasedByItsDispositionAnExpiredOneMayBe() {
        org.lotflow.lot.LotStatus gone = org.lotflow.lot.LotStatus.RECALLED;
        assertThatThrownBy(() -> DispositionRules.requireReleasable(Disposition.RELEASE, gone, "IL250-2025-001"))
                .isInstanceOf(StateConflict.class).hasMessage("Lot IL250-2025-001 is " + gone + " now and can no"
                        + " longer be released; nothing was signed. Decide REJECT or RECALL to close its hold (the"
                        + " lot stays " + gone + ")");
        for (org.lotflow.lot.LotStatus status : List.of(gone, org.lotflow.lot.LotStatus.EXPIRED)) {
            assertThatCode(() -> DispositionRules.requireReleasable(Disposition.REJECT, status, "L")).doesNotThrowAnyException();
            assertThatCode(() -> DispositionRules.requireReleasable(Disposition.RECALL, status, "L")).doesNotThrowAnyException();
        }
        for (org.lotflow.lot.LotStatus held : List.of(org.lotflow.lot.LotStatus.QUARANTINE,
                org.lotflow.lot.LotStatus.EXPIRED)) {
            assertThatCode(() -> DispositionRules.requireReleasable(Disposition.RELEASE, held, "L"))
                    .doesNotThrowAnyException();
        }
    }
}
