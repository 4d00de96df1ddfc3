package org.lotflow.expiry;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task {@code checkExpiry}: marks expired lots EXPIRED and decides whether sales and QA
 * need a review ({@code reviewNeeded}: something expires within the alert window and no earlier
 * review task is still open).
 */
@Component("checkExpiryDelegate")
public class CheckExpiryDelegate implements JavaDelegate {

    private final ExpiryMonitoringService expiry;

    public CheckExpiryDelegate(ExpiryMonitoringService expiry) {
        this.expiry = expiry;
    }

    @Override
    public void execute(DelegateExecution execution) {
        ExpiryMonitoringService.Run run = expiry.run();
        execution.setVariable("expiredCount", run.expired().size());
        execution.setVariable("expiringCount", run.expiring().size());
        execution.setVariable("reviewNeeded", !run.expiring().isEmpty()
                && !expiry.reviewAlreadyOpen(execution.getProcessInstanceId()));
    }
}
