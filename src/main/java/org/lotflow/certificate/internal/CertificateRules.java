package org.lotflow.certificate.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
 * <li>when the lot's current certificate may be handed out ({@link #requireHandOut});</li>
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
            Object signature = history.get(i).detail().get("signature");
            if (signature instanceof Map<?, ?> sig && releasedBy != null && releasedBy.equals(sig.get("userId"))
                    && sig.get("at") instanceof String at && sig.get("meaning") instanceof String meaning) {
                Instant signedAt = Instant.parse(at);
                Object name = sig.get("fullName");
                return new CertificateView.Signature("APPROVER", releasedBy, name == null ? releasedBy
                        : name.toString(), signedAt, signedAtText(signedAt, zone), meaning);
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

    /**
     * Refuses (409) to hand out a lot's current certificate: when it has none (the reason says why: not
     * released yet, rejected, released without lab results), or when the lot was held, rejected or recalled
     * after its certificate was issued: the certificate no longer vouches for the lot as it stands, and
     * remains readable by its number for the record. RELEASED, DEPLETED, EXPIRED and ARCHIVED lots hand out
     * their current certificate (a customer who received the lot still needs it).
     *
     * @param current    the lot's latest certificate number, or null
     * @param notIssued  why none was issued at its latest release, or null
     */
    public static void requireHandOut(String lotNumber, LotStatus status, String current, String notIssued) {
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
        if (status == LotStatus.QUARANTINE || status == LotStatus.REJECTED || status == LotStatus.RECALLED) {
            throw new StateConflict("Lot " + lotNumber + " is " + status + " now: its certificate " + current
                    + " no longer vouches for it and is not handed out, by either of its addresses; it stays on record"
                    + " in the lot's list of certificates and its history").with("lotNumber", lotNumber)
                    .with("lotStatus", status.name()).with("coaNumber", current);
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
