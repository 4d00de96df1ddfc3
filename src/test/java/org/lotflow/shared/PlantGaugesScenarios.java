package org.lotflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * The plant's dashboard figures at {@code /actuator/prometheus} (issue #13): each moves with what happens
 * on the floor. The tests share one application with others, so each figure is compared before and after.
 * Run on H2 ({@link PlantGaugesApiTest}) and on PostgreSQL ({@link PlantGaugesPostgresIT}).
 */
abstract class PlantGaugesScenarios {

    @Autowired
    TestClient api;
    @Autowired
    PlantGauges gauges;

    @Test
    void lotsByStatusQuantityOnHoldOpenInvestigationsAndExpiringLotsFollowTheFloor() {
        Map<String, Double> before = scrape();
        // in kg, so that the gauge's 250.5 shows a fraction is not rounded (drums are counted whole: audit 28 F2)
        String sku = api.createProduct("GAUGE", "kg");
        api.createLot(sku, new BigDecimal("40"), "2025-01-20");
        String held = api.releasedLot(sku, new BigDecimal("250.5"), "2025-01-21");
        Response expiring = api.post("mike", "/api/lots", Map.of("sku", sku, "quantity", 12, "manufactureDate",
                "2024-03-15", "expirationDate", "2025-03-15", "location", "Warehouse A, Zone 3"));
        assertThat(expiring.status()).as(expiring.toString()).isEqualTo(201);
        assertThat(api.post("jennifer", "/api/lots/" + held + "/holds", Map.of("reason",
                "Customer complaint: haze in drums", "source", "COMPLAINT")).status()).isEqualTo(202);

        Map<String, Double> after = scrape();
        assertThat(after.get("lotflow_lots{status=\"PENDING\"}") - before.get("lotflow_lots{status=\"PENDING\"}"))
                .as("the new lot and the expiring one await their release").isEqualTo(2.0);
        assertThat(after.get("lotflow_lots{status=\"QUARANTINE\"}") - before.get("lotflow_lots{status=\"QUARANTINE\"}"))
                .isEqualTo(1.0);
        assertThat(after).containsEntry("lotflow_quantity_on_hold{sku=\"" + sku + "\",unit=\"kg\"}", 250.5);
        assertThat(after.get("lotflow_investigations_open{kind=\"quarantine\"}")
                - before.get("lotflow_investigations_open{kind=\"quarantine\"}")).isEqualTo(1.0);
        assertThat(after.get("lotflow_investigations_oldest_age_seconds{kind=\"quarantine\"}")).isGreaterThanOrEqualTo(0.0);
        assertThat(after.get("lotflow_lots_expiring{within_days=\"90\"}")
                - before.get("lotflow_lots_expiring{within_days=\"90\"}"))
                .as("expires on 15 March, within 90 days of 28 January").isEqualTo(1.0);
        assertThat(after).containsKeys("lotflow_lots{status=\"ARCHIVED\"}", "lotflow_investigations_open{kind=\"oos\"}",
                "lotflow_recalls_open", "lotflow_recall_notifications_unanswered");
    }

    @Test
    void aReleaseCountsAsPastItsTargetOnceTheTargetHasPassed() {
        String lot = api.createLot(api.createProduct("LATE"), new BigDecimal("10"), "2025-01-25");
        double now = scrape().get("lotflow_releases_past_target");
        // the engine runs on the demo day's clock (ClockConfiguration): 9 hours on from it, then back to it
        long offset = ClockUtil.getCurrentTime().getTime() - System.currentTimeMillis();
        try {
            ClockUtil.setCurrentTime(new Date(ClockUtil.getCurrentTime().getTime() + 9 * 3600_000L));
            double later = scrape().get("lotflow_releases_past_target");
            assertThat(later - now).as("lot " + lot + " and any other release still running 9 hours on").isGreaterThanOrEqualTo(1.0);
        } finally {
            ClockUtil.reset();
            ClockUtil.offset(offset);
        }
    }

    @Test
    void anOpenRecallAndItsUnansweredCustomersAreCounted() {
        Map<String, Double> before = scrape();
        String sku = api.createProduct("RCLG");
        String lot = api.releasedLot(sku, new BigDecimal("20"), "2025-01-10");
        String order = "SO-G-" + System.nanoTime();
        assertThat(api.post("tom", "/api/orders", Map.of("orderNumber", order, "customer", "Gauge Customer Ltd",
                "sku", sku, "quantity", 5)).status()).isEqualTo(201);
        assertThat(api.post("tom", "/api/orders/" + order + "/shipments", Map.of()).status()).isEqualTo(201);
        Response recall = api.post("rachel", "/api/recalls", Map.of("lots", List.of(lot), "reason", "Contamination",
                "classification", "CLASS_II"));
        assertThat(recall.status()).as(recall.toString()).isEqualTo(201);
        api.executeJobs();

        Map<String, Double> after = scrape();
        assertThat(after.get("lotflow_recalls_open") - before.get("lotflow_recalls_open")).isEqualTo(1.0);
        assertThat(after.get("lotflow_recall_notifications_unanswered") - before.get("lotflow_recall_notifications_unanswered"))
                .as("Gauge Customer Ltd not yet answered").isEqualTo(1.0);
    }

    @Test
    void onlyAdministratorsReadTheFigures() {
        assertThat(api.get("jennifer", "/actuator/prometheus").status()).isEqualTo(403);
        assertThat(api.call("demo", "demo", HttpMethod.GET, "/actuator/prometheus", null, "text/plain").status()).isEqualTo(200);
    }

    private static final Pattern SAMPLE = Pattern.compile("^(lotflow_[a-z_]+(?:\\{[^}]*\\})?) (\\S+)$", Pattern.MULTILINE);

    /** The lotflow_* samples of a fresh scrape by an administrator, by name and labels. */
    private Map<String, Double> scrape() {
        gauges.refreshNow();
        Response r = api.call("demo", "demo", HttpMethod.GET, "/actuator/prometheus", null, "text/plain");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        Map<String, Double> samples = new java.util.HashMap<>();
        Matcher m = SAMPLE.matcher(r.text());
        while (m.find()) {
            samples.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return samples;
    }
}
