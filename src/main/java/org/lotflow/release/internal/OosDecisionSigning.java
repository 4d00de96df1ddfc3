package org.lotflow.release.internal;

import java.time.Clock;

import org.lotflow.history.LotEventTypes;
import org.lotflow.history.LotHistory;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotService;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.ElectronicSignatures;
import org.lotflow.security.Groups;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.SignatureRefused;
import org.lotflow.shared.StateConflict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case "sign the decision on a confirmed OOS result" ({@code decideOutOfSpecification}): after both
 * phases of the investigation, a QA manager other than the analyst signs {@code REJECT} or
 * {@code RELEASE} with a written justification (21 CFR 211.192 and 211.22; FDA OOS guidance: a
 * confirmed OOS result fails the batch unless the investigation's evidence justifies otherwise; EU GMP
 * Annex 11 §14). This signed decision is the only way an out-of-specification result rejects a lot
 * (contract). Electronic signature: user id and password at this signing (21 CFR 11.50, 11.200),
 * kept in the lot's history with the meaning "OOS rejection" or "OOS release".
 *
 * <p>Refused, in this order, changing nothing: no decision (400, {@code oosDecision}); no
 * justification or over 4,000 characters (400, {@code comment}); no decision open (409); nobody logged
 * in (401); a signer who is not a QA manager (403); the analyst of the round (four eyes, 403); a wrong
 * password ({@link SignatureRefused}).
 */
@Service
public class OosDecisionSigning {

    /** The form field of the decision. */
    public static final String DECISION_FIELD = "oosDecision";
    /** The form field of the justification. */
    public static final String COMMENT_FIELD = "comment";

    private final LotService lots;
    private final ReleaseQueries queries;
    private final LotHistory history;
    private final CurrentUser currentUser;
    private final ElectronicSignatures signatures;
    private final Clock clock;

    public OosDecisionSigning(LotService lots, ReleaseQueries queries, LotHistory history, CurrentUser currentUser,
            ElectronicSignatures signatures, Clock clock) {
        this.lots = lots;
        this.queries = queries;
        this.history = history;
        this.currentUser = currentUser;
        this.signatures = signatures;
        this.clock = clock;
    }

    /** Refuses the analyst of the round as the signer of its decision, at signing and already at claiming. */
    public static void requireSecondPerson(String userId, OosInvestigation oos, String lotNumber) {
        FourEyes.requireOther(userId, oos == null ? null : oos.getAnalyst(),
                "recorded the out-of-specification result of lot " + lotNumber, "decide on it");
    }

    /**
     * Releasing a lot despite a confirmed out-of-specification result is signed by a QA manager who investigated
     * neither phase (FDA guidance "Investigating Out-of-Specification Test Results", QA review of the investigation;
     * 21 CFR 211.192; like a quarantine disposition's RELEASE): one person concluding "no laboratory error", then
     * "a justified release", then signing it, is no review (auditor 2026-12-05 F20). Rejecting stays open to them.
     */
    static void requireIndependentOfInvestigation(String signer, OosInvestigation oos, String lotNumber) {
        FourEyes.requireOther(signer, oos.getLabConcludedBy(), "concluded the laboratory investigation (phase I) of"
                + " lot " + lotNumber, "sign its release despite the out-of-specification result");
        FourEyes.requireOther(signer, oos.getProductionConcludedBy(), "concluded the full-scale investigation (phase"
                + " II) of lot " + lotNumber, "sign its release despite the out-of-specification result");
    }

    /**
     * Four eyes at the decision: never the analyst of the round; for a RELEASE neither investigator, no invalidator
     * of an earlier round, not the lot's maker (re-test 2026-12-06 Y1).
     */
    private static void requireFourEyes(String signer, OosInvestigation.Decision decision, OosInvestigation oos, Lot lot,
            java.util.List<OosInvestigation> investigations) {
        requireSecondPerson(signer, oos, lot.getLotNumber());
        if (decision == OosInvestigation.Decision.RELEASE) {
            requireIndependentOfInvestigation(signer, oos, lot.getLotNumber());
            FourEyes.requireNotInvalidator(signer, investigations, lot.getLotNumber());
            FourEyes.requireNotMaker(signer, lot.getCreatedBy(), lot.getLotNumber());
        }
    }

