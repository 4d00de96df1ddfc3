package org.lotflow.history.internal.chain;

import org.lotflow.history.AuditTrail;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code auditTrail} in {@code /actuator/health}: the last check of the hash chain (intact, events, last hash,
 * when, the first break). Shown to administrators only ({@code show-details: when-authorized}); the status stays UP
 * when the chain is broken (the application still works; the break is a finding for QA, not an outage), the
 * details say {@code intact: false} and where.
 */
@Component("auditTrailHealthIndicator")
public class AuditTrailHealth implements HealthIndicator {

    private final AuditTrail audit;

    public AuditTrailHealth(AuditTrail audit) {
        this.audit = audit;
    }

    @Override
    public Health health() {
        return audit.latest().map(v -> {
            Health.Builder h = Health.up().withDetail("intact", v.intact()).withDetail("events", v.events())
                    .withDetail("lastHash", v.lastHash()).withDetail("checkedAt", v.checkedAt().toString());
            if (v.firstBroken() != null) {
                h.withDetail("firstBroken", v.firstBroken());
            }
            if (v.records() != null && !v.records().agrees()) {
                h.withDetail("recordsDisagreeing", v.records().disagreeing()); // audit 29 F2
            }
            return h.build();
        }).orElseGet(() -> Health.up().withDetail("intact", "not checked yet").build());
    }
}
