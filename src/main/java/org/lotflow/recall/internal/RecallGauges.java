package org.lotflow.recall.internal;

import java.util.List;
import java.util.Map;

import org.lotflow.shared.PlantGauges;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The recall module's dashboard figures ({@link PlantGauges}, issue #13): {@code lotflow_recalls_open},
 * recalls not yet closed (notifying customers or awaiting the closing decision), and
 * {@code lotflow_recall_notifications_unanswered}, customer notifications of those recalls without an
 * answer yet (FDA 21 CFR 7.49: every consignee is to be reached and to answer).
 */
@Component
class RecallGauges {

    RecallGauges(PlantGauges gauges, JdbcTemplate jdbc) {
        gauges.register("lotflow.recalls.open", "Recalls not yet closed", null, List.of(),
                () -> Map.of(List.of(), jdbc.queryForObject("SELECT count(*) FROM recall WHERE status <> '"
                        + RecallStatus.CLOSED + "'", Long.class)));
        gauges.register("lotflow.recall.notifications.unanswered", "Customer notifications of open recalls without an answer (one per customer and unit)",
                null, List.of(), () -> Map.of(List.of(), jdbc.queryForObject("SELECT count(*) FROM recall_notification n"
                        + " JOIN recall r ON r.id = n.recall_id WHERE r.status <> '" + RecallStatus.CLOSED + "'"
                        + " AND n.status <> '" + RecallStatus.NOTIFICATION_DONE + "'", Long.class)));
    }
}
