package org.lotflow.quarantine;

import java.time.Clock;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.lotflow.history.LotHistory;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotCreated;
import org.lotflow.lot.LotRepository;
import org.lotflow.lot.LotService;
import org.lotflow.lot.LotSource;
import org.lotflow.lot.LotStatus;
import org.lotflow.order.Deliveries;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.Groups;
import org.lotflow.shared.ApiException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Quarantine of a lot: places holds (API, Tasklist start form, unidentified stock), keeps the
 * investigation's findings, checks and records the disposition signature and carries out the
 * outcome. The process's listeners and delegates are thin and call this service.
 *
 * <p>Concurrency: a hold locks the lot's row first (and the database refuses a second active hold
 * of a lot), so two holds of one lot, or a hold racing a status change, serialize; the second
 * one finds the lot held and gets 409.
 */
@Service
public class QuarantineService {

    public static final String PROCESS_KEY = "quarantineInvestigation";
    public static final String TASK_INVESTIGATE = "investigateLot";
    public static final String TASK_DECIDE = "decideDisposition";
    public static final String DEFAULT_CLASSIFICATION = "CLASS_II";
    static final Set<String> CLASSIFICATIONS = Set.of("CLASS_I", "CLASS_II", "CLASS_III");
    static final int MAX_TEXT = 2000;
    static final int MAX_LONG_TEXT = 4000;

    private final LotService lots;
    private final LotRepository lotRepository;
    private final HoldRepository holds;
    private final Deliveries deliveries;
    private final LotHistory history;
    private final CurrentUser currentUser;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final TaskService taskService;
    private final QuarantineSla sla;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    public QuarantineService(LotService lots, LotRepository lotRepository, HoldRepository holds, Deliveries deliveries,
            LotHistory history, CurrentUser currentUser, RuntimeService runtimeService, IdentityService identityService,
            TaskService taskService, QuarantineSla sla, ApplicationEventPublisher events, Clock clock) {
        this.identityService = identityService;
        this.lots = lots;
        this.lotRepository = lotRepository;
        this.holds = holds;
        this.deliveries = deliveries;
        this.history = history;
        this.currentUser = currentUser;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.sla = sla;
        this.events = events;
        this.clock = clock;
    }

    /** What a hold asks for. */
    public record HoldInput(String reason, HoldSource source, String reference) {
    }

    /** A placed hold: the hold and its process instance. */
    public record Placed(Hold hold, Lot lot, String processInstanceId, ImpactAssessment impact) {
    }

    // ------------------------------------------------------------------ holds

    /**
     * {@code POST /api/lots/{lotNumber}/holds}: QA holds a lot. The lot goes to QUARANTINE and
     * {@code quarantineInvestigation} starts, in one transaction.
     */
    @Transactional
    public Placed hold(String lotNumber, HoldInput in) {
        currentUser.require(Groups.QA_ANALYST, Groups.QA_MANAGER);
        Lot lot = lots.get(lotNumber);
        HoldInput valid = validate(in);
        Hold hold = place(lot, valid);
        String processInstanceId = startInvestigation(lot, hold);
        Lot current = lots.get(lot.getId());
        return new Placed(hold, current, processInstanceId, impact(current));
    }

    /** Unidentified stock goes straight into quarantine when it is created (same transaction). */
    @EventListener
    public void onLotCreated(LotCreated created) {
        if (created.source() != LotSource.UNIDENTIFIED_STOCK) {
            return;
        }
        Lot lot = lots.get(created.lotId());
        Hold hold = place(lot, new HoldInput("Unidentified stock: origin and quality of the stock are unknown",
                HoldSource.UNIDENTIFIED_STOCK, lot.getProductionOrder()));
        startInvestigation(lot, hold);
    }

