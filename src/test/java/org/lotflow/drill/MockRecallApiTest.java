package org.lotflow.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.lotflow.trace.GenealogyFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Mock-recall drills through the API and the engine (issue #14): a recall coordinator drills any lot, the
 * trace goes one step back to the suppliers and forward to the customers with the mass balance of every
 * lot, nothing of the plant changes, the coordinator reviews and closes it (PASSED), the timer fails it,
 * a ledger difference is a finding that fails it, the report reads as PDF, the history lists every drill,
 * and rights and bad input are refused as problem+json.
 *
 * <p>Genealogy ({@link GenealogyFixture}): the drill is on {@code int1}, made of {@code rm1} (100) and
 * {@code rm2} (50); {@code fin1} is made of int1 (30) and int2 (20), shipped to Acme Industrial (10) and
 * Beta Manufacturing (5).
 */
@ApiTest
class MockRecallApiTest {

    @Autowired
    TestClient api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ManagementService management;

    @Autowired
    org.camunda.bpm.engine.TaskService tasks;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    private Response start(String user, String lotNumber) {
        return api.post(user, "/api/mock-recalls", Map.of("lotNumber", lotNumber));
    }

    private static Map<String, JsonNode> lotsOf(JsonNode report) {
        Map<String, JsonNode> lots = new LinkedHashMap<>();
        report.get("lots").forEach(l -> lots.put(l.get("lotNumber").asText(), l));
        return lots;
    }

    /** What a drill must not change: each lot as the API shows it and its history, and the plant's other records. */
    private Map<String, Object> plant(List<String> lots) {
        Map<String, Object> state = new LinkedHashMap<>();
        for (String lot : lots) {
            state.put(lot, api.get("tom", "/api/lots/" + lot).text());
            state.put(lot + "/history", api.get("tom", "/api/lots/" + lot + "/history").text());
        }
        for (String table : List.of("allocation", "sales_order", "shipment", "lot_hold", "recall",
                "recall_notification", "lot_event", "lot_source")) {
            state.put(table, jdbc.queryForList("SELECT * FROM " + table + " ORDER BY id").toString());
        }
        return state;
    }

    private static BigDecimal dec(JsonNode n) {
        return n.decimalValue().stripTrailingZeros();
    }

    @Test
    void aCoordinatorDrillsALotBothWaysChangesNothingAndPassesTheDrill() throws IOException {
        GenealogyFixture f = GenealogyFixture.build(api, jdbc);
        Map<String, Object> before = plant(f.lots());

        Response started = start("rachel", f.int1);
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        JsonNode r = started.json();
        String number = r.get("drillNumber").asText();
        assertThat(number).matches("MR-2025-\\d{4}");
        assertThat(r.get("lotNumber").asText()).isEqualTo(f.int1);
        assertThat(r.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(r.get("targetMinutes").asInt()).isEqualTo(240);
        assertThat(r.get("startedBy").asText()).isEqualTo("rachel");
        assertThat(r.has("finishedAt")).isFalse();

        // scope: the lot, one step back (rm1, rm2; not rm3, which went into int2 only), forward fin1 and
        // nothing else (int2 shares fin1 as an output, not as an input of int1)
        Map<String, JsonNode> lots = lotsOf(r);
        assertThat(lots.keySet()).containsExactlyInAnyOrder(f.int1, f.rm1, f.rm2, f.fin1);
        assertThat(lots.get(f.int1).get("role").asText()).isEqualTo("DRILLED");
        assertThat(lots.get(f.rm1).get("role").asText()).isEqualTo("SOURCE");
        assertThat(lots.get(f.fin1).get("role").asText()).isEqualTo("DOWNSTREAM");
        assertThat(lots.get(f.fin1).get("depth").asInt()).isEqualTo(1);
        // mass balance: rm1 1000 received = 820 available + 180 consumed (100 into int1, 80 into int2)
        JsonNode rm1 = lots.get(f.rm1);
        assertThat(dec(rm1.get("quantity"))).isEqualByComparingTo("1000");
        assertThat(dec(rm1.get("consumed"))).isEqualByComparingTo("180");
        assertThat(dec(rm1.get("available"))).isEqualByComparingTo("820");
        assertThat(dec(rm1.get("difference"))).isEqualByComparingTo("0");
        // rm2: 1000 = 938 available + 55 consumed + 7 shipped (to Gamma, a customer of rm2, not of the drill)
        JsonNode rm2 = lots.get(f.rm2);
        assertThat(dec(rm2.get("shipped"))).isEqualByComparingTo("7");
        assertThat(dec(rm2.get("consumed"))).isEqualByComparingTo("55");
        JsonNode fin1 = lots.get(f.fin1);
        assertThat(dec(fin1.get("shipped"))).isEqualByComparingTo("15");
        assertThat(dec(fin1.get("onHand"))).isEqualByComparingTo("35");
        for (JsonNode l : r.get("lots")) {
            assertThat(dec(l.get("quantity"))).as(l.toString()).isEqualByComparingTo(dec(l.get("available"))
                    .add(dec(l.get("allocated"))).add(dec(l.get("shipped"))).add(dec(l.get("consumed")))
                    .add(dec(l.get("disposed"))).add(dec(l.get("difference"))));
            assertThat(l.get("reconciliationPercent").decimalValue()).isEqualByComparingTo("100.00");
        }
        assertThat(r.get("reconciliationPercent").decimalValue()).isEqualByComparingTo("100.00");
        assertThat(r.get("findings")).isEmpty();
        // customers of the drilled lot and what was made from it, with quantities per lot; not Gamma (rm2's)
        assertThat(r.get("customers")).extracting(c -> c.get("customer").asText())
                .containsExactly("Acme Industrial", "Beta Manufacturing");
        JsonNode acme = r.get("customers").get(0);
        assertThat(acme.get("lots")).singleElement().satisfies(l -> {
            assertThat(l.get("lotNumber").asText()).isEqualTo(f.fin1);
            assertThat(dec(l.get("quantity"))).isEqualByComparingTo("10");
        });
        assertThat(acme.get("shipments")).hasSize(1);
        assertThat(r.get("suppliers")).as("no received lot in this genealogy").isEmpty();

        // the coordinator's tasks are open for the recall coordinators
        JsonNode tasks = api.get("rachel", "/engine-rest/task?processInstanceBusinessKey=" + number).json();
        assertThat(tasks).singleElement().satisfies(t -> {
            assertThat(t.get("taskDefinitionKey").asText()).isEqualTo("reviewDrillScope");
            assertThat(t.get("name").asText()).contains(number);
        });
        Response close = api.post("rachel", "/api/mock-recalls/" + number + "/close", Map.of("comment", "early"));
        assertThat(close.status()).as("not reviewed yet").isEqualTo(409);
        assertThat(close.json().get("detail").asText()).contains("not reviewed yet");

        // an administrator starts drills but does not review or close them in a coordinator's place, on /api as on
        // /engine-rest (auditor 2026-12-06 A9)
        Response byAdmin = api.post("demo", "/api/mock-recalls/" + number + "/review",
                Map.of("traceComplete", true, "findings", "reviewed by the administrator"));
        assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(403);
        assertThat(byAdmin.json().get("detail").asText()).contains("administering lotflow does not make one a member");
        assertThat(api.post("demo", "/api/mock-recalls/" + number + "/close", Map.of("comment", "by admin")).status())
                .isEqualTo(403);
        // the number whatever the case typed, answered as stored (auditor round 22 L2)
        Response lower = api.get("rachel", "/api/mock-recalls/" + number.toLowerCase(java.util.Locale.ROOT));
        assertThat(lower.status()).as(lower.toString()).isEqualTo(200);
        assertThat(lower.json().get("drillNumber").asText()).isEqualTo(number);
        Response reviewed = api.post("rachel", "/api/mock-recalls/" + number.toLowerCase(java.util.Locale.ROOT)
                + "/review", Map.of("traceComplete", true, "findings", "none: every delivery note and shipping document"
                + " found"));
        assertThat(reviewed.status()).as(reviewed.toString()).isEqualTo(200);
        assertThat(reviewed.json().get("drillNumber").asText()).isEqualTo(number);
        assertThat(reviewed.json().get("traceComplete").asBoolean()).isTrue();
        assertThat(reviewed.json().get("reviewedBy").asText()).isEqualTo("rachel");
        assertThat(api.post("rachel", "/api/mock-recalls/" + number + "/review",
                Map.of("traceComplete", true, "findings", "again")).status()).isEqualTo(409);

        Response closed = api.post("rachel", "/api/mock-recalls/" + number + "/close",
                Map.of("comment", "Traced and reconciled well within the target; no action"));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        JsonNode done = closed.json();
        assertThat(done.get("status").asText()).isEqualTo("PASSED");
        assertThat(done.get("finishedBy").asText()).isEqualTo("rachel");
        assertThat(done.get("elapsedMinutes").asLong()).isBetween(0L, 240L);
        assertThat(done.has("resultReason")).isFalse();
        assertThat(api.get("rachel", "/engine-rest/task?processInstanceBusinessKey=" + number).json()).isEmpty();

        // nothing of the plant changed: lots, their history, orders, allocations, shipments, holds, recalls
        assertThat(plant(f.lots())).isEqualTo(before);

        // the report as PDF, read back
        TestClient.Binary pdf = api.download("jennifer", "/api/mock-recalls/" + number, "application/pdf");
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(doc);
        }
        assertThat(text).contains("Mock-recall drill " + number, f.int1, f.rm1, f.fin1, "PASSED", "Acme Industrial",
                "Beta Manufacturing", "100.00 %", "Traced and reconciled");
        assertThat(text.replaceAll("\\s+", " ")).contains("by Rachel Nguyen (rachel)"); // new user 2026-12-07 L6

        // the history: newest first, with result and duration; QA managers read it too
        Response startByAdmin = start("demo", f.fin2); // administrators start no drill (auditor 2026-12-06 B6)
        assertThat(startByAdmin.status()).as(startByAdmin.toString()).isEqualTo(403);
        assertThat(startByAdmin.json().get("detail").asText()).contains("Only Recall coordinators may start a mock-recall"
                + " drill; demo is not one");
        Response second = start("rachel", f.fin2);
        assertThat(second.status()).isEqualTo(201);
        String next = second.json().get("drillNumber").asText();
        assertThat(Integer.parseInt(next.substring(8))).isEqualTo(Integer.parseInt(number.substring(8)) + 1);
        JsonNode history = api.get("jennifer", "/api/mock-recalls").json();
        List<String> numbers = new ArrayList<>();
        history.forEach(h -> numbers.add(h.get("drillNumber").asText()));
        assertThat(numbers.indexOf(next)).isLessThan(numbers.indexOf(number));
        JsonNode mine = history.get(numbers.indexOf(number));
        assertThat(mine.get("status").asText()).isEqualTo("PASSED");
        assertThat(mine.get("lotNumber").asText()).isEqualTo(f.int1);
        assertThat(mine.has("elapsedMinutes")).isTrue();
        assertThat(mine.get("targetMinutes").asInt()).isEqualTo(240);
    }

    @Test
    void theTargetTimePassingFailsTheDrillAndEndsTheCoordinatorsWork() {
        GenealogyFixture f = GenealogyFixture.build(api, jdbc);
        String number = start("rachel", f.fin1).json().get("drillNumber").asText();
        String pid = jdbc.queryForObject("SELECT process_instance_id FROM mock_recall WHERE drill_number = ?",
                String.class, number);
        Job timer = management.createJobQuery().processInstanceId(pid).timers().singleResult();
        // the engine's clock: the demo day's (ClockConfiguration)
        assertThat(timer.getDuedate()).isAfter(new java.util.Date(org.camunda.bpm.engine.impl.util.ClockUtil
                .getCurrentTime().getTime() + java.time.Duration.ofMinutes(239).toMillis()));
        // the review task is due when the timer fires: Tasklist shows the coordinator the drill's deadline
        java.util.Date due = tasks.createTaskQuery().processInstanceId(pid).singleResult().getDueDate();
        assertThat(Math.abs(due.getTime() - timer.getDuedate().getTime())).isLessThan(60_000L);
        management.executeJob(timer.getId());
        api.executeJobs();

        JsonNode r = api.get("rachel", "/api/mock-recalls/" + number).json();
        assertThat(r.get("status").asText()).isEqualTo("FAILED");
        assertThat(r.get("resultReason").asText()).isEqualTo("the target time of 240 minutes passed before the drill"
                + " was closed");
        assertThat(r.get("finishedBy").asText()).isEqualTo("system");
        assertThat(r.has("finishedAt")).isTrue();
        Response late = api.post("rachel", "/api/mock-recalls/" + number + "/review",
                Map.of("traceComplete", true, "findings", "late"));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("detail").asText()).contains("FAILED");
    }

    @Test
    void aLedgerThatDisagreesWithTheLotIsAFindingAndFailsTheDrill() {
        GenealogyFixture f = GenealogyFixture.build(api, jdbc);
        // a shipment of fin2 whose ledger line was lost: the lot says 3 shipped, the ledger 0 (the line goes back once the
        // drill has seen it: the audit check names a SHIPPED event without its line, and other tests of the shared
        // database assert the check intact; audit 29 F2)
        java.util.List<Map<String, Object>> lost = jdbc.queryForList("SELECT * FROM shipment WHERE lot_id ="
                + " (SELECT id FROM lot WHERE lot_number = ?)", f.fin2);
        jdbc.update("DELETE FROM shipment WHERE lot_id = (SELECT id FROM lot WHERE lot_number = ?)", f.fin2);
        try {
            drillOfALostLedgerLine(f);
        } finally {
            for (Map<String, Object> row : lost) {
                java.util.List<String> columns = new java.util.ArrayList<>(row.keySet());
                jdbc.update("INSERT INTO shipment (" + String.join(", ", columns) + ") VALUES ("
                        + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")",
                        columns.stream().map(row::get).toArray());
            }
        }
    }

    private void drillOfALostLedgerLine(GenealogyFixture f) {
        JsonNode r = start("rachel", f.int2).json();
        String number = r.get("drillNumber").asText();
        JsonNode fin2 = lotsOf(r).get(f.fin2);
        assertThat(dec(fin2.get("difference"))).isEqualByComparingTo("3");
        assertThat(fin2.get("reconciliationPercent").decimalValue()).isEqualByComparingTo("70.00");
        assertThat(r.get("reconciliationPercent").decimalValue()).isEqualByComparingTo("70.00");
        assertThat(r.get("findings")).singleElement().asString().contains(f.fin2)
                .contains("0 drums shipped per the shipment ledger, 3 drums per the lot's record");

        // through the engine's REST as Tasklist does: the form's fields only
        String task = api.get("rachel", "/engine-rest/task?processInstanceBusinessKey=" + number).json().get(0)
                .get("id").asText();
        // Tasklist's form shows the scope, the mass balance and the finding: every placeholder has its value
        JsonNode shown = api.get("rachel", "/engine-rest/task/" + task + "/form-variables").json();
        for (String name : org.lotflow.support.Forms.placeholders(org.lotflow.support.Forms.form("reviewDrillScope"))) {
            assertThat(shown.has(name)).as("{{" + name + "}} in " + shown).isTrue();
        }
        assertThat(org.lotflow.support.Forms.shown(shown, "drillNumber")).isEqualTo(number);
        assertThat(org.lotflow.support.Forms.shown(shown, "drillSummary")).contains(f.fin2, f.int2, "Beta Manufacturing",
                "finding: Lot " + f.fin2, "Reconciliation: 70.0 %", " by Rachel Nguyen (rachel)")
                // the lots' parts and statuses in words (new user round 24 N7: "DRILLED", "SOURCE", "RECALLED")
                .contains("- Drilled lot " + f.int2 + " (released): ", "Input (one step back) ", "Made from it")
                .doesNotContain("DRILLED", "SOURCE", "DOWNSTREAM", "RELEASED");
        Map<String, Object> extra = new HashMap<>();
        extra.put("traceComplete", Map.of("value", "YES"));
        extra.put("findings", Map.of("value", "fin2's shipment paperwork missing"));
        extra.put("status", Map.of("value", "PASSED"));
        Response refused = api.post("rachel", "/engine-rest/task/" + task + "/complete", Map.of("variables", extra));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().get("field").asText()).isEqualTo("status");
        extra.remove("status");
        assertThat(api.post("tom", "/engine-rest/task/" + task + "/complete", Map.of("variables", extra)).status())
                .as("sales is no candidate: to them, no task").isEqualTo(404);
        Response ok = api.post("rachel", "/engine-rest/task/" + task + "/complete", Map.of("variables", extra));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(204);
        String closeTask = api.get("rachel", "/engine-rest/task?processInstanceBusinessKey=" + number).json().get(0)
                .get("id").asText();
        JsonNode closing = api.get("rachel", "/engine-rest/task/" + closeTask + "/form-variables").json();
        for (String name : org.lotflow.support.Forms.placeholders(org.lotflow.support.Forms.form("closeDrill"))) {
            assertThat(closing.has(name)).as("{{" + name + "}} in " + closing).isTrue();
        }
        assertThat(org.lotflow.support.Forms.shown(closing, "drillSummary")).contains("trace complete",
                "fin2's shipment paperwork missing", "**Review** by Rachel Nguyen (rachel)");
        assertThat(api.post("rachel", "/engine-rest/task/" + closeTask + "/complete", Map.of("variables",
                Map.of("comment", Map.of("value", "CAPA opened for the lost shipping record")))).status())
                .isEqualTo(204);

        JsonNode done = api.get("rachel", "/api/mock-recalls/" + number).json();
        assertThat(done.get("status").asText()).isEqualTo("FAILED");
        assertThat(done.get("resultReason").asText()).isEqualTo("1 lot of the scope does not reconcile (mass balance)");
        assertThat(done.get("reviewFindings").asText()).isEqualTo("fin2's shipment paperwork missing");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ACT_RU_VARIABLE WHERE PROC_INST_ID_ = (SELECT"
                + " process_instance_id FROM mock_recall WHERE drill_number = ?)", Integer.class, number))
                .as("the process carries no facts").isZero();
    }

    @Test
    void aReceivedLotsSupplierIsTheStepBack() {
        String sku = api.createProduct("RMR");
        Response receipt = api.post("mike", "/api/receipts", Map.of("sku", sku,
                "supplier", "Gulf Coast Base Oils, Houston", "supplierLotNumber", "GCB-DRILL-1",
                "receiptDate", "2025-01-20", "location", "Tank farm 1", "deliveryReference", "BOL-DRILL-1",
                "lines", List.of(Map.of("quantity", 500, "expirationDate", "2027-01-10"))));
        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(201);
        String received = receipt.json().findValues("lotNumber").get(0).asText();
        api.release(received);
        GenealogyFixture f = new GenealogyFixture(api, jdbc);
        String made = f.released(api.createProduct("MADE"), "40", "2025-01-25", Map.of(received, "200"));

        JsonNode r = start("rachel", made).json();
        assertThat(r.get("suppliers")).singleElement().satisfies(s -> {
            assertThat(s.get("supplier").asText()).isEqualTo("Gulf Coast Base Oils, Houston");
            assertThat(s.get("supplierLotNumber").asText()).isEqualTo("GCB-DRILL-1");
            assertThat(s.get("lotNumber").asText()).isEqualTo(received);
            assertThat(s.get("deliveryReference").asText()).isEqualTo("BOL-DRILL-1");
        });
        assertThat(lotsOf(r).get(received).get("role").asText()).isEqualTo("SOURCE");
        assertThat(dec(lotsOf(r).get(received).get("consumed"))).isEqualByComparingTo("200");
        // a drill on the received lot itself names its supplier too, and reaches the made lot downstream
        JsonNode own = start("rachel", received).json();
        assertThat(own.get("suppliers")).singleElement().satisfies(s -> assertThat(s.get("lotNumber").asText())
                .isEqualTo(received));
        assertThat(lotsOf(own).keySet()).containsExactlyInAnyOrder(received, made);
    }

    /**
     * Auditor finding (Low): after goods came back under a recall, the lot's line netted the returns out of
     * {@code shipped} while its customers still showed their gross shipments: 85 on hand + 25 at customers of a 100
     * drum lot, and no returned figure anywhere. Per customer and lot the drill now says shipped, received back and
     * still at the customer, and on hand + still at customers + consumed + disposed is the lot, in the JSON, the
     * Tasklist summary, the Console page and the PDF; a customer that sent everything back stays listed with 0.
     */
    @Test
    void goodsReceivedBackUnderARecallAreNoLongerAtTheirCustomerAndTheDrillAddsUp() throws IOException {
        String sku = api.createProduct("DRB");
        String lot = api.releasedLot(sku, new BigDecimal("100"), "2025-01-10");
        GenealogyFixture f = new GenealogyFixture(api, jdbc);
        f.ship("Acme Foods", lot, "12", "2025-01-20");
        f.ship("Bayou Hydraulics", lot, "5", "2025-01-21");
        f.ship("Acme Foods", lot, "5", "2025-01-22");
        f.ship("Cedar Mills", lot, "3", "2025-01-23");
        Response opened = api.post("rachel", "/api/recalls", Map.of("lots", List.of(lot), "reason",
                "Foreign matter", "classification", "CLASS_II"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        api.executeJobs();
        String recall = opened.json().get("recallNumber").asText();
        String receive = "/api/recalls/" + recall + "/received-returns";
        Response back = api.post("rachel", receive, TestClient.body("lotNumber", lot, "customer", "Acme Foods",
                "quantity", 10, "reference", "RMA-DRB-1"));
        assertThat(back.status()).as(back.toString()).isEqualTo(201);

        String number = start("rachel", lot).json().get("drillNumber").asText();
        JsonNode r = api.get("jennifer", "/api/mock-recalls/" + number).json();
        JsonNode line = lotsOf(r).get(lot);
        assertThat(dec(line.get("quantity"))).isEqualByComparingTo("100");
        assertThat(dec(line.get("onHand"))).isEqualByComparingTo("85");
        assertThat(dec(line.get("shipped"))).as("still out at customers").isEqualByComparingTo("15");
        assertThat(dec(line.get("receivedBack"))).isEqualByComparingTo("10");
        assertThat(dec(line.get("difference"))).isEqualByComparingTo("0");
        assertThat(r.get("customers")).extracting(c -> c.get("customer").asText())
                .containsExactly("Acme Foods", "Bayou Hydraulics", "Cedar Mills");
        Map<String, JsonNode> held = new LinkedHashMap<>();
        r.get("customers").forEach(c -> held.put(c.get("customer").asText(), c.get("lots").get(0)));
        assertThat(dec(held.get("Acme Foods").get("quantity"))).as("shipped").isEqualByComparingTo("17");
        assertThat(dec(held.get("Acme Foods").get("receivedBack"))).isEqualByComparingTo("10");
        assertThat(dec(held.get("Acme Foods").get("stillAtCustomer"))).isEqualByComparingTo("7");
        assertThat(dec(held.get("Bayou Hydraulics").get("quantity"))).isEqualByComparingTo("5");
        assertThat(dec(held.get("Bayou Hydraulics").get("receivedBack"))).isEqualByComparingTo("0");
        assertThat(dec(held.get("Bayou Hydraulics").get("stillAtCustomer"))).isEqualByComparingTo("5");
        assertThat(dec(held.get("Cedar Mills").get("stillAtCustomer"))).isEqualByComparingTo("3");
        assertThat(r.get("customers").get(0).get("returnsReceived")).singleElement().satisfies(b -> {
            assertThat(b.get("lotNumber").asText()).isEqualTo(lot);
            assertThat(dec(b.get("quantity"))).isEqualByComparingTo("10");
            assertThat(b.get("recallNumber").asText()).isEqualTo(recall);
            assertThat(b.get("reference").asText()).isEqualTo("RMA-DRB-1");
        });
        assertThat(r.get("customers").get(1).get("returnsReceived")).isEmpty();
        assertThat(addsUp(r, lot)).as("on hand + still at customers + consumed + disposed").isEqualByComparingTo("100");
        assertThat(r.get("findings")).isEmpty();

        // Cedar Mills sends all of its 3 back: still listed (the drill reached it), 0 there
        assertThat(api.post("rachel", receive, TestClient.body("lotNumber", lot, "customer", "Cedar Mills",
                "quantity", 3)).status()).isEqualTo(201);
        String second = start("rachel", lot).json().get("drillNumber").asText();
        JsonNode r2 = api.get("rachel", "/api/mock-recalls/" + second).json();
        assertThat(dec(lotsOf(r2).get(lot).get("onHand"))).isEqualByComparingTo("88");
        assertThat(dec(lotsOf(r2).get(lot).get("receivedBack"))).isEqualByComparingTo("13");
        JsonNode cedar = r2.get("customers").get(2);
        assertThat(cedar.get("customer").asText()).isEqualTo("Cedar Mills");
        assertThat(dec(cedar.get("lots").get(0).get("quantity"))).isEqualByComparingTo("3");
        assertThat(dec(cedar.get("lots").get(0).get("receivedBack"))).isEqualByComparingTo("3");
        assertThat(dec(cedar.get("lots").get(0).get("stillAtCustomer"))).isEqualByComparingTo("0");
        assertThat(addsUp(r2, lot)).isEqualByComparingTo("100");

        // the coordinator's task says the same in words
        JsonNode task = api.get("rachel", "/engine-rest/task?processInstanceBusinessKey=" + second).json().get(0);
        String summary = org.lotflow.support.Forms.shown(api.get("rachel", "/engine-rest/task/"
                + task.get("id").asText() + "/form-variables").json(), "drillSummary");
        assertThat(summary).contains("3 customers reached, 2 still holding goods of the scope",
                "= on hand 88 + still at customers 12 (25 shipped less 13 received back)",
                "customer Acme Foods: " + lot + " 17 drums shipped, 10 drums received back, 7 drums still at the"
                        + " customer", "customer Cedar Mills: " + lot + " 3 drums shipped, all received back",
                "customer Bayou Hydraulics: " + lot + " 5 drums shipped, none received back");
        // the Console page
        String page = org.lotflow.console.ConsoleSession.login(port, "rachel").get("/console/drills/" + second).html();
        assertThat(page).contains("data-shipped=\"17\"", "data-received-back=\"10\"",
                "data-still-at-customer=\"7\"", lot + ": 3 drums shipped, 3 drums received back, none destroyed at the"
                        + " customer, none still at the customer", // the four figures of its header (new user 26 F4)
                lot + ", " + recall + ", ", ", RMA-DRB-1: 10 drums");
        // the PDF: shipped, received back and still at the customer, and each receipt
        TestClient.Binary pdf = api.download("jennifer", "/api/mock-recalls/" + second, "application/pdf");
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("Still at the customer", "Received back at the plant under a recall",
                "Acme Foods " + lot + " drums 17 10 0 7", "Cedar Mills " + lot + " drums 3 3 0 0",
                "Bayou Hydraulics " + lot + " drums 5 0 0 5", "RMA-DRB-1 10 drums");
    }

    /** The drill's lot line: on hand + what its customers still hold + consumed + disposed. */
    private static BigDecimal addsUp(JsonNode report, String lotNumber) {
        JsonNode line = lotsOf(report).get(lotNumber);
        BigDecimal atCustomers = BigDecimal.ZERO;
        for (JsonNode c : report.get("customers")) {
            for (JsonNode l : c.get("lots")) {
                if (l.get("lotNumber").asText().equals(lotNumber)) {
                    atCustomers = atCustomers.add(dec(l.get("stillAtCustomer")));
                }
            }
        }
        return dec(line.get("onHand")).add(atCustomers).add(dec(line.get("consumed"))).add(dec(line.get("disposed")));
    }

    /** Answers a recall's notification of {@code customer}: reached, acknowledged, what it returned and destroyed. */
    private void answer(String recall, String customer, int returned, int destroyed) {
        Response answered = api.post("rachel", "/api/recalls/" + recall + "/notifications", TestClient.body(
                "customer", customer, "acknowledged", true, "contactMethod", "PHONE", "contactPerson", "Dana Ortiz",
                "quantityReturned", returned, "quantityDestroyed", destroyed));
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        api.executeJobs();
    }

    private String openRecall(String lot) {
        Response opened = api.post("rachel", "/api/recalls", Map.of("lots", List.of(lot), "reason",
                "Contaminated base oil", "classification", "CLASS_II"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        api.executeJobs();
        return opened.json().get("recallNumber").asText();
    }

    /**
     * Re-test R1 (Medium): the drill counted still at the customer as shipped less received back, ignoring what the
     * customer destroyed on site by its answer to the recall: Zed Corp, shipped 10 drums, answered "destroyed 10", then
     * 5 were received back: the drill said it still held 5, the recall nothing; Yew Ltd destroyed 5 of 15 and sent 5
     * back: the drill said 10, the recall 5. Per customer and lot the drill now says what was destroyed at the customer,
     * under which recall, and still at the customer as the recall counts it, so the two agree; the 5 drums Zed accounts
     * for beyond what it was shipped are a finding naming it and the figures; an answer for two lots together (Vale Co,
     * one notification for the drilled lot and one made from it) is shown as such, counted against neither; another
     * recall's answer for another lot counts for that lot only.
     */
    @Test
    void whatACustomerDestroyedUnderARecallIsNoLongerAtItAndTheDrillAgreesWithTheRecall() throws IOException {
        String sku = api.createProduct("DRZ");
        String lot = api.releasedLot(sku, new BigDecimal("100"), "2025-01-10");
        GenealogyFixture f = new GenealogyFixture(api, jdbc);
        String made = f.released(sku, "20", "2025-01-12", Map.of(lot, "20"));
        f.ship("Zed Corp", lot, "10", "2025-01-20");
        f.ship("Yew Ltd", lot, "15", "2025-01-21");
        f.ship("Vale Co", lot, "5", "2025-01-22");
        f.ship("Vale Co", made, "6", "2025-01-23");
        String other = api.releasedLot(sku, new BigDecimal("30"), "2025-01-11");
        f.ship("Zed Corp", other, "4", "2025-01-24");

        String recall = openRecall(lot);
        answer(recall, "Zed Corp", 0, 10);
        answer(recall, "Yew Ltd", 0, 5);
        answer(recall, "Vale Co", 0, 4);
        String receive = "/api/recalls/" + recall + "/received-returns";
        for (String customer : List.of("Zed Corp", "Yew Ltd")) {
            Response back = api.post("rachel", receive, TestClient.body("lotNumber", lot, "customer", customer,
                    "quantity", 5, "reference", "RMA-" + customer.charAt(0)));
            assertThat(back.status()).as(back.toString()).isEqualTo(201);
        }
        // a second recall, of another lot: Zed Corp destroyed the 4 drums of it
        String second = openRecall(other);
        answer(second, "Zed Corp", 0, 4);

        // what the recall says is still at its customers
        Map<String, BigDecimal> recallSays = new LinkedHashMap<>();
        api.get("rachel", "/api/recalls/" + recall).json().get("effectiveness").get("stillAtCustomers")
                .forEach(l -> recallSays.put(l.get("customer").asText(), dec(l.get("quantity"))));
        assertThat(recallSays).containsOnlyKeys("Yew Ltd", "Vale Co");

        String number = start("rachel", lot).json().get("drillNumber").asText();
        JsonNode r = api.get("jennifer", "/api/mock-recalls/" + number).json();
        Map<String, JsonNode> customers = new LinkedHashMap<>();
        r.get("customers").forEach(c -> customers.put(c.get("customer").asText(), c));
        assertThat(customers).containsOnlyKeys("Vale Co", "Yew Ltd", "Zed Corp");
        JsonNode zed = customers.get("Zed Corp").get("lots").get(0);
        assertThat(dec(zed.get("quantity"))).isEqualByComparingTo("10");
        assertThat(dec(zed.get("receivedBack"))).isEqualByComparingTo("5");
        assertThat(dec(zed.get("destroyedAtCustomer"))).isEqualByComparingTo("10");
        assertThat(dec(zed.get("stillAtCustomer"))).as("the recall: nothing left").isEqualByComparingTo("0");
        assertThat(customers.get("Zed Corp").get("destroyedAtCustomer")).singleElement().satisfies(d -> {
            assertThat(d.get("recallNumber").asText()).as("not the second recall's, of another lot").isEqualTo(recall);
            assertThat(d.get("lotNumbers")).extracting(JsonNode::asText).containsExactly(lot);
            assertThat(dec(d.get("quantity"))).isEqualByComparingTo("10");
        });
        JsonNode yew = customers.get("Yew Ltd").get("lots").get(0);
        assertThat(dec(yew.get("destroyedAtCustomer"))).isEqualByComparingTo("5");
        assertThat(dec(yew.get("stillAtCustomer"))).isEqualByComparingTo("5")
                .isEqualByComparingTo(recallSays.get("Yew Ltd"));
        // Vale Co's answer covers both lots together: shown so, counted against neither; less it, the recall's figure
        JsonNode vale = customers.get("Vale Co");
        BigDecimal valeStill = BigDecimal.ZERO;
        for (JsonNode l : vale.get("lots")) {
            assertThat(dec(l.get("destroyedAtCustomer"))).isEqualByComparingTo("0");
            valeStill = valeStill.add(dec(l.get("stillAtCustomer")));
        }
        assertThat(valeStill).isEqualByComparingTo("11");
        BigDecimal valeShipped = valeStill;
        assertThat(vale.get("destroyedAtCustomer")).singleElement().satisfies(d -> {
            assertThat(d.get("lotNumbers")).extracting(JsonNode::asText).containsExactlyInAnyOrder(lot, made);
            assertThat(valeShipped.subtract(dec(d.get("quantity")))).isEqualByComparingTo(recallSays.get("Vale Co"));
        });
        // the 5 drums beyond what Zed Corp was shipped are named, not hidden
        assertThat(r.get("findings")).extracting(JsonNode::asText).containsExactly("Zed Corp, lot " + lot + ": 15 drums"
                + " accounted for of 10 shipped (5 drums received back at the plant, 10 drums destroyed at the customer"
                + " by its answer to recall " + recall + "): 5 drums more than shipped, one of the figures is wrong");
        // on hand + still at customers + destroyed at customers + consumed + disposed: the lot and Zed's 5 too many
        JsonNode line = lotsOf(r).get(lot);
        assertThat(dec(line.get("onHand"))).isEqualByComparingTo("60");
        assertThat(dec(line.get("difference"))).isEqualByComparingTo("0");
        BigDecimal still = BigDecimal.ZERO;
        BigDecimal destroyed = BigDecimal.ZERO;
        for (JsonNode c : r.get("customers")) {
            for (JsonNode l : c.get("lots")) {
                if (l.get("lotNumber").asText().equals(lot)) {
                    still = still.add(dec(l.get("stillAtCustomer")));
                    destroyed = destroyed.add(dec(l.get("destroyedAtCustomer")));
                }
            }
        }
        assertThat(dec(line.get("onHand")).add(still).add(destroyed).add(dec(line.get("consumed")))
                .add(dec(line.get("disposed")))).isEqualByComparingTo("105");

        // the coordinator's task, the Console page and the PDF say the same
        JsonNode task = api.get("rachel", "/engine-rest/task?processInstanceBusinessKey=" + number).json().get(0);
        String summary = org.lotflow.support.Forms.shown(api.get("rachel", "/engine-rest/task/"
                + task.get("id").asText() + "/form-variables").json(), "drillSummary");
        assertThat(summary).contains("= on hand 60 + still at customers 10 + destroyed at customers 15 (30 shipped"
                + " less 10 received back)", "customer Zed Corp: " + lot + " 10 drums shipped, 5 drums received back,"
                + " 10 drums destroyed at the customer, none still at the customer",
                "customer Yew Ltd: " + lot + " 15 drums shipped, 5 drums received back, 5 drums destroyed at the"
                        + " customer, 5 drums still at the customer",
                "4 drums of " + lot + " and " + made + " together destroyed at the customer, by its answer to recall "
                        + recall + ", not said lot by lot");
        String page = org.lotflow.console.ConsoleSession.login(port, "rachel").get("/console/drills/" + number).html();
        assertThat(page).contains("data-destroyed-at-customer=\"10\"", "data-still-at-customer=\"0\"",
                "10 drums of " + lot + " destroyed at the customer, by its answer to recall " + recall);
        TestClient.Binary pdf = api.download("jennifer", "/api/mock-recalls/" + number, "application/pdf");
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.body())) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("Destroyed at the customer", "Zed Corp " + lot + " drums 10 5 10 0",
                "Yew Ltd " + lot + " drums 15 5 5 5", "Destroyed at the customer under a recall");
    }

    @Test
    void rightsAndBadInputAreRefusedAsProblems() {
        GenealogyFixture f = new GenealogyFixture(api, jdbc);
        String lot = f.released(api.createProduct("DRL"), "10", "2025-01-20", Map.of());
        assertThat(start("tom", lot).status()).isEqualTo(403);
        assertThat(start("jennifer", lot).status()).as("QA managers read drills, coordinators start them")
                .isEqualTo(403);
        assertThat(api.get("tom", "/api/mock-recalls").status()).isEqualTo(403);
        assertThat(api.get("sarah", "/api/mock-recalls").status()).isEqualTo(403);

        Response missing = api.post("rachel", "/api/mock-recalls", Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.isProblem()).isTrue();
        assertThat(missing.json().get("field").asText()).isEqualTo("lotNumber");
        Response unknown = start("rachel", "NO-SUCH-LOT");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
        assertThat(unknown.json().get("lotNumber").asText()).isEqualTo("NO-SUCH-LOT");
        assertThat(unknown.json().get("detail").asText()).contains("NO-SUCH-LOT");
        Response extra = api.post("rachel", "/api/mock-recalls", Map.of("lotNumber", lot, "status", "PASSED"));
        assertThat(extra.status()).isEqualTo(400);
        assertThat(api.get("rachel", "/api/mock-recalls/MR-1999-0001").status()).isEqualTo(404);
        assertThat(api.download("rachel", "/api/mock-recalls/MR-1999-0001", "application/pdf").status())
                .isEqualTo(404);

        String number = start("rachel", lot).json().get("drillNumber").asText();
        assertThat(api.get("jennifer", "/api/mock-recalls/" + number).status()).isEqualTo(200);
        assertThat(api.get("tom", "/api/mock-recalls/" + number).status()).isEqualTo(403);
        Response noAnswer = api.post("rachel", "/api/mock-recalls/" + number + "/review", Map.of("findings", "x"));
        assertThat(noAnswer.status()).isEqualTo(400);
        assertThat(noAnswer.json().get("field").asText()).isEqualTo("traceComplete");
        Response noFindings = api.post("rachel", "/api/mock-recalls/" + number + "/review",
                Map.of("traceComplete", true, "findings", " "));
        assertThat(noFindings.json().get("field").asText()).isEqualTo("findings");
        assertThat(api.post("jennifer", "/api/mock-recalls/" + number + "/review",
                Map.of("traceComplete", true, "findings", "none")).status()).isEqualTo(403);

        // the engine is no way around lotflow: mockRecall is started by a drill only
        Response viaEngine = api.post("rachel", "/engine-rest/process-definition/key/mockRecall/start",
                Map.of("businessKey", "MR-2025-9999"));
        assertThat(viaEngine.status()).isEqualTo(403);
        assertThat(viaEngine.json().get("detail").asText()).contains("POST /api/mock-recalls");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM mock_recall WHERE drill_number = 'MR-2025-9999'",
                Integer.class)).isZero();
    }
}
