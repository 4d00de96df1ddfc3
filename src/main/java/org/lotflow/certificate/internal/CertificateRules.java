package org.lotflow.certificate.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.lotflow.certificate.CertificateView;
import org.lotflow.history.LotEventTypes;
import org.lotflow.history.LotHistory;
import org.lotflow.lot.LotStatus;
import org.lotflow.release.LabVerdict;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.StateConflict;
import org.lotflow.shared.input.Decimals;
import org.lotflow.shared.input.InputRules;
import org.lotflow.shared.input.PartyNames;

/**
 * The rules of a certificate of analysis, plain (no Spring, no database), tested on their own:
 * <ul>
 * <li>whose signatures it carries (21 CFR 11.50: printed name, date and time, meaning): the analyst who
 * recorded the lab results of the round the release rests on, as the lot's history recorded that event,
 * and the approver, as the electronic signature in the lot's history of the person on whose behalf the
 * lot was released (the release approval, the signed OOS release or the quarantine RELEASE
 * disposition), made before the release; without them, or without lab results, no certificate is
 * issued ({@link NotIssuable});</li>
 * <li>whether the lot's current certificate still vouches for it ({@link #withdrawnBecause}, from the lot's
 * history) and when it may be handed out ({@link #requireHandOut});</li>
 * <li>what the optional {@code customer} of a request may be.</li>
 * </ul>
 */
public final class CertificateRules {