    /**
     * What the {@code decideOutOfSpecification} form tells each person the four-eyes rule bars from releasing the lot
     * (user id -> sentence; {@link org.lotflow.shared.FourEyesNotices}): the analyst, both investigators, invalidators
     * of earlier rounds, the lot's maker; the same checks as {@link #sign}. Empty without a current investigation.
     */
    public java.util.Map<String, String> fourEyesNotices(Lot lot) {
        OosInvestigation oos = queries.currentInvestigation(lot.getId());
        if (oos == null) {
            return java.util.Map.of();
        }
        java.util.List<OosInvestigation> investigations = queries.investigations(lot.getId());
        java.util.List<String> people = new java.util.ArrayList<>(java.util.Arrays.asList(oos.getAnalyst(),
                oos.getLabConcludedBy(), oos.getProductionConcludedBy(), lot.getCreatedBy()));
        investigations.forEach(earlier -> people.add(earlier.getLabConcludedBy()));
        return org.lotflow.shared.FourEyesNotices.of(people,
                p -> requireFourEyes(p, OosInvestigation.Decision.RELEASE, oos, lot, investigations),
                p -> requireFourEyes(p, OosInvestigation.Decision.REJECT, oos, lot, investigations), "reject it");
    }

    /** Signs the decision on the lot's current investigation as the logged-in QA manager. */
    @Transactional
    public OosInvestigation sign(Long lotId, OosInvestigation.Decision decision, String comment) {
        if (decision == null) {
            throw new InvalidInput(DECISION_FIELD, "is required: REJECT (the lot is rejected) or RELEASE (released on"
                    + " the justified evidence of the investigation)");
        }
        if (org.lotflow.shared.input.InputRules.blank(comment)) {
            throw new InvalidInput(COMMENT_FIELD, "must not be empty: justify the decision with the investigation's"
                    + " evidence");
        }
        if (comment.length() > OosInvestigation.MAX_TEXT) {
            throw new InvalidInput(COMMENT_FIELD, "must be at most " + OosInvestigation.MAX_TEXT + " characters (it has "
                    + comment.length() + ")");
        }
        Lot lot = lots.lockForChange(lots.get(lotId));
        OosInvestigation oos = queries.currentInvestigation(lotId);
        if (oos == null || oos.stage() != OosInvestigation.Stage.DECISION) {
            throw new StateConflict("Lot " + lot.getLotNumber() + " has no out-of-specification investigation"
                    + " awaiting a decision" + (oos == null ? "" : " (test round " + oos.getRound() + " is "
                            + oos.stage().name().toLowerCase(java.util.Locale.ROOT) + ")"));
        }
        if (decision == OosInvestigation.Decision.RELEASE) {
            lots.requireFitSources(lot); // 409 before the signature: made from recalled, held or rejected material
        }
        if (!currentUser.isAuthenticated()) {
            throw new SignatureRefused(SignatureRefused.Reason.NOT_SIGNED_IN,
                    "A decision on an out-of-specification result must be signed by a logged-in user");
        }
        String signer = currentUser.id();
        currentUser.requireSigningMembership("sign the decision on an out-of-specification result", Groups.QA_MANAGER);
        requireFourEyes(signer, decision, oos, lot, queries.investigations(lotId));
        String meaning = decision == OosInvestigation.Decision.REJECT ? "OOS rejection" : "OOS release";
        signatures.sign(meaning, "lot " + lot.getLotNumber());
        java.time.Instant signedAt = clock.instant(); // one signature, one time (auditor sig28 L1)
        oos.decide(decision, comment, signer, signedAt, COMMENT_FIELD);
        history.event(lotId, LotEventTypes.OOS_DECISION_SIGNED).by(signer).at(signedAt).reason(oos.getDecisionComment())
                .detail("round", oos.getRound()).detail("decision", decision.name())
                .detail("analyst", oos.getAnalyst()).signature(meaning).record();
        return oos;
    }
}
