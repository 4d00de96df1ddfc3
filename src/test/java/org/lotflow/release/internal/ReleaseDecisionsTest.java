package org.lotflow.release.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lotflow.history.LotEventTypes;
import org.lotflow.history.LotHistory;
import org.lotflow.release.LabVerdict;

/**
 * What the records allow the outcome steps to do, without Spring: the last signed decision, the signed
 * decision of an out-of-specification investigation, and four eyes.
 */
class ReleaseDecisionsTest {

    static final LabVerdict PASSED = LabVerdict.of("sarah",
            List.of(new LabVerdict.TestVerdict("viscosity", java.math.BigDecimal.TEN, "cSt", null, null, true)));
    static final LabVerdict FAILED = LabVerdict.of("sarah",
            List.of(new LabVerdict.TestVerdict("viscosity", null, "cSt", null, null, false)));

    static LotHistory.Entry entry(String type, String user, String signedBy) {
        Map<String, Object> detail = signedBy == null ? Map.of() : Map.of("signature", Map.of("userId", signedBy));
        return new LotHistory.Entry(Instant.EPOCH, type, user, user, null, null, null, detail);
    }

    @Test
    void theLastSignedDecisionCounts() {
        ReleaseDecisions.Decision last = ReleaseDecisions.last(List.of(
                entry(LotEventTypes.RELEASE_APPROVED, "jennifer", "jennifer"),
                entry(LotEventTypes.STATUS_CHANGED, "mike", null),
                entry(LotEventTypes.RELEASE_REFUSED, "demo", "demo")));
        assertThat(last).isEqualTo(new ReleaseDecisions.Decision(false, "demo"));
        assertThat(ReleaseDecisions.last(List.of(entry(LotEventTypes.CREATED, "mike", null)))).isNull();
    }

    @Test
    void aDecisionWhoseSignatureIsNotItsUsersHasNoSigner() {
        assertThat(ReleaseDecisions.last(List.of(entry(LotEventTypes.RELEASE_APPROVED, "jennifer", "sarah"))).signer())
                .isNull();
        assertThat(ReleaseDecisions.last(List.of(entry(LotEventTypes.RELEASE_APPROVED, "jennifer", null))).signer())
                .isNull();
    }

    static final ReleaseDecisions.OosDecided OOS_RELEASE = new ReleaseDecisions.OosDecided(true, "jennifer");
    static final ReleaseDecisions.OosDecided OOS_REJECT = new ReleaseDecisions.OosDecided(false, "jennifer");

    @Test
    void releaseNeedsAPassingVerdictAndASecondPersonsApproval() {
        assertThat(ReleaseDecisions.approverForRelease(PASSED, new ReleaseDecisions.Decision(true, "jennifer"), null))
                .isEqualTo("jennifer");
        assertNotAllowed(() -> ReleaseDecisions.approverForRelease(null, new ReleaseDecisions.Decision(true, "j"), null),
                "not recorded");
        assertNotAllowed(() -> ReleaseDecisions.approverForRelease(FAILED, new ReleaseDecisions.Decision(true, "j"),
                null), "out of specification");
        assertNotAllowed(() -> ReleaseDecisions.approverForRelease(PASSED, null, null), "no release decision");
        assertNotAllowed(() -> ReleaseDecisions.approverForRelease(PASSED, new ReleaseDecisions.Decision(false, "j"),
                null), "refused");
        assertNotAllowed(() -> ReleaseDecisions.approverForRelease(PASSED, new ReleaseDecisions.Decision(true, "sarah"),
                null), "second person");
        assertNotAllowed(() -> ReleaseDecisions.approverForRelease(PASSED, new ReleaseDecisions.Decision(true, null),
                null), "second person");
    }

    @Test
    void anOutOfSpecificationLotIsReleasedOnlyByTheSignedReleaseOfItsInvestigation() {
        assertThat(ReleaseDecisions.approverForRelease(FAILED, null, OOS_RELEASE)).isEqualTo("jennifer");
        // an approval from approveRelease does not release an out-of-specification lot
        assertNotAllowed(() -> ReleaseDecisions.approverForRelease(FAILED, new ReleaseDecisions.Decision(true, "j"),
                OOS_REJECT), "out of specification");
        assertNotAllowed(() -> ReleaseDecisions.approverForRelease(FAILED, null,
                new ReleaseDecisions.OosDecided(true, "sarah")), "second person");
        assertNotAllowed(() -> ReleaseDecisions.approverForRelease(FAILED, null,
                new ReleaseDecisions.OosDecided(true, null)), "second person");
    }

    @Test
    void anOutOfSpecificationResultAloneNeverRejects() {
        assertNotAllowed(() -> ReleaseDecisions.rejection(FAILED, null, null), "only by a QA manager's signed decision");
        assertNotAllowed(() -> ReleaseDecisions.rejection(FAILED, new ReleaseDecisions.Decision(false, "jennifer"),
                OOS_RELEASE), "only by a QA manager's signed decision");
        assertThat(ReleaseDecisions.rejection(FAILED, null, OOS_REJECT))
                .isEqualTo(new ReleaseDecisions.Rejection(true, "jennifer"));
        assertNotAllowed(() -> ReleaseDecisions.rejection(FAILED, null, new ReleaseDecisions.OosDecided(false, "sarah")),
                "second person");
    }

    @Test
    void rejectionOfAPassingLotNeedsASignedRefusal() {
        assertThat(ReleaseDecisions.rejection(PASSED, new ReleaseDecisions.Decision(false, "jennifer"), null))
                .isEqualTo(new ReleaseDecisions.Rejection(false, "jennifer"));
        assertNotAllowed(() -> ReleaseDecisions.rejection(null, null, null), "not recorded");
        assertNotAllowed(() -> ReleaseDecisions.rejection(PASSED, null, OOS_REJECT), "no release refusal");
        assertNotAllowed(() -> ReleaseDecisions.rejection(PASSED, new ReleaseDecisions.Decision(true, "j"), null),
                "no release refusal");
        assertNotAllowed(() -> ReleaseDecisions.rejection(PASSED, new ReleaseDecisions.Decision(false, null), null),
                "not signed");
    }

    private static void assertNotAllowed(Runnable check, String why) {
        assertThatThrownBy(check::run).isInstanceOf(ReleaseDecisions.NotAllowed.class).hasMessageContaining(why);
    }
}
