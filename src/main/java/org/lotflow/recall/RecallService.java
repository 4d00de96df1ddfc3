package org.lotflow.recall;

import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.NotFound;
import org.lotflow.shared.StateConflict;
import org.lotflow.shared.NotPermitted;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.lotflow.history.LotHistory;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotStock;
import org.lotflow.lot.LotService;
import org.lotflow.lot.LotStatus;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.Groups;
import org.lotflow.trace.Direction;
import org.lotflow.trace.Trace;
import org.lotflow.trace.TraceService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recalls: opening one (scope = the downstream trace of the named lots, every recallable lot
 * RECALLED, one notification per customer that received any of them), the customer notifications,
 * their escalation, the effectiveness check and the closing report. The {@code lotRecall}
 * process's listeners and delegates are thin and call this service.
 *
 * <p>Concurrency: all lots of the scope are row-locked in id order before their status is checked,
 * so two recalls of the same lot queue and the second gets 409; the recall number comes from an
 * UPDATE-based per-year sequence ({@link RecallSequence}).
 */
@Service
public class RecallService {

    public static final String PROCESS_KEY = "lotRecall";
    public static final String TASK_NOTIFY_CUSTOMER = "notifyCustomer";
    public static final String TASK_CLOSE_RECALL = "closeRecall";

    static final String STATUS_NOTIFYING = "NOTIFYING";
    static final String STATUS_AWAITING_CLOSE = "AWAITING_CLOSE";
    static final String STATUS_CLOSED = "CLOSED";
    static final String NOTIFICATION_DONE = "DONE";
    static final int MAX_LOTS = 100;

    private final TraceService traces;
    private final LotStock lotRepository;
    private final LotService lots;
    private final LotHistory history;
    private final CurrentUser currentUser;
    private final RecallStore store;
    private final RecallSequence sequence;
    private final RecallDeadlines deadlines;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final Clock clock;

    public RecallService(TraceService traces, LotStock lotRepository, LotService lots, LotHistory history,
            CurrentUser currentUser, RecallStore store, RecallSequence sequence, RecallDeadlines deadlines,
            RuntimeService runtimeService, TaskService taskService, Clock clock) {
        this.traces = traces;
        this.lotRepository = lotRepository;
        this.lots = lots;
        this.history = history;
        this.currentUser = currentUser;
        this.store = store;
        this.sequence = sequence;
        this.deadlines = deadlines;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.clock = clock;
    }

    /** What opening a recall produced (the process itself carries none of it: it reads the recall tables). */
    public record Opened(Long recallId, String recallNumber, Classification classification, int customerCount) {
    }

    /**
     * {@code POST /api/recalls}: a recall coordinator (administrators may do everything) opens a
     * recall and starts {@code lotRecall}. The contract reserves starting recalls to recall
     * coordinators: QA managers decide RECALL dispositions (see {@link #requestFromDisposition}) and
     * close recalls, but do not start them here (403).
     */
    @Transactional
    public Opened request(List<String> lotNumbers, String reason, String classification) {
        currentUser.require(Groups.RECALL_COORDINATOR);
        Opened opened = open(lotNumbers, reason, classification, currentUser.id(), false);
        startProcess(opened);
        return opened;
    }

    /**
     * The Tasklist start form ({@code forms/recallStart.form}), called by the start listener of a
     * {@code lotRecall} started without a business key: exactly the checks of {@link #request} (a
     * recall coordinator; the same validation of lots, reason and classification), then the recall
     * is opened and bound to the process instance being started. Lot numbers are text separated by
     * commas, semicolons or blanks.
     */
    @Transactional
    public Opened requestFromForm(Object lotsText, Object reason, Object classification, String processInstanceId) {
        currentUser.require(Groups.RECALL_COORDINATOR);
        if (lotsText != null && !(lotsText instanceof String)) {
            throw new InvalidInput("lots", "must be text: lot numbers separated by commas or blanks");
        }
        if (reason != null && !(reason instanceof String)) {
            throw new InvalidInput("reason", "must be text");
        }
        if (classification != null && !(classification instanceof String)) {
            throw new InvalidInput("classification", "must be one of CLASS_I, CLASS_II, CLASS_III");
        }
        String text = (String) lotsText;
        List<String> numbers = text == null || text.isBlank() ? List.of() : List.of(text.trim().split("[\\s,;]+"));
        Opened opened = open(numbers, (String) reason, (String) classification, currentUser.id(), false);
        if (store.bindProcess(opened.recallNumber(), processInstanceId) != 1) {
            throw new StateConflict("Recall " + opened.recallNumber() + " already has a process");
        }
        return opened;
    }

