package org.lotflow.certificate.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lotflow.certificate.CertificateView;
import org.lotflow.history.LotHistory;
import org.lotflow.lot.LotStatus;
import org.lotflow.release.LabVerdict;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.StateConflict;

/** Whose signatures a certificate carries, when it is handed out, without Spring. */
class CertificateRulesTest {

    static final ZoneId UTC = ZoneId.of("UTC");
    static final Instant RECORDED = Instant.parse("2025-01-28T10:02:03Z");
    static final Instant APPROVED = Instant.parse("2025-01-28T13:30:05Z");

    static final LabVerdict VERDICT = LabVerdict.of(1, "sarah", List.of(
            // values as the lab results give them: as written (LabResult, Decimals.asWritten)
            new LabVerdict.TestVerdict("viscosity40C", new BigDecimal("248"), "cSt", new BigDecimal("245"),
                    new BigDecimal("255"), true),
            new LabVerdict.TestVerdict("flashPoint", new BigDecimal("218.5"), "°C", new BigDecimal("220"), null, false)));

    static LotHistory.Entry entry(Instant at, String type, String user, String name, String newStatus,
            Map<String, Object> detail) {
        return new LotHistory.Entry(at, type, user, name, null, newStatus, null, detail);
    }

    static Map<String, Object> signature(String user, String name, Instant at, String meaning) {
        return Map.of("signature", Map.of("userId", user, "fullName", name, "at", at.toString(), "meaning", meaning));
    }

    static List<LotHistory.Entry> labRelease() {
        List<LotHistory.Entry> h = new ArrayList<>();
        h.add(entry(RECORDED.minusSeconds(3600), "CREATED", "mike", "Mike Rodriguez", "PENDING", Map.of()));
        h.add(entry(RECORDED, "LAB_RESULTS_RECORDED", "sarah", "Sarah Johnson", null, Map.of("round", 1)));
        h.add(entry(APPROVED, "RELEASE_APPROVED", "jennifer", "Jennifer Lee", null,
                signature("jennifer", "Jennifer Lee", APPROVED, "release approval")));
        h.add(entry(APPROVED.plusSeconds(2), "STATUS_CHANGED", "jennifer", "Jennifer Lee", "RELEASED", Map.of()));
        return h;
    }

    @Test
    void theAnalystIsWhoRecordedTheVerdictsRoundAsTheHistorySaysAndTheApproverIsTheReleasingSignature() {
        List<LotHistory.Entry> h = labRelease();
        CertificateView.Signature analyst = CertificateRules.analyst(VERDICT, h, UTC);
        assertThat(analyst).isEqualTo(new CertificateView.Signature("ANALYST", "sarah", "Sarah Johnson", RECORDED,
                "2025-01-28 10:02 UTC", "lab results recorded (test round 1)"));
        int release = CertificateRules.releaseIndex(h);
        assertThat(release).isEqualTo(3);
        CertificateView.Signature approver = CertificateRules.approver(h, release, "jennifer", UTC);
        assertThat(approver).isEqualTo(new CertificateView.Signature("APPROVER", "jennifer", "Jennifer Lee", APPROVED,
                "2025-01-28 13:30 UTC", "release approval"));
    }

    @Test
    void timesAreShownInThePlantsZoneWithItsName() {
        assertThat(CertificateRules.signedAtText(APPROVED, ZoneId.of("Europe/Berlin")))
                .isEqualTo("2025-01-28 14:30 Europe/Berlin");
        assertThat(CertificateRules.signedAtText(Instant.parse("2025-07-01T12:00:00Z"), ZoneId.of("America/Chicago")))
                .isEqualTo("2025-07-01 07:00 America/Chicago");
    }

