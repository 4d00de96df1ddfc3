package org.lotflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Audit of the plant gauges at {@code /actuator/prometheus}: who reads them, and figures in edge cases.
 * The application's "today" is 2025-01-28, the alert window 90 days. Enabled tests held; {@code @Disabled}
 * ones are findings.
 */
@ApiTest
class PlantGaugesAuditTest {

    private static final Pattern SAMPLE = Pattern.compile("^(lotflow_[a-z_]+(?:\\{[^}]*\\})?) (\\S+)$", Pattern.MULTILINE);
    private static final String EXPIRING = "lotflow_lots_expiring{within_days=\"90\"}";
    private static final String PAST_EXPIRY = "lotflow_lots_past_expiry";

    @Autowired
    TestClient api;
    @Autowired
    PlantGauges gauges;
    @Autowired
    JdbcTemplate jdbc;

    private Map<String, Double> scrape() {
        gauges.refreshNow();
        Response r = api.call("demo", "demo", HttpMethod.GET, "/actuator/prometheus", null, "text/plain");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        Map<String, Double> samples = new HashMap<>();
        Matcher m = SAMPLE.matcher(r.text());
        while (m.find()) {
            samples.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return samples;
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String key) {
        return after.getOrDefault(key, 0.0) - before.getOrDefault(key, 0.0);
    }

    private static Map<String, Object> vars(Object... nameValue) {
        Map<String, Object> vars = new HashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) {
            vars.put((String) nameValue[i], Map.of("value", nameValue[i + 1]));
        }
        return Map.of("variables", vars);
    }

    private void submit(String user, String lot, String key, Object... nameValue) {
        JsonNode tasks = api.get(user, "/engine-rest/task?processInstanceBusinessKey=" + lot + "&taskDefinitionKey="
                + key).json();
        assertThat(tasks).as(key + " of " + lot).isNotEmpty();
        Response r = api.post(user, "/engine-rest/task/" + tasks.get(0).get("id").asText() + "/submit-form",
                vars(nameValue));
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
    }

    // --- held: only administrators, whatever the path's spelling --------------------------------

