package org.lotflow.release.internal;

import org.lotflow.lot.Lot;
import org.lotflow.lot.LotService;
import org.lotflow.lot.LotDisposal;
import org.lotflow.shared.StateConflict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case "dispose of a lot rejected in lab release" ({@code lotRelease}'s {@code confirmDisposal}, after
 * {@code rejectLot}): the release refused by a QA manager, or an out-of-specification result rejected by a QA
 * manager's signed decision (new user 2026-12-06 W5: a lot rejected here kept its stock on hand with no task to
 * dispose of it). The lot is the one bound to the process; lotflow's records must show this release's rejection
 * ({@link ReleaseDecisions#rejection}), otherwise 409 and nothing changes. The disposal itself is the lot module's
 * ({@link LotDisposal}).
 */
@Service
public class RejectedLotFollowUp {

    private final LotService lots;
    private final ReleaseQueries queries;
    private final LotDisposal disposal;

    public RejectedLotFollowUp(LotService lots, ReleaseQueries queries, LotDisposal disposal) {
        this.lots = lots;
        this.queries = queries;
        this.disposal = disposal;
    }

    /**
     * Disposes of the lot's stock on hand: {@code method} DESTROYED or RETURNED_TO_SUPPLIER,
     * {@code reference} optional (400 naming the field otherwise), on the figure the form showed ({@code
     * figuresShown}: 400 without, 409 when the stock on hand changed since; {@link LotDisposal#confirm}); 409 when the
     * lot's records hold no rejection of its release or the lot is no longer REJECTED, or while stock of it is
     * allocated.
     */
    @Transactional
    public void disposalConfirmed(Long lotId, String method, String reference, Object figuresShown) {
        Lot lot = lots.get(lotId);
        try {
            ReleaseDecisions.rejection(queries.verdict(lotId), queries.lastDecision(lotId),
                    ReleaseDecisions.OosDecided.of(queries.currentInvestigation(lotId)));
        } catch (ReleaseDecisions.NotAllowed e) {
            throw new StateConflict("Lot " + lot.getLotNumber() + " was not rejected in its lab release: "
                    + e.getMessage()).with("lotNumber", lot.getLotNumber());
        }
        disposal.confirm(lot, method, reference, figuresShown);
    }
}