    @Test
    void aRetestIsCertifiedWithItsOwnRoundAndAnalyst() {
        List<LotHistory.Entry> h = labRelease();
        Instant retest = RECORDED.plusSeconds(600);
        h.add(2, entry(retest, "LAB_RESULTS_RECORDED", "tina", "Tina Park", null, Map.of("round", 2)));
        LabVerdict round2 = LabVerdict.of(2, "tina", VERDICT.results());
        CertificateView.Signature analyst = CertificateRules.analyst(round2, h, UTC);
        assertThat(analyst.userId()).isEqualTo("tina");
        assertThat(analyst.signedAt()).isEqualTo(retest);
        assertThat(analyst.meaning()).isEqualTo("lab results recorded (test round 2)");
    }

    @Test
    void theApproverIsTheReleasersLatestSignatureBeforeTheReleaseNotAnotherPersonsOrALaterOne() {
        List<LotHistory.Entry> h = labRelease();
        // a hold, a disposition signed by jennifer, the second release; then someone else signs something
        Instant disposition = APPROVED.plusSeconds(86_400);
        h.add(entry(disposition.minusSeconds(60), "DISPOSITION_SIGNED", "demo", "Demo Admin", null,
                signature("demo", "Demo Admin", disposition.minusSeconds(60), "quarantine disposition: RELEASE")));
        h.add(entry(disposition, "DISPOSITION_SIGNED", "jennifer", "Jennifer Lee", null,
                signature("jennifer", "Jennifer Lee", disposition, "quarantine disposition: RELEASE")));
        h.add(entry(disposition.plusSeconds(1), "STATUS_CHANGED", "jennifer", "Jennifer Lee", "RELEASED", Map.of()));
        h.add(entry(disposition.plusSeconds(9), "OTHER_SIGNED", "jennifer", "Jennifer Lee", null,
                signature("jennifer", "Jennifer Lee", disposition.plusSeconds(9), "something later")));
        int release = CertificateRules.releaseIndex(h);
        assertThat(release).isEqualTo(6);
        CertificateView.Signature approver = CertificateRules.approver(h, release, "jennifer", UTC);
        assertThat(approver.meaning()).isEqualTo("quarantine disposition: RELEASE");
        assertThat(approver.signedAt()).isEqualTo(disposition);
    }

    @Test
    void withoutLabResultsOrSignaturesNoCertificateIsIssued() {
        List<LotHistory.Entry> h = labRelease();
        assertThatThrownBy(() -> CertificateRules.analyst(null, h, UTC))
                .isInstanceOf(CertificateRules.NotIssuable.class).hasMessageContaining("no lab results");
        LabVerdict byOther = LabVerdict.of(1, "tina", VERDICT.results());
        assertThatThrownBy(() -> CertificateRules.analyst(byOther, h, UTC))
                .isInstanceOf(CertificateRules.NotIssuable.class).hasMessageContaining("test round 1 by tina");
        assertThatThrownBy(() -> CertificateRules.approver(h, 3, "demo", UTC))
                .isInstanceOf(CertificateRules.NotIssuable.class).hasMessageContaining("demo");
        // a signature made after the release does not count
        assertThatThrownBy(() -> CertificateRules.approver(h, 2, "jennifer", UTC))
                .isInstanceOf(CertificateRules.NotIssuable.class);
        assertThat(CertificateRules.releaseIndex(h.subList(0, 3))).isEqualTo(-1);
    }

