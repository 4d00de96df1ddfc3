package org.lotflow.recall.internal;

import java.math.BigDecimal;
import java.util.List;
import java.time.Clock;
import java.time.Instant;

import org.lotflow.recall.internal.process.LotRecallProcess;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.Groups;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.StateConflict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answering a customer notification (21 CFR 7.49; FSMA 204): one {@code notifyCustomer} task per
 * customer that received a lot of the recall's scope. The task is bound to its customer's
 * notification row when created (lotflow's own record, never a loop variable a user could overwrite;
 * issue #8); the answer is checked ({@link NotificationAnswer}) and recorded with the user and time
 * in the recall and in the history of the customer's lots.
 */
@Service
public class CustomerNotification {

    /**
     * What the {@code notifyCustomer} form shows. {@code units}: the units of the customer's notifications in this
     * recall, this one's included; with more than one, the task names its unit and the form says the others are
     * tasks of their own.
     */
    public record NotificationTask(String customer, String recallNumber, String classification, String reason,
            String deliveries, BigDecimal quantityShipped, String unit, List<String> units, boolean escalated,
            List<String> earlierAttempts) {

        /** The form's lines on the attempts that did not reach the customer, one per line; empty text for none. */
        public String attemptsText() {
            return earlierAttempts.isEmpty() ? "" : "Tried before without reaching " + customer + ":\n- "
                    + String.join("\n- ", earlierAttempts);
        }

        /** How many notifications (units) the customer has in this recall. */
        public int ofUnits() {
            return units.size();
        }

        /** The form's sentence on the customer's other units, or empty text when it received one (N4). */
        public String otherUnits() {
            if (units.size() < 2) {
                return "";
            }
            return customer + " received lots of this recall in " + units.size() + " units (" + String.join(", ",
                    units) + "): each unit is a task of its own, answered on its own. " + customer + " counts as"
                    + " acknowledged only when it acknowledged in every one of them; its answer for the other units"
                    + " is on the recall's page in the lotflow Console.";
        }
    }

    /** The longest customer name and unit lotflow keeps (the ledger's and the product's columns). */
    static final int MAX_CUSTOMER = 200;
    static final int MAX_UNIT = 32;

    private final RecallStore store;
    private final NotificationStore notifications;
    private final BoundRecalls bound;
    private final LotRecallProcess process;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final org.lotflow.serial.SerialLedger serials;
    private final org.lotflow.shared.process.TaskCompletionsInOrder taskLocks;
    private final LaterContact laterContact;
    private final AnswerRecords records;

    CustomerNotification(RecallStore store, NotificationStore notifications, BoundRecalls bound,
            LotRecallProcess process, CurrentUser currentUser, Clock clock,
            org.lotflow.serial.SerialLedger serials, org.lotflow.shared.process.TaskCompletionsInOrder taskLocks,
            LaterContact laterContact, AnswerRecords records) {
        this.laterContact = laterContact;
        this.records = records;
        this.serials = serials;
        this.taskLocks = taskLocks;
        this.store = store;
        this.notifications = notifications;
        this.bound = bound;
        this.process = process;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Create listener of {@code notifyCustomer}: binds the new task to the notification of the
     * {@code recallNotification} process it runs in (bound by lotflow when it started that process,
     * {@link NotificationFanOut}; never a variable) and returns what the form shows. 409 when the
     * process is no customer notification of the recall of its business key, or its notification
     * has a task already.
     */
    @Transactional
    public NotificationTask bindTask(String recallNumber, String processInstanceId, String taskId) {
        RecallStore.RecallRow recall = bound.find(recallNumber);
        NotificationStore.NotificationRow n = notifications.lockOfProcess(recall.id(), processInstanceId)
                .orElseThrow(() -> new StateConflict("Process " + processInstanceId + " is no customer notification"
                        + " of recall " + recallNumber + " that lotflow started"));
        if (!notifications.bindTask(n.id(), taskId)) {
            throw new StateConflict("The notification of " + n.customer() + " (recall " + recallNumber
                    + ") has its task already");
        }
        CustomerShipments shipments = new CustomerShipments(store.shipments(recall.id(), n.customer()));
        // a serialised product's units to retrieve, by serial (issue #16); the form shows what fits, and says so
        List<String> shippedSerials = CustomerShipments.byCustomer(serials.shippedFrom(shipments.lotsOf(n.consignee())
                .keySet())).get(n.customer());
        String deliveries = shipments.deliveriesOf(n.consignee()) + (shippedSerials == null ? ""
                : "\n- serials (" + shippedSerials.size() + "): " + String.join(", ", shippedSerials));
        return new NotificationTask(n.customer(), recall.recallNumber(), recall.classification(), recall.reason(),
                deliveries, n.quantityShipped(), shipments.unitOf(n.consignee()),
                notifications.ofCustomer(recall.id(), n.customer()).stream().map(r -> shipments.unitOf(r.consignee()))
                        .toList(), n.escalatedAt() != null, AnswerRecords.attempts(store.events(recall.id()), n.customer(),
                recall.recallNumber(), currentUser::nameWithId));
    }


    /**
     * {@code POST /api/recalls/{recallNumber}/notifications}: the customer's answer for scripts
     * (recall coordinators and QA managers, else 403), for what it received in {@code unit}: required only when the
     * customer received lots of more than one unit and has a notification for each (400 naming {@code unit}
     * otherwise, with the units to choose from; G2), with whether the customer was {@code reached} (null: it was, as
     * before V145; false: the plant tried and could not reach it, then {@code acknowledged} must be false), how and
     * whom the customer was reached or tried ({@code contactMethod}, {@code contactPerson}), an optional {@code note}
     * and the quantities returned to the plant and destroyed at the
     * customer (the rule: {@link NotificationAnswer}; 21 CFR 7.42(b)(3), 7.49, 7.59). It is checked first (400/409,
     * nothing changes), then the customer's {@code notifyCustomer} task is completed as the caller, exactly
     * as in Tasklist (409 when it has no open task). Answers of one notification wait for each other on its task's
     * row, then on the recall's (the order of every completion, A11), so of several answers for one customer sent at
     * once one is recorded and the others find the task done: 409 (auditor 2026-12-06 G3: they met the engine
     * half-way and got 500 or 403). The task is answered by
     * a member of its candidate groups: recall coordinators, and QA managers once it is escalated (403 in words
     * otherwise, G10).
     */
    @Transactional
    public void answer(String recallNumber, String customerAsSent, String unit, Boolean reached, Boolean acknowledged,
            BigDecimal quantityReturned, String contactMethod, String contactPerson, String note,
            BigDecimal quantityDestroyed, Boolean tryAgain) {
        // trimmed, as the unit is (re-test 2026-12-06 R7)
        String customer = customerAsSent == null ? null : customerAsSent.strip();
        currentUser.requireToRecord("record a customer's answer to a recall", Groups.RECALL_COORDINATOR,
                Groups.QA_MANAGER);
        RecallStore.RecallRow recall = bound.find(recallNumber);
        requireCustomerAndUnit(customer, unit);
        NotificationStore.NotificationRow n = ofUnit(recall, customer, unit,
                notifications.ofCustomer(recall.id(), customer));
        if (n.notReached()) {
            laterContact.record(recall, n, reached, acknowledged, quantityReturned, contactMethod, contactPerson, note,
                    quantityDestroyed, tryAgain);
            return;
        }
        NotificationAnswer.check(n, reached, acknowledged, quantityReturned, contactMethod, contactPerson, note,
                quantityDestroyed).inWholeUnits(store.wholeUnits(recall.id(), n.customer(), n.unit()), n.unit());
        // bad input: 400 before any lock
        if (n.taskId() == null) {
            throw new StateConflict("The notification task for " + customer + " of recall " + recallNumber
                    + " is still being created (a recall's customers get their tasks in batches, within seconds);"
                    + " try again in a moment");
        }
        // answers of one notification one at a time, from here on (G3), locked in the order every completion locks:
        // the task's row, then (its listener) the recall's row (A11: the other order deadlocked on PostgreSQL)
        String lockedTask = n.taskId();
        taskLocks.lock(lockedTask);
        long id = n.id();
        n = notifications.ofCustomer(recall.id(), customer).stream().filter(r -> r.id() == id).findFirst()
                .orElseThrow();
        if (!lockedTask.equals(n.taskId())) {
            // answered at the same moment, and tried again: the task this answer was meant for is done, and the next
            // attempt's task is not this answer's (re-test 2026-12-06 N2: a second, made-up attempt was recorded)
            throw new StateConflict(org.lotflow.shared.EngineRefusals.CONCURRENT).with("customer", customer);
        }
        NotificationAnswer answer = NotificationAnswer.check(n, reached, acknowledged, quantityReturned, contactMethod,
                contactPerson, note, quantityDestroyed);
        if (!process.isActive(n.taskId())) {
            throw new StateConflict("Recall " + recallNumber + " has no open notification task for " + customer
                    + (n.unit() == null ? "" : " for what it received in " + n.unit()));
        }
        java.util.List<String> candidates = process.candidateGroups(n.taskId());
        if (!currentUser.isMemberOfAny(candidates.toArray(String[]::new))) {
            throw new org.lotflow.shared.NotPermitted("The notification task of " + customer + " is for "
                    + String.join(" and ", candidates.stream().map(Groups::displayName).toList())
                    + (candidates.contains(Groups.QA_MANAGER) ? "" : " until it is escalated to the QA managers (when"
                            + " it is overdue)") + "; " + currentUser.id() + " is not one of them");
        }
        process.answer(n.taskId(), answer.reached(), answer.acknowledged(), answer.quantityReturned(), answer.contactMethod(),
                answer.contactPerson(), answer.note(), answer.quantityDestroyed(),
                NotificationAnswer.tryAgain(tryAgain, answer.reached()));
    }

    /**
     * A customer named, and customer and unit no longer than lotflow keeps them (400 naming the field; A8: 200,000
     * characters were looked up and quoted back twice), before anything is looked up.
     */
    static void requireCustomerAndUnit(String customer, String unit) {
        if (customer == null || customer.isBlank()) {
            throw new InvalidInput("customer", "must name the customer");
        }
        if (customer.length() > MAX_CUSTOMER) {
            throw new InvalidInput("customer", "at most " + MAX_CUSTOMER + " characters, was " + customer.length());
        }
        if (unit != null && unit.isBlank()) {
            // sent but empty: refused, not read as "its only unit" (re-test 2026-12-07 L3)
            throw new InvalidInput("unit", "is empty: give the unit the quantities are in, or leave the field out for"
                    + " a customer that received one unit");
        }
        if (unit != null && unit.length() > MAX_UNIT) {
            throw new InvalidInput("unit", "at most " + MAX_UNIT + " characters, was " + unit.length());
        }
    }

    /** The customer's notification for {@code unit} (or its only one when {@code unit} is not given); 400 otherwise. */
    NotificationStore.NotificationRow ofUnit(RecallStore.RecallRow recall, String customer, String unit,
            List<NotificationStore.NotificationRow> ofCustomer) {
        String recallNumber = recall.recallNumber();
        if (ofCustomer.isEmpty()) {
            throw new InvalidInput("customer", "'" + customer + "' is not a customer of recall " + recallNumber
                    + " (GET /api/recalls/" + recallNumber + " lists its " + notifications.customers(recall.id())
                    + " customers)");
        }
        List<String> units = ofCustomer.stream().map(NotificationStore.NotificationRow::unit).toList();
        if (unit == null || unit.isBlank()) {
            if (ofCustomer.size() == 1) {
                return ofCustomer.get(0);
            }
            throw new InvalidInput("unit", customer + " received lots of recall " + recallNumber + " in "
                    + units.size() + " units (" + String.join(", ", units) + "): say which one this quantity"
                    + " returned is in; each unit is answered on its own");
        }
        return ofCustomer.stream().filter(n -> unit.trim().equalsIgnoreCase(n.unit())).findFirst().orElseThrow(() ->
                new InvalidInput("unit", customer + " received nothing in '" + unit + "' in recall " + recallNumber
                        + "; what it received is in " + String.join(", ", units.stream()
                                .map(u -> u == null ? "several units (recorded before units were kept apart)" : u)
                                .toList())));
    }

    /**
     * Complete listener of {@code notifyCustomer}: records the answer for the notification bound to
     * the completing task (found by task id within the recall of the business key, never a
     * variable). The inputs are the form's fields of this completion: {@code reached} (Boolean, required by the form
     * and its schema on the engine REST API; null, from lotflow's own completions written before it, counts as
     * reached), {@code acknowledged} (Boolean, required; false when not reached), {@code quantityReturned} (a number, 0 up to what the customer received, at most 3
     * decimals, never rounded), {@code contactMethod} (PHONE, EMAIL, LETTER, FAX or VISIT, required),
     * {@code contactPerson} (one line, at most 200 characters, required), {@code note} (optional, at most 2000
     * characters) and {@code quantityDestroyed} (as the quantity returned, optional: 0; both together at most what
     * the customer received; {@link NotificationAnswer}, 21 CFR 7.42(b)(3), 7.49, 7.59); 403 for anyone but recall
     * coordinators and QA managers, 400 naming the
     * field, 409 if already answered. Answers of one recall queue on the recall row, so the one that
     * answers the last open notification sees it and tells {@code lotRecall} (message
     * {@code recallCustomersAnswered}).
     */
    @Transactional
    public void record(String recallNumber, String processInstanceId, String taskId, Object reached,
            Object acknowledged, Object quantityReturned, Object contactMethod, Object contactPerson, Object note,
            Object quantityDestroyed, Object tryAgain) {
        currentUser.requireToRecord("record a customer's answer to a recall", Groups.RECALL_COORDINATOR,
                Groups.QA_MANAGER);
        RecallStore.RecallRow recall = store.lock(bound.ofRecallOrNotification(recallNumber, processInstanceId).id());
        NotificationStore.NotificationRow n = notifications.lockOfTask(recall.id(), taskId).orElseThrow(() ->
                new StateConflict("Task " + taskId + " is not a customer notification of recall " + recallNumber));
        NotificationAnswer answer = NotificationAnswer.check(n, reached, acknowledged, quantityReturned, contactMethod,
                contactPerson, note, quantityDestroyed)
                .inWholeUnits(store.wholeUnits(recall.id(), n.customer(), n.unit()), n.unit());
        boolean again = NotificationAnswer.tryAgain(tryAgain, answer.reached());
        Instant now = clock.instant();
        if (again) {
            // an attempt, and another follows: the notification stays open, its next task binds to it (F13)
            notifications.unbindTask(n.id(), taskId);
        } else {
            notifications.record(n.id(), answer, now, currentUser.id());
        }
        records.record(recall, n, answer, now, again, again ? "; another attempt follows" : "");
        if (!again && notifications.open(recall.id()) == 0) {
            process.customersAnswered(recall.processInstanceId());
        }
    }

    /**
     * End listener of {@code lotRecall}'s {@code Event_CustomersAnswered}: the message is accepted only
     * when every customer notification of the recall is answered (lotflow's rows, not the message); 409
     * otherwise, and the process stays waiting.
     */
    @Transactional(readOnly = true)
    public void checkEveryCustomerAnswered(String recallNumber, String processInstanceId) {
        RecallStore.RecallRow recall = bound.of(recallNumber, processInstanceId);
        int open = notifications.open(recall.id());
        if (open > 0) {
            throw new StateConflict("Recall " + recallNumber + " still has " + open
                    + " customer notification(s) without an answer").with("recallNumber", recallNumber);
        }
    }
}
