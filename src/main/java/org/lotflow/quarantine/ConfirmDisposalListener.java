package org.lotflow.quarantine;

import org.lotflow.shared.TaskInputs;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotService;
import org.springframework.stereotype.Component;

/**
 * {@code confirmDisposal} (rejected lots): on create, shows what is to be disposed of; on
 * complete, records {@code disposalMethod} and {@code disposalReference} (the form's fields) in the
 * lot history, only for a hold whose signed disposition was REJECT. The hold is the one bound to
 * this process instance, never a {@code holdId} variable (contract; 21 CFR 11.10(f)).
 */
@Component("confirmDisposalListener")
public class ConfirmDisposalListener implements TaskListener {

    private final QuarantineService quarantine;
    private final LotService lots;

    public ConfirmDisposalListener(QuarantineService quarantine, LotService lots) {
        this.quarantine = quarantine;
        this.lots = lots;
    }

    @Override
    public void notify(DelegateTask task) {
        Hold hold = QuarantineFacts.hold(quarantine, task);
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            TaskInputs.forget(task, "disposalMethod", "disposalReference");
            Lot lot = lots.get(hold.getLotId());
            task.setVariableLocal("lotNumber", lot.getLotNumber());
            task.setVariableLocal("location", lot.getLocation() == null ? "" : lot.getLocation());
            task.setVariableLocal("onHand", lot.getQuantity().subtract(lot.getShipped()).subtract(lot.getConsumed())
                    .stripTrailingZeros().toPlainString() + " " + lot.getProduct().getUnit());
            return;
        }
        String method = TaskInputs.text(task, "disposalMethod");
        String reference = TaskInputs.text(task, "disposalReference");
        TaskInputs.forget(task, "disposalMethod", "disposalReference");
        quarantine.recordDisposal(hold.getId(), method, reference);
    }
}
