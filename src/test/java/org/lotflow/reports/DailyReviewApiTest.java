package org.lotflow.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lotflow.reports.internal.DailyReview;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.lotflow.history.internal.chain.AuditMacKey;
import org.lotflow.support.RecordSeals;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The seed's daily review and the quality and inventory reports over one day of history built through the API
 * (issue #13): three lots, lab results (one out of specification), a complaint hold released by a signed
 * disposition, two FEFO orders (one with a shelf-life minimum), a shipment and a certificate handed out. The
 * release times are set in the history to known instants, so the hours are exact; a lot created the day before
 * shows the review of that day taken back from the history.
 */
@ApiTest
class DailyReviewApiTest {

    @Autowired
    TestClient api;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    AuditMacKey macKey;
    @Autowired
    DailyReview dailyReview;

    @Test
    void theDailyReviewOfTodayAndOfYesterdayComesFromTheHistory() {
        String sku = api.createProduct("DAY");
        String a = api.createLot(sku, new BigDecimal("500"), "2025-01-10");
        String b = api.createLot(sku, new BigDecimal("500"), "2025-01-20");
        String c = api.createLot(sku, new BigDecimal("300"), "2025-01-25");
        api.release(a);
        api.release(b);
        Response failed = api.post("sarah", "/api/lots/" + c + "/lab-results", Map.of("results",
                List.of(Map.of("test", "viscosity", "value", 260), Map.of("test", "flashPoint", "value", 225))));
        assertThat(failed.status()).as(failed.toString()).isEqualTo(200);
        holdAndRelease(a);
        assertThat(api.post("tom", "/api/orders", Map.of("orderNumber", "SO-DAY1-" + sku, "customer", "Acme",
                "sku", sku, "quantity", 100, "minShelfLifeMonths", 12)).status()).isEqualTo(201);
        assertThat(api.post("tom", "/api/orders", Map.of("orderNumber", "SO-DAY2-" + sku, "customer", "Bolt",
                "sku", sku, "quantity", 50)).status()).isEqualTo(201);
        assertThat(api.post("tom", "/api/orders/SO-DAY1-" + sku + "/shipments", Map.of()).status()).isEqualTo(201);
        jdbc.update("INSERT INTO lot_event (lot_id, at, type, user_id, user_name) VALUES (?, ?, ?, ?, ?)", id(b),
                ts("2025-01-28T12:00:00Z"), "CERTIFICATE_PROVIDED", "tom", "Tom");
        // known release times: A created the day before at 14:00, released at 00:30 (10.5 h, past the 8-hour
        // target); B created at 00:05, released at 00:35 (0.5 h)
        jdbc.update("UPDATE lot SET created_at = ? WHERE id = ?", ts("2025-01-27T14:00:00Z"), id(a));
        jdbc.update("UPDATE lot SET created_at = ? WHERE id = ?", ts("2025-01-28T00:05:00Z"), id(b));
        jdbc.update("UPDATE lot_event SET at = ? WHERE lot_id = ? AND type = 'STATUS_CHANGED' AND new_status = 'RELEASED'"
                + " AND previous_status = 'PENDING'", ts("2025-01-28T00:30:00Z"), id(a));
        jdbc.update("UPDATE lot_event SET at = ? WHERE lot_id = ? AND type = 'STATUS_CHANGED' AND new_status = 'RELEASED'"
                + " AND previous_status = 'PENDING'", ts("2025-01-28T00:35:00Z"), id(b));
        // A's hold and its release from quarantine after its lab release, whatever the real time of day the test runs at
        // (the demo day's clock runs on the real time of day: between midnight and 00:30 UTC they came first)
        jdbc.update("UPDATE lot_event SET at = ? WHERE lot_id = ? AND type = 'STATUS_CHANGED' AND previous_status ="
                + " 'RELEASED' AND new_status = 'QUARANTINE'", ts("2025-01-28T00:40:00Z"), id(a));
        jdbc.update("UPDATE lot_event SET at = ? WHERE lot_id = ? AND type = 'STATUS_CHANGED' AND previous_status ="
                + " 'QUARANTINE' AND new_status = 'RELEASED'", ts("2025-01-28T00:41:00Z"), id(a));
        // the scene set by SQL above gets the record seals lotflow would have made (audit29 F4)
        RecordSeals.reseal(jdbc, macKey, id(a));
        RecordSeals.reseal(jdbc, macKey, id(b));

        Response todays = api.get("tom", "/api/reports/daily?date=2025-01-28&sku=" + sku);
        // hours with two decimals, as written (the JSON parser of the test would read 5.50 as 5.5)
        assertThat(todays.text()).contains("\"releaseHoursAverage\":5.50,\"releaseHoursWorst\":10.50");
        JsonNode today = todays.json();
        assertThat(today.get("date").asText()).isEqualTo("2025-01-28");
        assertThat(today.get("lotsCreated").asInt()).isEqualTo(2);
        assertThat(today.get("labRoundsTested").asInt()).isEqualTo(3);
        assertThat(today.get("labRoundsPassed").asInt()).isEqualTo(2);
        assertThat(today.get("labPassRate").decimalValue()).isEqualByComparingTo("66.7");
        assertThat(today.get("releases").asInt()).isEqualTo(2);
        assertThat(today.get("releaseHoursAverage").decimalValue()).isEqualByComparingTo("5.50");
        assertThat(today.get("releaseHoursWorst").decimalValue()).isEqualByComparingTo("10.50");
        assertThat(today.get("releaseTargetHours").decimalValue()).isEqualByComparingTo("8.00");
        assertThat(today.get("releasesPastTarget").asInt()).isEqualTo(1);
        assertThat(today.get("releaseDecisions").asInt()).isEqualTo(3);
        assertThat(today.get("releasedFromQuarantine").asInt()).isEqualTo(1);
        assertThat(today.get("investigationsCompleted").asInt()).isEqualTo(1);
        // the seed's "Customer complaints resolved": A's complaint hold, placed and released today (new user 17 F23)
        assertThat(today.get("complaintsReceived").asInt()).isEqualTo(1);
        assertThat(today.get("complaintsResolved").asInt()).isEqualTo(1);
        assertThat(today.get("ordersAllocated").asInt()).isEqualTo(2);
        assertThat(today.get("allocations").asInt()).isEqualTo(2);
        assertThat(today.get("fefoCompliance").decimalValue()).isEqualByComparingTo("100.0");
        assertThat(today.get("shelfLifeOrders").asInt()).isEqualTo(1);
        assertThat(today.get("shelfLifeMet").decimalValue()).isEqualByComparingTo("100.0");
        // A: 500 - 100 shipped, 50 allocated; B: 500; C: 300 pending
        assertThat(today.get("activeLots").asLong()).isEqualTo(3);
        assertThat(today.get("totalInventory").decimalValue()).isEqualByComparingTo("1200");
        assertThat(today.get("availableInventory").decimalValue()).isEqualByComparingTo("850");
        assertThat(today.get("quarantinedLots").asLong()).isZero();
        assertThat(today.get("coaRequests").asInt()).isEqualTo(1);
        assertThat(today.get("unit").asText()).isEqualTo("drums");

        // the day before: only A existed, still PENDING, nothing allocated or shipped yet
        JsonNode yesterday = api.get("tom", "/api/reports/daily?date=2025-01-27&sku=" + sku).json();
        assertThat(yesterday.get("lotsCreated").asInt()).isEqualTo(1);
        assertThat(yesterday.has("labPassRate")).as("no rate of nothing").isFalse();
        assertThat(yesterday.has("releaseHoursAverage")).isFalse();
        assertThat(yesterday.get("releaseDecisions").asInt()).isZero();
        assertThat(yesterday.get("activeLots").asLong()).isEqualTo(1);
        assertThat(yesterday.get("totalInventory").decimalValue()).isEqualByComparingTo("500");
        assertThat(yesterday.get("availableInventory").decimalValue()).isEqualByComparingTo("0");
        assertThat(yesterday.get("coaRequests").asInt()).isZero();

        // the changes since read by time (as for a day with much stock) give the same reviews
        ReflectionTestUtils.setField(dailyReview, "byLot", 0);
        try {
            assertThat(api.get("tom", "/api/reports/daily?date=2025-01-27&sku=" + sku).json()).isEqualTo(yesterday);
            assertThat(api.get("tom", "/api/reports/daily?date=2025-01-28&sku=" + sku).json()).isEqualTo(today);
        } finally {
            ReflectionTestUtils.setField(dailyReview, "byLot", 20_000);
        }

        String csv = api.call("tom", "tom", HttpMethod.GET, "/api/reports/daily?date=2025-01-28&sku=" + sku, null,
                "text/csv").text();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).startsWith("date,sku,lotsCreated,labPassRate,releaseHoursAverage,releaseHoursWorst,");
        assertThat(lines[1]).startsWith("2025-01-28," + sku + ",2,66.7,5.50,10.50,1,3,2,100.0,100.0,3,1200.000,850.000,0,1,drums,");
        assertThat(lines).as("one row, with one product").hasSize(2);
        // of all products: the plant's row, then each product's inventory as the screen shows it (new user U14)
        String all = api.call("tom", "tom", HttpMethod.GET, "/api/reports/daily?date=2025-01-28", null, "text/csv")
                .text();
        assertThat(all.split("\r\n")).anySatisfy(line -> assertThat(line).startsWith("2025-01-28," + sku + ",,,,,,,,,,3,"
                + "1200.000,850.000,0,,drums,"));

        // quality: every lab value with its limits, the trend of each test, the complaint
        JsonNode history = api.get("sarah", "/api/reports/quality-history?sku=" + sku + "&from=2025-01-01").json();
        assertThat(history.get("lots").asInt()).isEqualTo(3);
        assertThat(history.get("values")).hasSize(6);
        assertThat(history.get("specs").findValuesAsText("test")).containsExactly("viscosity", "flashPoint");
        JsonNode off = history.get("values").get(5); // by lot, round, test name
        assertThat(off.get("lotNumber").asText()).isEqualTo(c);
        assertThat(off.get("test").asText()).isEqualTo("viscosity");
        assertThat(off.get("value").decimalValue()).isEqualByComparingTo("260");
        assertThat(off.get("max").decimalValue()).isEqualByComparingTo("255");
        // as the specification defines them, not padded to the column's 6 decimals (new user 2026-12-06 F-o)
        assertThat(off.get("max").toString()).isEqualTo("255");
        assertThat(off.get("value").toString()).isEqualTo("260");
        assertThat(history.get("specs").get(0).get("min").toString()).isEqualTo("245");
        assertThat(off.get("passed").asBoolean()).isFalse();

        JsonNode trend = api.get("jennifer", "/api/reports/quality-trend?sku=" + sku + "&from=2025-01-01").json();
        JsonNode viscosity = trend.get("tests").get(0);
        assertThat(viscosity.get("test").asText()).isEqualTo("viscosity");
        assertThat(viscosity.get("outOfSpecification").asInt()).isEqualTo(1);
        assertThat(viscosity.get("points")).hasSize(3);
        assertThat(viscosity.get("statistics").get("mean").decimalValue()).isEqualByComparingTo("252.000000");
        assertThat(viscosity.get("statistics").get("standardDeviation").decimalValue())
                .isEqualByComparingTo("6.928203");
        assertThat(viscosity.get("statistics").get("upperControlLimit").decimalValue())
                .isEqualByComparingTo("272.784610");
        assertThat(viscosity.get("months").get(0).get("month").asText()).isEqualTo("2025-01");

        JsonNode complaints = api.get("jennifer", "/api/reports/complaints?sku=" + sku).json();
        assertThat(complaints.get("holds").asInt()).isEqualTo(1);
        assertThat(complaints.get("bySource").get(0).get("key").asText()).isEqualTo("COMPLAINT");
        assertThat(complaints.get("byCustomer").get(0).get("key").asText()).isEqualTo("Industrial Services Inc.");
        assertThat(complaints.get("byOutcome").get(0).get("key").asText()).isEqualTo("RELEASE");
        assertThat(complaints.get("byOutcome").get(0).get("released").asInt()).isEqualTo(1);

        // management: aging, rotation, losses
        JsonNode aging = api.get("tom", "/api/reports/inventory-aging?sku=" + sku).json().get("products").get(0);
        assertThat(aging.get("lots").asLong()).isEqualTo(3);
        assertThat(aging.get("onHand").decimalValue()).isEqualByComparingTo("1200");
        assertThat(aging.get("byAge").get(0).get("bucket").asText()).isEqualTo("0-29");
        assertThat(aging.get("byAge").get(0).get("onHand").decimalValue()).isEqualByComparingTo("1200");
        assertThat(aging.get("byShelfLife").get(4).get("bucket").asText()).isEqualTo("365+");
        // available as sales may allocate it, as the daily review counts it: C is still pending, so its 300 are on hand
        // but not available (new user 2026-12-06 N3: held and pending stock read as available): 350 + 500
        assertThat(aging.get("byShelfLife").get(4).get("available").decimalValue()).isEqualByComparingTo("850");

        JsonNode rotation = api.get("mike", "/api/reports/rotation?sku=" + sku + "&from=2025-01-01&to=2025-01-28")
                .json();
        // the period in days, and in months with one decimal (new user 2026-12-07 F8: "0.9199")
        assertThat(rotation.get("periodDays").asLong()).isEqualTo(28);
        assertThat(rotation.get("periodMonths").decimalValue()).isEqualTo(new java.math.BigDecimal("0.9"));
        JsonNode r = rotation.get("products").get(0);
        assertThat(r.get("made").decimalValue()).isEqualByComparingTo("1300");
        // named for what they are: the rate is the period's production, disposals are no rotation (new user 17 F10)
        assertThat(r.get("shippedOrConsumed").decimalValue()).isEqualByComparingTo("100");
        assertThat(r.get("disposed").decimalValue()).isEqualByComparingTo("0");
        assertThat(r.get("monthlyProduction").decimalValue()).isEqualTo(new java.math.BigDecimal("1413.2"));
        assertThat(r.get("monthsOfStockAtProduction").decimalValue()).isEqualByComparingTo("0.8");
        assertThat(r.has("monthlyThroughput")).isFalse();
        assertThat(api.get("tom", "/api/reports/cost-impact?sku=" + sku).json().get("losses")).isEmpty();
    }

    @Test
    void reportsRefuseBadInputAndStrangers() {
        assertBad(api.get("tom", "/api/reports/daily"), "date");
        assertBad(api.get("tom", "/api/reports/daily?date=yesterday"), "date");
        assertBad(api.get("tom", "/api/reports/daily?date=2025-01-29"), "date");
        assertBad(api.get("tom", "/api/reports/daily?date=0000-01-01"), "date"); // auditor 2026-12-06 X6
        assertBad(api.get("tom", "/api/reports/daily?date=%2B002025-01-28"), "date"); // re-test 2026-12-06 Y7
        assertBad(api.get("tom", "/api/reports/daily?date=2025-01-28&sku=NOPE-NOPE"), "sku");
        assertBad(api.get("sarah", "/api/reports/quality-history"), "sku");
        assertBad(api.get("sarah", "/api/reports/quality-trend?sku=IL-250-55GAL&size=0"), "size");
        assertBad(api.get("sarah", "/api/reports/complaints?source=GOSSIP"), "source");
        assertBad(api.get("sarah", "/api/reports/complaints?from=2025-02-01&to=2025-01-01"), "from");
        assertBad(api.get("tom", "/api/reports/rotation?to=2025-13-01"), "to");
        assertBad(api.get("tom", "/api/reports/cost-impact?from=x"), "from");
        assertBad(api.get("tom", "/api/reports/expiring?sku=NOPE-NOPE"), "sku");
        assertThat(api.get("tom", "/api/reports/quality-history?sku=IL-250-55GAL").status()).isEqualTo(403);
        assertThat(api.get("tom", "/api/reports/complaints").status()).isEqualTo(403);
        assertThat(api.get("tom", "/api/reports/recall-impact").status()).isEqualTo(403);
        assertThat(api.get("rachel", "/api/reports/inventory-aging").status()).isEqualTo(403);
        assertThat(api.get("rachel", "/api/reports/fefo?sku=IL-250-55GAL").status()).isEqualTo(403);
        assertThat(api.get("rachel", "/api/reports/recall-impact").status()).isEqualTo(200);
        assertThat(api.get("rachel", "/api/reports/recall-impact?recall=RC-1900-001").status()).isEqualTo(404);
        assertThat(api.get("rachel", "/api/reports/daily?date=2025-01-28").status()).isEqualTo(200);
        assertThat(api.get("demo", "/api/reports/complaints").status()).isEqualTo(200);
        // CSV refusals are problems too
        Response csv = api.call("tom", "tom", HttpMethod.GET, "/api/reports/daily", null, "text/csv");
        assertThat(csv.status()).isEqualTo(400);
        assertThat(csv.isProblem()).isTrue();
    }

    @Test
    void expiredStockStillOnHandIsCountedApartFromTheActiveInventory() {
        // audit28 F3: the seed's "Total inventory" counts active lots only, so a lot past its date vanished from the
        // review while its drums still stood in the warehouse awaiting disposal
        String sku = api.createProduct("EXPD");
        String released = api.createLot(sku, new BigDecimal("200"), "2025-01-10");
        String held = api.createLot(sku, new BigDecimal("120"), "2025-01-11");
        String expired = api.createLot(sku, new BigDecimal("80"), "2025-01-12");
        String fresh = api.createLot(sku, new BigDecimal("50"), "2025-01-13");
        api.release(released);
        api.release(held);
        api.release(expired);
        api.release(fresh);
        Response hold = api.post("sarah", "/api/lots/" + held + "/holds", Map.of("reason", "Drum seal damaged",
                "source", "OTHER", "reference", "Warehouse walk"));
        assertThat(hold.status()).as(hold.toString()).isEqualTo(202);
        try {
            // made the day before; past their date on the 28th (expiration <= day)
            jdbc.update("UPDATE lot SET created_at = ? WHERE lot_number IN (?, ?, ?, ?)", ts("2025-01-27T10:00:00Z"),
                    released, held, expired, fresh);
            jdbc.update("UPDATE lot SET expiration_date = DATE '2025-01-28' WHERE lot_number IN (?, ?, ?)", released,
                    held, expired);

            // the day before, none had expired: all four active, nothing expired
            JsonNode before = api.get("tom", "/api/reports/daily?date=2025-01-27&sku=" + sku).json();
            assertThat(before.get("activeLots").asLong()).isEqualTo(4);
            assertThat(before.get("expiredLots").asLong()).isZero();
            assertThat(before.get("expiredInventory").decimalValue()).isEqualByComparingTo("0");

            // one of them marked EXPIRED by the monitor since
            org.lotflow.support.TrailedEdits.status(jdbc, expired, "EXPIRED", null);
            JsonNode day = api.get("tom", "/api/reports/daily?date=2025-01-28&sku=" + sku).json();
            assertThat(day.get("activeLots").asLong()).isEqualTo(1);
            assertThat(day.get("totalInventory").decimalValue()).isEqualByComparingTo("50");
            assertThat(day.get("expiredLots").asLong()).isEqualTo(3);
            assertThat(day.get("expiredInventory").decimalValue()).isEqualByComparingTo("400");
            JsonNode product = day.get("inventory").get(0);
            assertThat(product.get("expiredLots").asLong()).isEqualTo(3);
            assertThat(product.get("expiredInventory").decimalValue()).isEqualByComparingTo("400");

            String csv = api.call("tom", "tom", HttpMethod.GET, "/api/reports/daily?date=2025-01-28&sku=" + sku, null,
                    "text/csv").text();
            String[] lines = csv.split("\r\n");
            assertThat(lines[0]).endsWith(",complaintsResolved,expiredLots,expiredInventory");
            assertThat(lines[1]).endsWith(",3,400.000");
        } finally {
            // lots that outlive the test in the shared database keep a far date (archiving, expiry monitoring)
            jdbc.update("UPDATE lot SET expiration_date = DATE '2030-01-01' WHERE lot_number IN (?, ?, ?)", released,
                    held, expired);
        }
    }

    private void holdAndRelease(String lot) {
        Response held = api.post("sarah", "/api/lots/" + lot + "/holds", Map.of("reason",
                "Viscosity variation reported", "source", "COMPLAINT", "reference", "Industrial Services Inc."));
        assertThat(held.status()).as(held.toString()).isEqualTo(202);
        JsonNode tasks = api.get("sarah", "/engine-rest/task?processInstanceBusinessKey=" + lot
                + "&taskDefinitionKey=investigateLot").json();
        Map<String, Object> vars = new HashMap<>();
        vars.put("findings", Map.of("value", "Retained sample 249 cSt, within specification"));
        vars.put("rootCause", Map.of("value", "Customer storage"));
        assertThat(api.post("sarah", "/engine-rest/task/" + tasks.get(0).get("id").asText() + "/submit-form",
                Map.of("variables", vars)).status()).isEqualTo(204);
        Response signed = api.post("jennifer", "/api/lots/" + lot + "/disposition", Map.of("decision", "RELEASE",
                "justification", "Within specification", "password", "jennifer"));
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        api.executeJobs();
    }

    private long id(String lotNumber) {
        return jdbc.queryForObject("SELECT id FROM lot WHERE lot_number = ?", Long.class, lotNumber);
    }

    private static Timestamp ts(String instant) {
        return Timestamp.from(Instant.parse(instant));
    }

    private static void assertBad(Response r, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.isProblem()).as(r.toString()).isTrue();
        assertThat(r.json().get("field").asText()).as(r.toString()).isEqualTo(field);
    }
}
