package org.lotflow.expiry.internal.process;

import static org.lotflow.expiry.internal.process.ExpiryMonitoringVariables.REVIEW_NOTE;

import java.time.Clock;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.lotflow.expiry.ExpiryQueries;
import org.lotflow.expiry.internal.ExpiringLotsTable;
import org.lotflow.expiry.internal.ExpiryReview;
import org.lotflow.security.CurrentUser;
import org.lotflow.shared.process.TaskForm;
import org.lotflow.shared.process.TaskLifecycleListener;
import org.springframework.stereotype.Component;

/**
 * {@code reviewExpiringLots}: on create, lists the lots expiring within the alert window (and those just
 * expired) as task-local values, and clears any earlier {@code reviewNote}; on complete, hands the
 * reviewer's {@code reviewNote} (the form's only field) to {@link ExpiryReview}, which writes it into the
 * history of each lot the task listed when it was created (as recorded then), with the logged-in reviewer. Which lots and who come
 * from lotflow's tables and the login, never from variables; the note is read from this completion only
 * and removed once recorded (issue #8).
 */
@Component("reviewExpiringLotsListener")
public class ReviewExpiringLotsListener extends TaskLifecycleListener {

    private final ExpiryQueries queries;
    private final ExpiryReview review;
    private final CurrentUser currentUser;
    private final Clock clock;

    public ReviewExpiringLotsListener(ExpiryQueries queries, ExpiryReview review, CurrentUser currentUser,
            Clock clock) {
        this.queries = queries;
        this.review = review;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Override
    protected void onCreate(DelegateTask task) {
        REVIEW_NOTE.removeLocal(task.getExecution().getProcessInstance());
        int days = queries.alertDays();
        TaskForm.of(task).show("reviewDate", LocalDate.now(clock)).raw("alertDays", days)
                .raw("expiringLots", ExpiringLotsTable.of(review.list(task.getProcessInstanceId()), days)).apply();
    }

    @Override
    protected void onComplete(DelegateTask task) {
        // a completion's variables land on the task's execution, the process instance here
        DelegateExecution processInstance = task.getExecution().getProcessInstance();
        review.record(task.getProcessInstanceId(), currentUser.id(), REVIEW_NOTE.getLocal(processInstance));
        REVIEW_NOTE.removeLocal(processInstance);
    }
}