    /**
     * A quarantine disposition decided RECALL: opened on behalf of the signer, in the disposition's
     * transaction. The lot may already be RECALLED (if the disposition set it): then it is kept in
     * scope without a second status change. No classification: CLASS_II.
     */
    @Transactional
    public Opened requestFromDisposition(String lotNumber, String reason, String classification, String requestedBy) {
        Opened opened = open(List.of(lotNumber), reason == null || reason.isBlank()
                ? "Quarantine disposition RECALL of lot " + lotNumber : reason,
                classification == null || classification.isBlank() ? Classification.CLASS_II.name() : classification,
                requestedBy == null ? currentUser.id() : requestedBy, true);
        startProcess(opened);
        return opened;
    }

    /** Starts {@code lotRecall} for a recall just opened: business key only; the start listener binds it. */
    private void startProcess(Opened opened) {
        runtimeService.startProcessInstanceByKey(PROCESS_KEY, opened.recallNumber());
    }

    /**
     * Start listener of {@code lotRecall} started with a business key: binds the process instance to
     * the recall of that number, which must have been opened by lotflow in this very transaction
     * ({@link #request}, {@link #requestFromDisposition}) and have no process yet; the binding is one
     * atomic UPDATE, so a recall has exactly one process. Any other start (engine REST, Tasklist with a
     * business key, {@code RuntimeService}) is refused: 403 for a number that is no recall being
     * opened, 409 for a recall that has its process already; nothing is started (contract: lotRecall
     * only by a recall coordinator's recall or a RECALL disposition; issue #8).
     */
    @Transactional
    public void bindProcess(String recallNumber, String processInstanceId) {
        RecallStore.RecallRow recall = store.find(recallNumber).orElseThrow(() -> new NotPermitted(
                "lotRecall is started only by opening a recall (POST /api/recalls, its Tasklist start form without "
                        + "a business key, or a RECALL disposition); there is no recall '" + recallNumber + "'"));
        if (recall.processInstanceId() != null || store.bindProcess(recallNumber, processInstanceId) != 1) {
            throw new StateConflict("Recall " + recallNumber + " already has its lotRecall process")
                    .with("recallNumber", recallNumber);
        }
    }

    /** The recall of a lotRecall process: by business key, and only the process bound to it (409 otherwise). */
    private RecallStore.RecallRow recallOf(String recallNumber, String processInstanceId) {
        RecallStore.RecallRow recall = recallNumber == null ? null : store.find(recallNumber).orElse(null);
        if (recall == null || !processInstanceId.equals(recall.processInstanceId())) {
            throw new StateConflict("Process " + processInstanceId + " is not the lotRecall process of recall "
                    + recallNumber).with("recallNumber", recallNumber);
        }
        return recall;
    }

    /**
     * The number of customers to notify (one {@code notifyCustomer} each), from the recall's own
     * notification rows: the multi-instance cardinality and the "any customers?" gateway.
     */
    @Transactional(readOnly = true)
    public int customerCount(String recallNumber, String processInstanceId) {
        return store.notificationIds(recallOf(recallNumber, processInstanceId).id()).size();
    }

    /** The recall's classification from its row, for the notification deadline (timer and due date). */
    @Transactional(readOnly = true)
    public String classification(String recallNumber, String processInstanceId) {
        return recallOf(recallNumber, processInstanceId).classification();
    }