    /**
     * Date and time with the zone's id, as every screen writes a time ({@code TaskForm.text}, the Console's):
     * "2025-01-28 13:30 UTC" (new user round 24 N4: the certificate alone printed "28 Jan 2025, 13:30:05 UTC").
     */
    static final DateTimeFormatter SIGNED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ENGLISH);

    /** The longest customer name (as an order's {@code customer}). */
    public static final int MAX_CUSTOMER = 200;

    private CertificateRules() {
    }

    /** Why a released lot gets no certificate; the release stands, the history says why. */
    public static final class NotIssuable extends RuntimeException {
        NotIssuable(String why) {
            super(why);
        }
    }

    /** "2025-01-28 14:30 Europe/Berlin": the instant in the plant's zone, with the zone's id. */
    public static String signedAtText(Instant at, ZoneId zone) {
        return SIGNED_AT.format(at.atZone(zone)) + " " + zone.getId();
    }

    /** The value without trailing zeros and never in exponent form: 248.000000 -> 248, 250 stays 250. */
    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    /** The certificate's result lines: every test of the verdict, values and limits as judged. */
    public static List<CertificateView.Result> results(LabVerdict verdict) {
        // each test's verdict as lab results give it: REPORTED for one without limits, never PASS (new user U17)
        // values and limits as the lab and the specification wrote them: 8.0 against 7.5 - 8.5, never 8 (new user M3)
        return verdict.results().stream().map(t -> new CertificateView.Result(t.test(), Decimals.plain(t.value()), t.unit(),
                Decimals.plain(t.min()), Decimals.plain(t.max()), t.limits(), t.passed(), t.result(), t.text())).toList();
    }

    /**
     * The analyst's manifestation: who recorded the verdict's round, as the lot's history recorded it
     * ({@code LAB_RESULTS_RECORDED} of that round: user, full name, time).
     *
     * @throws NotIssuable without lab results, or when their recording is not in the history
     */
    public static CertificateView.Signature analyst(LabVerdict verdict, List<LotHistory.Entry> history, ZoneId zone) {
        if (verdict == null) {
            throw new NotIssuable("it has no lab results; a certificate of analysis states the results its release"
                    + " rests on");
        }
        LotHistory.Entry recorded = null;
        for (LotHistory.Entry e : history) {
            if (LotEventTypes.LAB_RESULTS_RECORDED.equals(e.type()) && roundOf(e) == verdict.round()
                    && verdict.recordedBy().equals(e.user())) {
                recorded = e;
            }
        }
        if (recorded == null) {
            throw new NotIssuable("the recording of its lab results (test round " + verdict.round() + " by "
                    + verdict.recordedBy() + ") is not in its history");
        }
        return new CertificateView.Signature("ANALYST", recorded.user(), recorded.userName(), recorded.at(),
                signedAtText(recorded.at(), zone), "lab results recorded (test round " + verdict.round() + ")");
    }

    private static int roundOf(LotHistory.Entry e) {
        Object round = e.detail().get("round");
        return round instanceof Number n ? n.intValue() : 1; // events before test rounds: the original analysis
    }

    /**
     * The approver's manifestation: the latest electronic signature in the history, before the release
     * ({@code releaseIndex}, the index of the release's status change), signed by {@code releasedBy}, the
     * person on whose behalf the lot was released. Its printed name, time and meaning are the signature's
     * own, as recorded at the signing.
     *
     * @throws NotIssuable when there is none
     */
    public static CertificateView.Signature approver(List<LotHistory.Entry> history, int releaseIndex,
            String releasedBy, ZoneId zone) {
        for (int i = releaseIndex - 1; i >= 0; i--) {
            org.lotflow.history.RecordedSignature sig = org.lotflow.history.RecordedSignature.of(history.get(i), null);
            if (sig != null && releasedBy != null && releasedBy.equals(sig.userId())) {
                return new CertificateView.Signature("APPROVER", releasedBy, sig.fullName(), sig.at(),
                        signedAtText(sig.at(), zone), sig.meaning());
            }
        }
        throw new NotIssuable("no electronic signature of " + releasedBy + ", on whose behalf it was released, is in"
                + " its history");
    }

    /**
     * Who made a lot received from a supplier, as the certificate prints it: "Gulf Coast Base Oils, their lot
     * GCB-24-7781"; null for a lot made at the plant ({@code supplier} null).
     */
    public static String manufacturer(String supplier, String supplierLotNumber) {
        if (supplier == null || supplier.isBlank()) {
            return null;
        }
        return supplier + (supplierLotNumber == null || supplierLotNumber.isBlank() ? ""
                : ", their lot " + supplierLotNumber);
    }

    /**
     * How the lot was released, as the certificate states it to a customer: fixed wording from the meaning of the
     * approver's signature ("release approval", "OOS release", "quarantine disposition: RELEASE"), never the free
     * text a QA manager wrote as the decision's justification, which stays in the lot's audit trail (new user
     * 2026-12-06 U2: a disposition's justification naming another customer's complaint was printed on the certificate
     * handed to every customer).
     */
    public static String releaseBasis(CertificateView.Signature approver) {
        String meaning = approver.meaning();
        if ("OOS release".equals(meaning)) {
            return "released on a QA manager's signed decision after an out-of-specification investigation";
        }
        if (meaning != null && meaning.startsWith("quarantine disposition")) {
            return "released by a QA manager's signed disposition after a quality hold and its investigation";
        }
        return "released by a QA manager's signed release approval of this certificate's lab results";
    }

    /**
     * Index of the lot's latest status change to RELEASED in its history (the release the certificate is
     * issued for), or -1.
     */
    public static int releaseIndex(List<LotHistory.Entry> history) {
        for (int i = history.size() - 1; i >= 0; i--) {
            LotHistory.Entry e = history.get(i);
            if (LotEventTypes.STATUS_CHANGED.equals(e.type()) && LotStatus.RELEASED.name().equals(e.newStatus())) {
                return i;
            }
        }
        return -1;
    }

    /** A history event of the quarantine module: a hold placed on the lot (it also moves the lot to QUARANTINE). */
    static final String HOLD_PLACED = org.lotflow.quarantine.QuarantineEventTypes.HOLD_PLACED;
    /** A history event of the quarantine module: a QA manager's signed disposition, detail {@code decision}. */
    static final String DISPOSITION_SIGNED = org.lotflow.quarantine.QuarantineEventTypes.DISPOSITION_SIGNED;

    /**
     * Why the lot's current certificate {@code coaNumber} no longer vouches for the lot, read from the lot's own
     * record (its history: status changes, holds placed, signed dispositions), never from its current status alone
     * (audit 26 F2, F3: a rejected lot archived, and a held lot the expiry run set EXPIRED, handed their certificate
     * out as CURRENT again); null while it still vouches. In order:
     * <ul>
     * <li>the lot was rejected or recalled, at any time: a status change to REJECTED or RECALLED, or a QA manager's
     * signed REJECT or RECALL disposition (signed for a lot the decision could no longer move, an expired one);</li>
     * <li>it was held after the certificate was issued (a hold placed, or a status change to QUARANTINE) and not
     * released again since: released means a status change to RELEASED (a signed RELEASE disposition carried out,
     * which issues a newer certificate) or a signed RELEASE disposition (of a lot the expiry run set EXPIRED during
     * the hold: QA found it sound);</li>
     * <li>it is in QUARANTINE now.</li>
     * </ul>
     * A lot that only expired, was used up or was archived keeps its certificate: the analysis vouched for the goods a
     * customer received, who may ask for it again.
     *
     * @param history   the lot's history, oldest first
     * @param coaNumber the lot's current certificate
     * @param status    the lot's status now
     * @param zone      the plant's zone, for the dates
     * @return the reason as a clause ("QA rejected the lot on 2025-01-28"), or null
     */
    public static String withdrawnBecause(List<LotHistory.Entry> history, String coaNumber, LotStatus status,
            ZoneId zone) {
        for (LotHistory.Entry e : history) {
            if (LotEventTypes.STATUS_CHANGED.equals(e.type())) {
                if (LotStatus.REJECTED.name().equals(e.newStatus())) {
                    return "QA rejected the lot on " + dateOf(e, zone);
                }
                if (LotStatus.RECALLED.name().equals(e.newStatus())) {
                    return "the lot was recalled on " + dateOf(e, zone);
                }
            } else if (DISPOSITION_SIGNED.equals(e.type())) {
                Object decision = e.detail().get("decision");
                if ("REJECT".equals(decision)) {
                    return "a QA manager signed the lot's rejection on " + dateOf(e, zone);
                }
                if ("RECALL".equals(decision)) {
                    return "a QA manager signed the lot's recall on " + dateOf(e, zone);
                }
            }
        }
        LotHistory.Entry heldBy = null;
        for (int i = issuedIndex(history, coaNumber) + 1; i < history.size(); i++) {
            LotHistory.Entry e = history.get(i);
            if (HOLD_PLACED.equals(e.type()) || LotEventTypes.STATUS_CHANGED.equals(e.type())
                    && LotStatus.QUARANTINE.name().equals(e.newStatus())) {
                heldBy = heldBy == null ? e : heldBy;
            } else if (LotEventTypes.STATUS_CHANGED.equals(e.type()) && LotStatus.RELEASED.name().equals(e.newStatus())
                    || DISPOSITION_SIGNED.equals(e.type()) && "RELEASE".equals(e.detail().get("decision"))) {
                heldBy = null;
            }
        }
        if (heldBy != null) {
            return "the lot was put on hold on " + dateOf(heldBy, zone) + " and no QA manager has signed its release"
                    + " since";
        }
        return status == LotStatus.QUARANTINE ? "the lot is on hold" : null;
    }

    /**
     * Index of the issuance of {@code coaNumber} in the history ({@code CERTIFICATE_ISSUED}), or, when that is not
     * in it, of the lot's latest release; -1 for neither (everything counts as after it).
     */
    private static int issuedIndex(List<LotHistory.Entry> history, String coaNumber) {
        for (int i = history.size() - 1; i >= 0; i--) {
            LotHistory.Entry e = history.get(i);
            if (org.lotflow.certificate.CertificateEventTypes.CERTIFICATE_ISSUED.equals(e.type())
                    && coaNumber != null && coaNumber.equals(e.detail().get("coaNumber"))) {
                return i;
            }
        }
        return releaseIndex(history);
    }

    private static String dateOf(LotHistory.Entry e, ZoneId zone) {
        return e.at().atZone(zone).toLocalDate().toString();
    }

    /**
     * Refuses (409) to hand out a lot's current certificate: when it has none (the reason says why: not
     * released yet, rejected, released without lab results), or when it is withdrawn ({@code withdrawnBecause}, from
     * {@link #withdrawnBecause}: the lot was rejected or recalled, or held after the certificate was issued and not
     * released again): the certificate no longer vouches for the lot, and remains on record in the lot's list of
     * certificates and its history. A lot that only expired, was used up or was archived hands out its current
     * certificate (a customer who received the lot still needs it).
     *
     * @param current          the lot's latest certificate number, or null
     * @param notIssued        why none was issued at its latest release, or null
     * @param withdrawnBecause why the current certificate no longer vouches for the lot, or null
     */
    public static void requireHandOut(String lotNumber, LotStatus status, String current, String notIssued,
            String withdrawnBecause) {
        if (current == null) {
            String why;
            if (notIssued != null) {
                why = "Lot " + lotNumber + " was released without a certificate of analysis: " + notIssued;
            } else if (status == LotStatus.PENDING) {
                why = "Lot " + lotNumber + " is PENDING: its lab release is not finished, and a certificate of"
                        + " analysis is issued only when it is released";
            } else {
                why = "Lot " + lotNumber + " is " + status + " and was never released, so it has no certificate of"
                        + " analysis";
            }
            throw new StateConflict(why).with("lotNumber", lotNumber).with("lotStatus", status.name());
        }
        if (withdrawnBecause != null) {
            throw new StateConflict("The certificate of analysis " + current + " of lot " + lotNumber + " is withdrawn"
                    + " and is not handed out: " + withdrawnBecause + " (lot status " + status + " now), so the"
                    + " certificate no longer vouches for it. It stays on record in the lot's list of certificates and"
                    + " its history.").with("lotNumber", lotNumber).with("lotStatus", status.name())
                    .with("coaNumber", current).with("withdrawnBecause", withdrawnBecause);
        }
    }

    /**
     * The optional customer a certificate is handed out for, read as an order reads its customer
     * ({@link PartyNames#asKept}: edge spaces dropped, one space between words), null when absent or blank; 400 naming
     * {@code customer} when longer than {@value #MAX_CUSTOMER} characters or no party's name ({@link PartyNames#problem}:
     * a tab, a line break, an invisible character).
     */
    public static String customer(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.isBlank()) {
            // spaces are not "left out": the Console and the API refuse them alike (re-test 2026-12-07 G5)
            throw new InvalidInput("customer", "is only spaces: give the customer's name, or leave the field empty");
        }
        String customer = InputRules.withoutEdgeSpaces(text);
        if (customer.length() > MAX_CUSTOMER) {
            throw new InvalidInput("customer", "must be at most " + MAX_CUSTOMER + " characters, was "
                    + customer.length());
        }
        // checked as sent (a tab or a line break refused, not stripped away), then kept as an order keeps its customer:
        // one space between words, so the lot's history names the customer as its orders do (auditor round 22 L1)
        InputRules.require("customer", PartyNames.problem(customer));
        return PartyNames.asKept(customer);
    }
}
