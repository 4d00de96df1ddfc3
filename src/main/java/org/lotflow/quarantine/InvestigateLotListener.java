package org.lotflow.quarantine;

import org.lotflow.shared.TaskInputs;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotService;
import org.lotflow.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * {@code investigateLot}: on create, shows the complaint and the impact assessment; on complete,
 * stores {@code findings}, {@code rootCause} and {@code retainedSampleResults} (the form's
 * fields, text, read once and removed) in the hold (not in the process) as the completing user.
 * The hold is the one bound to this process instance, never a {@code holdId} variable (contract;
 * 21 CFR 11.10(e)).
 */
@Component("investigateLotListener")
public class InvestigateLotListener implements TaskListener {

    static final String[] FIELDS = {"findings", "rootCause", "retainedSampleResults"};

    private final QuarantineService quarantine;
    private final LotService lots;
    private final CurrentUser currentUser;

    public InvestigateLotListener(QuarantineService quarantine, LotService lots, CurrentUser currentUser) {
        this.quarantine = quarantine;
        this.lots = lots;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        Hold hold = QuarantineFacts.hold(quarantine, task);
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            TaskInputs.forget(task, FIELDS);
            Lot lot = lots.get(hold.getLotId());
            QuarantineFormData.lotAndHold(task, lot, hold, quarantine.impact(lot), currentUser);
            return;
        }
        String findings = TaskInputs.text(task, "findings");
        String rootCause = TaskInputs.text(task, "rootCause");
        String retained = TaskInputs.text(task, "retainedSampleResults");
        TaskInputs.forget(task, FIELDS);
        quarantine.recordInvestigation(hold.getId(), findings, rootCause, retained);
    }
}
