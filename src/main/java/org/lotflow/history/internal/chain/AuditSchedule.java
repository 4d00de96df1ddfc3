package org.lotflow.history.internal.chain;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import org.lotflow.history.AuditTrail;
import org.lotflow.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The audit chain's background work on one daemon thread, started once the application is ready: sealing what
 * was committed every {@code lotflow.audit.seal-interval} (default 1 minute) and the daily check
 * ({@code lotflow.audit.check-interval}, default 1 day, first after {@code lotflow.audit.first-check}, default 10
 * minutes), recorded as by {@code system}. {@code PT0S} turns either off (the tests call them directly). On a
 * cluster every node runs them; the head's lock keeps sealers one at a time.
 */
@Component
public class AuditSchedule {

    private static final Logger log = LoggerFactory.getLogger(AuditSchedule.class);

    private final AuditTrail audit;
    private final Duration sealInterval;
    private final Duration checkInterval;
    private final Duration firstCheck;
    private ScheduledExecutorService scheduler;

    public AuditSchedule(AuditTrail audit, @Value("${lotflow.audit.seal-interval:PT1M}") Duration sealInterval,
            @Value("${lotflow.audit.check-interval:P1D}") Duration checkInterval,
            @Value("${lotflow.audit.first-check:PT10M}") Duration firstCheck) {
        this.audit = audit;
        this.sealInterval = sealInterval;
        this.checkInterval = checkInterval;
        this.firstCheck = firstCheck;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void start() {
        if (sealInterval.isZero() && checkInterval.isZero()) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "audit-chain");
            t.setDaemon(true);
            return t;
        });
        if (!sealInterval.isZero()) {
            scheduler.scheduleWithFixedDelay(() -> run("sealing", audit::sealPending), sealInterval.toMillis(),
                    sealInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
        if (!checkInterval.isZero()) {
            scheduler.scheduleWithFixedDelay(() -> run("daily check", () -> {
                AuditTrail.Verification v = audit.check(CurrentUser.SYSTEM);
                if (!v.intact()) {
                    log.error("Audit trail BROKEN: {}; business records disagreeing: {}", v.firstBroken(),
                            v.records() == null ? null : v.records().disagreeing());
                }
            }), firstCheck.toMillis(), checkInterval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static void run(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            // the next run tries again; a failing database must not end the schedule
            log.warn("Audit chain {} failed: {}", what, e.toString());
        }
    }

    @PreDestroy
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