    /** Validates everything first (400/409 change nothing), then opens the recall. */
    @Transactional
    public Opened open(List<String> lotNumbers, String reason, String classificationText, String by,
            boolean acceptRecalled) {
        if (lotNumbers == null || lotNumbers.isEmpty()) {
            throw new InvalidInput("lots", "must name at least one lot number");
        }
        if (lotNumbers.size() > MAX_LOTS) {
            throw new InvalidInput("lots", "at most " + MAX_LOTS + " lots per recall");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < lotNumbers.size(); i++) {
            String n = lotNumbers.get(i);
            if (n == null || n.isBlank()) {
                throw new InvalidInput("lots[" + i + "]", "must not be empty");
            }
            if (!seen.add(n)) {
                throw new InvalidInput("lots[" + i + "]", "lot " + n + " is listed twice");
            }
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInput("reason", "must not be empty: say why the lots are recalled");
        }
        if (reason.length() > 2000) {
            throw new InvalidInput("reason", "at most 2000 characters");
        }
        Classification classification = Classification.parse("classification", classificationText);

        // the named lots, locked; then the downstream scope in one query, locked in id order
        Map<String, Lot> named = new HashMap<>();
        for (Lot l : lotRepository.lockAllByLotNumber(List.copyOf(lotNumbers))) {
            named.put(l.getLotNumber(), l);
        }
        for (int i = 0; i < lotNumbers.size(); i++) {
            if (!named.containsKey(lotNumbers.get(i))) {
                throw new InvalidInput("lots[" + i + "]", "no lot '" + lotNumbers.get(i) + "'");
            }
        }
        // Walk, lock, and walk again until the scope is stable: a lot made concurrently from a lot of
        // the scope (its creation held that lot's row) is seen once we hold the row; later creations
        // find the source RECALLED and are refused.
        List<Long> startIds = named.values().stream().map(Lot::getId).toList();
        List<Trace.TracedLot> scope = traces.walkWhole(startIds, Direction.DOWNSTREAM);
        Map<Long, Lot> locked = new HashMap<>();
        for (int round = 0; round < 10; round++) {
            List<Long> missing = scope.stream().map(Trace.TracedLot::id).filter(id -> !locked.containsKey(id))
                    .sorted().toList();
            if (missing.isEmpty()) {
                break;
            }
            for (Lot l : lotRepository.lockAll(missing)) {
                locked.put(l.getId(), l);
            }
            scope = traces.walkWhole(startIds, Direction.DOWNSTREAM);
        }
        for (String n : lotNumbers) {
            Lot lot = named.get(n);
            if (lot.getStatus() == LotStatus.RECALLED && !acceptRecalled) {
                String previous = store.recallOf(lot.getId()).orElse(null);
                throw new StateConflict("Lot " + n + " is already RECALLED"
                        + (previous == null ? "" : " (recall " + previous + ")")).with("lotNumber", n)
                        .with("recallNumber", previous);
            }
            if (lot.getStatus() != LotStatus.RECALLED && !lot.getStatus().canBecome(LotStatus.RECALLED)) {
                throw new StateConflict("Lot " + n + " is " + lot.getStatus() + " and cannot be recalled; "
                        + "only RELEASED, QUARANTINE, EXPIRED and DEPLETED lots can").with("lotNumber", n)
                        .with("status", lot.getStatus().name());
            }
        }

        Instant now = clock.instant();
        String number = sequence.next(LocalDate.now(clock).getYear());
        long recallId = store.insertRecall(number, classification, reason.trim(), STATUS_NOTIFYING, now, by);
        String why = "Recall " + number + " (" + classification + "): " + reason.trim();
        int recalled = 0;
        List<String> skipped = new ArrayList<>();
        Map<String, Long> idsByNumber = new HashMap<>();
        for (Trace.TracedLot t : scope) {
            Lot lot = locked.computeIfAbsent(t.id(), id -> lotRepository.lockAll(List.of(id)).get(0));
            idsByNumber.put(lot.getLotNumber(), lot.getId());
            boolean isNamed = named.containsKey(lot.getLotNumber());
            LotStatus previous = lot.getStatus();
            if (previous.canBecome(LotStatus.RECALLED)) {
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("recallNumber", number);
                detail.put("classification", classification.name());
                detail.put("depth", t.depth());
                detail.put("named", isNamed);
                lots.changeStatus(lot, LotStatus.RECALLED, why, detail, by);
                store.insertLot(recallId, lot.getId(), t.depth(), isNamed, previous.name(), true, null);
                recalled++;
            } else {
                String note = previous == LotStatus.RECALLED
                        ? "already RECALLED" + store.recallOf(lot.getId()).map(r -> " by " + r).orElse("")
                        : previous + " lots cannot be recalled; hold or reject it separately";
                store.insertLot(recallId, lot.getId(), t.depth(), isNamed, previous.name(), false, note);
                history.event(lot.getId(), RecallEventTypes.RECALL_SCOPE).by(by)
                        .reason("In the scope of recall " + number + " but not recalled: " + note)
                        .detail("recallNumber", number).detail("status", previous.name()).record();
                skipped.add(lot.getLotNumber() + " (" + note + ")");
            }
        }

        Map<String, BigDecimal> shippedByCustomer = new TreeMap<>();
        for (Trace.CustomerShipment s : traces.shipments(idsByNumber.values())) {
            store.insertShipment(recallId, s.customer(), s.orderNumber(), idsByNumber.get(s.lotNumber()),
                    s.quantity(), s.shippedAt(), s.carrier());
            shippedByCustomer.merge(s.customer(), s.quantity(), BigDecimal::add);
        }
        shippedByCustomer.forEach((customer, qty) -> store.insertNotification(recallId, customer, qty));
        if (shippedByCustomer.isEmpty()) {
            store.updateStatus(recallId, STATUS_AWAITING_CLOSE, null);
        }
        store.event(recallId, now, "OPENED", by, why + ". Named lots: " + String.join(", ", lotNumbers) + "; "
                + recalled + " lot(s) recalled" + (skipped.isEmpty() ? "" : ", not recalled: " + String.join(", ", skipped))
                + "; " + shippedByCustomer.size() + " customer(s) to notify");
        return new Opened(recallId, number, classification, shippedByCustomer.size());
    }

