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
import org.lotflow.release.internal.OosInvestigation;
import org.lotflow.release.internal.OosInvestigationRepository;
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
 * noted in the lot's history: {@code LAB_RESULTS_RECORDED} with {@code detail.results = [{test, value, unit, min, max,
 * passed, result}, ...]}, the limits each result was judged against, and {@code detail.productMasterData = {sku,
 * sha256}}, the fingerprint of the specification they came from ({@link org.lotflow.product.ProductFingerprint}; 21 CFR
 * 11.10(e), EU GMP Annex 11 §9: a past judgment is re-read against what it was judged by). From a LIMS or script ({@link #submit}) the lot's
 * {@code recordLabResults} task is then completed as the caller, exactly as if done in Tasklist.
 *
 * <p>Results come in test rounds: round 1 is the original analysis. An out-of-specification round
 * never rejects the lot by itself (contract; FDA guidance "Investigating OOS Test Results"): it opens
 * an {@link OosInvestigation} routed to QA. A retest (the next round) is accepted only after phase I of
 * that investigation found an assignable laboratory error; the earlier round's rows stay as they were. The person
 * who concluded that laboratory error does not record the retest (four eyes, 403: the retest is independent of whoever
 * invalidated the result; FDA guidance "Investigating OOS Test Results"; auditor 27 F4), on every path alike: the API,
 * Tasklist's {@code recordLabResults} and the Console all record through {@link #record}.
 *
 * <p>A held lot that was never released (unidentified stock, a receipt into quarantine; seed "What if I discover
 * inventory without lot identification?", step 4 "Quality testing - verify product meets specifications") gets its
 * lab results the same way, without a lab-release task: once, judged and kept alike; an out-of-specification round
 * opens no OOS investigation there (no lab release runs), and its signed disposition decides. A quarantine
 * disposition RELEASE of such a lot needs its passing results (auditor 2026-12-05 F15).
 */
@Service
public class LabResultsRecording {

    /**
     * The history detail that says a {@code LAB_RESULTS_RECORDED} event's values and limits are as the analyst and the
     * specification wrote them (recorded since V156); without it, a value of 6 decimals is the column's old padding.
     */
    public static final String DECIMALS_AS_WRITTEN = "decimalsAsWritten";

    private final LotService lots;
    private final LabResultRepository results;
    private final OosInvestigationRepository investigations;
    private final LotHistory history;
    private final CurrentUser currentUser;
    private final LotReleaseProcess process;
    private final Clock clock;

    public LabResultsRecording(LotService lots, LabResultRepository results,
            OosInvestigationRepository investigations, LotHistory history, CurrentUser currentUser,
            LotReleaseProcess process, Clock clock) {
        this.lots = lots;
        this.results = results;
        this.investigations = investigations;
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
     * (409; the lot's row lock serializes concurrent submissions, so the second finds the results), and the four-eyes
     * refusals of {@link #record} (403: the lot's creator; for a retest, whoever invalidated the round it replaces). A held
     * lot that was never released has no task: its results are recorded directly ({@link #record}).
     */
    /**
     * {@link #submit} for results typed one {@code test = value} per line, as Tasklist's form and the Console's take
     * them (blank lines and {@code #} notes skipped; 400 naming {@code labResults} and the line when one cannot be
     * read or names no test of the product's specification). New user 2026-12-06 N1: a lot received into quarantine
     * had no screen to record its incoming-inspection results on.
     */
    @Transactional
    public LabVerdict submitTyped(String asTyped, String text) {
        currentUser.requireMember("record lab results", Groups.QA_ANALYST, Groups.QA_MANAGER);
        if (text == null || text.isBlank()) {
            throw new org.lotflow.shared.InvalidInput("labResults", "enter the lab results, one 'test = value' per line");
        }
        Lot lot = lots.get(asTyped);
        return submit(asTyped, org.lotflow.release.internal.LabResultsText.parse(text, lot.getProduct().getSku(),
                lot.getProduct().getSpecs()));
    }

    @Transactional
    public LabVerdict submit(String asTyped, List<Measurement> measurements) {
        currentUser.requireMember("record lab results", Groups.QA_ANALYST, Groups.QA_MANAGER);
        Lot lot = lots.lockForChange(lots.get(asTyped));
        // the lot number as stored: the process's business key, whatever case the path had (auditor 2026-12-06 C-a)
        String lotNumber = lot.getLotNumber();
        if (lot.getStatus() == LotStatus.QUARANTINE) {
            return record(lot.getId(), measurements); // a held lot never released: no lab-release task
        }
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
     * path, and {@link #submit}'s), as its next test round. Every test of the specification gets a
     * verdict; an out-of-specification round opens its investigation. Refusals as in
     * {@link LabJudgement} (400); 409: a lot that is not PENDING, results already recorded and no
     * retest allowed (the latest round passed, or its investigation did not find a laboratory error); 403 (four
     * eyes): the person who created the lot, or for a retest the person who invalidated the round it replaces
     * ({@link org.lotflow.release.internal.FourEyes#requireNotInvalidatorOfReplaced}).
     * Takes the lot's row lock before it looks, on both paths: a Tasklist completion racing an API
     * submission then finds the other's round and answers 409, instead of meeting the round's unique key.
     */
    @Transactional
    public LabVerdict record(Long lotId, List<Measurement> measurements) {
        Lot lot = lots.lockForChange(lots.get(lotId));
        boolean held = lot.getStatus() == LotStatus.QUARANTINE;
        if (held && history.everReached(lotId, LotStatus.RELEASED.name())) {
            throw new StateConflict("Lot " + lot.getLotNumber() + " is QUARANTINE after its release; its lab results"
                    + " were recorded before it was released, and its hold's investigation records what is found now");
        }
        if (lot.getStatus() != LotStatus.PENDING && !held) {
            throw new StateConflict("Lot " + lot.getLotNumber() + " is " + lot.getStatus()
                    + "; lab results are recorded for PENDING lots, and for held lots never released");
        }
        int latest = results.latestRound(lotId);
        if (latest > 0) {
            OosInvestigation open = investigations.findByLotIdAndRound(lotId, latest).orElse(null);
            if (open == null) {
                throw new StateConflict("Lab results for lot " + lot.getLotNumber() + " were already recorded");
            }
            if (!open.allowsRetest()) {
                throw new StateConflict("Lab results for lot " + lot.getLotNumber() + " were already recorded; test"
                        + " round " + latest + " is out of specification and a retest is allowed only when its"
                        + " laboratory investigation (phase I) finds an assignable laboratory error");
            }
            // whoever threw the round away does not also record the data that replaces it (auditor 27 F4)
            org.lotflow.release.internal.FourEyes.requireNotInvalidatorOfReplaced(currentUser.id(), open,
                    lot.getLotNumber());
        }
        int round = latest + 1;
        // the quality unit tests what production made: not the person who created the lot (re-test 2026-12-06 Y1)
        if (currentUser.id() != null && currentUser.id().equals(lot.getCreatedBy())) {
            throw new org.lotflow.shared.FourEyesViolation(currentUser.id(), "created lot " + lot.getLotNumber(),
                    "record its lab results").with("createdBy", lot.getCreatedBy());
        }
        List<LabVerdict.TestVerdict> tests = LabJudgement.judge(lot.getProduct().getSku(),
                lot.getProduct().getSpecs(), measurements);
        String analyst = currentUser.id();
        java.time.Instant now = clock.instant();
        for (LabVerdict.TestVerdict t : tests) {
            results.save(new LabResult(lotId, round, t.test(), t.unit(), t.value(), t.text(), t.min(), t.max(),
                    t.passed(), analyst, now));
        }
        LabVerdict verdict = LabVerdict.of(round, analyst, now, tests);
        String retest = (round == 1 ? "" : " (retest, test round " + round + ")")
                + (held ? " (held lot, never released: its signed disposition decides)" : "");
        history.event(lotId, LotEventTypes.LAB_RESULTS_RECORDED)
                .reason((verdict.passed() ? "All specifications met" : "Out of specification: " + verdict.failedTests())
                        + retest)
                .detail("passed", verdict.passed()).detail("round", round).detail("results", verdict.results())
                // values and limits as written (V156): a 6-decimal value is no column padding (auditor 2026-12-07 F3)
                .detail(DECIMALS_AS_WRITTEN, true)
                // each result carries the limits it was judged against (unit, min, max); the specification they came
                // from is named by its fingerprint, which the audit check compares with the product (sig28 M1)
                .detail(org.lotflow.product.ProductFingerprint.DETAIL,
                        org.lotflow.product.ProductFingerprint.detail(lot.getProduct()))
                .record();
        if (!verdict.passed() && !held) {
            investigations.save(new OosInvestigation(lotId, round, verdict.failedTests(), analyst, clock.instant()));
            history.event(lotId, LotEventTypes.OOS_INVESTIGATION_OPENED)
                    .reason("Out-of-specification result in test round " + round + " (" + verdict.failedTests()
                            + "): laboratory investigation (phase I) opened; the lot stays PENDING")
                    .detail("round", round).record();
        }
        return verdict;
    }
}
