package org.lotflow.release;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.lotflow.lot.Lot;

/**
 * What a form shows about a lot, set as task-local variables when the task is created. The
 * process carries no lot id (its business key and {@code lot_release_run} name the lot); these
 * copies are for display in Tasklist only and nothing reads them back.
 */
final class TaskFormData {

    private TaskFormData() {
    }

    static void lot(DelegateTask task, Lot lot) {
        task.setVariableLocal("lotNumber", lot.getLotNumber());
        task.setVariableLocal("sku", lot.getProduct().getSku());
        task.setVariableLocal("productName", lot.getProduct().getName());
        task.setVariableLocal("quantity", lot.getQuantity().stripTrailingZeros().toPlainString() + " "
                + lot.getProduct().getUnit());
        task.setVariableLocal("manufactureDate", lot.getManufactureDate().toString());
        task.setVariableLocal("expirationDate", lot.getExpirationDate().toString());
        task.setVariableLocal("location", lot.getLocation() == null ? "" : lot.getLocation());
    }
}
