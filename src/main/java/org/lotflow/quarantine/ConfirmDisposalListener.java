package org.lotflow.quarantine;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotService;
import org.springframework.stereotype.Component;

/**
 * {@code confirmDisposal} (rejected lots): on create, shows what is to be disposed of; on
 * complete, records {@code disposalMethod} and {@code disposalReference} in the lot history.
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
        Long holdId = ((Number) task.getVariable("holdId")).longValue();
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            Lot lot = lots.get(quarantine.get(holdId).getLotId());
            task.setVariableLocal("lotNumber", lot.getLotNumber());
            task.setVariableLocal("location", lot.getLocation() == null ? "" : lot.getLocation());
            task.setVariableLocal("onHand", lot.getQuantity().subtract(lot.getShipped()).subtract(lot.getConsumed())
                    .stripTrailingZeros().toPlainString() + " " + lot.getProduct().getUnit());
            return;
        }
        quarantine.recordDisposal(holdId,
                (String) task.getVariable("disposalMethod"), (String) task.getVariable("disposalReference"));
        task.getExecution().removeVariable("disposalMethod");
        task.getExecution().removeVariable("disposalReference");
    }
}
