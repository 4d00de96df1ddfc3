package org.lotflow.expiry;

import org.lotflow.shared.InvalidInput;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lotflow.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * {@code reviewExpiringLots}: on create, lists the lots expiring within the alert window (and
 * those just expired) as task-local values, and clears any earlier {@code reviewNote}; on complete,
 * writes the reviewer's {@code reviewNote} (what will be promoted or disposed; the form's only field,
 * text, required, at most 2000 characters) into the history of each lot the domain lists as expiring,
 * with the logged-in reviewer. Which lots and who come from lotflow's tables and the login, never
 * from variables; the note is read from this completion only and removed once recorded (issue #8).
 */
@Component("reviewExpiringLotsListener")
public class ReviewExpiringLotsListener implements TaskListener {

    static final String REVIEW_NOTE = "reviewNote";

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
        DelegateExecution processInstance = task.getExecution().getProcessInstance();
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            processInstance.removeVariablesLocal(List.of(REVIEW_NOTE));
            task.setVariableLocal("reviewDate", LocalDate.now(clock).toString());
            task.setVariableLocal("alertDays", expiry.alertDays());
            task.setVariableLocal("expiringLots", expiry.describe(expiry.expiring(expiry.alertDays())));
            return;
        }
        // a completion's variables land on the task's execution, the process instance here
        Object note = processInstance.getVariableLocal(REVIEW_NOTE);
        if (note != null && !(note instanceof String)) {
            throw new InvalidInput(REVIEW_NOTE, "must be text");
        }
        if (!(note instanceof String s) || s.isBlank()) {
            throw new InvalidInput(REVIEW_NOTE, "say what happens to the expiring lots (promote, dispose...)");
        }
        if (s.length() > 2000) {
            throw new InvalidInput(REVIEW_NOTE, "at most 2000 characters");
        }
        expiry.recordReview(currentUser.id(), s.trim());
        processInstance.removeVariablesLocal(List.of(REVIEW_NOTE));
    }
}
