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

    private final org.lotflow.quarantine.internal.HoldSignatures signatures;

    public InformCustomersListener(QuarantineQueries queries, FollowUp followUp, LotService lots,
            org.lotflow.history.LotHistory history, org.lotflow.shared.process.LiveTaskDisplays displays,
            org.lotflow.quarantine.internal.HoldSignatures signatures) {
        this.signatures = signatures;
        this.queries = queries;
        this.followUp = followUp;
        this.lots = lots;
        // the lot as it is when the form is read: a recall (or a new hold) after the decision is said before anyone
        // tells a customer "released, complaint not confirmed" (new user 2026-12-07 F3)
        displays.live(InvestigationProcess.PROCESS_KEY, "informCustomers", (task, reader) -> {
            Hold hold = BoundHold.of(queries, task);
            Lot lot = lots.get(hold.getLotId());
            java.util.Map<String, Object> now = new java.util.LinkedHashMap<>();
            now.put("lotStatus", lot.getStatus());
            now.put("outcomeText", outcomeText(hold, lot.getStatus()));
            now.put("statusNotice", statusNotice(hold, lot.getStatus(), history.of(lot.getId())));
            return now;
        });
    }

    /**
     * The hold's decision and the lot's status now in words, "Release (the lot is released)" (new user round 24 N7:
     * "RELEASE (lot status RELEASED)"); the decision's code stays the process's {@code decision}.
     */
    static String outcomeText(Hold hold, org.lotflow.lot.LotStatus now) {
        String decision = hold.getDecision() == null ? "Not decided"
                : switch (hold.getDecision()) {
                    case RELEASE -> "Release";
                    case REJECT -> "Reject";
                    case RECALL -> "Recall";
                };
        return decision + " (the lot is " + now.inWords() + ")";
    }

    /**
     * What changed the lot since the hold's decision, when the lot no longer stands as the decision left it (RELEASE:
     * released, and then used up or expired; REJECT: rejected): the status it has now, when and why (the history's
     * change to it), and what the customers are to be told instead; "" when it stands as decided.
     */
    static String statusNotice(Hold hold, org.lotflow.lot.LotStatus now,
            java.util.List<org.lotflow.history.LotHistory.Entry> history) {
        boolean asDecided = hold.getDecision() == null || switch (hold.getDecision()) {
            case RELEASE -> now == org.lotflow.lot.LotStatus.RELEASED || now == org.lotflow.lot.LotStatus.DEPLETED
                    || now == org.lotflow.lot.LotStatus.EXPIRED || now == org.lotflow.lot.LotStatus.ARCHIVED;
            default -> now == org.lotflow.lot.LotStatus.REJECTED || now == org.lotflow.lot.LotStatus.ARCHIVED;
        };
        if (asDecided) {
            return "";
        }
        org.lotflow.history.LotHistory.Entry change = null;
        for (org.lotflow.history.LotHistory.Entry e : history) {
            if (now.name().equals(e.newStatus()) && (hold.getDecidedAt() == null || !e.at().isBefore(hold.getDecidedAt()))) {
                change = e;
            }
        }
        return "Since this decision the lot has become " + now.inWords() + (change == null ? "" : " ("
                + TaskForm.text(change.at()) + (change.reason() == null ? "" : ": " + change.reason()) + ")")
                + ". Do not tell customers the outcome above as it stands: "
                + (now == org.lotflow.lot.LotStatus.RECALLED ? "the recall tells them what to do with the lot; say in"
                        + " your notice that the lot is recalled, to a customer who complained too." : "say what the"
                        + " lot's status is now, to a customer who complained too.");
    }

    @Override
    protected void onCreate(DelegateTask task) {
        Hold hold = BoundHold.of(queries, task);
        TaskInputs.forget(task, CUSTOMER_NOTICE);
        Lot lot = lots.get(hold.getLotId());
        org.lotflow.history.RecordedSignature signed = signatures.disposition(hold);
        TaskForm.of(task).showAll(LotFacts.of(lot))
                // the decision and its justification as signed (the lot's chained history), never lot_hold's columns
                // (re-test N3); the row's only for a hold whose history holds no signature
                .show("outcome", signedDecision(hold, signed))
                .show("outcomeText", outcomeText(hold, lot.getStatus()))
                .show("statusNotice", statusNotice(hold, lot.getStatus(), java.util.List.of()))
                .show("justificationText", signed != null ? signed.reason() : hold.getJustification())
                // why the lot was held: a complaint's customer is answered too (new user 2026-12-06 L4; the seed:
                // "Notify customer of investigation results")
                .show("holdTrigger", trigger(hold))
                .markdown("customerList", queries.impact(lot)::customersMarkdown)
                .apply();
    }

    /** The decision as signed ({@code DISPOSITION_SIGNED}'s {@code detail.decision}), else the hold's. */
    static org.lotflow.quarantine.internal.Disposition signedDecision(Hold hold,
            org.lotflow.history.RecordedSignature signed) {
        org.lotflow.quarantine.internal.Disposition d = org.lotflow.quarantine.internal.HoldSignatures.decision(signed);
        return d != null ? d : hold.getDecision();
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