    /** What the {@code notifyCustomer} form shows (task-local values). */
    public record NotificationTask(String customer, String recallNumber, String classification, String reason,
            String deliveries, String quantityShipped) {
    }

    /**
     * Create listener of {@code notifyCustomer}: binds the new task (and the subprocess instance it
     * runs in, {@code scope}) to the next notification of the recall that has no task yet, under a
     * lock of the recall row, and returns what the form shows. Which customer a task concerns is
     * thereby lotflow's own record, not a loop variable a user could overwrite (issue #8).
     */
    @Transactional
    public NotificationTask notificationTask(String recallNumber, String processInstanceId, String taskId,
            String scope) {
        RecallStore.RecallRow recall = store.lock(recallOf(recallNumber, processInstanceId).id());
        long notificationId = store.bindNextNotification(recall.id(), taskId, scope).orElseThrow(() ->
                new StateConflict("Recall " + recallNumber + " has no customer notification left for a new task"));
        RecallStore.NotificationRow n = store.lockNotification(notificationId);
        List<RecallStore.ShipmentRow> shipments = store.shipments(recall.id()).stream()
                .filter(s -> s.customer().equals(n.customer())).toList();
        String deliveries = shipments.stream().map(s -> "- lot **" + s.lotNumber() + "** (" + s.productName() + ", "
                + s.sku() + "): " + plain(s.quantity()) + " " + s.unit() + " on order " + s.orderNumber()
                + ", shipped " + s.shippedAt()).collect(Collectors.joining("\n"));
        String unit = shipments.stream().map(RecallStore.ShipmentRow::unit).distinct().collect(Collectors.joining("/"));
        return new NotificationTask(n.customer(), recall.recallNumber(), recall.classification(), recall.reason(),
                deliveries, plain(n.quantityShipped()) + " " + unit);
    }

    private record Answer(boolean acknowledged, BigDecimal quantityReturned) {
    }

    /** Checks a customer's answer against its notification: 400 naming the field, 409 if already answered. */
    private static Answer check(RecallStore.NotificationRow n, Object acknowledged, Object quantityReturned) {
        if (!(acknowledged instanceof Boolean ack)) {
            throw new InvalidInput("acknowledged", acknowledged == null ? "required: true or false"
                    : "must be true or false (a Boolean)");
        }
        BigDecimal returned = decimal("quantityReturned", quantityReturned);
        // one quantity rule for the API, Tasklist and /engine-rest (at most 3 decimals, never rounded)
        org.lotflow.shared.input.InputRules.require("quantityReturned",
                org.lotflow.shared.input.InputRules.quantity(returned, true));
        if (returned.compareTo(n.quantityShipped()) > 0) {
            throw new InvalidInput("quantityReturned", plain(returned) + " is more than the "
                    + plain(n.quantityShipped()) + " shipped to " + n.customer());
        }
        if (n.done()) {
            throw new StateConflict("Customer " + n.customer() + " was already notified").with("customer",
                    n.customer());
        }
        return new Answer(ack, returned);
    }

