package org.lotflow.quarantine.internal;

import java.util.List;

import org.lotflow.shared.PlantGauges;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The quarantine module's dashboard figures ({@link PlantGauges}, issue #13):
 * {@code lotflow_investigations_open{kind="quarantine"}}, holds whose case is not complete (its
 * investigation process still running: investigating, awaiting disposition, follow-up), and
 * {@code lotflow_investigations_oldest_age_seconds{kind="quarantine"}}, the age of the oldest of them since
 * the hold was placed (0 when none is open).
 */
@Component
class HoldGauges {

    HoldGauges(PlantGauges gauges, JdbcTemplate jdbc) {
        gauges.registerOpenInvestigations("quarantine",
                () -> jdbc.queryForObject("SELECT count(*) FROM lot_hold WHERE completed_at IS NULL", Long.class),
                () -> jdbc.queryForObject("SELECT min(placed_at) FROM lot_hold WHERE completed_at IS NULL",
                        java.time.OffsetDateTime.class));
    }
}
