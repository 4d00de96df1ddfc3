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
    void theCurrentCertificateIsHandedOutOnlyWhileItIsNotWithdrawn() {
        for (LotStatus fine : List.of(LotStatus.RELEASED, LotStatus.DEPLETED, LotStatus.EXPIRED, LotStatus.ARCHIVED)) {
            CertificateRules.requireHandOut("L-1", fine, "COA-2025-0001", null, null);
        }
        for (LotStatus status : List.of(LotStatus.QUARANTINE, LotStatus.ARCHIVED, LotStatus.EXPIRED)) {
            assertThatThrownBy(() -> CertificateRules.requireHandOut("L-1", status, "COA-2025-0001", null,
                    "QA rejected the lot on 2025-01-28"))
                    .isInstanceOf(StateConflict.class).hasMessageContaining(status.name())
                    .hasMessageContaining("QA rejected the lot on 2025-01-28").hasMessageContaining("withdrawn")
                    .hasMessageContaining("no longer vouches for it")
                    .hasMessageContaining("COA-2025-0001").hasMessageContaining("stays on record in the lot's list of"
                            + " certificates").hasMessageNotContaining("/coa/");
        }
        assertThatThrownBy(() -> CertificateRules.requireHandOut("L-1", LotStatus.PENDING, null, null, null))
                .isInstanceOf(StateConflict.class).hasMessageContaining("PENDING").hasMessageContaining("not finished");
        assertThatThrownBy(() -> CertificateRules.requireHandOut("L-1", LotStatus.REJECTED, null, null, null))
                .isInstanceOf(StateConflict.class).hasMessageContaining("never released");
        assertThatThrownBy(() -> CertificateRules.requireHandOut("L-1", LotStatus.RELEASED, null,
                "it has no lab results", null))
                .isInstanceOf(StateConflict.class).hasMessageContaining("released without a certificate")
                .hasMessageContaining("it has no lab results");
    }

    static final Instant ISSUED = APPROVED.plusSeconds(3);
    static final Instant HELD = Instant.parse("2025-02-03T09:00:00Z");
    static final Instant LATER = Instant.parse("2025-03-10T09:00:00Z");

    /** A lab release that issued COA-2025-0001, then {@code more}. */
    static List<LotHistory.Entry> certified(LotHistory.Entry... more) {
        List<LotHistory.Entry> h = labRelease();
        h.add(entry(ISSUED, "CERTIFICATE_ISSUED", "jennifer", "Jennifer Lee", null,
                Map.of("coaNumber", "COA-2025-0001")));
        h.addAll(List.of(more));
        return h;
    }

    static LotHistory.Entry status(Instant at, LotStatus status) {
        return entry(at, "STATUS_CHANGED", "jennifer", "Jennifer Lee", status.name(), Map.of());
    }

    static LotHistory.Entry hold(Instant at) {
        return entry(at, "HOLD_PLACED", "sarah", "Sarah Johnson", null, Map.of("trigger", "COMPLAINT"));
    }

    static LotHistory.Entry disposition(Instant at, String decision) {
        return entry(at, "DISPOSITION_SIGNED", "jennifer", "Jennifer Lee", null, Map.of("decision", decision));
    }

    static String withdrawn(List<LotHistory.Entry> h, String coaNumber, LotStatus now) {
        return CertificateRules.withdrawnBecause(h, coaNumber, now, UTC);
    }

    /**
     * Audit 26 F2, F3: decided from the lot's record, not its status now. A rejected or recalled lot's certificate
     * stays withdrawn once the lot is archived; a held lot's stays withdrawn when the expiry run sets it EXPIRED, before
     * and after a signed REJECT the status could not follow.
     */
    @Test
    void aCertificateIsWithdrawnWhenTheLotWasRejectedRecalledOrHeldSinceWhateverItsStatusNow() {
        // only expired, used up, archived: it vouched for what customers received, and still does
        assertThat(withdrawn(certified(), "COA-2025-0001", LotStatus.RELEASED)).isNull();
        assertThat(withdrawn(certified(status(LATER, LotStatus.EXPIRED)), "COA-2025-0001", LotStatus.EXPIRED))
                .isNull();
        assertThat(withdrawn(certified(status(HELD, LotStatus.DEPLETED), status(LATER, LotStatus.ARCHIVED)),
                "COA-2025-0001", LotStatus.ARCHIVED)).isNull();

        // held: withdrawn while the hold is open, whatever the expiry run made of the lot
        List<LotHistory.Entry> held = certified(hold(HELD), status(HELD, LotStatus.QUARANTINE));
        assertThat(withdrawn(held, "COA-2025-0001", LotStatus.QUARANTINE))
                .isEqualTo("the lot was put on hold on 2025-02-03 and no QA manager has signed its release since");
        held.add(status(LATER, LotStatus.EXPIRED));
        assertThat(withdrawn(held, "COA-2025-0001", LotStatus.EXPIRED)).startsWith("the lot was put on hold on"
                + " 2025-02-03");
        // a signed REJECT the expired lot's status could not follow (DISPOSITION_NOT_APPLIED) still rejects it
        held.add(disposition(LATER.plusSeconds(60), "REJECT"));
        assertThat(withdrawn(held, "COA-2025-0001", LotStatus.EXPIRED))
                .isEqualTo("a QA manager signed the lot's rejection on 2025-03-10");
        held.add(status(LATER.plusSeconds(120), LotStatus.ARCHIVED));
        assertThat(withdrawn(held, "COA-2025-0001", LotStatus.ARCHIVED)).contains("rejection");

        // rejected or recalled, then archived (F2)
        assertThat(withdrawn(certified(hold(HELD), status(HELD, LotStatus.QUARANTINE), disposition(LATER, "REJECT"),
                status(LATER, LotStatus.REJECTED), status(LATER.plusSeconds(9), LotStatus.ARCHIVED)),
                "COA-2025-0001", LotStatus.ARCHIVED)).isEqualTo("a QA manager signed the lot's rejection on 2025-03-10");
        assertThat(withdrawn(certified(status(LATER, LotStatus.REJECTED), status(LATER, LotStatus.ARCHIVED)),
                "COA-2025-0001", LotStatus.ARCHIVED)).isEqualTo("QA rejected the lot on 2025-03-10");
        assertThat(withdrawn(certified(status(HELD, LotStatus.EXPIRED), status(LATER, LotStatus.RECALLED),
                status(LATER, LotStatus.ARCHIVED)), "COA-2025-0001", LotStatus.ARCHIVED))
                .isEqualTo("the lot was recalled on 2025-03-10");
        assertThat(withdrawn(certified(hold(HELD), disposition(LATER, "RECALL")), "COA-2025-0001",
                LotStatus.QUARANTINE)).isEqualTo("a QA manager signed the lot's recall on 2025-03-10");

        // released again by a signed RELEASE disposition: its newer certificate vouches, issued after the hold
        List<LotHistory.Entry> again = certified(hold(HELD), status(HELD, LotStatus.QUARANTINE),
                disposition(LATER, "RELEASE"), status(LATER, LotStatus.RELEASED),
                entry(LATER.plusSeconds(1), "CERTIFICATE_ISSUED", "jennifer", "Jennifer Lee", null,
                        Map.of("coaNumber", "COA-2025-0007", "supersedes", "COA-2025-0001")));
        assertThat(withdrawn(again, "COA-2025-0007", LotStatus.RELEASED)).isNull();
        // and the lot as it stood: the old certificate, had none been issued again, vouches again too (as before)
        assertThat(withdrawn(again.subList(0, again.size() - 1), "COA-2025-0001", LotStatus.RELEASED)).isNull();
        // a signed RELEASE of a held lot the expiry run set EXPIRED: QA found it sound, the certificate vouches again
        assertThat(withdrawn(certified(hold(HELD), status(HELD, LotStatus.QUARANTINE), status(LATER,
                LotStatus.EXPIRED), disposition(LATER.plusSeconds(60), "RELEASE")), "COA-2025-0001", LotStatus.EXPIRED))
                .isNull();
        // held again after that release: withdrawn again
        List<LotHistory.Entry> heldAgain = new ArrayList<>(again);
        heldAgain.add(hold(LATER.plusSeconds(3600)));
        heldAgain.add(status(LATER.plusSeconds(3600), LotStatus.QUARANTINE));
        assertThat(withdrawn(heldAgain, "COA-2025-0007", LotStatus.QUARANTINE)).contains("put on hold on 2025-03-10");

        // a hold placed before the certificate was issued (unidentified stock released by its disposition) counts not
        List<LotHistory.Entry> heldFirst = new ArrayList<>();
        heldFirst.add(hold(RECORDED.minusSeconds(7200)));
        heldFirst.add(status(RECORDED.minusSeconds(7200), LotStatus.QUARANTINE));
        heldFirst.addAll(certified());
        assertThat(withdrawn(heldFirst, "COA-2025-0001", LotStatus.RELEASED)).isNull();
        // in QUARANTINE now without a hold in its record: withdrawn all the same
        assertThat(withdrawn(certified(), "COA-2025-0001", LotStatus.QUARANTINE)).isEqualTo("the lot is on hold");
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
