package org.lotflow.release.internal.process;

import static org.lotflow.release.internal.process.LotReleaseVariables.FINDINGS;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.lotflow.release.internal.OosProductionInvestigation;
import org.lotflow.release.internal.ReleaseRunBinding;
import org.lotflow.shared.TaskInputs;
import org.lotflow.shared.process.TaskLifecycleListener;
import org.springframework.stereotype.Component;

/**
 * {@code investigateProduction} (OOS phase II): on create, shows the confirmed round and phase I's
 * findings ({@link OosForms}); on complete, reads {@code findings} (required, removed once read) and
 * has {@link OosProductionInvestigation} record them as the logged-in user.
 */
@Component("investigateProductionListener")
public class InvestigateProductionListener extends TaskLifecycleListener {

    private final ReleaseRunBinding runs;
    private final OosForms forms;
    private final OosProductionInvestigation phaseTwo;

    public InvestigateProductionListener(ReleaseRunBinding runs, OosForms forms, OosProductionInvestigation phaseTwo) {
        this.runs = runs;
        this.forms = forms;
        this.phaseTwo = phaseTwo;
    }

    @Override
    protected void onCreate(DelegateTask task) {
        TaskInputs.forget(task, FINDINGS);
        org.lotflow.lot.Lot lot = ReleaseFacts.lot(runs, task);
        forms.of(task, lot).show("investigationScope", scope(lot.isReceived())).apply();
    }

    /**
     * What phase II reviews (FDA guidance "Investigating OOS Test Results", phase II: a full-scale investigation): a
     * lot made here, its manufacture; a lot received from a supplier, its supplier's side (new user 2026-12-06 L5: a
     * supplier's lot was asked for its batch record and operators).
     */
    static String scope(boolean received) {
        return received
                ? "A lot received from a supplier: review the supplier's certificate of analysis against these results,"
                        + " the delivery (transport and storage conditions, seals, labels), the sampling at receipt, and"
                        + " the supplier's other lots received here; ask the supplier for its own investigation."
                : "A lot made here: review the batch record, the raw materials and their certificates, the equipment"
                        + " and the operators, and the other lots that may be affected.";
    }

    @Override
    protected void onComplete(DelegateTask task) {
        Long lotId = ReleaseFacts.lot(runs, task).getId();
        String findings = FINDINGS.get(task);
        TaskInputs.forget(task, FINDINGS);
        phaseTwo.conclude(lotId, findings);
    }
}
