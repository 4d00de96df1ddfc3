package org.lotflow.recall.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;

import org.lotflow.security.CurrentUser;
import org.lotflow.shared.StateConflict;
import org.springframework.stereotype.Service;

/**
 * Use case: a later contact with a customer recorded as not reached ({@code POST /api/recalls/{n}/notifications} for
 * that customer, in the caller's transaction: {@link CustomerNotification#answer} hands it over).
 */
@Service
class LaterContact {

    private final RecallStore store;
    private final NotificationStore notifications;
    private final AnswerRecords records;
    private final CurrentUser currentUser;
    private final Clock clock;

    LaterContact(RecallStore store, NotificationStore notifications, AnswerRecords records,
            CurrentUser currentUser, Clock clock) {
        this.store = store;
        this.notifications = notifications;
        this.records = records;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * A customer recorded as not reached is reached later, while the recall is open (it calls back, or answers the
     * public notice): the contact is recorded as its answer (reached, acknowledged, returns, who and how), added to the
     * history after the attempt that did not reach it, which stays on record; the effectiveness check counts it
     * notified from then on, and a closing form waiting shows it (auditor 2026-12-06 F9: it could never be recorded).
     * Only a contact that reaches it (409 otherwise: nothing new to record), no further attempt (400 naming
     * {@code tryAgain}), not once the recall is closed (409); of two such contacts at once, one is recorded (409).
     */
    void record(RecallStore.RecallRow recall, NotificationStore.NotificationRow n, Boolean reached,
            Boolean acknowledged, BigDecimal quantityReturned, String contactMethod, String contactPerson, String note,
            BigDecimal quantityDestroyed, Boolean tryAgain) {
        NotificationAnswer answer = NotificationAnswer.check(n, reached, acknowledged, quantityReturned, contactMethod,
                contactPerson, note, quantityDestroyed, true)
                .inWholeUnits(store.wholeUnits(recall.id(), n.customer(), n.unit()), n.unit());
        NotificationAnswer.tryAgain(tryAgain, answer.reached());
        RecallStore.RecallRow locked = store.lock(recall.id());
        if (RecallStatus.CLOSED.equals(locked.status()) || locked.closeRequestedAt() != null) {
            // the signed closing's effectiveness is the one it was signed on (auditor 2026-12-07: a contact recorded
            // between the signing and the closing's job would change the signed report)
            throw new StateConflict("Recall " + recall.recallNumber() + (locked.closeRequestedAt() != null
                    && !RecallStatus.CLOSED.equals(locked.status()) ? "'s closing is signed" : " is closed") + ": "
                    + n.customer() + " stays recorded as not reached in it").with("customer", n.customer());
        }
        Instant at = clock.instant();
        // one conditional write: of several contacts at once, one is recorded (re-test N1)
        if (!notifications.recordReachedLater(n.id(), answer, at, currentUser.id())) {
            throw new StateConflict(org.lotflow.shared.EngineRefusals.CONCURRENT).with("customer", n.customer());
        }
        records.record(recall, n, answer, at, false, " (reached later: recorded as not reached"
                + (n.notifiedBy() == null ? "" : " by " + n.notifiedBy()) + " before)");
        // a closing form already waiting shows the contact: computed when it is read (CloseRecallListener)
    }

}
