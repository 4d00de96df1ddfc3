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
 * {@code holdPlacedBy} (full name), {@code holdPlacedAt}, {@code decisionDue} (to the minute, UTC) and
 * {@code impactAssessment} (Markdown). For display only.
 */
final class HoldForm {

    private HoldForm() {
    }

    static TaskForm lotAndHold(DelegateTask task, Lot lot, Hold hold, ImpactAssessment impact, CurrentUser users) {
        return TaskForm.of(task).showAll(LotFacts.of(lot))
                .show("holdReason", hold.getReason())
                .show("holdSource", hold.getSource())
                .show("holdReference", hold.getReference())
                .show("holdPlacedBy", users.fullName(hold.getPlacedBy()))
                .show("holdPlacedAt", hold.getPlacedAt())
                .show("decisionDue", hold.getDecisionDueAt())
                .markdown("impactAssessment", impact::markdown);
    }
}
