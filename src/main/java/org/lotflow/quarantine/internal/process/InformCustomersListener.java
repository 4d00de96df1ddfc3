package org.lotflow.quarantine.internal.process;

import static org.lotflow.quarantine.internal.process.QuarantineInvestigationVariables.CUSTOMER_NOTICE;
import static org.lotflow.quarantine.internal.process.QuarantineInvestigationVariables.DECISION;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotFacts;
import org.lotflow.lot.LotService;
import org.lotflow.quarantine.internal.FollowUp;
import org.lotflow.quarantine.internal.Hold;
import org.lotflow.quarantine.internal.HoldSource;
import org.lotflow.quarantine.internal.QuarantineQueries;
import org.lotflow.shared.TaskInputs;
import org.lotflow.shared.process.TaskForm;
import org.lotflow.shared.process.TaskLifecycleListener;
import org.springframework.stereotype.Component;

/**
 * {@code informCustomers}: on create, lists the customers who received the lot and the outcome; on
 * complete, hands {@code customerNotice} (the form's field: who was told what, how) to
 * {@link FollowUp} for the lot history and hands the hold's signed decision to the next gateway as
 * {@code decision}, overwriting whatever a user sent. The hold is the one bound to this process
 * instance ({@link BoundHold}; 21 CFR 11.10(f)).
 */
@Component("informCustomersListener")
public class InformCustomersListener extends TaskLifecycleListener {

    private final QuarantineQueries queries;
    private final FollowUp followUp;
    private final LotService lots;

    public InformCustomersListener(QuarantineQueries queries, FollowUp followUp, LotService lots) {
        this.queries = queries;
        this.followUp = followUp;
        this.lots = lots;
    }

    @Override
    protected void onCreate(DelegateTask task) {
        Hold hold = BoundHold.of(queries, task);
        TaskInputs.forget(task, CUSTOMER_NOTICE);
        Lot lot = lots.get(hold.getLotId());
        TaskForm.of(task).showAll(LotFacts.of(lot))
                .show("outcome", hold.getDecision())
                .show("justificationText", hold.getJustification())
                // why the lot was held: a complaint's customer is answered too (new user 2026-12-06 L4; the seed:
                // "Notify customer of investigation results")
                .show("holdTrigger", trigger(hold))
                .markdown("customerList", queries.impact(lot)::customersMarkdown)
                .apply();
    }

    /** The hold's trigger in a sentence, with its reference; a complaint's asks that the complainant be answered. */
    static String trigger(Hold hold) {
        String reference = hold.getReference() == null || hold.getReference().isBlank() ? ""
                : " (reference: " + hold.getReference() + ")";
        if (hold.getSource() == HoldSource.COMPLAINT) {
            return "Held after a customer complaint" + reference + ": answer the customer who complained with this"
                    + " outcome too, whether or not it received this lot.";
        }
        return "Held for " + hold.getSource().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + reference + ": " + hold.getReason();
    }

    @Override
    protected void onComplete(DelegateTask task) {
        Hold hold = BoundHold.of(queries, task);
        String notice = CUSTOMER_NOTICE.get(task);
        TaskInputs.forget(task, CUSTOMER_NOTICE);
        followUp.customersInformed(hold.getId(), notice);
        DECISION.set(task.getExecution(), hold.getDecision().name());
    }
}