    @Test
    void nobodyButAnAdministratorReadsTheFiguresWhateverThePathSpelling() {
        List<String> paths = List.of("/actuator/prometheus", "/actuator/prometheus/", "/actuator//prometheus",
                "/actuator/./prometheus", "/actuator;x=1/prometheus", "/actuator/prometheus;x=1",
                "/api/../actuator/prometheus", "/actuator/metrics", "/actuator/metrics/lotflow.lots", "/actuator");
        for (String user : List.of("tom", "sarah", "jennifer", "mike", "rachel")) {
            for (String path : paths) {
                Response r = api.call(user, user, HttpMethod.GET, path, null, "text/plain");
                assertThat(r.status()).as(user + " " + path + ": " + r).isIn(400, 403, 404);
                assertThat(r.text()).as(user + " " + path).doesNotContain("lotflow_lots");
            }
        }
        for (String path : paths) {
            Response anonymous = api.call(null, null, HttpMethod.GET, path, null, "text/plain");
            assertThat(anonymous.status()).as(path + ": " + anonymous).isIn(400, 401, 404);
            assertThat(anonymous.text()).doesNotContain("lotflow_lots");
        }
        assertThat(api.call("demo", "wrong", HttpMethod.GET, "/actuator/prometheus", null, "text/plain").status())
                .isEqualTo(401);
        // health stays open and tells nothing
        Response health = api.call(null, null, HttpMethod.GET, "/actuator/health", null, "application/json");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text()).doesNotContain("lotflow_", "components");
    }

    // --- held: quantity on hold is stock on hand, shipped stock excluded, allocated included ----

    @Test
    void aHeldLotWithStockShippedCountsOnlyWhatIsStillOnHand() {
        String sku = api.createProduct("AUDHOLDQ");
        String lot = api.releasedLot(sku, new BigDecimal("100"), "2025-01-20");
        String shipped = "SO-AUD-" + System.nanoTime();
        assertThat(api.post("tom", "/api/orders", Map.of("orderNumber", shipped, "customer", "Audit Customer",
                "sku", sku, "quantity", 30)).status()).isEqualTo(201);
        assertThat(api.post("tom", "/api/orders/" + shipped + "/shipments", Map.of()).status()).isEqualTo(201);
        String allocated = "SO-AUD-" + System.nanoTime();
        assertThat(api.post("tom", "/api/orders", Map.of("orderNumber", allocated, "customer", "Audit Customer",
                "sku", sku, "quantity", 20)).status()).isEqualTo(201);
        assertThat(api.post("jennifer", "/api/lots/" + lot + "/holds", Map.of("reason", "Haze complaint",
                "source", "COMPLAINT")).status()).isEqualTo(202);

        assertThat(scrape()).containsEntry("lotflow_quantity_on_hold{sku=\"" + sku + "\",unit=\"drums\"}", 70.0);
    }

    // --- held: the window's last day counts, the day after does not, a past-expiry lot does not -

    @Test
    void theLastDayOfTheWindowCountsAndTheDayAfterDoesNot() {
        String sku = api.createProduct("AUDEXPW");
        Map<String, Double> before = scrape();
        String last = api.releasedLot(sku, new BigDecimal("10"), "2025-01-20");
        String after = api.releasedLot(sku, new BigDecimal("10"), "2025-01-20");
        String empty = api.releasedLot(sku, new BigDecimal("10"), "2025-01-20");
        jdbc.update("UPDATE lot SET expiration_date = DATE '2025-04-28' WHERE lot_number = ?", last); // today + 90
        jdbc.update("UPDATE lot SET expiration_date = DATE '2025-04-29' WHERE lot_number = ?", after); // today + 91
        jdbc.update("UPDATE lot SET expiration_date = DATE '2025-02-10', shipped = quantity WHERE lot_number = ?",
                empty); // nothing on hand
        assertThat(delta(before, scrape(), EXPIRING)).isEqualTo(1.0);
    }

    // --- held: an OOS investigation ended by a laboratory error is no longer open ----------------

    @Test
    void anOosInvestigationEndedByALabErrorIsNoLongerOpen() {
        String lot = api.createLot(api.createProduct("AUDOOS"), new BigDecimal("10"), "2025-01-20");
        Map<String, Double> before = scrape();
        assertThat(api.post("sarah", "/api/lots/" + lot + "/lab-results", Map.of("results", List.of(
                Map.of("test", "viscosity", "value", 232), Map.of("test", "flashPoint", "value", 230)))).status())
                .isEqualTo(200);
        String open = "lotflow_investigations_open{kind=\"oos\"}";
        assertThat(delta(before, scrape(), open)).isEqualTo(1.0);
        submit("jennifer", lot, "investigateLabError", "labConclusion", "LAB_ERROR", "findings",
                "Viscometer bath at 38 °C");
        assertThat(delta(before, scrape(), open)).as("closed by the lab error").isEqualTo(0.0);
    }

    // --- findings: lots that are expired by the plant's own rule but not yet EXPIRED ------------

    @Test
    void aReleasedLotExpiringTodayIsFlaggedBeforeTheDailyRun() {
        Map<String, Double> before = scrape();
        String lot = api.releasedLot(api.createProduct("AUDEXPT"), new BigDecimal("10"), "2025-01-20");
        jdbc.update("UPDATE lot SET expiration_date = DATE '2025-01-28' WHERE lot_number = ?", lot);
        Map<String, Double> after = scrape();
        assertThat(delta(before, after, PAST_EXPIRY)).as("lot " + lot + " expires today with 10 drums on hand")
                .isEqualTo(1.0);
        assertThat(delta(before, after, EXPIRING)).isZero();
    }

    @Test
    void aPendingLotPastItsExpirationIsFlagged() {
        Map<String, Double> before = scrape();
        String lot = api.createLot(api.createProduct("AUDEXPP"), new BigDecimal("10"), "2024-01-20");
        jdbc.update("UPDATE lot SET expiration_date = DATE '2025-01-20' WHERE lot_number = ?", lot);
        Map<String, Double> after = scrape();
        assertThat(delta(before, after, PAST_EXPIRY)).as("lot " + lot + " expired 8 days ago, still PENDING with 10 drums")
                .isEqualTo(1.0);
    }
}