    /**
     * The Tasklist start form: the same checks as the API (QA only, lot known, fields valid, lot
     * holdable). Called by the start listener for a process started without a hold.
     */
    @Transactional
    public Hold holdFromStartForm(String lotNumber, String reason, String source, String reference,
            String processInstanceId) {
        currentUser.require(Groups.QA_ANALYST, Groups.QA_MANAGER);
        if (lotNumber == null || lotNumber.isBlank()) {
            throw ApiException.badField("lotNumber", "must not be empty");
        }
        Lot lot = lots.get(lotNumber.trim());
        HoldSource holdSource;
        try {
            holdSource = source == null || source.isBlank() ? HoldSource.OTHER : HoldSource.valueOf(source.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("source", "'" + source + "' is not one of " + List.of(HoldSource.values()));
        }
        Hold hold = place(lot, validate(new HoldInput(reason, holdSource, reference)));
        hold.bind(processInstanceId);
        return hold;
    }

    /**
     * Binds a hold placed by {@link #hold} or {@link #onLotCreated} to the process instance that
     * starts for it. Refuses a hold that is not active or already has its instance (a start that
     * names someone else's hold).
     */
    @Transactional
    public Hold bind(Long holdId, Long lotId, String processInstanceId) {
        Hold hold = holds.findById(holdId).orElseThrow(() -> ApiException.notFound("Hold", String.valueOf(holdId)));
        if (!hold.isActive() || hold.getProcessInstanceId() != null || !hold.getLotId().equals(lotId)) {
            throw ApiException.conflict("Hold " + holdId + " is not waiting for an investigation to start");
        }
        hold.bind(processInstanceId);
        return hold;
    }

    private HoldInput validate(HoldInput in) {
        if (in == null) {
            throw ApiException.badField("body", "must be a JSON object with reason, source and reference");
        }
        String reason = in.reason() == null ? null : in.reason().trim();
        if (reason == null || reason.isEmpty()) {
            throw ApiException.badField("reason", "must not be empty: say why the lot is held");
        }
        if (reason.length() > MAX_TEXT) {
            throw ApiException.badField("reason", "must be at most " + MAX_TEXT + " characters");
        }
        String reference = in.reference() == null || in.reference().isBlank() ? null : in.reference().trim();
        if (reference != null && reference.length() > 200) {
            throw ApiException.badField("reference", "must be at most 200 characters");
        }
        return new HoldInput(reason, in.source() == null ? HoldSource.OTHER : in.source(), reference);
    }

    /** The checks and the hold itself: lot locked, QUARANTINE, hold row, history. */
    private Hold place(Lot unlocked, HoldInput in) {
        Lot lot = lotRepository.lockAll(List.of(unlocked.getId())).get(0);
        String n = lot.getLotNumber();
        if (holds.findByActiveLotId(lot.getId()).isPresent()) {
            throw ApiException.conflict("Lot " + n + " is already held; its quarantine investigation is in progress")
                    .with("lotNumber", n).with("status", lot.getStatus().name());
        }
        switch (lot.getStatus()) {
            case REJECTED, RECALLED, ARCHIVED, EXPIRED, DEPLETED -> throw ApiException.conflict("Lot " + n + " is "
                    + lot.getStatus() + "; it cannot be held").with("lotNumber", n)
                    .with("status", lot.getStatus().name());
            case QUARANTINE -> throw ApiException.conflict("Lot " + n + " is already in QUARANTINE")
                    .with("lotNumber", n).with("status", lot.getStatus().name());
            case PENDING -> {
                if (inLabRelease(n)) {
                    throw ApiException.conflict("Lot " + n + " is PENDING: its lab release owns it. Record failing "
                            + "lab results or refuse the release (approveRelease) instead of holding it")
                            .with("lotNumber", n).with("status", lot.getStatus().name());
                }
            }
            default -> {
                // RELEASED: the usual case
            }
        }
        String by = currentUser.id();
        Date due = sla.dueFromNow();
        Hold hold = holds.saveAndFlush(new Hold(lot.getId(), in.source(), in.reason(), in.reference(), by,
                clock.instant(), due.toInstant()));
        ImpactAssessment impact = impact(lot);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("trigger", in.source().name());
        detail.put("reference", in.reference());
        detail.put("decisionDueAt", due.toInstant().toString());
        detail.put("impact", impact.asDetail());
        history.event(lot.getId(), QuarantineEventTypes.HOLD_PLACED).reason(in.reason()).details(detail).record();
        Map<String, Object> statusDetail = new LinkedHashMap<>();
        statusDetail.put("trigger", in.source().name());
        statusDetail.put("remaining", impact.onHand());
        statusDetail.put("allocatedOnHold", impact.allocated());
        statusDetail.put("investigation", "In progress");
        lots.changeStatus(lot, LotStatus.QUARANTINE, "Quality hold: " + in.reason(), statusDetail, by);
        return hold;
    }

    /**
     * Whether the lot's lab release still runs. Asked without the caller's authorizations: a QA
     * analyst may not read lotRelease instances, but the answer must not depend on it.
     */
    private boolean inLabRelease(String lotNumber) {
        Authentication auth = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return runtimeService.createProcessInstanceQuery().processDefinitionKey("lotRelease")
                    .processInstanceBusinessKey(lotNumber).count() > 0;
        } finally {
            if (auth != null) {
                identityService.setAuthentication(auth);
            }
        }
    }

