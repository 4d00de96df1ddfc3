package org.lotflow.release.internal;

import java.time.Clock;

import org.lotflow.history.LotEventTypes;
import org.lotflow.history.LotHistory;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotService;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.Groups;
import org.lotflow.shared.InvalidInput;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case "conclude phase I of an OOS investigation" ({@code investigateLabError}): a QA analyst or
 * manager other than the analyst who recorded the out-of-specification result (the supervisor, FDA OOS
 * guidance, "Phase I: laboratory investigation") records whether an assignable laboratory error was
 * found, with findings. {@code LAB_ERROR} invalidates the round and allows a retest; {@code CONFIRMED}
 * opens phase II. Written to {@code oos_investigation} and the lot's history.
 *
 * <p>Refused, changing nothing: a caller outside QA (403); the analyst of the round (four eyes, 403); no
 * conclusion (400, {@code labConclusion}); no findings or over 4,000 characters (400, {@code findings});
 * no investigation in phase I (409); a second invalidation by a laboratory error ({@link #requireFirstInvalidation},
 * 409).
 */
@Service
public class OosLaboratoryInvestigation {

    /** The form field of the conclusion. */
    public static final String CONCLUSION_FIELD = "labConclusion";
    /** The form field of the findings. */
    public static final String FINDINGS_FIELD = "findings";

    private final LotService lots;
    private final ReleaseQueries queries;
    private final LotHistory history;
    private final CurrentUser currentUser;
    private final Clock clock;

    public OosLaboratoryInvestigation(LotService lots, ReleaseQueries queries, LotHistory history,
            CurrentUser currentUser, Clock clock) {
        this.lots = lots;
        this.queries = queries;
        this.history = history;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Refuses the analyst of the round as the one who concludes its phase I, at completion and already when
     * she claims the task (Tasklist lets nobody but an administrator give a claimed task back).
     */
    public static void requireSupervisor(String userId, OosInvestigation oos, String lotNumber) {
        FourEyes.requireOther(userId, oos == null ? null : oos.getAnalyst(),
                "recorded the out-of-specification result of lot " + lotNumber,
                "conclude its laboratory investigation (a supervisor checks the measurement)");
    }

    /**
     * A lot's results are invalidated by an assignable laboratory error once at most: a retest is round 2, and an
     * out-of-specification retest is not invalidated again (409 naming {@code labConclusion}). Invalidating round
     * after round until one passes is testing into compliance (FDA guidance "Investigating OOS Test Results":
     * a result is invalidated only on a documented, assignable error; 21 CFR 211.192; auditor 2026-12-05 F6):
     * the second out-of-specification result is confirmed and goes to the full-scale investigation (phase II).
     */
    static void requireFirstInvalidation(OosInvestigation.LabConclusion conclusion, OosInvestigation oos,
            String lotNumber) {
        if (conclusion == OosInvestigation.LabConclusion.LAB_ERROR && oos.getRound() > 1) {
            throw new org.lotflow.shared.StateConflict("Test round " + (oos.getRound() - 1) + " of lot " + lotNumber
                    + " was already invalidated by a laboratory error; the retest (round " + oos.getRound() + ") is out"
                    + " of specification too and is not invalidated again (that would be testing into compliance):"
                    + " conclude CONFIRMED and go on to the full-scale investigation (phase II)").with("field", CONCLUSION_FIELD);
        }
    }

    /** Concludes phase I of the lot's current investigation as the logged-in user. */
    @Transactional
    public OosInvestigation conclude(Long lotId, OosInvestigation.LabConclusion conclusion, String findings) {
        currentUser.requireMember("conclude a laboratory investigation", Groups.QA_ANALYST, Groups.QA_MANAGER);
        Lot lot = lots.lockForChange(lots.get(lotId));
        if (conclusion == null) {
            throw new InvalidInput(CONCLUSION_FIELD, "is required: LAB_ERROR (an assignable laboratory error"
                    + " invalidates the result; retest) or CONFIRMED (no laboratory error; full-scale investigation)");
        }
        OosInvestigation oos = queries.requireCurrentInvestigation(lotId, lot.getLotNumber());
        String by = currentUser.id();
        requireSupervisor(by, oos, lot.getLotNumber());
        requireFirstInvalidation(conclusion, oos, lot.getLotNumber());
        oos.concludeLaboratoryPhase(conclusion, findings, by, clock.instant(), FINDINGS_FIELD);
        history.event(lotId, LotEventTypes.OOS_LAB_INVESTIGATION_CONCLUDED).by(by)
                .reason((conclusion == OosInvestigation.LabConclusion.LAB_ERROR
                        ? "Assignable laboratory error: test round " + oos.getRound() + " is invalid, a retest is allowed. "
                        : "No laboratory error: the out-of-specification result of test round " + oos.getRound()
                                + " is confirmed; full-scale investigation (phase II) opened. ")
                        + oos.getLabFindings())
                .detail("round", oos.getRound()).detail("conclusion", conclusion.name()).record();
        return oos;
    }
}
