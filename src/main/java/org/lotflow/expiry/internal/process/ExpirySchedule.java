package org.lotflow.expiry.internal.process;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The cycle of the {@code expiryMonitoring} timer start event, read by the BPMN as
 * {@code ${expirySchedule.cycle}} when the process is deployed (and again each time the timer
 * fires, to schedule the next run). {@code lotflow.expiry.schedule}: a Camunda time cycle, a
 * cron expression ({@code 0 0 6 * * ?}, the default: every day at 06:00 server time) or an ISO
 * 8601 repetition ({@code R/P1D}).
 */
@Component("expirySchedule")
public class ExpirySchedule {

    private final String cycle;

    public ExpirySchedule(@Value("${lotflow.expiry.schedule:0 0 6 * * ?}") String cycle) {
        this.cycle = cycle;
    }

    public String getCycle() {
        return cycle;
    }
}
