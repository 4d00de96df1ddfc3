package org.lotflow.quarantine.internal;

import java.util.List;
import java.util.Set;

import org.lotflow.security.Groups;
import org.lotflow.shared.FourEyesViolation;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.StateConflict;

/**
 * Who may sign which disposition of a held lot, and what a signed disposition must say. A plain
 * rule, tested without Spring.
 *
 * <ul>
 * <li>Only QA managers ({@value #SIGNING_GROUP}) sign, with their password re-entered (21 CFR
 * 11.200; the seed: "Jennifer investigates the quarantined lot and makes a disposition
 * decision").</li>
 * <li>Four eyes: whoever recorded the investigation may not also sign the lot's RELEASE; REJECT and
 * RECALL are safety decisions that the investigator may sign (21 CFR 211.22, 211.192; EU GMP Annex 11
 * §14). Refused with {@link FourEyesViolation}, 403.</li>
 * <li>A disposition is signed once, after the investigation is recorded (409 otherwise).</li>
 * <li>A RECALL names its classification: in Tasklist it must be chosen; through the API
 * {@value #DEFAULT_CLASSIFICATION} when none is given (contract). The other decisions have none: through the
 * API a classification sent with them is 400 (never silently dropped: the sender meant something); Tasklist's form,
 * which keeps a choice made before the decision changed, has it left out.</li>
 * <li>The outcome steps act only on the signed disposition they were built for (a hold without it is
 * an engine incident, never a status change).</li>
 * </ul>
 */
public final class DispositionRules {

    /** The group whose members sign dispositions. */
    public static final String SIGNING_GROUP = Groups.QA_MANAGER;
    /** The classification of a RECALL that names none. */
    public static final String DEFAULT_CLASSIFICATION = "CLASS_II";
    /** The recall classifications (FDA: I most serious, III least). */
    public static final Set<String> CLASSIFICATIONS = Set.of("CLASS_I", "CLASS_II", "CLASS_III");

    private DispositionRules() {
    }

    /** A disposition that passed {@link #validate}. */
    public record Decision(Disposition decision, String justification, String password, String classification) {

        @Override
        public String toString() {
            return "Decision[" + decision + ", classification=" + classification + ", password=***]";
        }
    }

    /**
     * The disposition as it is signed.
     *
     * @param passwordInBody whether the password must come in the input (the API) rather than with the
     *                       request (Tasklist's masked field or HTTP Basic)
     * @throws InvalidInput 400 naming {@code body}, {@code decision}, {@code justification},
     *                      {@code password} or {@code classification}
     */
    public static Decision validate(DispositionInput in, boolean passwordInBody) {
        if (in == null) {
            throw new InvalidInput("body", "must be a JSON object with decision, justification and password");
        }
        Disposition decision = decision(in.decision());
        String justification = FieldText.of("justification", in.justification(), true, FieldText.MAX_TEXT);
        if (passwordInBody && (in.password() == null || in.password().isEmpty())) {
            throw new InvalidInput("password", "must not be empty: re-enter your password to sign");
        }
        return new Decision(decision, justification, in.password(),
                classification(decision, in.classification(), !passwordInBody));
    }

    /** One of {@link Disposition}; 400 naming {@code decision} otherwise. */
    static Disposition decision(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInput("decision", "must be one of " + List.of(Disposition.values()));
        }
        try {
            return Disposition.valueOf(text.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("decision", "'" + text + "' is not one of " + List.of(Disposition.values()));
        }
    }

    /**
     * The classification a decision is signed with: a RECALL's given one or the default, null for the
     * others. A given value must be one of {@link #CLASSIFICATIONS} whatever the decision (400), and is refused
     * with any other decision (400).
     */
    static String classification(Disposition decision, String text) {
        return classification(decision, text, false);
    }