    @Test
    void resultLinesKeepEveryValueAndLimitExactlyAsWrittenWithoutExponents() {
        // 8.0 against 7.5 - 8.50 is printed so, never 8 (new user 2026-12-06 M3)
        CertificateView.Result written = CertificateRules.results(LabVerdict.of(1, "sarah", List.of(
                new LabVerdict.TestVerdict("baseNumber", new BigDecimal("8.0"), "mg KOH/g", new BigDecimal("7.5"),
                        new BigDecimal("8.50"), true)))).get(0);
        assertThat(written.value().toPlainString() + " " + written.min().toPlainString() + " "
                + written.max().toPlainString()).isEqualTo("8.0 7.5 8.50");
        assertThat(written.limits()).isEqualTo("7.5 – 8.50 mg KOH/g");
        assertThat(CertificateRules.results(LabVerdict.of(1, "sarah", List.of(new LabVerdict.TestVerdict("x",
                new BigDecimal("2.5E+2"), null, null, null, true)))).get(0).value().toString()).isEqualTo("250");
        List<CertificateView.Result> lines = CertificateRules.results(VERDICT);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).value().toPlainString()).isEqualTo("248");
        assertThat(lines.get(0).min().toPlainString()).isEqualTo("245");
        assertThat(lines.get(0).result()).isEqualTo("PASS");
        assertThat(lines.get(1).value().toPlainString()).isEqualTo("218.5");
        assertThat(lines.get(1).max()).isNull();
        assertThat(lines.get(1).limits()).isEqualTo("≥ 220 °C");
        assertThat(lines.get(1).result()).isEqualTo("FAIL");
        // a test recorded without limits was judged against nothing: REPORTED, not PASS (new user U17)
        assertThat(CertificateRules.results(LabVerdict.of(1, "sarah", List.of(new LabVerdict.TestVerdict(
                "appearance", new BigDecimal("0"), null, null, null, true)))).get(0).result()).isEqualTo("REPORTED");
        assertThat(CertificateRules.plain(new BigDecimal("250")).toString()).isEqualTo("250");
        assertThat(CertificateRules.plain(new BigDecimal("0.000001500")).toString()).isEqualTo("0.0000015");
        assertThat(CertificateRules.plain(new BigDecimal("1200.0000")).toString()).isEqualTo("1200");
    }

    @Test
    void theCurrentCertificateIsHandedOutOnlyWhileTheLotStandsBehindIt() {
        for (LotStatus fine : List.of(LotStatus.RELEASED, LotStatus.DEPLETED, LotStatus.EXPIRED, LotStatus.ARCHIVED)) {
            CertificateRules.requireHandOut("L-1", fine, "COA-2025-0001", null);
        }
        for (LotStatus held : List.of(LotStatus.QUARANTINE, LotStatus.REJECTED, LotStatus.RECALLED)) {
            assertThatThrownBy(() -> CertificateRules.requireHandOut("L-1", held, "COA-2025-0001", null))
                    .isInstanceOf(StateConflict.class).hasMessageContaining(held.name())
                    .hasMessageContaining("COA-2025-0001").hasMessageContaining("stays on record in the lot's list of certificates").hasMessageNotContaining("/coa/");
        }
        assertThatThrownBy(() -> CertificateRules.requireHandOut("L-1", LotStatus.PENDING, null, null))
                .isInstanceOf(StateConflict.class).hasMessageContaining("PENDING").hasMessageContaining("not finished");
        assertThatThrownBy(() -> CertificateRules.requireHandOut("L-1", LotStatus.REJECTED, null, null))
                .isInstanceOf(StateConflict.class).hasMessageContaining("never released");
        assertThatThrownBy(() -> CertificateRules.requireHandOut("L-1", LotStatus.RELEASED, null, "it has no lab results"))
                .isInstanceOf(StateConflict.class).hasMessageContaining("released without a certificate")
                .hasMessageContaining("it has no lab results");
    }

    @Test
    void theCustomerIsOptionalTrimmedAndOneLineOfAtMost200Characters() {
        assertThat(CertificateRules.customer(null)).isNull();
        assertThat(CertificateRules.customer("")).isNull();
        assertThatThrownBy(() -> CertificateRules.customer("   ")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("is only spaces"); // not "left out" (re-test 2026-12-07 G5)
        assertThat(CertificateRules.customer("  Acme Manufacturing ")).isEqualTo("Acme Manufacturing");
        assertThat(CertificateRules.customer("x".repeat(200))).hasSize(200);
        assertThatThrownBy(() -> CertificateRules.customer("x".repeat(201))).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("customer").hasMessageContaining("200");
        assertThatThrownBy(() -> CertificateRules.customer("Acme\u0000Inc")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("customer");
    }
}
