package org.lotflow.release.internal.process;

import static org.lotflow.release.internal.process.LotReleaseVariables.FINDINGS;
import static org.lotflow.release.internal.process.LotReleaseVariables.LAB_CONCLUSION;
import static org.lotflow.release.internal.process.LotReleaseVariables.LAB_ERROR_FOUND;

import java.util.Arrays;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.lotflow.lot.Lot;
import org.lotflow.release.internal.OosInvestigation;
import org.lotflow.release.internal.OosLaboratoryInvestigation;
import org.lotflow.release.internal.ReleaseQueries;
import org.lotflow.release.internal.ReleaseRunBinding;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.TaskInputs;
import org.lotflow.shared.process.TaskLifecycleListener;
import org.springframework.stereotype.Component;

/**
 * {@code investigateLabError} (OOS phase I): on create, shows the out-of-specification round
 * ({@link OosForms}) and forgets inputs waiting from before; on complete, reads {@code labConclusion}
 * ({@code LAB_ERROR} or {@code CONFIRMED}) and {@code findings}, both required and removed once read,
 * has {@link OosLaboratoryInvestigation} record them as the logged-in user (not the analyst), and hands
 * the stored conclusion to the gateway as {@code labErrorFound}, overwriting whatever a user sent. On
 * assignment, refuses the analyst of the round as its assignee (four eyes, before she works on it).
 */
@Component("investigateLabErrorListener")
public class InvestigateLabErrorListener extends TaskLifecycleListener {

    private final ReleaseRunBinding runs;
    private final OosForms forms;
    private final OosLaboratoryInvestigation phaseOne;
    private final ReleaseQueries queries;

    public InvestigateLabErrorListener(ReleaseRunBinding runs, OosForms forms, OosLaboratoryInvestigation phaseOne,
            ReleaseQueries queries, org.lotflow.shared.process.LiveTaskDisplays displays) {
        this.runs = runs;
        this.forms = forms;
        this.phaseOne = phaseOne;
        this.queries = queries;
        // the analyst of the round reads on the form that phase I is another person's, before she tries to claim it
        // (new user 2026-12-07 F6: she learnt it only from the refused claim)
        displays.live(org.lotflow.release.LotRelease.PROCESS_KEY, "investigateLabError", (task, reader) -> {
            Lot lot = ReleaseFacts.lot(runs, task);
            return java.util.Map.of(org.lotflow.shared.FourEyesNotices.DISPLAY,
                    ownResult(reader, queries.currentInvestigation(lot.getId()), lot.getLotNumber()));
        });
    }

    /** The phase I form's four-eyes notice for {@code reader}: said to the analyst of the round, "" to anyone else. */
    static String ownResult(String reader, OosInvestigation oos, String lotNumber) {
        if (reader == null || oos == null || !reader.equals(oos.getAnalyst())) {
            return "";
        }
        return "Four eyes: you recorded this out-of-specification result of lot " + lotNumber + " (test round "
                + oos.getRound() + "), so another analyst or a supervisor of your group concludes its laboratory"
                + " investigation; leave this task to them.";
    }

    /** Claiming: the analyst of the round may not take her own phase I (four eyes, 403 at once). */
    @Override
    protected void onAssigned(DelegateTask task, String assignee) {
        Lot lot = ReleaseFacts.lot(runs, task);
        OosLaboratoryInvestigation.requireSupervisor(assignee, queries.currentInvestigation(lot.getId()),
                lot.getLotNumber());
    }

    @Override
    protected void onCreate(DelegateTask task) {
        TaskInputs.forget(task, LAB_CONCLUSION, FINDINGS, LAB_ERROR_FOUND);
        forms.of(task, ReleaseFacts.lot(runs, task)).apply();
    }

    @Override
    protected void onComplete(DelegateTask task) {
        Lot lot = ReleaseFacts.lot(runs, task);
        String conclusion = LAB_CONCLUSION.get(task);
        String findings = FINDINGS.get(task);
        TaskInputs.forget(task, LAB_CONCLUSION, FINDINGS);
        OosInvestigation oos = phaseOne.conclude(lot.getId(), conclusion(conclusion), findings);
        LAB_ERROR_FOUND.set(task.getExecution(), oos.allowsRetest());
    }

    static OosInvestigation.LabConclusion conclusion(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(OosInvestigation.LabConclusion.values()).filter(c -> c.name().equals(value)).findFirst()
                .orElseThrow(() -> new InvalidInput(OosLaboratoryInvestigation.CONCLUSION_FIELD,
                        "must be LAB_ERROR or CONFIRMED, not '" + value + "'"));
    }
}
