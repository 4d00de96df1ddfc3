package org.lotflow.quarantine;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.lotflow.lot.Lot;
import org.lotflow.security.CurrentUser;

/**
 * What the quarantine forms show, set as task-local variables when a task is created. The
 * process carries only ids; these copies are for display in Tasklist.
 */
final class QuarantineFormData {

    private QuarantineFormData() {
    }

    static void lotAndHold(DelegateTask task, Lot lot, Hold hold, ImpactAssessment impact, CurrentUser users) {
        task.setVariableLocal("lotNumber", lot.getLotNumber());
        task.setVariableLocal("sku", lot.getProduct().getSku());
        task.setVariableLocal("productName", lot.getProduct().getName());
        task.setVariableLocal("lotStatus", lot.getStatus().name());
        task.setVariableLocal("location", lot.getLocation() == null ? "" : lot.getLocation());
        task.setVariableLocal("holdReason", hold.getReason());
        task.setVariableLocal("holdSource", hold.getSource().name());
        task.setVariableLocal("holdReference", hold.getReference() == null ? "-" : hold.getReference());
        task.setVariableLocal("holdPlacedBy", users.fullName(hold.getPlacedBy()));
        task.setVariableLocal("holdPlacedAt", hold.getPlacedAt().toString());
        task.setVariableLocal("decisionDue", hold.getDecisionDueAt().toString());
        task.setVariableLocal("impactAssessment", impact.markdown());
    }
}
