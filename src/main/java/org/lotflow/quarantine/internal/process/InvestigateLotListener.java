package org.lotflow.quarantine.internal.process;

import static org.lotflow.quarantine.internal.process.QuarantineInvestigationVariables.FINDINGS;
import static org.lotflow.quarantine.internal.process.QuarantineInvestigationVariables.RETAINED_SAMPLE_RESULTS;
import static org.lotflow.quarantine.internal.process.QuarantineInvestigationVariables.ROOT_CAUSE;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotService;
import org.lotflow.quarantine.internal.Hold;
import org.lotflow.quarantine.internal.Investigation;
import org.lotflow.quarantine.internal.QuarantineQueries;
import org.lotflow.security.CurrentUser;
import org.lotflow.shared.TaskInputs;
import org.lotflow.shared.process.TaskLifecycleListener;
import org.springframework.stereotype.Component;

/**
 * {@code investigateLot}: on create, shows the complaint and the impact assessment; on complete,
 * hands {@code findings}, {@code rootCause} and {@code retainedSampleResults} (the form's fields,
 * text, read once and removed) to {@link Investigation}, which keeps them in the hold (not in the
 * process) as the completing user's. The hold is the one bound to this process instance
 * ({@link BoundHold}; 21 CFR 11.10(e)).
 */
@Component("investigateLotListener")
public class InvestigateLotListener extends TaskLifecycleListener {

    static final String[] FIELDS = QuarantineInvestigationVariables.names(FINDINGS, ROOT_CAUSE,
            RETAINED_SAMPLE_RESULTS);

    private final QuarantineQueries queries;
    private final Investigation investigation;
    private final LotService lots;
    private final CurrentUser currentUser;
    private final org.lotflow.quarantine.internal.HoldSignatures holdSignatures;

    public InvestigateLotListener(QuarantineQueries queries, Investigation investigation, LotService lots,
            CurrentUser currentUser, org.lotflow.shared.process.LiveTaskDisplays displays,
            org.lotflow.quarantine.internal.HoldSignatures holdSignatures) {
        this.queries = queries;
        this.investigation = investigation;
        this.lots = lots;
        this.currentUser = currentUser;
        this.holdSignatures = holdSignatures;
        displays.live(InvestigationProcess.PROCESS_KEY, "investigateLot", (task, reader) ->
                HoldForm.live(BoundHold.of(queries, task)));
    }

    @Override
    protected void onCreate(DelegateTask task) {
        Hold hold = BoundHold.of(queries, task);
        TaskInputs.forget(task, FINDINGS, ROOT_CAUSE, RETAINED_SAMPLE_RESULTS);
        Lot lot = lots.get(hold.getLotId());
        HoldForm.lotAndHold(task, lot, hold, queries.impact(lot), currentUser, queries.earlier(hold),
                holdSignatures).apply();
    }

    @Override
    protected void onComplete(DelegateTask task) {
        Hold hold = BoundHold.of(queries, task);
        String findings = FINDINGS.get(task);
        String rootCause = ROOT_CAUSE.get(task);
        String retained = RETAINED_SAMPLE_RESULTS.get(task);
        TaskInputs.forget(task, FINDINGS, ROOT_CAUSE, RETAINED_SAMPLE_RESULTS);
        investigation.record(hold.getId(), findings, rootCause, retained);
    }
}
