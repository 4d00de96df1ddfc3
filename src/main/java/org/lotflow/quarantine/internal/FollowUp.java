package org.lotflow.quarantine.internal;

import org.lotflow.quarantine.QuarantineEventTypes;

import java.time.Clock;
import java.util.Map;

import org.lotflow.history.LotHistory;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotService;
import org.lotflow.shared.StateConflict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What follows a carried-out RELEASE or REJECT (the seed, "What should I do when a lot fails quality
 * testing?": customer notification, then the disposition): who was told what ({@code informCustomers})
 * and how and where a rejected lot was disposed of ({@code confirmDisposal}), both in the lot history.
 * A RECALL's customers are the recall module's.
 */
@Service
public class FollowUp {

    private final QuarantineQueries queries;
    private final LotService lots;
    private final org.lotflow.lot.LotDisposal disposal;
    private final LotHistory history;
    private final Clock clock;

    public FollowUp(QuarantineQueries queries, LotService lots, org.lotflow.lot.LotDisposal disposal,
            LotHistory history, Clock clock) {
        this.queries = queries;
        this.lots = lots;
        this.disposal = disposal;
        this.history = history;
        this.clock = clock;
    }

    /**
     * End of the hold's {@code quarantineInvestigation}: the case's last step is done, and the
     * investigation shows CLOSED from now on (FOLLOW_UP before, once the outcome was carried out).
     */
    @Transactional
    public void caseCompleted(Long holdId) {
        queries.get(holdId).complete(clock.instant());
    }

    /**
     * {@code informCustomers} completed: the notice (required, at most 2000 characters) and the
     * customers who received the lot, with quantities.
     *
     * @throws StateConflict 409 unless a RELEASE or REJECT of the hold is carried out
     */
    @Transactional
    public void customersInformed(Long holdId, String notice) {
        Hold hold = queries.get(holdId);
        if (hold.getDecision() == null || hold.getDecision() == Disposition.RECALL || hold.isActive()) {
            throw new StateConflict("The disposition of hold " + holdId + " is not carried out yet; customers "
                    + "are informed of an outcome");
        }
        String text = FieldText.of("customerNotice", notice, true, FieldText.MAX_TEXT);
        Lot lot = lots.get(hold.getLotId());
        ImpactAssessment impact = queries.impact(lot);
        history.event(lot.getId(), QuarantineEventTypes.CUSTOMERS_INFORMED).reason(text)
                .detail("outcome", hold.getDecision().name())
                .detail("customers", impact.customers().stream()
                        .map(c -> Map.of("customer", c.customer(), "quantity", c.quantity())).toList())
                .record();
    }

    /**
     * {@code confirmDisposal} completed: the lot (bound to the hold, never named by a variable) is disposed of
     * ({@link org.lotflow.lot.LotDisposal#confirm}: method DESTROYED or
     * RETURNED_TO_SUPPLIER; reference optional, at most 200 characters; the stock on hand disposed of, except goods
     * received back under a recall not yet closed, which its closing disposes of, and recorded as
     * {@code DISPOSAL_CONFIRMED} in the lot history), on the figure the form showed ({@code figuresShown}: 400
     * without, 409 when the stock on hand changed since).
     *
     * @throws StateConflict 409 unless the hold was decided REJECT and carried out, or while stock of the
     *         lot is still allocated to orders
     */
    @Transactional
    public void disposalConfirmed(Long holdId, String method, String reference, Object figuresShown) {
        Hold hold = queries.get(holdId);
        if (hold.getDecision() != Disposition.REJECT || hold.isActive()) {
            throw new StateConflict("Hold " + holdId + " was not decided REJECT and carried out; there is "
                    + "nothing to dispose of");
        }
        disposal.confirm(lots.get(hold.getLotId()), method, reference, figuresShown);
    }
}
