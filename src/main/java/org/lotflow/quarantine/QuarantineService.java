package org.lotflow.quarantine;

import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.NotFound;
import org.lotflow.shared.StateConflict;
import org.lotflow.shared.NotPermitted;
import org.lotflow.shared.FourEyesViolation;

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
import org.lotflow.lot.LotStock;
import org.lotflow.lot.LotService;
import org.lotflow.lot.LotSource;
import org.lotflow.lot.LotStatus;
import org.lotflow.order.Deliveries;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.ElectronicSignatures;
import org.lotflow.security.Groups;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
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
 *
 * <p>Facts never come from process variables (any Camunda surface can write those): the hold of
 * a {@code quarantineInvestigation} instance is the one bound to that instance (found by its id
 * and checked against the business key, the lot number); findings, signer and decision are the
 * hold's; the outcome steps re-check the hold's signed disposition before they act (contract:
 * "Which lot, hold ... or person a task concerns is lotflow's own record, never a variable that a
 * user can set"; 21 CFR 11.10(f), 11.70; EU GMP Annex 11 §12.4 and §14).
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
    private final LotStock lotRepository;
    private final HoldRepository holds;
    private final Deliveries deliveries;
    private final LotHistory history;
    private final CurrentUser currentUser;
    private final ElectronicSignatures signatures;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final TaskService taskService;
    private final QuarantineSla sla;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /**
     * The handshake of lotflow's own start: the id of the hold whose investigation
     * {@link #startInvestigation} is starting on this thread. Nothing outside this class can set
     * it (unlike a variable, which anyone may send), so the start listener tells lotflow's start
     * from a user's by it.
     */
    private static final ThreadLocal<Long> STARTING = new ThreadLocal<>();

    public QuarantineService(LotService lots, LotStock lotRepository, HoldRepository holds, Deliveries deliveries,
            LotHistory history, CurrentUser currentUser, RuntimeService runtimeService, IdentityService identityService,
            TaskService taskService, QuarantineSla sla, ApplicationEventPublisher events, Clock clock,
            ElectronicSignatures signatures) {
        this.signatures = signatures;
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
            throw new InvalidInput("lotNumber", "must not be empty");
        }
        Lot lot = lots.get(lotNumber.trim());
        HoldSource holdSource;
        try {
            holdSource = source == null || source.isBlank() ? HoldSource.OTHER : HoldSource.valueOf(source.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("source", "'" + source + "' is not one of " + List.of(HoldSource.values()));
        }
        Hold hold = place(lot, validate(new HoldInput(reason, holdSource, reference)));
        hold.bind(processInstanceId);
        holds.saveAndFlush(hold);
        return hold;
    }

    /**
     * The start listener's first question: is this lotflow's own start of the investigation of a
     * hold just placed by {@link #hold} or {@link #onLotCreated}? Then the hold is bound to the
     * instance (it must be active, not yet bound and of the lot named by the business key) and
     * returned; otherwise null, and the start is a user's (the Tasklist start form), which must go
     * through {@link #holdFromStartForm}. Decided by a handshake a user cannot send, never by a
     * variable.
     */
    @Transactional
    public Hold claimOwnStart(String businessKey, String processInstanceId) {
        Long holdId = STARTING.get();
        STARTING.remove(); // one start per handshake
        if (holdId == null) {
            return null;
        }
        Hold hold = get(holdId);
        Lot lot = lots.get(hold.getLotId());
        if (!hold.isActive() || hold.getProcessInstanceId() != null || !lot.getLotNumber().equals(businessKey)) {
            throw new StateConflict("Hold " + holdId + " is not waiting for an investigation to start");
        }
        hold.bind(processInstanceId);
        holds.saveAndFlush(hold);
        return hold;
    }

    /**
     * The hold a running {@code quarantineInvestigation} instance concerns: the one bound to this
     * instance, whose lot must be the one named by the business key. Never a variable.
     */
    @Transactional(readOnly = true)
    public Hold holdOf(String businessKey, String processInstanceId) {
        Hold hold = holds.findByProcessInstanceId(processInstanceId).orElseThrow(() -> new StateConflict(
                "Process instance " + processInstanceId + " is bound to no hold"));
        if (businessKey == null || !lots.get(hold.getLotId()).getLotNumber().equals(businessKey)) {
            throw new StateConflict("Process instance " + processInstanceId + " is not the investigation of lot "
                    + businessKey);
        }
        return hold;
    }

    private HoldInput validate(HoldInput in) {
        if (in == null) {
            throw new InvalidInput("body", "must be a JSON object with reason, source and reference");
        }
        String reason = in.reason() == null ? null : in.reason().trim();
        if (reason == null || reason.isEmpty()) {
            throw new InvalidInput("reason", "must not be empty: say why the lot is held");
        }
        if (reason.length() > MAX_TEXT) {
            throw new InvalidInput("reason", "must be at most " + MAX_TEXT + " characters");
        }
        String reference = in.reference() == null || in.reference().isBlank() ? null : in.reference().trim();
        if (reference != null && reference.length() > 200) {
            throw new InvalidInput("reference", "must be at most 200 characters");
        }
        return new HoldInput(reason, in.source() == null ? HoldSource.OTHER : in.source(), reference);
    }

    /** The checks and the hold itself: lot locked, QUARANTINE, hold row, history. */
    private Hold place(Lot unlocked, HoldInput in) {
        Lot lot = lots.lockForChange(unlocked);
        String n = lot.getLotNumber();
        if (holds.findByActiveLotId(lot.getId()).isPresent()) {
            throw new StateConflict("Lot " + n + " is already held; its quarantine investigation is in progress")
                    .with("lotNumber", n).with("status", lot.getStatus().name());
        }
        switch (lot.getStatus()) {
            case REJECTED, RECALLED, ARCHIVED, EXPIRED, DEPLETED -> throw new StateConflict("Lot " + n + " is "
                    + lot.getStatus() + "; it cannot be held").with("lotNumber", n)
                    .with("status", lot.getStatus().name());
            case QUARANTINE -> throw new StateConflict("Lot " + n + " is already in QUARANTINE")
                    .with("lotNumber", n).with("status", lot.getStatus().name());
            case PENDING -> {
                if (inLabRelease(n)) {
                    throw new StateConflict("Lot " + n + " is PENDING: its lab release owns it. Record failing "
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

    /**
     * Starts the hold's investigation; the start listener binds the instance to the hold through
     * the handshake. The process carries no hold or lot id, only its due date.
     */
    private String startInvestigation(Lot lot, Hold hold) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("decisionDueAt", Date.from(hold.getDecisionDueAt()));
        STARTING.set(hold.getId());
        try {
            return runtimeService.startProcessInstanceByKey(PROCESS_KEY, lot.getLotNumber(), variables).getId();
        } finally {
            STARTING.remove();
        }
    }

    // ------------------------------------------------------------------ investigation

    @Transactional(readOnly = true)
    public Hold get(Long holdId) {
        return holds.findById(holdId).orElseThrow(() -> new NotFound("Hold", String.valueOf(holdId)));
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
            throw new StateConflict("The investigation of hold " + holdId + " is already recorded");
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
        Valid valid = validate(in, true);
        Hold hold = holds.findByActiveLotId(lot.getId()).orElseThrow(() -> new StateConflict("Lot " + lotNumber
                + " is not held; there is no disposition to decide").with("status", lot.getStatus().name()));
        List<Task> tasks = taskService.createTaskQuery().processDefinitionKey(PROCESS_KEY)
                .processInstanceBusinessKey(lotNumber).taskDefinitionKey(TASK_DECIDE).active().list();
        if (tasks.isEmpty()) {
            throw new StateConflict("Lot " + lotNumber + " has no open disposition task: the investigation ("
                    + TASK_INVESTIGATE + ") must be completed first").with("stage", hold.getStage().name());
        }
        Task task = tasks.get(0);
        if (task.getAssignee() != null && !task.getAssignee().equals(currentUser.id())) {
            throw new StateConflict("The disposition task of lot " + lotNumber + " is claimed by "
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
            throw new NotPermitted("A disposition must be signed by a logged-in user");
        }
        currentUser.require(Groups.QA_MANAGER);
        return sign(hold, lot, validate(in, false));
    }

    private record Valid(Disposition decision, String justification, String password, String classification) {
    }

    /**
     * @param passwordInBody whether the password must come in the input (the API) rather than with the
     *                       request ({@link org.lotflow.security.SignatureCredentials}: Tasklist's masked
     *                       field or HTTP Basic, taken out before the engine sees them)
     */
    private Valid validate(DispositionInput in, boolean passwordInBody) {
        if (in == null) {
            throw new InvalidInput("body", "must be a JSON object with decision, justification and password");
        }
        if (in.decision() == null || in.decision().isBlank()) {
            throw new InvalidInput("decision", "must be one of " + List.of(Disposition.values()));
        }
        Disposition decision;
        try {
            decision = Disposition.valueOf(in.decision().trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("decision", "'" + in.decision() + "' is not one of "
                    + List.of(Disposition.values()));
        }
        String justification = text("justification", in.justification(), true, MAX_TEXT);
        if (passwordInBody && (in.password() == null || in.password().isEmpty())) {
            throw new InvalidInput("password", "must not be empty: re-enter your password to sign");
        }
        String classification = null;
        if (in.classification() != null && !in.classification().isBlank()) {
            classification = in.classification().trim();
            if (!CLASSIFICATIONS.contains(classification)) {
                throw new InvalidInput("classification", "'" + classification + "' is not one of "
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
            throw new StateConflict("The disposition of lot " + lot.getLotNumber() + " is already decided");
        }
        if (hold.getInvestigatedBy() == null) {
            throw new StateConflict("The investigation of lot " + lot.getLotNumber() + " is not recorded yet");
        }
        String meaning = "quarantine disposition: " + in.decision().name();
        signatures.sign(meaning, "lot " + lot.getLotNumber(), in.password()); // null: the request's own
        if (in.decision() == Disposition.RELEASE && signer.equals(hold.getInvestigatedBy())) {
            throw new FourEyesViolation(signer, "investigated lot " + lot.getLotNumber(), "sign its release")
                    .with("investigatedBy", hold.getInvestigatedBy());
        }
        hold.decide(in.decision(), in.justification(), in.classification(), signer, clock.instant());
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
        if (hold.getDecision() != expected || hold.getDecidedBy() == null || hold.getDecidedAt() == null) {
            throw new IllegalStateException("Refused to carry out " + expected + " for hold " + holdId + ": its "
                    + "signed disposition is " + (hold.getDecision() == null ? "missing" : hold.getDecision())
                    + " (nothing changed)");
        }
        if (!hold.isActive()) {
            return false; // already carried out (a retried job)
        }
        Lot lot = lots.lockForChange(lots.get(hold.getLotId()));
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
        if (hold.getDecision() == null || hold.getDecision() == Disposition.RECALL || hold.isActive()) {
            throw new StateConflict("The disposition of hold " + holdId + " is not carried out yet; customers "
                    + "are informed of an outcome");
        }
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
        if (hold.getDecision() != Disposition.REJECT || hold.isActive()) {
            throw new StateConflict("Hold " + holdId + " was not decided REJECT and carried out; there is "
                    + "nothing to dispose of");
        }
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
                throw new InvalidInput(field, "must not be empty");
            }
            return null;
        }
        if (v.length() > max) {
            throw new InvalidInput(field, "must be at most " + max + " characters");
        }
        return v;
    }
}
