package org.lotflow.expiry;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lotflow.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * {@code reviewExpiringLots}: on create, lists the lots expiring within the alert window (and
 * those just expired); on complete, writes the reviewer's {@code reviewNote} (what will be
 * promoted or disposed) into each listed lot's history.
 */
@Component("reviewExpiringLotsListener")
public class ReviewExpiringLotsListener implements TaskListener {

    private final ExpiryMonitoringService expiry;
    private final CurrentUser currentUser;
    private final Clock clock;

    public ReviewExpiringLotsListener(ExpiryMonitoringService expiry, CurrentUser currentUser, Clock clock) {
        this.expiry = expiry;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            task.setVariableLocal("reviewDate", LocalDate.now(clock).toString());
            task.setVariableLocal("alertDays", expiry.alertDays());
            task.setVariableLocal("expiringLots", expiry.describe(expiry.expiring(expiry.alertDays())));
            return;
        }
        Object note = task.getVariable("reviewNote");
        if (!(note instanceof String s) || s.isBlank()) {
            throw new BadUserRequestException("reviewNote: say what happens to the expiring lots (promote, dispose...)");
        }
        expiry.recordReview(currentUser.id(), s.trim());
    }
}
