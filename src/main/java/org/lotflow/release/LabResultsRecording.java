package org.lotflow.release;

import java.time.Clock;
import java.util.List;

import org.lotflow.history.LotEventTypes;
import org.lotflow.history.LotHistory;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotService;
import org.lotflow.lot.LotStatus;
import org.lotflow.release.internal.LabJudgement;
import org.lotflow.release.internal.LabResult;
import org.lotflow.release.internal.LabResultRepository;
import org.lotflow.release.internal.process.LotReleaseProcess;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.Groups;
import org.lotflow.shared.StateConflict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case "record the lab results of a lot" (the seed, "Lab release"; 21 CFR 211.165 and 211.194):
 * the analyst's measurements are judged against the product's specification ({@link LabJudgement}),
 * stored once with the limits they were judged against and the analyst's id ({@code lab_result}), and
 * noted in the lot's history. From a LIMS or script ({@link #submit}) the lot's
 * {@code recordLabResults} task is then completed as the caller, exactly as if done in Tasklist.
 */
@Service
public class LabResultsRecording {

    private final LotService lots;
    private final LabResultRepository results;
    private final LotHistory history;
    private final CurrentUser currentUser;
    private final LotReleaseProcess process;
    private final Clock clock;

    public LabResultsRecording(LotService lots, LabResultRepository results, LotHistory history,
            CurrentUser currentUser, LotReleaseProcess process, Clock clock) {
        this.lots = lots;
        this.results = results;
        this.history = history;
        this.currentUser = currentUser;
        this.process = process;
        this.clock = clock;
    }

    /**
     * Results from a LIMS or script for the lot {@code lotNumber}: stored and judged, then its open
     * {@code recordLabResults} task is claimed (if nobody has) and completed as the caller. Refused:
     * a caller who is no QA analyst or manager (403), an unknown lot (404), bad measurements (400),
     * no open task, a task claimed by someone else, a lot that is not PENDING or already has results
     * (409; the lot's row lock serializes concurrent submissions, so the second finds the results).
     */
    @Transactional
    public LabVerdict submit(String lotNumber, List<Measurement> measurements) {
        currentUser.require(Groups.QA_ANALYST, Groups.QA_MANAGER);
        Lot lot = lots.lockForChange(lots.get(lotNumber));
        LotReleaseProcess.OpenTask task = process.openTask(lotNumber, LotRelease.TASK_RECORD_LAB_RESULTS);
        if (task.assignee() != null && !task.assignee().equals(currentUser.id())) {
            throw new StateConflict("The lab-results task of lot " + lotNumber + " is claimed by " + task.assignee());
        }
        LabVerdict verdict = record(lot.getId(), measurements);
        process.complete(task, currentUser.id());
        return verdict;
    }

    /**
     * Judges and stores the lab results of a PENDING lot as the logged-in analyst (the task listener's
     * path, and {@link #submit}'s). Every test of the specification gets a verdict (a test not measured
     * fails); refusals as in {@link LabJudgement} (400), results already recorded or a lot that is not
     * PENDING (409).
     */
    @Transactional
    public LabVerdict record(Long lotId, List<Measurement> measurements) {
        Lot lot = lots.get(lotId);
        if (lot.getStatus() != LotStatus.PENDING) {
            throw new StateConflict("Lot " + lot.getLotNumber() + " is " + lot.getStatus()
                    + "; lab results are recorded for PENDING lots only");
        }
        if (results.existsByLotId(lotId)) {
            throw new StateConflict("Lab results for lot " + lot.getLotNumber() + " were already recorded");
        }
        List<LabVerdict.TestVerdict> tests = LabJudgement.judge(lot.getProduct().getSku(),
                lot.getProduct().getSpecs(), measurements);
        String analyst = currentUser.id();
        for (LabVerdict.TestVerdict t : tests) {
            results.save(new LabResult(lotId, t.test(), t.unit(), t.value(), t.min(), t.max(), t.passed(), analyst,
                    clock.instant()));
        }
        LabVerdict verdict = LabVerdict.of(analyst, tests);
        history.event(lotId, LotEventTypes.LAB_RESULTS_RECORDED)
                .reason(verdict.passed() ? "All specifications met" : "Out of specification: " + verdict.failedTests())
                .detail("passed", verdict.passed()).detail("results", verdict.results()).record();
        return verdict;
    }
}