    /**
     * As {@link #classification(Disposition, String)}; with {@code chosen}, a RECALL must name its class
     * (400 naming {@code classification}): in Tasklist's form every decision is chosen, never defaulted
     * (issue #12), while the contract's {@code POST /api/lots/{n}/disposition} keeps its default.
     */
    static String classification(Disposition decision, String text, boolean chosen) {
        String classification = null;
        if (text != null && text.isBlank() && !chosen) {
            // sent, but empty: not read as left out, which would sign the default class (auditor 2026-12-07 F1)
            throw new InvalidInput("classification", "is empty: give CLASS_I, CLASS_II or CLASS_III for a RECALL, or"
                    + " leave the field out (a RECALL is then CLASS_II; other decisions have none)");
        }
        if (text != null && !text.isBlank()) {
            classification = text.trim();
            if (!CLASSIFICATIONS.contains(classification)) {
                throw new InvalidInput("classification", "'" + classification + "' is not one of "
                        + CLASSIFICATIONS.stream().sorted().toList());
            }
        }
        if (decision != Disposition.RECALL) {
            if (classification != null && !chosen) {
                throw new InvalidInput("classification", "only a RECALL has a classification; a " + decision
                        + " is signed without one: leave classification out");
            }
            return null;
        }
        if (classification == null && chosen) {
            throw new InvalidInput("classification", "is required for a RECALL: choose CLASS_I (serious health"
                    + " hazard), CLASS_II or CLASS_III");
        }
        return classification == null ? DEFAULT_CLASSIFICATION : classification;
    }

    /** What the signature means, as recorded with it (21 CFR 11.50(a)(3)). */
    public static String meaning(Disposition decision) {
        return "quarantine disposition: " + decision.name();
    }

    /**
     * Refuses to sign a hold whose disposition is decided (or carried out) or whose investigation is
     * not recorded: 409.
     */
    public static void requireSignable(Hold hold, String lotNumber) {
        if (!hold.isActive() || hold.getDecision() != null) {
            throw new StateConflict("The disposition of lot " + lotNumber + " is already decided");
        }
        if (hold.getInvestigatedBy() == null) {
            throw new StateConflict("The investigation of lot " + lotNumber + " is not recorded yet");
        }
    }

    /**
     * Refuses (409, before the signature) a RELEASE of a held lot that a recall has taken out of QUARANTINE meanwhile
     * (RECALLED): nothing could carry it out, and a QA manager's signature releasing a recalled lot must not stand in
     * its record (auditor 2026-12-05 A6). REJECT and RECALL stay open: they close the hold, and the lot keeps its
     * status. An EXPIRED lot (the expiry run expired it while held, before audit 26 F3) may be released: the hold
     * closes and the lot stays EXPIRED, as a release of a held lot past its expiration date leaves it
     * ({@link DispositionOutcomes}).
     */
    public static void requireReleasable(Disposition decision, org.lotflow.lot.LotStatus status, String lotNumber) {
        if (decision == Disposition.RELEASE && status != org.lotflow.lot.LotStatus.QUARANTINE
                && status != org.lotflow.lot.LotStatus.EXPIRED
                && !status.canBecome(org.lotflow.lot.LotStatus.RELEASED)) {
            throw new StateConflict("Lot " + lotNumber + " is " + status + " now and can no longer be released; nothing"
                    + " was signed. Decide REJECT or RECALL to close its hold (the lot stays " + status + ")")
                    .with("lotStatus", status.name());
        }
    }

