package org.lotflow.recall.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;

import org.lotflow.history.LotHistory;
import org.lotflow.recall.RecallEventTypes;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.Groups;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.StateConflict;
import org.lotflow.shared.input.InputRules;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: returns a customer sends back (or destroys on site) after it was told of the recall, recorded when they
 * arrive ({@code POST /api/recalls/{recallNumber}/returns}): the customer's notification was answered at the first
 * call, when nothing had come back yet, and later returns had nowhere to go (new user 2026-12-06 F6; the seed's
 * "coordinate product retrieval, document all actions taken"; 21 CFR 7.42(b)(3), 7.59 effectiveness checks). The
 * quantities are added to what the notification holds, each a record in the lots' history and on the recall's timeline,
 * and the recall's effectiveness counts them at once. Until the recall is closed.
 */
@Service
public class RecallReturns {

    private final CustomerNotification notification;
    private final RecallStore store;
    private final NotificationStore notifications;
    private final BoundRecalls bound;
    private final LotHistory history;
    private final CurrentUser currentUser;
    private final Clock clock;

    public RecallReturns(CustomerNotification notification, RecallStore store, NotificationStore notifications,
            BoundRecalls bound, LotHistory history, CurrentUser currentUser, Clock clock) {
        this.notification = notification;
        this.store = store;
        this.notifications = notifications;
        this.bound = bound;
        this.history = history;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Adds {@code quantityReturned} (to the plant) and {@code quantityDestroyed} (on site) to what {@code customer}
     * answered for the lots it received in {@code unit} (needed only when it received several units), with an optional
     * {@code note} (at most 2000 characters). Quantities 0 or more, at most 3 decimals, never rounded; at least one
     * more than 0; all returned and destroyed together at most what was shipped to it in that unit. Refusals: 403 for
     * anyone but recall coordinators and QA managers; 400 naming the field; 409 when the customer's notification is
     * not answered yet (its answer carries the first returns), when it could not be reached, or when the recall is
     * closed.
     */
    @Transactional
    public void record(String recallNumber, String customerAsSent, String unit, BigDecimal quantityReturned,
            BigDecimal quantityDestroyed, String note) {
        currentUser.requireToRecord("record a customer's returns of a recall", Groups.RECALL_COORDINATOR,
                Groups.QA_MANAGER);
        String customer = customerAsSent == null ? null : customerAsSent.strip();
        // as the answer's: not 200,000 characters looked up and quoted back (auditor 2026-12-06 F7)
        CustomerNotification.requireCustomerAndUnit(customer, unit);
        BigDecimal returned = quantityReturned == null ? BigDecimal.ZERO : quantityReturned;
        BigDecimal destroyed = quantityDestroyed == null ? BigDecimal.ZERO : quantityDestroyed;
        InputRules.require("quantityReturned", InputRules.quantity(returned, true));
        InputRules.require("quantityDestroyed", InputRules.quantity(destroyed, true));
        if (returned.signum() == 0 && destroyed.signum() == 0) {
            throw new InvalidInput("quantityReturned", "give what came back (quantityReturned) or what the customer"
                    + " destroyed on site (quantityDestroyed): nothing to record");
        }
        String noted = note == null || note.isBlank() ? null : note.strip();
        if (noted != null && noted.length() > NotificationAnswer.MAX_NOTE) {
            throw new InvalidInput("note", "at most " + NotificationAnswer.MAX_NOTE + " characters, was " + noted.length());
        }
        RecallStore.RecallRow recall = store.lock(bound.find(recallNumber).id());
        if (RecallStatus.CLOSED.equals(recall.status())) {
            throw new StateConflict("Recall " + recall.recallNumber() + " is closed: its returns are in its closing");
        }
        if (recall.closeRequestedAt() != null) {
            // the signed closing's effectiveness is the one it was signed on (auditor 2026-12-07)
            throw new StateConflict("The closing of recall " + recall.recallNumber() + " is signed: its returns are"
                    + " the ones it was signed on");
        }
        NotificationStore.NotificationRow n = notification.ofUnit(recall, customer, unit,
                notifications.ofCustomer(recall.id(), customer));
        boolean whole = store.wholeUnits(recall.id(), n.customer(), n.unit());
        NotificationAnswer.requireWhole(whole, n.unit(), "quantityReturned", returned);
        NotificationAnswer.requireWhole(whole, n.unit(), "quantityDestroyed", destroyed);
        if (!n.done()) {
            throw new StateConflict("The notification of " + n.customer() + " is not answered yet: record its first"
                    + " returns with its answer").with("customer", n.customer());
        }
        if (Boolean.FALSE.equals(n.reached())) {
            throw new StateConflict(n.customer() + " is recorded as not reached: record the contact that reached it"
                    + " first (its answer, reached true, with what it returned), then its later returns")
                    .with("customer", n.customer());
        }
        BigDecimal hadReturned = n.quantityReturned() == null ? BigDecimal.ZERO : n.quantityReturned();
        BigDecimal hadDestroyed = n.quantityDestroyed() == null ? BigDecimal.ZERO : n.quantityDestroyed();
        BigDecimal totalReturned = hadReturned.add(returned);
        BigDecimal totalDestroyed = hadDestroyed.add(destroyed);
        String unitText = n.unit() == null ? "" : " " + n.unit();
        if (totalReturned.add(totalDestroyed).compareTo(n.quantityShipped()) > 0) {
            // the field that was sent (auditor 2026-12-07 24b F3: a destroyed quantity alone was refused naming
            // quantityReturned)
            throw new InvalidInput(returned.signum() == 0 ? "quantityDestroyed" : "quantityReturned",
                    Quantities.plain(totalReturned) + unitText + " returned and "
                    + Quantities.plain(totalDestroyed) + unitText + " destroyed in all would be more than the "
                    + Quantities.plain(n.quantityShipped()) + unitText + " shipped to " + n.customer());
        }
        String by = currentUser.id();
        Instant now = clock.instant();
        notifications.addReturns(n.id(), totalReturned, totalDestroyed);
        CustomerShipments shipments = new CustomerShipments(store.shipments(recall.id(), n.customer()));
        String inUnit = " " + shipments.unitOf(n.consignee());
        String text = "Returns of " + n.customer() + " for recall " + recall.recallNumber() + ": "
                + Quantities.plain(returned) + inUnit + " returned to the plant, " + Quantities.plain(destroyed) + inUnit
                + " destroyed at the customer (in all " + Quantities.plain(totalReturned) + " returned, "
                + Quantities.plain(totalDestroyed) + " destroyed of " + Quantities.plain(n.quantityShipped()) + inUnit
                + " shipped)" + (noted == null ? "" : ": " + noted);
        for (Long lotId : shipments.lotsOf(n.consignee()).keySet()) {
            history.event(lotId, RecallEventTypes.RECALL_RETURNS_RECORDED).by(by).reason(text)
                    .detail("recallNumber", recall.recallNumber()).detail("customer", n.customer())
                    .detail("quantityReturned", returned).detail("quantityDestroyed", destroyed)
                    .detail("totalReturned", totalReturned).detail("totalDestroyed", totalDestroyed)
                    .detail("note", noted).record();
        }
        store.event(recall.id(), now, "RETURNS_RECORDED", by, text);
        // a closing form already waiting shows them, computed when it is read: the QA manager signs on the figures
        // recorded (new user M1; CloseRecallListener)
    }
}
