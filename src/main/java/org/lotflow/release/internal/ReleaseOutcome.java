package org.lotflow.release.internal;

import java.util.List;
import java.util.Map;

import org.lotflow.lot.Lot;
import org.lotflow.lot.LotService;
import org.lotflow.lot.LotStatus;
import org.lotflow.lot.UnfitSource;
import org.lotflow.release.LabReleaseStopped;
import org.lotflow.release.LabVerdict;
import org.lotflow.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case "carry out the release decision" (service tasks {@code releaseLot} and {@code rejectLot}):
 * the lot becomes RELEASED or REJECTED, but only when lotflow's records say so
 * ({@link ReleaseDecisions}); the status change is recorded on behalf of the person whose decision it
 * carries out. Anything else fails with an {@link IllegalStateException} and changes nothing: the
 * job is retried, then becomes an incident. A tampered routing variable can send the process to a
 * step, but cannot release or reject the lot. A signed release whose lot meets a source that is not fit for use
 * (RECALLED, held in QUARANTINE or REJECTED; {@link org.lotflow.lot.UnfitSource}), or for a lot received PENDING from a
 * supplier another lot of its supplier lot found so ({@link UnfitSource#sibling}), before it is carried out is stopped
 * instead ({@link #release} answers those sources, {@link #stop}): the lot is held for investigation.
 */
@Service
public class ReleaseOutcome {

    private final LotService lots;
    private final ReleaseQueries queries;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    public ReleaseOutcome(LotService lots, ReleaseQueries queries, CurrentUser currentUser,
            ApplicationEventPublisher events) {
        this.lots = lots;
        this.queries = queries;
        this.currentUser = currentUser;
        this.events = events;
    }

    /**
     * {@code releaseLot}: RELEASED with everything available, on behalf of the second-person approver (or of the QA
     * manager who signed the release of an investigated out-of-specification result), unless the lot is made from
     * material not fit for use (recalled, held or rejected after the signature): then nothing changes and those sources
     * are answered, so the process takes its {@code SOURCE_LOT_RECALLED} path in this transaction. Empty: released.
     */
    @Transactional
    public List<UnfitSource> release(Long lotId) {
        Lot lot = lots.get(lotId);
        LabVerdict verdict = queries.verdict(lotId);
        String approvedBy = allowed(lot, () -> ReleaseDecisions.approverForRelease(verdict,
                queries.lastDecision(lotId), oosDecided(lotId)));
        String reason = verdict.passed()
                ? "Lab results within specification; release approved by " + currentUser.fullName(approvedBy)
                : "Released despite out-of-specification result (" + verdict.failedTests() + ") on the justified"
                        + " decision of " + currentUser.fullName(approvedBy) + " after its investigation";
        // a lot whose expiration date has come expires at once (LotStatusChange), without a certificate
        // a failed verdict released on the QA manager's signed OOS decision is a concession: allocated only as a
        // requested lot a QA manager approves for its customer, never by automatic FEFO (new user 2026-12-06 F17)
        return lots.releaseUnlessMadeFromUnfit(lot, reason, Map.of("available", lot.getAvailable()), approvedBy,
                !verdict.passed());
    }

    /**
     * {@code holdLot}: the signed release is not carried out because material of the lot is RECALLED, held in
     * QUARANTINE or REJECTED; publishes {@link LabReleaseStopped} (the quarantine module holds the lot). Checks the
     * records again: the lot must be PENDING, its release signed ({@link ReleaseDecisions#approverForRelease}) and a
     * source not fit for use, otherwise
     * {@link IllegalStateException} (the job fails, nothing changes).
     */
    @Transactional
    public LabReleaseStopped stop(Long lotId) {
        Lot lot = lots.get(lotId);
        List<UnfitSource> unfit = lots.lockAndFindUnfitSources(lot);
        if (unfit.isEmpty() || lot.getStatus() != LotStatus.PENDING) {
            throw new IllegalStateException("Refused to hold lot " + lot.getLotNumber() + " for unfit material: "
                    + (unfit.isEmpty() ? "nothing it was made from, nor another lot of its supplier lot, is RECALLED,"
                            + " held or REJECTED" : "it is "
                            + lot.getStatus())
                    + " (nothing changed)");
        }
        LabVerdict verdict = queries.verdict(lotId);
        String approvedBy = allowed(lot, () -> ReleaseDecisions.approverForRelease(verdict,
                queries.lastDecision(lotId), oosDecided(lotId)));
        List<UnfitSource> madeFrom = unfit.stream().filter(u -> !u.sibling()).toList();
        List<UnfitSource> siblings = unfit.stream().filter(UnfitSource::sibling).toList();
        LabReleaseStopped stopped = new LabReleaseStopped(lot.getId(), lot.getLotNumber(),
                madeFrom.stream().map(UnfitSource::described).toList(),
                madeFrom.stream().anyMatch(UnfitSource::recalled), approvedBy, siblings.isEmpty() ? null
                        : UnfitSource.siblingsSentence("lot " + lot.getLotNumber(), siblings),
                siblings.stream().map(UnfitSource::lotNumber).toList());
        events.publishEvent(stopped);
        return stopped;
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
