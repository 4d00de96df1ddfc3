package org.lotflow.release;

import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.NotFound;
import org.lotflow.shared.StateConflict;
import org.lotflow.shared.NotPermitted;
import org.lotflow.shared.FourEyesViolation;
import org.lotflow.shared.SignatureRefused;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.lotflow.history.LotEventTypes;
import org.lotflow.history.LotHistory;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotCreated;
import org.lotflow.lot.LotStock;
import org.lotflow.lot.LotService;
import org.lotflow.lot.LotSource;
import org.lotflow.lot.LotStatus;
import org.lotflow.product.SpecLimit;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.ElectronicSignatures;
import org.lotflow.security.Groups;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lab release of a lot: starts {@code lotRelease} when a lot is created, judges lab results
 * against the product's specification, records the approval signature and carries out the
 * outcome. The process's delegates and listeners are thin and call this service.
 *
 * <p>Facts never come from process variables (any Camunda surface can write those): the lot is
 * the one bound to the process instance in {@code lot_release_run} (and named by its business
 * key), the analyst comes from the {@code lab_result} rows, the approver from the signature in
 * the lot's history; the outcome steps re-check those records before they act (contract: "Which
 * lot ... or person a task concerns is lotflow's own record, never a variable that a user can
 * set"; 21 CFR 11.10(f) operational checks, 11.70 signature/record linking; EU GMP Annex 11 §12.4).
 */
@Service
public class ReleaseService {

    public static final String PROCESS_KEY = "lotRelease";
    public static final String TASK_RECORD_LAB_RESULTS = "recordLabResults";
    public static final String TASK_APPROVE_RELEASE = "approveRelease";

    private final LotService lots;
    private final LabResultRepository results;
    private final LotHistory history;
    private final CurrentUser currentUser;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final ReleaseSla sla;
    private final Clock clock;
    private final LotStock lotRepository;
    private final ReleaseRunRepository runs;
    private final ElectronicSignatures signatures;

    /**
     * The handshake of lotflow's own start: the id of the lot whose release {@link #onLotCreated}
     * is starting on this thread. Nothing outside this class can set it (a variable could be sent
     * by anyone), so the start listener tells lotflow's start from a user's by it.
     */
    private static final ThreadLocal<Long> STARTING = new ThreadLocal<>();

    public ReleaseService(LotService lots, LabResultRepository results, LotHistory history, CurrentUser currentUser,
            RuntimeService runtimeService, TaskService taskService, ReleaseSla sla, Clock clock,
            LotStock lotRepository, ReleaseRunRepository runs, ElectronicSignatures signatures) {
        this.signatures = signatures;
        this.lotRepository = lotRepository;
        this.runs = runs;
        this.lots = lots;
        this.results = results;
        this.history = history;
        this.currentUser = currentUser;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.sla = sla;
        this.clock = clock;
    }

    /** One measured value as a LIMS or an analyst reports it. */
    public record Measurement(String test, BigDecimal value) {
    }

