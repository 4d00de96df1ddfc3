package org.lotflow.expiry.internal.process;

import static org.lotflow.expiry.internal.process.ExpiryMonitoringVariables.EXPIRED_COUNT;
import static org.lotflow.expiry.internal.process.ExpiryMonitoringVariables.EXPIRING_COUNT;
import static org.lotflow.expiry.internal.process.ExpiryMonitoringVariables.REVIEW_NEEDED;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lotflow.expiry.internal.ExpiryRun;
import org.springframework.stereotype.Component;

/**
 * Service task {@code checkExpiry}: marks expired lots EXPIRED ({@link ExpiryRun}) and decides whether
 * sales and QA need a review ({@code reviewNeeded}: something expires within the alert window and no
 * earlier review task is still open).
 */
@Component("checkExpiryDelegate")
public class CheckExpiryDelegate implements JavaDelegate {

    private final ExpiryRun expiry;
    private final ReviewTasks reviews;

    public CheckExpiryDelegate(ExpiryRun expiry, ReviewTasks reviews) {
        this.expiry = expiry;
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ExpiryRun.Result run = expiry.run();
        EXPIRED_COUNT.set(execution, run.expired().size());
        EXPIRING_COUNT.set(execution, (int) Math.min(Integer.MAX_VALUE, run.expiringTotal()));
        REVIEW_NEEDED.set(execution, !run.expiring().isEmpty()
                && !reviews.anotherOpen(execution.getProcessInstanceId()));
    }
}
