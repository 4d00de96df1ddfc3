package org.lotflow.release.internal.process;

import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.lotflow.release.LotRelease;
import org.lotflow.shared.PlantGauges;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The release module's dashboard figures ({@link PlantGauges}, issue #13):
 * <ul>
 * <li>{@code lotflow_releases_past_target}: lab releases ({@code lotRelease} instances) still running longer
 * than the release target ({@code lotflow.release.sla}, the seed's 8 hours from lot creation to release
 * decision), on the engine's clock as the target's timer (working time, {@link ReleaseSla});</li>
 * <li>{@code lotflow_investigations_open{kind="oos"}} and {@code lotflow_investigations_oldest_age_seconds{kind="oos"}}:
 * out-of-specification investigations not yet closed (no QA decision signed, and not ended by a laboratory
 * error), and the age of the oldest since the OOS result opened it.</li>
 * </ul>
 */
@Component
class ReleaseGauges {

    ReleaseGauges(PlantGauges gauges, HistoryService history, ReleaseSla sla, JdbcTemplate jdbc) {
        gauges.register("lotflow.releases.past.target", "Lab releases running longer than the release target", null,
                List.of(), () -> Map.of(List.of(), history.createHistoricProcessInstanceQuery()
                        .processDefinitionKey(LotRelease.PROCESS_KEY).unfinished()
                        .startedBefore(new Date(ClockUtil.getCurrentTime().getTime() - sla.getDuration().toMillis()))
                        .count()));
        String open = " FROM oos_investigation WHERE decided_at IS NULL"
                + " AND (lab_conclusion IS NULL OR lab_conclusion = 'CONFIRMED')";
        gauges.registerOpenInvestigations("oos",
                () -> jdbc.queryForObject("SELECT count(*)" + open, Long.class),
                () -> jdbc.queryForObject("SELECT min(opened_at)" + open, OffsetDateTime.class));
    }
}
