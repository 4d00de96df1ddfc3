package org.lotflow.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.lotflow.archive.internal.process.LotArchivingProcess;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Retention and archiving (issue #16) on the whole application, today 2025-01-28 (run on H2 by
 * {@link LotArchivingApiTest}, on PostgreSQL by {@link PostgresLotArchivingIT}): a depleted lot past its
 * retention is listed for the QA manager, archived once confirmed with the reviewer and reason in its history;
 * one whose retention has not passed is never listed nor archived; an excluded one stays; bad review input is 400
 * naming the field and changes nothing; an archived lot stays readable (view, history, trace, certificate) and a
 * recall still reaches it.
 */
abstract class ArchivingScenarios {

    @Autowired
    TestClient api;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtimeService;

    @Autowired
    org.lotflow.lot.ArchivableLots archivableLots;
    @Autowired
    java.time.Clock clock;

    private String sku() {
        return sku("FOOD", null);
    }

    /** A product of {@code category} with its own retention in years, or its category's default (null). */
    private String sku(String category, Integer retentionYears) {
        String sku = "ARC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Object> body = new HashMap<>(Map.of("sku", sku, "name", "Archived goods " + sku, "unit", "kg",
                "shelfLifeMonths", 12, "lotNumberPattern", sku + "-{yyyy}-{seq:3}", "category", category,
                "specs", List.of(Map.of("test", "viscosity", "unit", "cSt", "min", 245, "max", 255),
                        Map.of("test", "flashPoint", "unit", "°C", "min", 220))));
        if (retentionYears != null) {
            body.put("retentionYears", retentionYears);
        }
        Response r = api.post("mike", "/api/products", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return sku;
    }

    /** A lot made, released and shipped whole (DEPLETED), whose expiration then lies in the past. */
    private String depletedLot(String sku, String expires) {
        String lot = api.releasedLot(sku, new BigDecimal("10"), "2025-01-10");
        String order = "SO-" + lot;
        Response o = api.post("tom", "/api/orders", Map.of("orderNumber", order, "customer", "Acme Foods", "sku", sku,
                "quantity", 10, "requestedLot", lot, "requestReason", "Quality consistency"));
        assertThat(o.status()).as(o.toString()).isEqualTo(201);
        Response s = api.post("tom", "/api/orders/" + order + "/shipments", Map.of());
        assertThat(s.status()).as(s.toString()).isEqualTo(201);
        assertThat(api.get("tom", "/api/lots/" + lot).json().get("status").asText()).isEqualTo("DEPLETED");
        jdbc.update("UPDATE lot SET manufacture_date = DATE '2019-01-01', expiration_date = ? WHERE lot_number = ?",
                java.sql.Date.valueOf(expires), lot);
        return lot;
    }

    private String status(String lot) {
        return api.get("tom", "/api/lots/" + lot).json().get("status").asText();
    }

    private Response complete(String user, String taskId, Map<String, Object> values) {
        Map<String, Object> variables = new HashMap<>();
        values.forEach((k, v) -> variables.put(k, Map.of("value", v)));
        return api.post(user, "/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables));
    }

    /**
     * The listed lots of other tests (the shared context's), kept out of this test's archiving: the lot numbers of
     * the review's table that do not start with {@code sku}.
     */
    private String othersListed(String taskId, String sku) {
        String table = api.get("jennifer", "/engine-rest/task/" + taskId + "/form-variables").json()
                .get("archivableLots").get("value").asText();
        return table.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Lot "))
                .map(l -> l.substring(2, l.indexOf(" |", 2))).filter(lot -> !lot.startsWith(sku))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static String and(String excluded, String others) {
        return others.isEmpty() ? excluded : excluded + ", " + others;
    }

    /**
     * The search decides each lot by its own product's retention in the database (issue #11: it never reads all
     * inactive lots into memory): a pharmaceutical product's own 2 years and food's default 3, each to the day, oldest
     * expiration first, counted in full and listed up to the limit.
     */
    @Test
    void theSearchAppliesEachProductsRetentionToTheDayAndListsTheOldestFirst() {
        java.time.LocalDate today = java.time.LocalDate.now(clock); // the tests' business date, 2025-01-28
        String own = sku("PHARMACEUTICAL", 2);
        String byDefault = sku("FOOD", null);
        String ownOldest = depletedLot(own, "2019-06-01");
        String ownPassedYesterday = depletedLot(own, "2023-01-27"); // retained until 2025-01-27
        String ownLastDay = depletedLot(own, "2023-01-28"); // retained until today
        String defaultOld = depletedLot(byDefault, "2019-06-02");
        String defaultNotYet = depletedLot(byDefault, "2023-01-27"); // retained until 2026-01-27

        org.lotflow.lot.ArchivableLots.Head all = archivableLots.find(today, 100_000);
        List<String> numbers = all.lots().stream().map(org.lotflow.lot.Lot::getLotNumber).toList();
        assertThat(numbers).contains(ownOldest, ownPassedYesterday, defaultOld)
                .doesNotContain(ownLastDay, defaultNotYet);
        assertThat(all.total()).isEqualTo(numbers.size());
        org.lotflow.lot.ArchivableLots.Head first = archivableLots.find(today, 2);
        assertThat(first.lots()).extracting(org.lotflow.lot.Lot::getLotNumber).containsExactly(ownOldest, defaultOld);
        assertThat(first.total()).isEqualTo(all.total());
        for (String lot : List.of(ownOldest, ownPassedYesterday, ownLastDay, defaultOld, defaultNotYet)) {
            jdbc.update("UPDATE lot SET expiration_date = DATE '2030-01-01' WHERE lot_number = ?", lot); // out of others' runs
        }
    }

    @Test
    void lotsPastRetentionAreArchivedAfterTheQaManagersReviewOthersNever() {
        String sku = sku();
        String past = depletedLot(sku, "2021-01-10"); // retained until 2024-01-10
        String excluded = depletedLot(sku, "2021-02-10");
        String notYet = depletedLot(sku, "2022-06-01"); // retained until 2025-06-01
        assertThat(api.get("tom", "/api/lots/" + notYet).json().get("retainUntil").asText()).isEqualTo("2025-06-01");

        String pi = runtimeService.startProcessInstanceByKey(LotArchivingProcess.PROCESS_KEY).getId();
        api.executeJobs();
        JsonNode tasks = api.get("jennifer", "/engine-rest/task?taskDefinitionKey=reviewArchiving&processInstanceId="
                + pi).json();
        assertThat(tasks).hasSize(1);
        assertThat(api.get("tom", "/engine-rest/task?taskDefinitionKey=reviewArchiving").json()).isEmpty();
        assertThat(api.get("sarah", "/engine-rest/task?taskDefinitionKey=reviewArchiving").json()).isEmpty();
        String taskId = tasks.get(0).get("id").asText();
        JsonNode local = api.get("jennifer", "/engine-rest/task/" + taskId + "/form-variables").json();
        String listed = local.get("archivableLots").get("value").asText();
        assertThat(listed).contains(past, excluded).doesNotContain(notYet);

        // bad input: 400 naming the field, nothing recorded
        Response noDecision = complete("jennifer", taskId, Map.of("comment", "retention over"));
        assertThat(noDecision.status()).as(noDecision.toString()).isEqualTo(400);
        assertThat(noDecision.text()).contains("decision");
        Response notListed = complete("jennifer", taskId, Map.of("decision", "ARCHIVE", "comment", "retention over",
                "excludedLots", notYet));
        assertThat(notListed.status()).as(notListed.toString()).isEqualTo(400);
        assertThat(notListed.text()).contains("excludedLots");
        Response extra = complete("jennifer", taskId, Map.of("decision", "ARCHIVE", "comment", "retention over",
                "lotNumbers", notYet));
        assertThat(extra.status()).as(extra.toString()).isEqualTo(400);
        assertThat(status(past)).isEqualTo("DEPLETED");

        Response done = complete("jennifer", taskId, Map.of("decision", "ARCHIVE", "comment", "Retention over, no "
                + "open claims", "excludedLots", and(excluded, othersListed(taskId, sku))));
        assertThat(done.status()).as(done.toString()).isEqualTo(204);
        api.executeJobs();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();

        assertThat(status(past)).isEqualTo("ARCHIVED");
        assertThat(status(excluded)).as("excluded by QA").isEqualTo("DEPLETED");
        assertThat(status(notYet)).as("retention not passed").isEqualTo("DEPLETED");

        JsonNode history = api.get("tom", "/api/lots/" + past + "/history").json();
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("type").asText()).isEqualTo("STATUS_CHANGED");
        assertThat(last.get("user").asText()).isEqualTo("jennifer");
        assertThat(last.toString()).contains("ARCHIVED").contains("Retention over, no open claims")
                .contains("2024-01-10");

        // a second run never archives a lot whose retention has not passed
        String again = runtimeService.startProcessInstanceByKey(LotArchivingProcess.PROCESS_KEY).getId();
        api.executeJobs();
        JsonNode second = api.get("jennifer", "/engine-rest/task?taskDefinitionKey=reviewArchiving&processInstanceId="
                + again).json();
        if (second.size() == 1) {
            String secondTask = second.get(0).get("id").asText();
            assertThat(api.get("jennifer", "/engine-rest/task/" + secondTask + "/form-variables").json()
                    .get("archivableLots").get("value").asText()).contains(excluded).doesNotContain(notYet, past);
            assertThat(complete("jennifer", secondTask, Map.of("decision", "KEEP", "comment", "legal hold"))
                    .status()).isEqualTo(204);
            api.executeJobs();
        }
        assertThat(status(excluded)).as("kept").isEqualTo("DEPLETED");
        assertThat(status(notYet)).isEqualTo("DEPLETED");
    }

    @Test
    void anArchivedLotStaysReadableAndTraceableAndARecallReachesIt() {
        String sku = sku();
        String lot = depletedLot(sku, "2020-03-01");
        String pi = runtimeService.startProcessInstanceByKey(LotArchivingProcess.PROCESS_KEY).getId();
        api.executeJobs();
        String taskId = api.get("jennifer", "/engine-rest/task?taskDefinitionKey=reviewArchiving&processInstanceId="
                + pi).json().get(0).get("id").asText();
        String others = othersListed(taskId, sku);
        assertThat(complete("jennifer", taskId, others.isEmpty() ? Map.of("decision", "ARCHIVE", "comment",
                "retention over") : Map.of("decision", "ARCHIVE", "comment", "retention over", "excludedLots", others))
                .status()).isEqualTo(204);
        api.executeJobs();
        assertThat(status(lot)).isEqualTo("ARCHIVED");

        Response view = api.get("tom", "/api/lots/" + lot);
        assertThat(view.status()).isEqualTo(200);
        assertThat(view.json().get("shipped").decimalValue()).isEqualByComparingTo("10");
        assertThat(api.get("tom", "/api/lots/" + lot + "/history").status()).isEqualTo(200);
        Response trace = api.get("rachel", "/api/lots/" + lot + "/trace?direction=downstream");
        assertThat(trace.status()).as(trace.toString()).isEqualTo(200);
        assertThat(trace.text()).contains("Acme Foods");
        Response coa = api.get("jennifer", "/api/lots/" + lot + "/coa");
        assertThat(coa.status()).as(coa.toString()).isEqualTo(200);
        assertThat(coa.json().get("lotNumber").asText()).isEqualTo(lot);

        Response recall = api.post("rachel", "/api/recalls", Map.of("lots", List.of(lot), "reason",
                "Customer complaint on an archived lot", "classification", "CLASS_II"));
        assertThat(recall.status()).as(recall.toString()).isEqualTo(201);
        JsonNode detail = api.get("rachel", "/api/recalls/" + recall.json().get("recallNumber").asText()).json();
        assertThat(detail.toString()).contains(lot).contains("Acme Foods");
        assertThat(status(lot)).as("an archived lot keeps its status").isEqualTo("ARCHIVED");
    }

    private String openRecall(String lot, String reason) {
        Response recall = api.post("rachel", "/api/recalls", Map.of("lots", List.of(lot), "reason", reason,
                "classification", "CLASS_II"));
        assertThat(recall.status()).as(recall.toString()).isEqualTo(201);
        return recall.json().get("recallNumber").asText();
    }

    /** The run's review task, started by its timer's process. */
    private String reviewTask(String pi) {
        JsonNode tasks = api.get("jennifer", "/engine-rest/task?taskDefinitionKey=reviewArchiving&processInstanceId="
                + pi).json();
        assertThat(tasks).as("a review task").hasSize(1);
        return tasks.get(0).get("id").asText();
    }

    /**
     * Auditor 26b F3: a lot RECALLED by a recall still open (nothing on hand, retention passed) is not listed for
     * archiving: the review says it is left off and why (the recall's number), and it stays RECALLED, so its
     * customers' goods are still received under the recall.
     */
    @Test
    void aLotOfAnOpenRecallIsLeftOffTheReviewWithTheReasonAndNeverArchived() {
        String sku = sku();
        String recalled = depletedLot(sku, "2020-04-01");
        String plain = depletedLot(sku, "2020-04-02");
        String number = openRecall(recalled, "Odour complaint: recall the lot");
        assertThat(status(recalled)).isEqualTo("RECALLED");

        String pi = runtimeService.startProcessInstanceByKey(LotArchivingProcess.PROCESS_KEY).getId();
        api.executeJobs();
        String taskId = reviewTask(pi);
        JsonNode form = api.get("jennifer", "/engine-rest/task/" + taskId + "/form-variables").json();
        assertThat(form.get("archivableLots").get("value").asText()).contains(plain).doesNotContain(recalled);
        assertThat(form.get("keptLots").get("value").asText()).contains(recalled).contains("open recall " + number);

        Response done = complete("jennifer", taskId, Map.of("decision", "ARCHIVE", "comment", "retention over",
                "excludedLots", othersListed(taskId, sku).isEmpty() ? "" : othersListed(taskId, sku)));
        assertThat(done.status()).as(done.toString()).isEqualTo(204);
        api.executeJobs();
        assertThat(status(plain)).isEqualTo("ARCHIVED");
        assertThat(status(recalled)).as("its recall is open").isEqualTo("RECALLED");
        assertThat(jdbc.queryForObject("SELECT kept_lots FROM archive_review WHERE process_instance_id = ?",
                String.class, pi)).contains(recalled + ": in the scope of open recall " + number);
    }

    /**
     * Auditor 26b F3, race variant: a recall opened while the review task is open (the lot listed DEPLETED, now
     * RECALLED): the reviewer's ARCHIVE does not archive it; the review records why.
     */
    @Test
    void aListedLotRecalledWhileTheReviewIsOpenIsNotArchived() {
        String sku = sku();
        String lot = depletedLot(sku, "2020-05-01");
        String pi = runtimeService.startProcessInstanceByKey(LotArchivingProcess.PROCESS_KEY).getId();
        api.executeJobs();
        String taskId = reviewTask(pi);
        assertThat(api.get("jennifer", "/engine-rest/task/" + taskId + "/form-variables").json()
                .get("archivableLots").get("value").asText()).contains(lot);
        String others = othersListed(taskId, sku);

        String number = openRecall(lot, "Late complaint: foreign matter");
        Response done = complete("jennifer", taskId, others.isEmpty() ? Map.of("decision", "ARCHIVE", "comment",
                "retention over") : Map.of("decision", "ARCHIVE", "comment", "retention over", "excludedLots", others));
        assertThat(done.status()).as(done.toString()).isEqualTo(204);
        api.executeJobs();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(pi).count()).isZero();

        assertThat(status(lot)).as("recalled after it was listed").isEqualTo("RECALLED");
        assertThat(jdbc.queryForObject("SELECT skipped_lots FROM archive_review WHERE process_instance_id = ?",
                String.class, pi)).contains(lot + ": in the scope of open recall " + number);
        Response receipt = api.post("rachel", "/api/recalls/" + number + "/received-returns", Map.of("lotNumber", lot,
                "customer", "Acme Foods", "quantity", 2, "reference", "RMA-R1"));
        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(201);
    }

    /**
     * Auditor 26b F3, data archived before the fix: a lot RECALLED by a recall still open and ARCHIVED since. A second
     * recall naming it is refused (409, the open recall named); goods its customer sends back are received under the
     * open recall (the recall took it RECALLED): the lot is RECALLED again with the goods on hand, for the recall's
     * closing to dispose of.
     */
    @Test
    void aLotArchivedOutOfAnOpenRecallStillTakesItsGoodsBackUnderItAndIsNotRecalledTwice() {
        String sku = sku();
        String lot = depletedLot(sku, "2020-06-01");
        String number = openRecall(lot, "Odour complaint spread: recall the lot");
        org.lotflow.support.TrailedEdits.status(jdbc, lot, "ARCHIVED", null); // as archived before the fix

        Response again = api.post("rachel", "/api/recalls", Map.of("lots", List.of(lot), "reason", "again",
                "classification", "CLASS_III"));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.text()).contains("already recalled by " + number);

        Response receipt = api.post("rachel", "/api/recalls/" + number + "/received-returns", Map.of("lotNumber", lot,
                "customer", "Acme Foods", "quantity", 4, "reference", "RMA-1"));
        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(201);
        JsonNode view = api.get("tom", "/api/lots/" + lot).json();
        assertThat(view.get("status").asText()).isEqualTo("RECALLED");
        assertThat(view.get("onHand").decimalValue()).isEqualByComparingTo("4");
        JsonNode history = api.get("tom", "/api/lots/" + lot + "/history").json();
        assertThat(history.toString()).contains("Goods received back under recall " + number);
    }

    @Test
    void onlyTheTimerStartsArchiving() {
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(LotArchivingProcess.PROCESS_KEY)
                .count();
        for (String user : new String[] {"demo", "jennifer"}) {
            for (String how : new String[] {"start", "submit-form"}) {
                Response viaEngine = api.post(user, "/engine-rest/process-definition/key/lotArchiving/" + how,
                        Map.of());
                assertThat(viaEngine.status()).as(user + " " + how + ": " + viaEngine).isEqualTo(403);
                assertThat(viaEngine.text()).contains("nightly timer");
            }
        }
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(LotArchivingProcess.PROCESS_KEY)
                .count()).isEqualTo(before);
    }
}
