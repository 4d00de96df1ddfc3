package org.lotflow.release;

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
import org.lotflow.lot.LotService;
import org.lotflow.lot.LotSource;
import org.lotflow.lot.LotStatus;
import org.lotflow.product.SpecLimit;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.Groups;
import org.lotflow.shared.ApiException;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lab release of a lot: starts {@code lotRelease} when a lot is created, judges lab results
 * against the product's specification, records the approval signature and carries out the
 * outcome. The process's delegates and listeners are thin and call this service.
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

    public ReleaseService(LotService lots, LabResultRepository results, LotHistory history, CurrentUser currentUser,
            RuntimeService runtimeService, TaskService taskService, ReleaseSla sla, Clock clock) {
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

    /** Starts the lab release of a new lot, in the lot's own transaction. */
    @EventListener
    public void onLotCreated(LotCreated created) {
        if (created.source() == LotSource.UNIDENTIFIED_STOCK) {
            return; // unidentified stock goes to quarantine, not to release
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("lotId", created.lotId());
        variables.put("releaseDueAt", sla.dueFromNow());
        runtimeService.startProcessInstanceByKey(PROCESS_KEY, created.lotNumber(), variables);
    }

    /**
     * Judges and stores lab results: every test of the specification gets a verdict (a test not
     * measured fails); a test the specification does not know is refused (400).
     */
    @Transactional
    public LabVerdict record(Long lotId, List<Measurement> measurements) {
        Lot lot = lots.get(lotId);
        if (lot.getStatus() != LotStatus.PENDING) {
            throw ApiException.conflict("Lot " + lot.getLotNumber() + " is " + lot.getStatus()
                    + "; lab results are recorded for PENDING lots only");
        }
        if (results.existsByLotId(lotId)) {
            throw ApiException.conflict("Lab results for lot " + lot.getLotNumber() + " were already recorded");
        }
        if (measurements == null || measurements.isEmpty()) {
            throw ApiException.badField("results", "must contain at least one result");
        }
        List<SpecLimit> specs = lot.getProduct().getSpecs();
        Map<String, BigDecimal> measured = new LinkedHashMap<>();
        Set<String> known = new HashSet<>();
        specs.forEach(s -> known.add(s.getTest()));
        for (int i = 0; i < measurements.size(); i++) {
            Measurement m = measurements.get(i);
            if (m == null || m.test() == null || m.test().isBlank()) {
                throw ApiException.badField("results[" + i + "].test", "must not be empty");
            }
            if (!known.contains(m.test())) {
                throw ApiException.badField("results[" + i + "].test", "'" + m.test()
                        + "' is not a test of the specification of " + lot.getProduct().getSku() + " " + known);
            }
            if (m.value() == null) {
                throw ApiException.badField("results[" + i + "].value", "must be a number");
            }
            if (measured.put(m.test(), m.value()) != null) {
                throw ApiException.badField("results[" + i + "].test", "'" + m.test() + "' is reported twice");
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
        Lot lot = lots.get(lotNumber);
        Task task = openTask(lotNumber, TASK_RECORD_LAB_RESULTS);
        if (task.getAssignee() != null && !task.getAssignee().equals(currentUser.id())) {
            throw ApiException.conflict("The lab-results task of lot " + lotNumber + " is claimed by "
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
            throw new org.camunda.bpm.engine.BadUserRequestException("'approved' (true or false) is required");
        }
        if (!currentUser.isAuthenticated()) {
            throw new org.camunda.bpm.engine.BadUserRequestException(
                    "A release decision must be signed by a logged-in user");
        }
        String signer = currentUser.id();
        if (!currentUser.isInAnyGroup(Groups.QA_MANAGER)) {
            throw new org.camunda.bpm.engine.BadUserRequestException(
                    "Only a QA manager may sign a release decision; " + signer + " is not one");
        }
        if (signer.equals(labRecordedBy)) {
            throw new org.camunda.bpm.engine.BadUserRequestException("Four-eyes principle: " + signer
                    + " recorded the lab results of this lot and may not also approve its release");
        }
        history.event(lotId, approved ? LotEventTypes.RELEASE_APPROVED : LotEventTypes.RELEASE_REFUSED)
                .by(signer).reason(comment == null || comment.isBlank() ? null : comment)
                .detail("approved", approved).detail("labRecordedBy", labRecordedBy)
                .signature(approved ? "release approval" : "release refusal").record();
    }

    /** Outcome: the lot becomes RELEASED with everything available. */
    @Transactional
    public void release(Long lotId, String approvedBy) {
        Lot lot = lots.get(lotId);
        lots.changeStatus(lot, LotStatus.RELEASED, "Lab results within specification; release approved by "
                + currentUser.fullName(approvedBy), Map.of("available", lot.getAvailable()), approvedBy);
    }

    /** Outcome: the lot becomes REJECTED (out of specification, or release refused). */
    @Transactional
    public void reject(Long lotId, Boolean labPassed, String decidedBy) {
        Lot lot = lots.get(lotId);
        String reason;
        if (Boolean.FALSE.equals(labPassed)) {
            LabVerdict verdict = verdict(lotId);
            reason = "Out of specification: " + (verdict == null ? "no results" : failed(verdict));
        } else {
            reason = "Release refused by " + currentUser.fullName(decidedBy);
        }
        lots.changeStatus(lot, LotStatus.REJECTED, reason, Map.of(), decidedBy);
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
            throw ApiException.conflict("Lot " + lotNumber + " has no open " + taskKey + " task you may work on");
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
