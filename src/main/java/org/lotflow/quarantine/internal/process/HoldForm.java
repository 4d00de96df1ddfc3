package org.lotflow.quarantine.internal.process;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotFacts;
import org.lotflow.quarantine.internal.Hold;
import org.lotflow.quarantine.internal.ImpactAssessment;
import org.lotflow.security.CurrentUser;
import org.lotflow.shared.process.TaskForm;

/**
 * What the investigation's forms show of the lot and its hold: the lot's standard block
 * ({@link LotFacts}), {@code holdReason}, {@code holdSource}, {@code holdReference},
 * {@code holdPlacedBy} (full name), {@code holdPlacedAt}, {@code decisionDue} (to the minute, UTC),
 * {@code impactAssessment} (Markdown) and {@code heldBefore} (Markdown: the lot's earlier holds, the latest first, with
 * their findings and signed disposition; a repeat complaint on a lot released once is what QA must see before deciding
 * again, new user 2026-12-07 F18). For display only.
 */
final class HoldForm {

    private HoldForm() {
    }

    /**
     * The hold's values computed when its forms are read, {@code holdSource} (the trigger in words) and
     * {@code holdReason} (without the trigger's words repeated): a task opened before they were words shows them too
     * (re-test 2026-12-07 M2). The listeners of both forms that show them register it.
     */
    static java.util.Map<String, Object> live(Hold hold) {
        return java.util.Map.of("holdSource", org.lotflow.quarantine.Holds.triggerInWords(hold.getSource().name()),
                "holdReason", org.lotflow.quarantine.Holds.reasonAfterTrigger(hold.getSource().name(), hold.getReason()));
    }

    static TaskForm lotAndHold(DelegateTask task, Lot lot, Hold hold, ImpactAssessment impact, CurrentUser users,
            java.util.List<Hold> earlier, org.lotflow.quarantine.internal.HoldSignatures signatures) {
        // holdSource and holdReason: computed when the form is read ({@link #live}, registered by both listeners)
        return TaskForm.of(task).showAll(LotFacts.of(lot))
                .show("holdReference", hold.getReference())
                .show("holdPlacedBy", users.nameWithId(hold.getPlacedBy()))
                .show("holdPlacedAt", hold.getPlacedAt())
                .show("decisionDue", hold.getDecisionDueAt())
                .markdown("impactAssessment", impact::markdown)
                .markdown("heldBefore", escape -> heldBefore(earlier, users, escape, signatures.ofLot(hold.getLotId())));
    }

    /**
     * The earlier holds as a Markdown list, or "Never held before." Each signed disposition as the lot's history
     * recorded it ({@code signatures}: the lot's {@code DISPOSITION_SIGNED}): decision, justification, printed name and
     * time as signed, never {@code lot_hold}'s columns (re-test N3); the row's only for a hold without a recorded one.
     */
    static String heldBefore(java.util.List<Hold> earlier, CurrentUser users,
            java.util.function.UnaryOperator<String> escape,
            java.util.List<org.lotflow.history.RecordedSignature> signatures) {
        if (earlier.isEmpty()) {
            return "Never held before.";
        }
        StringBuilder md = new StringBuilder();
        // each hold one item of the list: a line break in its text (findings written over several lines) is folded,
        // or the lines after a blank one read as items of their own (re-test 2026-12-07 F7)
        java.util.function.UnaryOperator<String> oneLine = t -> t == null ? null
                : escape.apply(t.strip().replaceAll("\\s*\\R+\\s*", " / "));
        for (Hold e : earlier) {
            String source = org.lotflow.quarantine.Holds.triggerInWords(e.getSource().name());
            md.append("- ").append(TaskForm.text(e.getPlacedAt())).append(": ").append(source).append(" - ")
                    .append(oneLine.apply(org.lotflow.quarantine.Holds.reasonAfterTrigger(e.getSource().name(),
                            e.getReason())))
                    .append(e.getReference() == null ? "" : " (reference " + oneLine.apply(e.getReference()) + ")")
                    .append(", placed by ").append(escape.apply(users.nameWithId(e.getPlacedBy())));
            if (e.getFindings() != null) {
                md.append("; findings: ").append(oneLine.apply(e.getFindings()));
            }
            if (e.getRootCause() != null) {
                // after a full stop, a new sentence (new user 2026-12-07 F7: "negative.; root cause")
                md.append(e.getFindings() != null && e.getFindings().strip().endsWith(".") ? " Root cause: "
                        : "; root cause: ").append(oneLine.apply(e.getRootCause()));
            }
            org.lotflow.history.RecordedSignature signed = e.getDecision() == null ? null
                    : org.lotflow.quarantine.internal.HoldSignatures.of(e, signatures).disposition();
            if (signed != null) {
                org.lotflow.quarantine.internal.Disposition d = org.lotflow.quarantine.internal.HoldSignatures
                        .decision(signed);
                md.append("; disposition: ").append((d != null ? d : e.getDecision()).inWords()).append(", signed by ")
                        .append(escape.apply(signed.nameWithId()))
                        .append(" at ").append(TaskForm.text(signed.at())).append(": ")
                        .append(oneLine.apply(signed.reason()));
            } else if (e.getDecision() != null) {
                md.append("; disposition: ").append(e.getDecision().inWords()).append(", signed by ")
                        .append(escape.apply(users.nameWithId(e.getDecidedBy())))
                        .append(" at ").append(TaskForm.text(e.getDecidedAt())).append(": ")
                        .append(oneLine.apply(e.getJustification()));
            }
            md.append('\n');
        }
        return md.toString().stripTrailing();
    }
}
