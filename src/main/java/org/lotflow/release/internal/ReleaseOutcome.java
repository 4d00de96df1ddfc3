package org.lotflow.release.internal;

import java.util.Map;

import org.lotflow.lot.Lot;
import org.lotflow.lot.LotService;
import org.lotflow.lot.LotStatus;
import org.lotflow.release.LabVerdict;
import org.lotflow.security.CurrentUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case "carry out the release decision" (service tasks {@code releaseLot} and {@code rejectLot}):
 * the lot becomes RELEASED or REJECTED, but only when lotflow's records say so
 * ({@link ReleaseDecisions}); the status change is recorded on behalf of the person whose decision it
 * carries out. Anything else fails with an {@link IllegalStateException} and changes nothing: the
 * job is retried, then becomes an incident. A tampered routing variable can send the process to a
 * step, but cannot release or reject the lot.
 */
@Service
public class ReleaseOutcome {

    private final LotService lots;
    private final ReleaseQueries queries;
    private final CurrentUser currentUser;

    public ReleaseOutcome(LotService lots, ReleaseQueries queries, CurrentUser currentUser) {
        this.lots = lots;
        this.queries = queries;
        this.currentUser = currentUser;
    }

    /**
     * {@code releaseLot}: RELEASED with everything available, on behalf of the second-person approver (or
     * of the QA manager who signed the release of an investigated out-of-specification result).
     */
    @Transactional
    public void release(Long lotId) {
        Lot lot = lots.get(lotId);
        LabVerdict verdict = queries.verdict(lotId);
        String approvedBy = allowed(lot, () -> ReleaseDecisions.approverForRelease(verdict,
                queries.lastDecision(lotId), oosDecided(lotId)));
        String reason = verdict.passed()
                ? "Lab results within specification; release approved by " + currentUser.fullName(approvedBy)
                : "Released despite out-of-specification result (" + verdict.failedTests() + ") on the justified"
                        + " decision of " + currentUser.fullName(approvedBy) + " after its investigation";
        lots.changeStatus(lot, LotStatus.RELEASED, reason, Map.of("available", lot.getAvailable()), approvedBy);
    }

    /** {@code rejectLot}: REJECTED, out of specification (the analyst's) or by a signed refusal. */
    @Transactional
    public void reject(Long lotId) {
        Lot lot = lots.get(lotId);
        LabVerdict verdict = queries.verdict(lotId);
        ReleaseDecisions.Rejection rejection = allowed(lot, () -> ReleaseDecisions.rejection(verdict,
                queries.lastDecision(lotId), oosDecided(lotId)));
        String reason = rejection.outOfSpecification() ? "Out of specification: " + verdict.failedTests()
                + "; rejected by " + currentUser.fullName(rejection.decidedBy()) + " after its investigation"
                : "Release refused by " + currentUser.fullName(rejection.decidedBy());
        lots.changeStatus(lot, LotStatus.REJECTED, reason, Map.of(), rejection.decidedBy());
    }

    /** The signed decision on the investigation of the lot's latest round, or null. */
    private ReleaseDecisions.OosDecided oosDecided(Long lotId) {
        return ReleaseDecisions.OosDecided.of(queries.currentInvestigation(lotId));
    }

    private static <T> T allowed(Lot lot, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (ReleaseDecisions.NotAllowed e) {
            throw new IllegalStateException("Refused to carry out the release decision of lot " + lot.getLotNumber()
                    + ": " + e.getMessage() + " (lot " + lot.getStatus() + ", nothing changed)");
        }
    }
}
