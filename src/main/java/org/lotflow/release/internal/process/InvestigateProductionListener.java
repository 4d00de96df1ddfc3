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
        forms.of(task, ReleaseFacts.lot(runs, task)).apply();
    }

    @Override
    protected void onComplete(DelegateTask task) {
        Long lotId = ReleaseFacts.lot(runs, task).getId();
        String findings = FINDINGS.get(task);
        TaskInputs.forget(task, FINDINGS);
        phaseTwo.conclude(lotId, findings);
    }
}
