package org.lotflow.quarantine.internal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.lotflow.lot.LotService;
import org.lotflow.quarantine.internal.Disposition;
import org.lotflow.quarantine.internal.Hold;
import org.lotflow.quarantine.internal.QuarantineQueries;
import org.springframework.stereotype.Component;

/**
 * The facts the {@code quarantineInvestigation} model's gateways need after the disposition is
 * carried out, read from lotflow's records for the hold bound to the instance ({@link BoundHold}),
 * never from a variable a user could set (contract; 21 CFR 11.10(f)).
 */
@Component("quarantineFacts")
public class QuarantineFacts {

    private final QuarantineQueries queries;
    private final LotService lots;

    public QuarantineFacts(QuarantineQueries queries, LotService lots) {
        this.queries = queries;
        this.lots = lots;
    }

    /**
     * {@code ${quarantineFacts.customers(execution)}}: how many customers received the held lot; with
     * none, there is nobody to inform and {@code informCustomers} is skipped (issue #12). None either when the
     * disposition was not applied ({@link #applied}): the lot was recalled meanwhile, and its recall informs them.
     */
    public int customers(DelegateExecution execution) {
        Hold hold = BoundHold.of(queries, execution);
        org.lotflow.lot.Lot lot = lots.get(hold.getLotId());
        return applied(hold, lot) ? queries.impact(lot).customers().size() : 0;
    }

    /**
     * {@code ${quarantineFacts.disposalNeeded(execution)}}: the hold's signed disposition is REJECT and made the lot
     * REJECTED (from QUARANTINE, or from EXPIRED for a lot expired while held: audit 26 F3). A REJECT not applied (the lot was recalled meanwhile) leaves the stock to its recall's closing, which
     * disposes of it: a {@code confirmDisposal} task here would refuse every completion (auditor 2026-12-06 C-m).
     */
    public boolean disposalNeeded(DelegateExecution execution) {
        Hold hold = BoundHold.of(queries, execution);
        return hold.getDecision() == Disposition.REJECT && applied(hold, lots.get(hold.getLotId()));
    }

    /**
     * Whether the disposition made the lot what it says (RELEASE: RELEASED, or EXPIRED when the lot's expiration date
     * had come, audit 26 F3; REJECT: REJECTED, also from a lot the expiry run had made EXPIRED while it was held).
     * Read right after the outcome step, in its transaction: an EXPIRED lot after a RELEASE is the release's doing.
     */
    static boolean applied(Hold hold, org.lotflow.lot.Lot lot) {
        return switch (hold.getDecision()) {
            case RELEASE -> lot.getStatus() == org.lotflow.lot.LotStatus.RELEASED
                    || lot.getStatus() == org.lotflow.lot.LotStatus.EXPIRED;
            case REJECT -> lot.getStatus() == org.lotflow.lot.LotStatus.REJECTED;
            default -> true;
        };
    }
}
