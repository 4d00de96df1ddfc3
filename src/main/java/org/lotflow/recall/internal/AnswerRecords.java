package org.lotflow.recall.internal;

import java.time.Instant;
import java.util.List;

import org.lotflow.history.LotHistory;
import org.lotflow.recall.RecallEventTypes;
import org.lotflow.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * How a customer's answer to a recall is written down: in the history of every lot it received of the recall and on
 * the recall's timeline, in words (an attempt that did not reach it never as a notification; 21 CFR 7.49, 7.53), and
 * the attempts read back from the timeline. For the answer ({@link CustomerNotification}) and a later contact
 * ({@link LaterContact}) alike.
 */
@Component
class AnswerRecords {

    private final RecallStore store;
    private final LotHistory history;
    private final CurrentUser currentUser;

    AnswerRecords(RecallStore store, LotHistory history, CurrentUser currentUser) {
        this.store = store;
        this.history = history;
        this.currentUser = currentUser;
    }

    /**
     * An answer (or an attempt) in the history of every lot the customer received of the recall and on the recall's
     * timeline, in the caller's name: who, when and how; an attempt never as a notification (new user U3), a contact
     * after an attempt recorded as not reached marked {@code reachedLater}; {@code at} the answer's moment. {@code after}
     * ends the sentence.
     */
    void record(RecallStore.RecallRow recall, NotificationStore.NotificationRow n,
            NotificationAnswer answer, Instant at, boolean again, String after) {
        String by = currentUser.id();
        CustomerShipments shipments = new CustomerShipments(store.shipments(recall.id(), n.customer()));
        String unit = shipments.unitOf(n.consignee());
        // an attempt answers no quantities: nobody there was told (new user 2026-12-06 M2: "returned 0 of 30")
        String text = timelineText(n.customer(), recall.recallNumber(), answer) + (answer.reached() ? ", returned "
                + Quantities.plain(answer.quantityReturned()) + " of " + Quantities.plain(n.quantityShipped()) + " "
                + unit + " shipped, destroyed at the customer " + Quantities.plain(answer.quantityDestroyed()) + " "
                + unit : ", " + Quantities.plain(n.quantityShipped()) + " " + unit + " shipped to it") + after;
        boolean later = n.notReached();
        for (Long lotId : shipments.lotsOf(n.consignee()).keySet()) {
            LotHistory.Builder event = history.event(lotId, answer.reached() ? RecallEventTypes.RECALL_CUSTOMER_NOTIFIED
                    : RecallEventTypes.RECALL_CUSTOMER_NOT_REACHED).by(by).reason(text)
                    .detail("recallNumber", recall.recallNumber()).detail("customer", n.customer())
                    .detail("reached", answer.reached())
                    .detail("acknowledged", answer.acknowledged()).detail("quantityReturned", answer.quantityReturned())
                    .detail("quantityDestroyed", answer.quantityDestroyed())
                    .detail("contactMethod", answer.contactMethod()).detail("contactPerson", answer.contactPerson())
                    .detail("note", answer.note());
            (later ? event.detail("reachedLater", true) : event.detail("tryAgain", again))
                    .detail("quantityShipped", n.quantityShipped()).detail("unit", unit).record();
        }
        store.event(recall.id(), at, answer.reached() ? "CUSTOMER_NOTIFIED" : "CUSTOMER_NOT_REACHED", by, text);
    }

    /**
     * The answer's first words on the recall's timeline and in the lots' history: "Customer X notified of recall R by
     * telephone call (Jane Roe): acknowledged" (or "NOT acknowledged"), and for a customer not reached "Could not
     * reach customer X about recall R by telephone call (tried: Reception)": an attempt, never a notification
     * (21 CFR 7.49, 7.53).
     */
    static String timelineText(String customer, String recallNumber, NotificationAnswer answer) {
        if (!answer.reached()) {
            return "Could not reach customer " + customer + " about recall " + recallNumber + " by "
                    + contactWords(answer.contactMethod()) + " (tried: " + answer.contactPerson() + "): not notified";
        }
        return "Customer " + customer + " notified of recall " + recallNumber + " by "
                + contactWords(answer.contactMethod()) + " (" + answer.contactPerson() + "): "
                + (answer.acknowledged() ? "acknowledged" : "NOT acknowledged");
    }

    /** How a contact method reads in a sentence: "telephone call" for PHONE, ... (21 CFR 7.42(b)(3)'s words). */
    static String contactWords(String method) {
        return switch (method) {
            case "PHONE" -> "telephone call";
            case "EMAIL" -> "e-mail";
            case "LETTER" -> "letter";
            case "FAX" -> "fax";
            case "VISIT" -> "personal visit";
            default -> method;
        };
    }

    /**
     * The attempts that did not reach {@code customer} in the recall's timeline, oldest first: "2025-01-28 09:15 UTC,
     * Rachel Nguyen (rachel): by telephone call (tried: Reception): not notified, ...; another attempt follows", so
     * whoever tries next knows whom was tried, how and when (new user 2026-12-06 M3: the next attempt's task looked like
     * the first); who tried in {@code names}' words (the printed name and the id, new user 2026-12-07 L6).
     */
    static List<String> attempts(List<RecallStore.EventRow> events, String customer, String recallNumber,
            java.util.function.UnaryOperator<String> names) {
        String prefix = "Could not reach customer " + customer + " about recall " + recallNumber + " ";
        return events.stream().filter(e -> "CUSTOMER_NOT_REACHED".equals(e.type()) && e.text() != null
                && e.text().startsWith(prefix))
                .map(e -> org.lotflow.shared.process.TaskForm.text(e.at()) + ", " + names.apply(e.user()) + ": "
                        + e.text().substring(prefix.length()))
                .toList();
    }
}
