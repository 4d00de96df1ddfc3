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

/** What the records allow the outcome steps to do, without Spring: the last signed decision and four eyes. */
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

    @Test
    void releaseNeedsAPassingVerdictAndASecondPersonsApproval() {
        assertThat(ReleaseDecisions.approverForRelease(PASSED, new ReleaseDecisions.Decision(true, "jennifer")))
                .isEqualTo("jennifer");
        assertNotAllowed(() -> ReleaseDecisions.approverForRelease(null, new ReleaseDecisions.Decision(true, "j")),
                "not recorded");
        assertNotAllowed(() -> ReleaseDecisions.approverForRelease(FAILED, new ReleaseDecisions.Decision(true, "j")),
                "out of specification");
        assertNotAllowed(() -> ReleaseDecisions.approverForRelease(PASSED, null), "no release decision");
        assertNotAllowed(() -> ReleaseDecisions.approverForRelease(PASSED, new ReleaseDecisions.Decision(false, "j")),
                "refused");
        assertNotAllowed(() -> ReleaseDecisions.approverForRelease(PASSED, new ReleaseDecisions.Decision(true, "sarah")),
                "second person");
        assertNotAllowed(() -> ReleaseDecisions.approverForRelease(PASSED, new ReleaseDecisions.Decision(true, null)),
                "second person");
    }

    @Test
    void rejectionNeedsAFailingVerdictOrASignedRefusal() {
        assertThat(ReleaseDecisions.rejection(FAILED, null)).isEqualTo(new ReleaseDecisions.Rejection(true, "sarah"));
        assertThat(ReleaseDecisions.rejection(PASSED, new ReleaseDecisions.Decision(false, "jennifer")))
                .isEqualTo(new ReleaseDecisions.Rejection(false, "jennifer"));
        assertNotAllowed(() -> ReleaseDecisions.rejection(null, null), "not recorded");
        assertNotAllowed(() -> ReleaseDecisions.rejection(PASSED, null), "no release refusal");
        assertNotAllowed(() -> ReleaseDecisions.rejection(PASSED, new ReleaseDecisions.Decision(true, "j")),
                "no release refusal");
        assertNotAllowed(() -> ReleaseDecisions.rejection(PASSED, new ReleaseDecisions.Decision(false, null)),
                "not signed");
    }

    private static void assertNotAllowed(Runnable check, String why) {
        assertThatThrownBy(check::run).isInstanceOf(ReleaseDecisions.NotAllowed.class).hasMessageContaining(why);
    }
}
