package org.lotflow.release.internal;

import java.util.List;

import org.lotflow.history.LotEventTypes;
import org.lotflow.history.LotHistory;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotService;
import org.lotflow.release.LabVerdict;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.ElectronicSignatures;
import org.lotflow.security.Groups;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.SignatureRefused;
import org.lotflow.shared.StateConflict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case "sign the release decision" ({@code approveRelease}): a QA manager other than the analyst
 * approves or refuses the release of a lot with a passing lab verdict, with an electronic signature
 * (user id and password at this signing, 21 CFR 11.50, 11.200; EU GMP Annex 11 §14) written to the
 * lot's history. The decision is carried out afterwards by {@link ReleaseOutcome}.
 */
@Service
public class ReleaseApproval {

    /** The longest comment kept with a decision, in characters. */
    public static final int MAX_COMMENT = 2000;

    private final LotService lots;
    private final ReleaseQueries queries;
    private final LotHistory history;
    private final CurrentUser currentUser;
    private final ElectronicSignatures signatures;

    public ReleaseApproval(LotService lots, ReleaseQueries queries, LotHistory history, CurrentUser currentUser,
            ElectronicSignatures signatures) {
        this.lots = lots;
        this.queries = queries;
        this.history = history;
        this.currentUser = currentUser;
        this.signatures = signatures;
    }

    /**
     * What the {@code approveRelease} form tells each person the four-eyes rule bars from approving this lot's
     * release (user id -> sentence; {@link org.lotflow.shared.FourEyesNotices}): the analyst of the results, whoever
     * created the lot, whoever invalidated an earlier out-of-specification round; the same checks as {@link #sign}.
     */
    public java.util.Map<String, String> fourEyesNotices(Lot lot, LabVerdict verdict) {
        String analyst = verdict == null ? null : verdict.recordedBy();
        List<OosInvestigation> investigations = queries.investigations(lot.getId());
        List<String> people = new java.util.ArrayList<>(java.util.Arrays.asList(analyst, lot.getCreatedBy()));
        investigations.forEach(oos -> people.add(oos.getLabConcludedBy()));
        return org.lotflow.shared.FourEyesNotices.of(people,
                p -> requireFourEyes(p, true, lot, analyst, investigations),
                p -> requireFourEyes(p, false, lot, analyst, investigations), "refuse it");
    }

    /**
     * What an approval of the lot's release would be refused for, ahead ({@link org.lotflow.lot.SourceLotUnfit}'s
     * sentence: made from material RECALLED, held or REJECTED, or of a supplier lot another lot of which is so), or
     * null: for the {@code approveRelease} form, so the QA manager reads it before signing.
     */
    public String unfitMaterialRefusal(Lot lot) {
        return lots.unfitSourceRefusal(lot);
    }

    /** Four eyes at a release decision: not the analyst, not the lot's maker, for an approval not an invalidator. */
    private static void requireFourEyes(String signer, boolean approved, Lot lot, String analyst,
            List<OosInvestigation> investigations) {
        FourEyes.requireSecondPerson(signer, analyst, lot.getLotNumber());
        FourEyes.requireNotMaker(signer, lot.getCreatedBy(), lot.getLotNumber());
        if (approved) {
            FourEyes.requireNotInvalidator(signer, investigations, lot.getLotNumber());
        }
    }

    /**
     * Signs the decision on the lot's release as the logged-in user. Refused, in this order: no
     * decision or no comment, a comment over {@value #MAX_COMMENT} characters (400), no passing lab
     * verdict (409), an approval of a lot made from material not fit for use, RECALLED, held in QUARANTINE or REJECTED
     * ({@link org.lotflow.lot.SourceLotUnfit}, 409: only its refusal may be signed, or for a held source the hold's
     * disposition awaited), nobody logged in (401), a signer who is not a QA manager (403), the analyst who
     * recorded the results (four eyes, 403), for an approval the person who invalidated an earlier
     * out-of-specification result of the lot as a laboratory error (four eyes, 403: the release then rests on the
     * retest that invalidation allowed; FDA guidance "Investigating OOS Test Results", 21 CFR 211.192; auditor
     * 2026-12-06 B7), a wrong password ({@link SignatureRefused}).
     */
    @Transactional
    public void sign(Long lotId, Boolean approved, String comment) {
        if (approved == null) {
            throw new InvalidInput("approved", "is required: true to release, false to refuse");
        }
        if (org.lotflow.shared.input.InputRules.blank(comment)) {
            throw new InvalidInput("comment", "must not be empty");
        }
        if (comment.length() > MAX_COMMENT) {
            throw new InvalidInput("comment", "must be at most " + MAX_COMMENT + " characters");
        }
        Lot lot = lots.get(lotId);
        LabVerdict verdict = queries.verdict(lotId);
        if (verdict == null || !verdict.passed()) {
            throw new StateConflict("Lot " + lot.getLotNumber() + " has no passing lab verdict to approve");
        }
        if (approved) {
            lots.requireFitSources(lot); // 409 before the signature: made from recalled, held or rejected material
        }
        if (!currentUser.isAuthenticated()) {
            throw new SignatureRefused(SignatureRefused.Reason.NOT_SIGNED_IN,
                    "A release decision must be signed by a logged-in user");
        }
        String signer = currentUser.id();
        currentUser.requireSigningMembership("sign a release decision", Groups.QA_MANAGER);
        requireFourEyes(signer, approved, lot, verdict.recordedBy(), queries.investigations(lotId));
        String meaning = approved ? "release approval" : "release refusal";
        signatures.sign(meaning, "lot " + lot.getLotNumber());
        history.event(lotId, approved ? LotEventTypes.RELEASE_APPROVED : LotEventTypes.RELEASE_REFUSED)
                .by(signer).reason(comment).detail("approved", approved).detail("labRecordedBy", verdict.recordedBy())
                .signature(meaning).record();
    }
}