    private String startInvestigation(Lot lot, Hold hold) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("lotId", lot.getId());
        variables.put("holdId", hold.getId());
        variables.put("decisionDueAt", Date.from(hold.getDecisionDueAt()));
        return runtimeService.startProcessInstanceByKey(PROCESS_KEY, lot.getLotNumber(), variables).getId();
    }

    // ------------------------------------------------------------------ investigation

    @Transactional(readOnly = true)
    public Hold get(Long holdId) {
        return holds.findById(holdId).orElseThrow(() -> ApiException.notFound("Hold", String.valueOf(holdId)));
    }

    /** The latest hold of a lot (active or not), or null. */
    @Transactional(readOnly = true)
    public Hold latest(Long lotId) {
        return holds.findFirstByLotIdOrderByIdDesc(lotId).orElse(null);
    }

    @Transactional(readOnly = true)
    public ImpactAssessment impact(Lot lot) {
        return ImpactAssessment.of(lot, deliveries.ofLots(List.of(lot.getId())));
    }

    /** {@code investigateLot} completed: findings, root cause and retained-sample results. */
    @Transactional
    public void recordInvestigation(Long holdId, String findings, String rootCause, String retainedSampleResults) {
        Hold hold = get(holdId);
        if (hold.getStage() != Hold.Stage.INVESTIGATING) {
            throw ApiException.conflict("The investigation of hold " + holdId + " is already recorded");
        }
        String f = text("findings", findings, true, MAX_LONG_TEXT);
        String rc = text("rootCause", rootCause, false, MAX_LONG_TEXT);
        String rs = text("retainedSampleResults", retainedSampleResults, false, MAX_LONG_TEXT);
        hold.investigated(f, rc, rs, currentUser.id(), clock.instant());
        history.event(hold.getLotId(), QuarantineEventTypes.INVESTIGATION_COMPLETED).reason(f)
                .detail("rootCause", rc).detail("retainedSampleResults", rs).record();
    }

    /** The decision target passed: a notice in the history, once per hold, and the QA managers' tasks go up. */
    @Transactional
    public void recordOverdue(Long holdId) {
        Hold hold = get(holdId);
        if (!hold.isActive() || hold.getDecision() != null || hold.getOverdueAt() != null) {
            return;
        }
        hold.overdue(clock.instant());
        history.event(hold.getLotId(), QuarantineEventTypes.DECISION_OVERDUE)
                .reason("Status decision was due " + hold.getDecisionDueAt() + " (within " + sla.getDecisionDue()
                        + " of the hold); escalated to the QA managers")
                .detail("escalatedTo", Groups.QA_MANAGER).detail("stage", hold.getStage().name()).record();
        if (hold.getProcessInstanceId() != null) {
            for (Task task : taskService.createTaskQuery().processInstanceId(hold.getProcessInstanceId()).list()) {
                taskService.setPriority(task.getId(), 100);
            }
        }
    }

    // ------------------------------------------------------------------ disposition

    /** A disposition as typed into the API or the form, before validation. */
    public record DispositionInput(String decision, String justification, String password, String classification) {
    }

    /** A signed disposition. */
    public record Signed(String lotNumber, Disposition decision, String justification, String classification,
            String signedBy, String fullName, java.time.Instant signedAt, String meaning) {
    }

    /**
     * {@code POST /api/lots/{lotNumber}/disposition}: a QA manager signs the disposition with the
     * password and the lot's {@code decideDisposition} task is completed as the caller.
     */
    @Transactional
    public Signed dispose(String lotNumber, DispositionInput in) {
        currentUser.require(Groups.QA_MANAGER);
        Lot lot = lots.get(lotNumber);
        Valid valid = validate(in);
        Hold hold = holds.findByActiveLotId(lot.getId()).orElseThrow(() -> ApiException.conflict("Lot " + lotNumber
                + " is not held; there is no disposition to decide").with("status", lot.getStatus().name()));
        List<Task> tasks = taskService.createTaskQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(lotNumber).taskDefinitionKey(TASK_DECIDE).active().list();
        if (tasks.isEmpty()) {
            throw ApiException.conflict("Lot " + lotNumber + " has no open disposition task: the investigation ("
                    + TASK_INVESTIGATE + ") must be completed first").with("stage", hold.getStage().name());
        }
        Task task = tasks.get(0);
        if (task.getAssignee() != null && !task.getAssignee().equals(currentUser.id())) {
            throw ApiException.conflict("The disposition task of lot " + lotNumber + " is claimed by "
                    + task.getAssignee());
        }
        Signed signed = sign(hold, lot, valid);
        if (task.getAssignee() == null) {
            taskService.claim(task.getId(), currentUser.id());
        }
        taskService.complete(task.getId(), Map.of("decision", signed.decision().name()));
        return signed;
    }

    /**
     * The Tasklist path: the {@code decideDisposition} form's fields, checked by its complete
     * listener for the user completing the task.
     */
    @Transactional
    public Signed signInTask(Long holdId, DispositionInput in) {
        Hold hold = get(holdId);
        Lot lot = lots.get(hold.getLotId());
        if (!currentUser.isAuthenticated()) {
            throw ApiException.forbidden("A disposition must be signed by a logged-in user");
        }
        currentUser.require(Groups.QA_MANAGER);
        return sign(hold, lot, validate(in));
    }

    private record Valid(Disposition decision, String justification, String password, String classification) {
    }

    private Valid validate(DispositionInput in) {
        if (in == null) {
            throw ApiException.badField("body", "must be a JSON object with decision, justification and password");
        }
        if (in.decision() == null || in.decision().isBlank()) {
            throw ApiException.badField("decision", "must be one of " + List.of(Disposition.values()));
        }
        Disposition decision;
        try {
            decision = Disposition.valueOf(in.decision().trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.badField("decision", "'" + in.decision() + "' is not one of "
                    + List.of(Disposition.values()));
        }
        String justification = text("justification", in.justification(), true, MAX_TEXT);
        if (in.password() == null || in.password().isEmpty()) {
            throw ApiException.badField("password", "must not be empty: re-enter your password to sign");
        }
        String classification = null;
        if (in.classification() != null && !in.classification().isBlank()) {
            classification = in.classification().trim();
            if (!CLASSIFICATIONS.contains(classification)) {
                throw ApiException.badField("classification", "'" + classification + "' is not one of "
                        + CLASSIFICATIONS.stream().sorted().toList());
            }
        }
        if (decision == Disposition.RECALL && classification == null) {
            classification = DEFAULT_CLASSIFICATION;
        }
        if (decision != Disposition.RECALL) {
            classification = null;
        }
        return new Valid(decision, justification, in.password(), classification);
    }

    /** The signature: password re-checked (21 CFR 11.200), four eyes, then recorded (11.50). */
    private Signed sign(Hold hold, Lot lot, Valid in) {
        String signer = currentUser.id();
        if (!hold.isActive() || hold.getDecision() != null) {
            throw ApiException.conflict("The disposition of lot " + lot.getLotNumber() + " is already decided");
        }
        if (hold.getInvestigatedBy() == null) {
            throw ApiException.conflict("The investigation of lot " + lot.getLotNumber() + " is not recorded yet");
        }
        if (!currentUser.checkPassword(signer, in.password())) {
            throw new ApiException(HttpStatus.FORBIDDEN, "Signature refused", "The password does not match user '"
                    + signer + "'; the disposition was not signed").with("field", "password");
        }
        if (in.decision() == Disposition.RELEASE && signer.equals(hold.getInvestigatedBy())) {
            throw new ApiException(HttpStatus.CONFLICT, "Four-eyes principle", "Four-eyes principle: " + signer
                    + " investigated lot " + lot.getLotNumber() + " and may not also sign its release; another QA "
                    + "manager must sign").with("investigatedBy", hold.getInvestigatedBy());
        }
        hold.decide(in.decision(), in.justification(), in.classification(), signer, clock.instant());
        String meaning = "quarantine disposition: " + in.decision().name();
        var event = history.event(lot.getId(), QuarantineEventTypes.DISPOSITION_SIGNED).by(signer)
                .reason(in.justification()).detail("decision", in.decision().name())
                .detail("classification", in.classification()).detail("investigatedBy", hold.getInvestigatedBy())
                .signature(meaning).record();
        return new Signed(lot.getLotNumber(), in.decision(), in.justification(), in.classification(), signer,
                event.getUserName(), event.getAt(), meaning);
    }

    // ------------------------------------------------------------------ outcomes

    /** Outcome RELEASE: back to RELEASED; its allocations may ship again. */
    @Transactional
    public void releaseHeld(Long holdId) {
        outcome(holdId, Disposition.RELEASE, LotStatus.RELEASED);
    }

    /** Outcome REJECT: REJECTED (the order module cancels its open allocations); disposal follows. */
    @Transactional
    public void rejectHeld(Long holdId) {
        outcome(holdId, Disposition.REJECT, LotStatus.REJECTED);
    }

    /** Outcome RECALL: RECALLED and {@link RecallRequested} in the same transaction. */
    @Transactional
    public void recallHeld(Long holdId) {
        Hold hold = get(holdId);
        if (outcome(holdId, Disposition.RECALL, LotStatus.RECALLED)) {
            Lot lot = lots.get(hold.getLotId());
            String classification = hold.getClassification() == null ? DEFAULT_CLASSIFICATION
                    : hold.getClassification();
            history.event(lot.getId(), QuarantineEventTypes.RECALL_REQUESTED).by(hold.getDecidedBy())
                    .reason(hold.getJustification()).detail("classification", classification).record();
            events.publishEvent(new RecallRequested(lot.getId(), lot.getLotNumber(), hold.getJustification(),
                    classification, hold.getDecidedBy()));
        }
    }

    private boolean outcome(Long holdId, Disposition expected, LotStatus target) {
        Hold hold = get(holdId);
        if (hold.getDecision() != expected) {
            throw new IllegalStateException("Hold " + holdId + " was decided " + hold.getDecision() + ", not "
                    + expected);
        }
        if (!hold.isActive()) {
            return false; // already carried out (a retried job)
        }
        Lot lot = lotRepository.lockAll(List.of(hold.getLotId())).get(0);
        String signer = hold.getDecidedBy();
        hold.close(clock.instant());
        if (lot.getStatus() != LotStatus.QUARANTINE && !lot.getStatus().canBecome(target)) {
            history.event(lot.getId(), QuarantineEventTypes.DISPOSITION_NOT_APPLIED).by(signer)
                    .reason("Lot is " + lot.getStatus() + " now; the disposition " + expected + " cannot make it "
                            + target)
                    .record();
            return false;
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("disposition", expected.name());
        detail.put("signedBy", signer);
        if (target == LotStatus.RELEASED) {
            detail.put("available", lot.getAvailable());
            detail.put("allocated", lot.getAllocated());
        }
        lots.changeStatus(lot, target, "Quarantine disposition " + expected + " signed by "
                + currentUser.fullName(signer) + ": " + hold.getJustification(), detail, signer);
        return true;
    }

    // ------------------------------------------------------------------ follow-up

    /** {@code informCustomers} completed: who was told what, and how. */
    @Transactional
    public void recordCustomersInformed(Long holdId, String notice) {
        Hold hold = get(holdId);
        String text = text("customerNotice", notice, true, MAX_TEXT);
        Lot lot = lots.get(hold.getLotId());
        ImpactAssessment impact = impact(lot);
        history.event(lot.getId(), QuarantineEventTypes.CUSTOMERS_INFORMED).reason(text)
                .detail("outcome", hold.getDecision() == null ? null : hold.getDecision().name())
                .detail("customers", impact.customers().stream()
                        .map(c -> Map.of("customer", c.customer(), "quantity", c.quantity())).toList())
                .record();
    }

    /** {@code confirmDisposal} completed: how and where a rejected lot was disposed of. */
    @Transactional
    public void recordDisposal(Long holdId, String method, String reference) {
        Hold hold = get(holdId);
        String m = text("disposalMethod", method, true, 200);
        String r = text("disposalReference", reference, false, 200);
        Lot lot = lots.get(hold.getLotId());
        history.event(lot.getId(), QuarantineEventTypes.DISPOSAL_CONFIRMED).reason("Disposed of: " + m)
                .detail("method", m).detail("reference", r)
                .detail("quantity", lot.getQuantity().subtract(lot.getShipped()).subtract(lot.getConsumed()))
                .record();
    }

    private static String text(String field, String value, boolean required, int max) {
        String v = value == null ? null : value.trim();
        if (v == null || v.isEmpty()) {
            if (required) {
                throw ApiException.badField(field, "must not be empty");
            }
            return null;
        }
        if (v.length() > max) {
            throw ApiException.badField(field, "must be at most " + max + " characters");
        }
        return v;
    }
}
