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
     * none, there is nobody to inform and {@code informCustomers} is skipped (issue #12).
     */
    public int customers(DelegateExecution execution) {
        Hold hold = BoundHold.of(queries, execution);
        return queries.impact(lots.get(hold.getLotId())).customers().size();
    }

    /** {@code ${quarantineFacts.disposalNeeded(execution)}}: the hold's signed disposition is REJECT. */
    public boolean disposalNeeded(DelegateExecution execution) {
        return BoundHold.of(queries, execution).getDecision() == Disposition.REJECT;
    }
}