    /**
     * {@code POST /api/recalls/{recallNumber}/notifications}: the customer's answer for scripts. It
     * is checked first (400/409, nothing changes), then the customer's {@code notifyCustomer} task
     * is completed as the caller, exactly as in Tasklist.
     */
    @Transactional
    public void answer(String recallNumber, String customer, Boolean acknowledged, BigDecimal quantityReturned) {
        currentUser.require(Groups.RECALL_COORDINATOR, Groups.QA_MANAGER);
        RecallStore.RecallRow recall = find(recallNumber);
        if (customer == null || customer.isBlank()) {
            throw new InvalidInput("customer", "must name the customer");
        }
        List<RecallStore.NotificationRow> all = store.notifications(recall.id());
        RecallStore.NotificationRow n = all.stream().filter(x -> x.customer().equals(customer)).findFirst()
                .orElseThrow(() -> new InvalidInput("customer", "'" + customer + "' is not a customer of recall "
                        + recallNumber + "; its customers are "
                        + all.stream().map(RecallStore.NotificationRow::customer).toList()));
        Answer answer = check(n, acknowledged, quantityReturned);
        Task task = n.taskId() == null ? null
                : taskService.createTaskQuery().taskId(n.taskId()).active().singleResult();
        if (task == null) {
            throw new StateConflict("Recall " + recallNumber + " has no open notification task for " + customer);
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put("acknowledged", answer.acknowledged());
        // a number, as Tasklist's number field sends it; at most 3 decimals, so the double is exact
        variables.put("quantityReturned", answer.quantityReturned().doubleValue());
        taskService.complete(task.getId(), variables);
    }

    /**
     * {@code POST /api/recalls/{recallNumber}/close}: a QA manager completes {@code closeRecall}
     * with a comment; 409 while customer notifications are still open.
     */
    @Transactional
    public void requestClose(String recallNumber, String comment) {
        currentUser.require(Groups.QA_MANAGER);
        RecallStore.RecallRow recall = find(recallNumber);
        if (comment == null || comment.isBlank()) {
            throw new InvalidInput("comment", "required: the closing statement of the recall");
        }
        Task task = recall.processInstanceId() == null ? null : taskService.createTaskQuery()
                .processInstanceId(recall.processInstanceId()).taskDefinitionKey(TASK_CLOSE_RECALL).active()
                .singleResult();
        if (task == null) {
            long open = store.notifications(recall.id()).stream().filter(x -> !x.done()).count();
            throw new StateConflict("Recall " + recallNumber + " is " + recall.status() + " and cannot be closed"
                    + (open > 0 ? " yet: " + open + " customer notification(s) open" : "")).with("status",
                    recall.status());
        }
        taskService.complete(task.getId(), Map.of("comment", comment));
    }

    /**
     * Completes a customer notification (the complete listener of {@code notifyCustomer}): the
     * notification is the one bound to the completing task when it was created (found by task id
     * within the recall of the business key), never a variable. The inputs are the form's fields,
     * read from the completing task only: {@code acknowledged} (Boolean, required) and
     * {@code quantityReturned} (a number, required, 0 up to what that customer received, at most 3
     * decimals, never rounded); 400 naming the field otherwise, 409 if already answered. Recorded with
     * the user and time in the recall and the history of the customer's lots (FSMA 204, 21 CFR 7.49).
     */
    @Transactional
    public void recordNotification(String recallNumber, String processInstanceId, String taskId, Object acknowledged,
            Object quantityReturned) {
        currentUser.require(Groups.RECALL_COORDINATOR, Groups.QA_MANAGER);
        RecallStore.RecallRow recall = recallOf(recallNumber, processInstanceId);
        long recallId = recall.id();
        RecallStore.NotificationRow n = store.lockNotificationOfTask(recallId, taskId).orElseThrow(() ->
                new StateConflict("Task " + taskId + " is not a customer notification of recall " + recallNumber));
        Answer answer = check(n, acknowledged, quantityReturned);
        long notificationId = n.id();
        boolean ack = answer.acknowledged();
        BigDecimal returned = answer.quantityReturned();
        String by = currentUser.id();
        Instant now = clock.instant();
        store.recordNotification(notificationId, ack, returned, now, by);
        String text = "Customer " + n.customer() + " notified of recall " + recall.recallNumber() + ": "
                + (ack ? "acknowledged" : "NOT acknowledged") + ", returned " + plain(returned) + " of "
                + plain(n.quantityShipped()) + " shipped";
        for (Long lotId : lotsOf(recallId, n.customer()).keySet()) {
            history.event(lotId, RecallEventTypes.RECALL_CUSTOMER_NOTIFIED).by(by).reason(text)
                    .detail("recallNumber", recall.recallNumber()).detail("customer", n.customer())
                    .detail("acknowledged", ack).detail("quantityReturned", returned)
                    .detail("quantityShipped", n.quantityShipped()).record();
        }
        store.event(recallId, now, "CUSTOMER_NOTIFIED", by, text);
    }

    /**
     * The notification deadline passed with the customer task still open: QA managers are brought
     * in. The notification is the one whose task runs in the same subprocess instance ({@code scope},
     * bound when the task was created), within the recall of the business key; never a variable.
     */
    @Transactional
    public void escalate(String recallNumber, String processInstanceId, String scope) {
        RecallStore.RecallRow recall = recallOf(recallNumber, processInstanceId);
        long recallId = recall.id();
        RecallStore.NotificationRow n = store.lockNotificationOfScope(recallId, scope).orElseThrow(() ->
                new StateConflict("No customer notification of recall " + recallNumber + " runs in " + scope));
        long notificationId = n.id();
        if (n.done()) {
            return;
        }
        Instant now = clock.instant();
        store.escalated(notificationId, now);
        if (n.taskId() != null) {
            Task task = taskService.createTaskQuery().taskId(n.taskId()).singleResult();
            if (task != null) {
                taskService.addCandidateGroup(task.getId(), Groups.QA_MANAGER);
                taskService.setPriority(task.getId(), 90);
            }
        }
        String text = "Customer " + n.customer() + " not confirmed within "
                + deadlines.notifyWithin(recall.classification()) + " (" + recall.classification()
                + "): notification escalated to QA managers";
        for (Long lotId : lotsOf(recallId, n.customer()).keySet()) {
            history.event(lotId, RecallEventTypes.RECALL_NOTIFICATION_OVERDUE).reason(text)
                    .detail("recallNumber", recall.recallNumber()).detail("customer", n.customer()).record();
        }
        store.event(recallId, now, "NOTIFICATION_ESCALATED", CurrentUser.SYSTEM, text);
    }

    /**
     * After the last customer: the effectiveness check (21 CFR 7.42(b)(3)), recorded on the timeline,
     * for the recall of the business key. Refused (409) while a notification is still open.
     */
    @Transactional
    public Effectiveness assess(String recallNumber, String processInstanceId) {
        long recallId = recallOf(recallNumber, processInstanceId).id();
        List<RecallStore.NotificationRow> notifications = store.notifications(recallId);
        long open = notifications.stream().filter(n -> !n.done()).count();
        if (open > 0) {
            throw new StateConflict("Recall " + recallNumber + " still has " + open
                    + " customer notification(s) open");
        }
        Effectiveness e = Effectiveness.of(notifications);
        store.updateStatus(recallId, STATUS_AWAITING_CLOSE, e.level());
        store.event(recallId, clock.instant(), "EFFECTIVENESS_CHECKED", CurrentUser.SYSTEM, summary(e));
        return e;
    }

    /** What the {@code closeRecall} form shows, for the recall of the business key. */
    @Transactional(readOnly = true)
    public String closeSummary(String recallNumber, String processInstanceId) {
        RecallStore.RecallRow recall = recallOf(recallNumber, processInstanceId);
        long recallId = recall.id();
        List<RecallStore.LotRow> scope = store.lots(recallId);
        StringBuilder sb = new StringBuilder();
        sb.append("**").append(recall.classification()).append("**: ").append(recall.reason()).append("\n\n");
        sb.append("Lots recalled: ").append(scope.stream().filter(RecallStore.LotRow::recalled)
                .map(RecallStore.LotRow::lotNumber).collect(Collectors.joining(", "))).append("\n\n");
        for (RecallStore.NotificationRow n : store.notifications(recallId)) {
            sb.append("- ").append(n.customer()).append(": shipped ").append(plain(n.quantityShipped()))
                    .append(", returned ").append(n.quantityReturned() == null ? "-" : plain(n.quantityReturned()))
                    .append(", ").append(Boolean.TRUE.equals(n.acknowledged()) ? "acknowledged" : "not acknowledged")
                    .append('\n');
        }
        sb.append('\n').append(summary(Effectiveness.of(store.notifications(recallId))));
        return sb.toString();
    }

    /**
     * The QA manager's closing decision (complete listener of {@code closeRecall}): a signature of
     * the logged-in QA manager with the form's {@code comment} (text, required, at most 2000
     * characters), recorded on the recall of the business key, where the report task re-checks it.
     * Refused (the task stays open) for anyone else (403), without a comment (400), and unless the
     * recall is awaiting its closing (409).
     */
    @Transactional
    public void signClose(String recallNumber, String processInstanceId, Object comment) {
        currentUser.require(Groups.QA_MANAGER);
        if (comment != null && !(comment instanceof String)) {
            throw new InvalidInput("comment", "must be text");
        }
        if (!(comment instanceof String c) || c.isBlank()) {
            throw new InvalidInput("comment", "required: the closing statement of the recall");
        }
        if (c.length() > 2000) {
            throw new InvalidInput("comment", "at most 2000 characters");
        }
        RecallStore.RecallRow recall = store.lock(recallOf(recallNumber, processInstanceId).id());
        if (!STATUS_AWAITING_CLOSE.equals(recall.status()) || recall.closeRequestedBy() != null) {
            throw new StateConflict("Recall " + recallNumber + " is " + recall.status()
                    + (recall.closeRequestedBy() != null ? " and its closing is already signed" : "")
                    + "; it cannot be closed now").with("status", recall.status());
        }
        store.requestClose(recall.id(), currentUser.id(), c, clock.instant());
    }

    /**
     * Closes the recall (service task {@code recordRecallReport}): status CLOSED and the recall
     * report in the history of every lot of its scope. The recall is the business key's, and the
     * closing is carried out only as the QA manager signed it on the recall row (who, comment);
     * without that signature it refuses (409) and nothing changes. Closing twice changes nothing.
     */
    @Transactional
    public void close(String recallNumber, String processInstanceId) {
        RecallStore.RecallRow recall = store.lock(recallOf(recallNumber, processInstanceId).id());
        long recallId = recall.id();
        if (STATUS_CLOSED.equals(recall.status())) {
            return;
        }
        if (!STATUS_AWAITING_CLOSE.equals(recall.status()) || recall.closeRequestedBy() == null) {
            throw new StateConflict("Recall " + recallNumber + " is " + recall.status()
                    + " without a signed closing decision; it is not closed").with("status", recall.status());
        }
        String closedBy = recall.closeRequestedBy();
        String comment = recall.closeRequestedComment();
        Effectiveness e = Effectiveness.of(store.notifications(recallId));
        Instant now = clock.instant();
        store.close(recallId, e.level(), comment, now, closedBy);
        List<RecallStore.LotRow> scope = store.lots(recallId);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("recallNumber", recall.recallNumber());
        report.put("classification", recall.classification());
        report.put("reason", recall.reason());
        report.put("openedAt", recall.openedAt().toString());
        report.put("openedBy", recall.openedBy());
        report.put("lotsRecalled", scope.stream().filter(RecallStore.LotRow::recalled)
                .map(RecallStore.LotRow::lotNumber).toList());
        report.put("customers", e.customers());
        report.put("acknowledged", e.acknowledged());
        report.put("quantityShipped", e.quantityShipped());
        report.put("quantityReturned", e.quantityReturned());
        report.put("effectivenessLevel", e.level());
        report.put("comment", comment);
        for (RecallStore.LotRow lot : scope) {
            history.event(lot.lotId(), RecallEventTypes.RECALL_CLOSED).by(closedBy)
                    .reason("Recall " + recall.recallNumber() + " closed: " + comment).details(report).record();
        }
        store.event(recallId, now, "CLOSED", closedBy, "Closed: " + comment + ". " + summary(e));
    }

    /** {@code GET /api/recalls/{recallNumber}}: any member of a business group. */
    @Transactional(readOnly = true)
    public RecallView view(String recallNumber) {
        currentUser.require(Groups.BUSINESS.toArray(String[]::new));
        RecallStore.RecallRow r = find(recallNumber);
        List<RecallStore.ShipmentRow> shipments = store.shipments(r.id());
        List<RecallStore.NotificationRow> notifications = store.notifications(r.id());
        List<RecallView.Customer> customers = new ArrayList<>();
        for (RecallStore.NotificationRow n : notifications) {
            List<RecallStore.ShipmentRow> mine = shipments.stream().filter(s -> s.customer().equals(n.customer()))
                    .toList();
            customers.add(new RecallView.Customer(n.customer(), n.quantityShipped(),
                    mine.stream().map(RecallStore.ShipmentRow::unit).distinct().collect(Collectors.joining("/")),
                    n.done(), n.acknowledged(), n.quantityReturned(), n.notifiedBy(), n.notifiedAt(),
                    n.escalatedAt() != null, mine.stream().map(s -> new RecallView.Shipment(s.lotNumber(),
                            s.orderNumber(), s.quantity(), s.shippedAt())).toList()));
        }
        return new RecallView(r.recallNumber(), r.status(), r.classification(), r.reason(), r.openedBy(),
                r.openedAt(), r.closedBy(), r.closedAt(), r.closeComment(), r.processInstanceId(),
                deadlines.notifyWithin(r.classification()),
                store.lots(r.id()).stream().map(l -> new RecallView.AffectedLot(l.lotNumber(), l.sku(),
                        l.productName(), l.depth(), l.named(), l.previousStatus(), l.currentStatus(),
                        l.recalled() ? "RECALLED" : "SKIPPED", l.note())).toList(),
                customers, Effectiveness.of(notifications),
                store.events(r.id()).stream().map(e -> new RecallView.TimelineEntry(e.at(), e.type(), e.user(),
                        e.text())).toList());
    }

    @Transactional(readOnly = true)
    public RecallExport.Data exportData(String recallNumber) {
        currentUser.require(Groups.BUSINESS.toArray(String[]::new));
        RecallStore.RecallRow r = find(recallNumber);
        return new RecallExport.Data(r.recallNumber(), store.lots(r.id()), store.edges(r.id()),
                store.shipments(r.id()));
    }

    private RecallStore.RecallRow find(String recallNumber) {
        return store.find(recallNumber).orElseThrow(() -> new NotFound("Recall", recallNumber));
    }

    /** The lots (id -> number) a customer received within a recall. */
    private Map<Long, String> lotsOf(long recallId, String customer) {
        Map<Long, String> out = new TreeMap<>(Comparator.naturalOrder());
        for (RecallStore.ShipmentRow s : store.shipments(recallId)) {
            if (s.customer().equals(customer)) {
                out.put(s.lotId(), s.lotNumber());
            }
        }
        return out;
    }

    static String summary(Effectiveness e) {
        if (e.customers() == 0) {
            return "Effectiveness: no customer received the affected lots";
        }
        return "Effectiveness " + e.level() + ": " + e.acknowledged() + " of " + e.customers()
                + " customer(s) acknowledged (" + e.acknowledgedPercent() + "%), " + plain(e.quantityReturned())
                + " of " + plain(e.quantityShipped()) + " returned"
                + (e.returnedPercent() == null ? "" : " (" + e.returnedPercent() + "%)");
    }

    /**
     * A quantity input: a number (as Tasklist and engine REST send it), at most 3 decimals (contract:
     * more is a 400, never a silent rounding). Text, Booleans and anything else: 400.
     */
    static BigDecimal decimal(String field, Object value) {
        if (value == null) {
            throw new InvalidInput(field, "required: a number, 0 or more");
        }
        BigDecimal d;
        if (value instanceof BigDecimal b) {
            d = b;
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte) {
            d = BigDecimal.valueOf(((Number) value).longValue());
        } else if (value instanceof java.math.BigInteger b) {
            d = new BigDecimal(b);
        } else if (value instanceof Double || value instanceof Float) {
            double x = ((Number) value).doubleValue();
            if (!Double.isFinite(x)) {
                throw new InvalidInput(field, "'" + value + "' is not a number");
            }
            d = value instanceof Float f ? new BigDecimal(Float.toString(f)) : BigDecimal.valueOf(x);
        } else {
            throw new InvalidInput(field, "must be a number, was " + (value instanceof String
                    ? "text '" + value + "'" : value.getClass().getSimpleName()));
        }
        if (d.stripTrailingZeros().scale() > 3) {
            throw new InvalidInput(field, "at most 3 decimals, was " + d.toPlainString()
                    + " (never rounded)");
        }
        return d;
    }

    static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