    /**
     * Starts the lab release of a new lot, in the lot's own transaction. The process carries no
     * lot id: its business key (the lot number) and {@code lot_release_run} say which lot it is.
     */
    @EventListener
    public void onLotCreated(LotCreated created) {
        if (created.source() == LotSource.UNIDENTIFIED_STOCK) {
            return; // unidentified stock goes to quarantine, not to release
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("releaseDueAt", sla.dueFromNow());
        STARTING.set(created.lotId());
        try {
            runtimeService.startProcessInstanceByKey(PROCESS_KEY, created.lotNumber(), variables);
        } finally {
            STARTING.remove();
        }
    }

    /**
     * The start listener of {@code lotRelease}: accepts only lotflow's own start for a new lot
     * (contract: "lotRelease is started only by creating a lot") and binds the instance to the
     * lot. Reads nothing but the business key. Refused (4xx, nothing starts): no or an unknown
     * business key, unidentified stock, a lot that is not PENDING, a lot that already has its
     * release process (a unique row written under the lot's row lock, not query-then-insert),
     * and any start that lotflow did not make while creating that lot.
     */
    @Transactional
    public Lot claimStart(String businessKey, String processInstanceId) {
        Long handshake = STARTING.get();
        STARTING.remove(); // one start per handshake
        if (businessKey == null || businessKey.isBlank()) {
            throw new InvalidInput("businessKey", "must be the lot number: " + PROCESS_KEY
                    + " is started by creating a lot");
        }
        Lot found = lotRepository.findByLotNumber(businessKey)
                .orElseThrow(() -> new NotFound("Lot", businessKey));
        Lot lot = lotRepository.lockAll(List.of(found.getId())).get(0);
        if (lot.getSource() == LotSource.UNIDENTIFIED_STOCK) {
            throw new StateConflict("Lot " + businessKey + " is unidentified stock: it is investigated in "
                    + "quarantine, it has no lab release").with("lotNumber", businessKey);
        }
        if (lot.getStatus() != LotStatus.PENDING) {
            throw new StateConflict("Lot " + businessKey + " is " + lot.getStatus()
                    + "; a lab release is started for a new PENDING lot only").with("lotNumber", businessKey)
                    .with("status", lot.getStatus().name());
        }
        if (runs.existsById(lot.getId())) {
            throw new StateConflict("Lot " + businessKey + " already has its lab release process")
                    .with("lotNumber", businessKey);
        }
        if (!lot.getId().equals(handshake)) {
            throw new NotPermitted(PROCESS_KEY + " is started by lotflow when a lot is created, not directly");
        }
        try {
            runs.saveAndFlush(new ReleaseRun(lot.getId(), processInstanceId, clock.instant()));
        } catch (DataIntegrityViolationException e) {
            throw new StateConflict("Lot " + businessKey + " already has its lab release process")
                    .with("lotNumber", businessKey);
        }
        return lot;
    }

    /**
     * The lot a running {@code lotRelease} instance concerns: the lot named by its business key,
     * which must be bound to this very instance in {@code lot_release_run}. Never a variable.
     */
    @Transactional(readOnly = true)
    public Lot lotOf(String businessKey, String processInstanceId) {
        if (businessKey == null || businessKey.isBlank()) {
            throw new StateConflict("Process instance " + processInstanceId + " has no lot number");
        }
        Lot lot = lots.get(businessKey);
        ReleaseRun run = runs.findById(lot.getId()).orElse(null);
        if (run == null || !run.isRunBy(processInstanceId)) {
            throw new StateConflict("Process instance " + processInstanceId + " is not the lab release of lot "
                    + businessKey);
        }
        return lot;
    }

    /**
     * Judges and stores lab results: every test of the specification gets a verdict (a test not
     * measured fails); a test the specification does not know is refused (400).
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
        if (measurements == null || measurements.isEmpty()) {
            throw new InvalidInput("results", "must contain at least one result");
        }
        List<SpecLimit> specs = lot.getProduct().getSpecs();
        Map<String, BigDecimal> measured = new LinkedHashMap<>();
        Set<String> known = new HashSet<>();
        specs.forEach(s -> known.add(s.getTest()));
        for (int i = 0; i < measurements.size(); i++) {
            Measurement m = measurements.get(i);
            if (m == null || m.test() == null || m.test().isBlank()) {
                throw new InvalidInput("results[" + i + "].test", "must not be empty");
            }
            if (!known.contains(m.test())) {
                throw new InvalidInput("results[" + i + "].test", "'" + m.test()
                        + "' is not a test of the specification of " + lot.getProduct().getSku() + " " + known);
            }
            if (m.value() == null) {
                throw new InvalidInput("results[" + i + "].value", "must be a number");
            }
            // the same rule for a LIMS, Tasklist's text and the API: never stored rounded, never judged unrounded
            org.lotflow.shared.input.InputRules.require("results[" + i + "].value",
                    org.lotflow.shared.input.InputRules.measuredValue(m.value()));
            if (measured.put(m.test(), m.value()) != null) {
                throw new InvalidInput("results[" + i + "].test", "'" + m.test() + "' is reported twice");
            }
        }
        String analyst = currentUser.id();
        List<LabResult> stored = new ArrayList<>();
        for (SpecLimit spec : specs) {
            BigDecimal value = measured.get(spec.getTest());
            stored.add(results.save(new LabResult(lotId, spec.getTest(), spec.getUnit(), value, spec.getMin(),
                    spec.getMax(), spec.accepts(value), analyst, clock.instant())));
        }
        LabVerdict verdict = LabVerdict.of(stored);
        history.event(lotId, LotEventTypes.LAB_RESULTS_RECORDED)
                .reason(verdict.passed() ? "All specifications met" : "Out of specification: " + failed(verdict))
                .detail("passed", verdict.passed()).detail("results", verdict.results()).record();
        return verdict;
    }

    /**
     * Results from a LIMS or script: stored and judged, then the lot's {@code recordLabResults}
     * task is completed as the caller, exactly as if done in Tasklist.
     */
    @Transactional
    public LabVerdict submit(String lotNumber, List<Measurement> measurements) {
        currentUser.require(Groups.QA_ANALYST, Groups.QA_MANAGER);
        // the lot's row lock serializes concurrent submissions: the second finds the results recorded (409)
        Lot lot = lots.lockForChange(lots.get(lotNumber));
        Task task = openTask(lotNumber, TASK_RECORD_LAB_RESULTS);
        if (task.getAssignee() != null && !task.getAssignee().equals(currentUser.id())) {
            throw new StateConflict("The lab-results task of lot " + lotNumber + " is claimed by "
                    + task.getAssignee());
        }
        LabVerdict verdict = record(lot.getId(), measurements);
        if (task.getAssignee() == null) {
            taskService.claim(task.getId(), currentUser.id());
        }
        taskService.complete(task.getId());
        return verdict;
    }

    /** The stored verdict of a lot, or null when no results were recorded yet. */
    @Transactional(readOnly = true)
    public LabVerdict verdict(Long lotId) {
        List<LabResult> stored = results.findByLotIdOrderByIdAsc(lotId);
        return stored.isEmpty() ? null : LabVerdict.of(stored);
    }

    /**
     * The approver's decision, an electronic signature. Refused when nobody is logged in, when the
     * signer is not a QA manager, or when the signer recorded the lab results (four eyes).
     */
    @Transactional
    public void signApproval(Long lotId, Boolean approved, String comment, String labRecordedBy) {
        if (approved == null) {
            throw new InvalidInput("approved", "is required: true to release, false to refuse");
        }
        if (!currentUser.isAuthenticated()) {
            throw new SignatureRefused(SignatureRefused.Reason.NOT_SIGNED_IN,
                    "A release decision must be signed by a logged-in user");
        }
        String signer = currentUser.id();
        if (!currentUser.isInAnyGroup(Groups.QA_MANAGER)) {
            throw new NotPermitted("Only a QA manager may sign a release decision; " + signer + " is not one");
        }
        Lot lot = lots.get(lotId);
        if (signer.equals(labRecordedBy)) {
            throw new FourEyesViolation(signer, "recorded the lab results of lot " + lot.getLotNumber(),
                    "approve its release").with("labRecordedBy", labRecordedBy);
        }
        String meaning = approved ? "release approval" : "release refusal";
        signatures.sign(meaning, "lot " + lot.getLotNumber()); // user id and password at this signing (11.200)
        history.event(lotId, approved ? LotEventTypes.RELEASE_APPROVED : LotEventTypes.RELEASE_REFUSED)
                .by(signer).reason(comment == null || comment.isBlank() ? null : comment)
                .detail("approved", approved).detail("labRecordedBy", labRecordedBy)
                .signature(meaning).record();
    }

    /**
     * Outcome {@code releaseLot}: the lot becomes RELEASED with everything available, but only
     * when lotflow's records say so: a passing lab verdict and, as the last release decision, a
     * signed approval by someone other than the analyst (four eyes; 21 CFR 11.10(f), 11.70; EU GMP
     * Annex 11 §14 and Part I 1.4(xv): no release without a QP/QA-authorised decision). Anything
     * else is refused with an exception (the job is retried, then becomes an incident): a
     * tampered routing variable can send the process here, but cannot release the lot.
     */
    @Transactional
    public void release(Long lotId) {
        Lot lot = lots.get(lotId);
        LabVerdict verdict = verdict(lotId);
        if (verdict == null || !verdict.passed()) {
            throw refused(lot, "its lab results are " + (verdict == null ? "not recorded" : "out of specification"));
        }
        LotHistory.Entry decision = releaseDecision(lotId);
        if (decision == null || !LotEventTypes.RELEASE_APPROVED.equals(decision.type())) {
            throw refused(lot, decision == null ? "no release decision is signed" : "its release was refused");
        }
        String approvedBy = signer(decision);
        if (approvedBy == null || approvedBy.equals(verdict.recordedBy())) {
            throw refused(lot, "its release approval is not signed by a second person");
        }
        lots.changeStatus(lot, LotStatus.RELEASED, "Lab results within specification; release approved by "
                + currentUser.fullName(approvedBy), Map.of("available", lot.getAvailable()), approvedBy);
    }

    /**
     * Outcome {@code rejectLot}: the lot becomes REJECTED, but only with a failing lab verdict
     * (decided by the analyst's results) or, as the last release decision, a signed refusal.
     * Anything else is refused with an exception (retried, then an incident); nothing changes.
     */
    @Transactional
    public void reject(Long lotId) {
        Lot lot = lots.get(lotId);
        LabVerdict verdict = verdict(lotId);
        if (verdict == null) {
            throw refused(lot, "its lab results are not recorded");
        }
        String reason;
        String decidedBy;
        if (!verdict.passed()) {
            reason = "Out of specification: " + failed(verdict);
            decidedBy = verdict.recordedBy();
        } else {
            LotHistory.Entry decision = releaseDecision(lotId);
            if (decision == null || !LotEventTypes.RELEASE_REFUSED.equals(decision.type())) {
                throw refused(lot, "its lab results passed and no release refusal is signed");
            }
            decidedBy = signer(decision);
            if (decidedBy == null) {
                throw refused(lot, "its release refusal is not signed");
            }
            reason = "Release refused by " + currentUser.fullName(decidedBy);
        }
        lots.changeStatus(lot, LotStatus.REJECTED, reason, Map.of(), decidedBy);
    }

    /** The last signed release decision (approval or refusal) in the lot's history, or null. */
    private LotHistory.Entry releaseDecision(Long lotId) {
        LotHistory.Entry last = null;
        for (LotHistory.Entry e : history.of(lotId)) {
            if (LotEventTypes.RELEASE_APPROVED.equals(e.type()) || LotEventTypes.RELEASE_REFUSED.equals(e.type())) {
                last = e;
            }
        }
        return last;
    }

    /** The signer of a decision: the event's user, who must also be the signature's. */
    private static String signer(LotHistory.Entry decision) {
        Object signature = decision.detail().get("signature");
        if (!(signature instanceof Map<?, ?> sig) || decision.user() == null
                || !decision.user().equals(sig.get("userId"))) {
            return null;
        }
        return decision.user();
    }

    private static IllegalStateException refused(Lot lot, String why) {
        return new IllegalStateException("Refused to carry out the release decision of lot " + lot.getLotNumber()
                + ": " + why + " (lot " + lot.getStatus() + ", nothing changed)");
    }

    /** The release target passed with the lot still undecided: a notice in the lot's history. */
    @Transactional
    public void recordOverdue(Long lotId) {
        Lot lot = lots.get(lotId);
        if (lot.getStatus() == LotStatus.PENDING) {
            history.event(lotId, LotEventTypes.RELEASE_OVERDUE)
                    .reason("Release target of " + sla.getDuration().toHours() + " hours passed without a decision")
                    .record();
        }
    }

    private Task openTask(String lotNumber, String taskKey) {
        List<Task> tasks = taskService.createTaskQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(lotNumber).taskDefinitionKey(taskKey).active().list();
        if (tasks.isEmpty()) {
            throw new StateConflict("Lot " + lotNumber + " has no open " + taskKey + " task you may work on");
        }
        return tasks.get(0);
    }

    private static String failed(LabVerdict verdict) {
        return verdict.results().stream().filter(t -> !t.passed())
                .map(t -> t.test() + (t.value() == null ? " (not measured)" : " = " + t.value().stripTrailingZeros()
                        .toPlainString()))
                .reduce((a, b) -> a + ", " + b).orElse("none");
    }
}