    /**
     * A lot never released before (unidentified stock, a receipt into quarantine, a lot whose lab release was
     * stopped) is released by its disposition only on valid, passing lab results ({@code current}: its latest
     * round, not invalidated by a laboratory error), else 409: a disposition would otherwise release untested
     * material (seed "What if I discover inventory without lot identification?": quality testing before use; 21 CFR
     * 211.84(d) and 211.165(a); auditor 2026-12-05 F15). A lot released before had its results then. The signer is
     * not the analyst who recorded them ({@link FourEyesViolation}, 403), as in the lab release.
     */
    public static void requireTestedBeforeFirstRelease(Disposition decision, boolean everReleased,
            org.lotflow.release.LabVerdict current, String signer, String lotNumber) {
        if (decision != Disposition.RELEASE || everReleased) {
            return;
        }
        if (current == null) {
            // where a QA person records them, not only the API's path (new user 2026-12-06 N1)
            throw new StateConflict("Lot " + lotNumber + " was never released and has no valid lab results: a QA"
                    + " analyst records them first (the lot's page in the lotflow Console, Record lab results; or POST"
                    + " /api/lots/" + lotNumber + "/lab-results), then release it, or reject it")
                    .with("lotNumber", lotNumber);
        }
        if (!current.passed()) {
            throw new StateConflict("Lot " + lotNumber + " was never released and its lab results are out of"
                    + " specification (" + current.failedTests() + "): it cannot be released by its disposition;"
                    + " reject it").with("lotNumber", lotNumber);
        }
        if (signer != null && signer.equals(current.recordedBy())) {
            // four eyes, as in the lab release: the analyst of the results does not also sign the release they
            // support (auditor's re-test 2026-12-05, N1: one QA manager recorded and released a receipt)
            throw new FourEyesViolation(signer, "recorded the lab results of lot " + lotNumber,
                    "sign its release");
        }
    }

    /**
     * A RELEASE is refused (400 naming {@code decision}) over a retained sample that fails its specification, as judged
     * when the investigation was recorded ({@link Hold#getRetainedSampleFailures}): a lot is not released on evidence
     * that it is out of specification (the seed's disposition rests on "Retained samples pass all tests"; 21 CFR
     * 211.165(a), 211.192: an unexplained discrepancy is investigated and a batch that does not conform is not
     * released; EU GMP Part I 1.4 (xiv), 6.35; new user 2026-12-07 N3). A hold whose retained samples were recorded
     * before lotflow judged them is not refused on them.
     */
    public static void requireRetainedSamplesPass(Hold hold, Disposition decision, String lotNumber) {
        if (decision == Disposition.RELEASE && hold.getRetainedSampleFailures() != null) {
            throw new InvalidInput("decision", "the retained sample of lot " + lotNumber + " fails its specification ("
                    + hold.getRetainedSampleFailures() + "): a lot is not released on evidence that it is out of"
                    + " specification; REJECT or RECALL it (21 CFR 211.165(a), 211.192; EU GMP Part I 1.4 (xiv), 6.35)");
        }
    }

    /**
     * Four eyes: neither the investigator nor the person who created (made or received) the lot may sign its RELEASE
     * ({@link FourEyesViolation}, 403): the quality unit's release is independent of production (EU GMP Part I 2.5,
     * 21 CFR 211.22; re-test 2026-12-06 Y1: a production member moved to QA released the lot he made).
     */
    public static void requireFourEyes(Hold hold, Disposition decision, String signer, String lotNumber,
            String lotCreatedBy) {
        if (decision == Disposition.RELEASE && signer.equals(hold.getInvestigatedBy())) {
            throw (FourEyesViolation) new FourEyesViolation(signer, "investigated lot " + lotNumber,
                    "sign its release").with("investigatedBy", hold.getInvestigatedBy());
        }
        if (decision == Disposition.RELEASE && signer.equals(lotCreatedBy)) {
            throw (FourEyesViolation) new FourEyesViolation(signer, "created lot " + lotNumber, "sign its release")
                    .with("createdBy", lotCreatedBy);
        }
    }

    /**
     * The outcome step {@code expected} may act on this hold only when its signed disposition is
     * {@code expected}, with signer and time. Otherwise {@link IllegalStateException}: the job fails,
     * is retried and becomes an incident; nothing changes.
     */
    public static void requireSigned(Hold hold, Disposition expected) {
        if (hold.getDecision() != expected || hold.getDecidedBy() == null || hold.getDecidedAt() == null) {
            throw new IllegalStateException("Refused to carry out " + expected + " for hold " + hold.getId()
                    + ": its signed disposition is " + (hold.getDecision() == null ? "missing" : hold.getDecision())
                    + " (nothing changed)");
        }
    }

    /** The classification a RECALL outcome hands to the recall module. */
    public static String recallClassification(Hold hold) {
        return hold.getClassification() == null ? DEFAULT_CLASSIFICATION : hold.getClassification();
    }
}
