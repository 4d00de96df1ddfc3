package org.lotflow.archive.internal.process;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The cycle of the {@code lotArchiving} timer start event ({@code ${archivingSchedule.cycle}}, read when the
 * model is deployed and each time the timer fires). {@code lotflow.archiving.schedule}: a Camunda time cycle, a
 * cron expression ({@code 0 30 2 * * ?}, the default: every night at 02:30 server time) or an ISO 8601 repetition.
 */
@Component("archivingSchedule")
public class ArchivingSchedule {

    private final String cycle;

    public ArchivingSchedule(@Value("${lotflow.archiving.schedule:0 30 2 * * ?}") String cycle) {
        this.cycle = cycle;
    }

    public String getCycle() {
        return cycle;
    }
}
