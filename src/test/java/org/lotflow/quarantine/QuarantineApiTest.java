package org.lotflow.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.Forms;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@ApiTest
@RecordApplicationEvents
class QuarantineApiTest {

    @Autowired
    org.camunda.bpm.engine.HistoryService history;

    @Autowired
    TestClient api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    ManagementService managementService;

    @Autowired
    IdentityService identityService;

    @Autowired
    ApplicationEvents events;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    QuarantineFixture q;

    @BeforeEach
    void setUp() {
        q = new QuarantineFixture(api, jdbc);
    }

    private String releasedLot(String prefix) {
        return api.releasedLot(api.createProduct(prefix), new BigDecimal("500"), "2024-11-15");
    }

    private List<String> types(String lotNumber) {
        return q.history(lotNumber).findValues("type").stream().map(JsonNode::asText).toList();
    }

    @Test
    void theSeedsComplaintHoldInvestigateAndReleaseWithASignature() {
        String lot = releasedLot("QHOLD");
        q.seedOrders(lot, lot);

        Response held = q.hold("jennifer", lot, "Viscosity variation reported: batch viscosity 5% below specification");
        assertThat(held.status()).as(held.toString()).isEqualTo(202);
        JsonNode body = held.json();
        assertThat(body.get("status").asText()).isEqualTo("QUARANTINE");
        assertThat(body.get("processInstanceId").asText()).isNotBlank();
        JsonNode impact = body.get("impact");
        assertThat(impact.get("quantity").decimalValue()).isEqualByComparingTo("500");
        assertThat(impact.get("onHand").decimalValue()).isEqualByComparingTo("435");
        assertThat(impact.get("available").decimalValue()).isEqualByComparingTo("285");
        assertThat(impact.get("allocated").decimalValue()).isEqualByComparingTo("150");
        assertThat(impact.get("shipped").decimalValue()).isEqualByComparingTo("65");
        assertThat(impact.get("customers")).extracting(c -> c.get("customer").asText() + "=" + c.get("quantity")
                .decimalValue().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder("Metro Manufacturing=50", "Industrial Services Inc.=15");

        // the lot view shows the hold and its impact; allocations stay reserved
        JsonNode view = api.get("tom", "/api/lots/" + lot).json();
        assertThat(view.get("status").asText()).isEqualTo("QUARANTINE");
        assertThat(view.get("allocated").decimalValue()).isEqualByComparingTo("150");
        assertThat(view.get("hold").get("source").asText()).isEqualTo("COMPLAINT");
        assertThat(view.get("hold").get("placedByName").asText()).isEqualTo("Jennifer Lee");
        assertThat(view.get("hold").get("impact").get("customers")).hasSize(2);
        assertThat(view.get("investigation").get("stage").asText()).isEqualTo("INVESTIGATING");
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("quarantineInvestigation")
                .processInstanceBusinessKey(lot).count()).isEqualTo(1);

        // the investigation task shows the complaint and the impact assessment
        String investigate = q.taskId("sarah", lot, "investigateLot");
        JsonNode vars = api.get("sarah", "/engine-rest/task/" + investigate + "/form-variables").json();
        assertEveryPlaceholderHasAValue("investigateLot", vars);
        assertThat(org.lotflow.support.Forms.shown(vars, "holdReason")).contains("Viscosity variation");
        assertThat(org.lotflow.support.Forms.shown(vars, "impactAssessment")).contains("Metro Manufacturing")
                .contains("Allocated: 150").contains("Remaining on hand: 435");
        JsonNode task = api.get("sarah", "/engine-rest/task/" + investigate).json();
        assertThat(task.get("due").isNull()).isFalse();
        q.investigate("sarah", lot);
        assertThat(api.get("tom", "/api/lots/" + lot).json().get("investigation").get("stage").asText())
                .isEqualTo("AWAITING_DISPOSITION");

        String decide = q.taskId("jennifer", lot, "decideDisposition");
        JsonNode decideVars = api.get("jennifer", "/engine-rest/task/" + decide + "/form-variables").json();
        assertEveryPlaceholderHasAValue("decideDisposition", decideVars);
        assertThat(decideVars.get("investigatedByName").get("value").asText()).isEqualTo("Sarah Johnson (sarah)");
        assertThat(decideVars.get("findingsText").get("value").asText()).contains("249 cSt");
        // the results a RELEASE rests on, and no refusal ahead: a released lot with passing results (new user U4)
        assertThat(decideVars.get("labResultsText").get("value").asText()).contains("within specification")
                .contains(": PASS");
        assertThat(decideVars.get("releaseNote").get("value").asText()).isEqualTo("-");

        Response signed = q.dispose("jennifer", lot, Map.of("decision", "RELEASE", "justification",
                "Retained samples within specification; complaint caused by storage at the customer",
                "password", "jennifer"));
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        assertThat(signed.json().get("signedBy").asText()).isEqualTo("jennifer");
        assertThat(signed.json().get("fullName").asText()).isEqualTo("Jennifer Lee");
        assertThat(signed.json().get("meaning").asText()).isEqualTo("quarantine disposition: RELEASE");
        assertThat(signed.text()).doesNotContain("\"password\"");
        api.executeJobs();
        assertThat(q.status(lot)).isEqualTo("RELEASED");
        assertThat(api.get("tom", "/api/lots/" + lot).json().get("allocated").decimalValue())
                .isEqualByComparingTo("150");

        // the outcome is carried out, the customers are still to be told: the case is not closed yet
        assertThat(api.get("tom", "/api/lots/" + lot).json().get("investigation").get("stage").asText())
                .isEqualTo("FOLLOW_UP");
        String inform = q.taskId("jennifer", lot, "informCustomers");
        assertEveryPlaceholderHasAValue("informCustomers",
                api.get("jennifer", "/engine-rest/task/" + inform + "/form-variables").json());
        assertThat(org.lotflow.support.Forms.shown(api.get("jennifer", "/engine-rest/task/" + inform + "/form-variables").json(), "customerList")).contains("Industrial Services Inc.").contains("Metro Manufacturing");
        // the complaint that held it, so its customer is answered too (new user 2026-12-06 L4)
        assertThat(org.lotflow.support.Forms.shown(api.get("jennifer", "/engine-rest/task/" + inform
                + "/form-variables").json(), "holdTrigger")).isEqualTo("Held after a customer complaint (reference:"
                        + " Industrial Services Inc., complaint CC-2025-014): answer the customer who complained with"
                        + " this outcome too, whether or not it received this lot.");
        assertThat(q.submit("jennifer", inform, Map.of("customerNotice",
                "Phoned and e-mailed both customers on 2025-01-30: lot released")).status()).isEqualTo(204);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(lot)
                .processDefinitionKey("quarantineInvestigation").count()).isZero();
        assertThat(api.get("tom", "/api/lots/" + lot).json().get("investigation").get("stage").asText())
                .isEqualTo("CLOSED");

        JsonNode history = q.history(lot);
        assertThat(types(lot)).containsSubsequence("HOLD_PLACED", "STATUS_CHANGED", "INVESTIGATION_COMPLETED",
                "DISPOSITION_SIGNED", "STATUS_CHANGED", "CUSTOMERS_INFORMED");
        JsonNode quarantined = find(history, "STATUS_CHANGED", "QUARANTINE");
        assertThat(quarantined.get("previousStatus").asText()).isEqualTo("RELEASED");
        assertThat(quarantined.get("user").asText()).isEqualTo("jennifer");
        assertThat(quarantined.get("reason").asText()).contains("Viscosity variation");
        JsonNode placed = find(history, "HOLD_PLACED", null);
        assertThat(placed.get("detail").get("trigger").asText()).isEqualTo("COMPLAINT");
        assertThat(placed.get("detail").get("impact").get("shipped").decimalValue()).isEqualByComparingTo("65");
        JsonNode investigated = find(history, "INVESTIGATION_COMPLETED", null);
        assertThat(investigated.get("user").asText()).isEqualTo("sarah");
        assertThat(investigated.get("detail").get("rootCause").asText()).contains("Storage");
        JsonNode signature = find(history, "DISPOSITION_SIGNED", null).get("detail").get("signature");
        assertThat(signature.get("userId").asText()).isEqualTo("jennifer");
        assertThat(signature.get("fullName").asText()).isEqualTo("Jennifer Lee");
        assertThat(signature.get("meaning").asText()).isEqualTo("quarantine disposition: RELEASE");
        assertThat(signature.get("at").asText()).isNotBlank();
        JsonNode released = find(history, "STATUS_CHANGED", "RELEASED");
        assertThat(released.get("user").asText()).isEqualTo("jennifer");
        assertThat(released.get("previousStatus").asText()).isEqualTo("QUARANTINE");
        // the decision in words, the code staying the detail's (new user round 25 N2: "disposition RELEASE signed by")
        assertThat(released.get("reason").asText()).startsWith("Quarantine disposition: release, signed by Jennifer"
                + " Lee: ");
        assertThat(released.get("detail").get("disposition").asText()).isEqualTo("RELEASE");
        assertThat(find(history, "CUSTOMERS_INFORMED", null).get("detail").get("customers")).hasSize(2);
        assertThat(find(history, "CUSTOMERS_INFORMED", null).get("detail").get("outcome").asText()).isEqualTo("RELEASE");
        // the lot's audit trail on the Console: the trigger and the outcome in the forms' words, not the codes
        String page = org.lotflow.console.ConsoleSession.login(port, "tom").get("/console/lots/" + lot).html();
        assertThat(page).contains("<dt>trigger</dt><dd>Customer complaint</dd>").contains("<dt>outcome</dt><dd>Release</dd>")
                .contains("Quarantine disposition: release, signed by Jennifer Lee: ")
                .doesNotContain("<dd>COMPLAINT</dd>").doesNotContain("<dd>RELEASE</dd>");

        // released again, the lot may be held again on a new complaint
        assertThat(q.hold("sarah", lot, "Second complaint").status()).isEqualTo(202);
        // the first hold, its findings and its signed release stay in view: the lot's page and the second
        // investigation's and disposition's forms (new user 2026-12-07 F18)
        JsonNode earlier = api.get("tom", "/api/lots/" + lot).json().get("earlierHolds");
        assertThat(earlier).hasSize(1);
        assertThat(earlier.get(0).get("reason").asText()).contains("Viscosity variation");
        assertThat(earlier.get(0).get("disposition").get("decision").asText()).isEqualTo("RELEASE");
        assertThat(earlier.get(0).get("disposition").get("signedByName").asText()).isEqualTo("Jennifer Lee");
        assertThat(org.lotflow.console.ConsoleSession.login(port, "tom").get("/console/lots/" + lot).html())
                .contains("id=\"earlier-holds\"").contains("Disposition Release, signed by Jennifer Lee")
                // a new sentence after a full stop (new user 2026-12-07 F7: "tank.; root cause")
                .contains("customer&#39;s tank. Root cause: Storage");
        String again = q.taskId("sarah", lot, "investigateLot");
        JsonNode againVars = api.get("sarah", "/engine-rest/task/" + again + "/form-variables").json();
        assertEveryPlaceholderHasAValue("investigateLot", againVars);
        assertThat(org.lotflow.support.Forms.shown(againVars, "heldBefore")).contains("Viscosity variation")
                .contains("disposition: release, signed by Jennifer Lee (jennifer)").contains("tank. Root cause: Storage");
        assertThat(org.lotflow.support.Forms.shown(vars, "heldBefore")).isEqualTo("Never held before.");
    }

    /** Every {{placeholder}} of the form's text has a value on the task (set by its create listener). */
    private static void assertEveryPlaceholderHasAValue(String formId, JsonNode formVariables) {
        boolean embedded = java.nio.file.Files.exists(java.nio.file.Path.of("forms", formId + ".html"));
        for (String name : embedded ? Forms.embeddedShown(formId) : Forms.placeholders(Forms.form(formId))) {
            assertThat(formVariables.has(name)).as(formId + ": {{" + name + "}} in " + formVariables).isTrue();
            assertThat(formVariables.get(name).get("value").isNull()).as(formId + ": " + name).isFalse();
        }
    }

    private static JsonNode find(JsonNode history, String type, String newStatus) {
        JsonNode found = null;
        for (JsonNode e : history) {
            if (e.get("type").asText().equals(type)
                    && (newStatus == null || newStatus.equals(e.path("newStatus").asText()))) {
                found = e;
            }
        }
        assertThat(found).as(type + " " + newStatus + " in " + history).isNotNull();
        return found;
    }

    /**
     * Auditor 2026-12-06 G1: a lot shipped to about 90 customers with long names could not be held (its impact
     * assessment, every customer with its shipments, outgrew the history event's 16,000 characters: 400, and the lot
     * stayed RELEASED). 150 customers of 200-character names: held, and the trail names every one of them.
     */
    @Test
    void aLotShippedToManyCustomersIsHeldWithItsWholeImpact() {
        String lot = releasedLot("QMANY");
        q.seedShipmentsToManyCustomers(lot, 150);
        Response held = q.hold("jennifer", lot, "Complaint from a customer: particles in the drum");
        assertThat(held.status()).as(held.toString().substring(0, Math.min(400, held.toString().length())))
                .isEqualTo(202);
        assertThat(held.json().get("impact").get("customers")).hasSize(150);
        assertThat(api.get("tom", "/api/lots/" + lot).json().get("status").asText()).isEqualTo("QUARANTINE");
        String detail = jdbc.queryForObject("SELECT e.detail FROM lot_event e JOIN lot l ON l.id = e.lot_id WHERE"
                + " l.lot_number = ? AND e.type = 'HOLD_PLACED'", String.class, lot);
        assertThat(detail.length()).isGreaterThan(16000);
        assertThat(detail).contains("Customer 001 ").contains("Customer 150 ");
        String investigate = q.taskId("sarah", lot, "investigateLot");
        JsonNode vars = api.get("sarah", "/engine-rest/task/" + investigate + "/form-variables").json();
        // the form shows what a person reads before deciding, and says where the rest is (TaskForm.fitted)
        assertThat(org.lotflow.support.Forms.shown(vars, "impactAssessment")).contains("Customer 001 ")
                .containsPattern("\\d+ more lines not shown here: lotflow's API has the complete");
    }

    @Test
    void aLongReasonIsKeptWholeInTheLotsHistory() {
        String lot = releasedLot("QLONG");
        // the longest reason a hold takes: the history event adds its own words around it
        String reason = ("Customer complaint: " + "viscosity out of range in drum samples; ".repeat(60))
                .substring(0, 1999) + ".";
        Response hold = api.post("sarah", "/api/lots/" + lot + "/holds", Map.of("reason", reason, "source", "COMPLAINT"));
        assertThat(hold.status()).as(hold.toString().substring(0, 200)).isEqualTo(202);
        JsonNode history = api.get("sarah", "/api/lots/" + lot + "/history").json();
        boolean whole = false;
        for (JsonNode e : history) {
            whole |= e.hasNonNull("reason") && e.get("reason").asText().contains(reason.strip());
        }
        assertThat(whole).as("the whole reason in " + history).isTrue();
    }

    @Test
    void holdRefusesBadInputRolesAndStatesAndChangesNothing() {
        String lot = releasedLot("QBAD");
        String path = "/api/lots/" + lot + "/holds";
        Response sales = api.post("tom", path, Map.of("reason", "x"));
        assertThat(sales.status()).isEqualTo(403);
        assertThat(sales.isProblem()).isTrue();
        assertThat(api.post("mike", path, Map.of("reason", "x")).status()).isEqualTo(403);
        assertThat(api.post("rachel", path, Map.of("reason", "x")).status()).isEqualTo(403);
        Response unknown = api.post("sarah", "/api/lots/NOPE-404/holds", Map.of("reason", "x"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();

        Response empty = api.post("sarah", path, Map.of("reason", "  ", "source", "COMPLAINT"));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("field").asText()).isEqualTo("reason");
        Response noReason = api.post("sarah", path, Map.of("source", "COMPLAINT"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("field").asText()).isEqualTo("reason");
        Response onReceipt = api.post("sarah", path, Map.of("reason", "x", "source", "RECEIPT"));
        assertThat(onReceipt.status()).as("a produced lot is not held on receipt: " + onReceipt).isEqualTo(400);
        assertThat(onReceipt.json().get("field").asText()).isEqualTo("source");
        assertThat(onReceipt.json().get("reason").asText()).contains("received from a supplier");
        Response recalledMaterial = api.post("sarah", path, Map.of("reason", "x", "source", "RECALLED_MATERIAL"));
        assertThat(recalledMaterial.status()).as("lotflow alone holds for recalled material: " + recalledMaterial)
                .isEqualTo(400);
        assertThat(recalledMaterial.json().get("field").asText()).isEqualTo("source");
        assertThat(recalledMaterial.json().get("reason").asText()).contains("placed by lotflow when a recall stops");
        Response badSource = api.post("sarah", path, Map.of("reason", "x", "source", "RUMOUR"));
        assertThat(badSource.status()).isEqualTo(400);
        assertThat(badSource.isProblem()).isTrue();
        assertThat(badSource.json().get("field").asText()).isEqualTo("source");
        assertThat(badSource.json().get("reason").asText()).contains("COMPLAINT");
        Response unknownField = api.post("sarah", path, Map.of("reason", "x", "priority", "high"));
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().get("field").asText()).isEqualTo("priority");
        assertThat(unknownField.json().get("reason").asText()).contains("unknown field");
        assertThat(api.post("sarah", path, "not json").status()).isEqualTo(400);
        Response tooLong = api.post("sarah", path, Map.of("reason", "x".repeat(2001)));
        assertThat(tooLong.status()).isEqualTo(400);

        assertThat(q.status(lot)).isEqualTo("RELEASED");
        assertThat(types(lot)).doesNotContain("HOLD_PLACED");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(lot)
                .processDefinitionKey("quarantineInvestigation").count()).isZero();

        // source and reference are optional (contract: {reason, source?, reference?})
        assertThat(api.post("sarah", path, Map.of("reason", "Drum leaking")).status()).isEqualTo(202);
        assertThat(api.get("sarah", "/api/lots/" + lot).json().get("hold").get("source").asText()).isEqualTo("OTHER");
        // held already: 409, and still one investigation
        Response again = q.hold("jennifer", lot, "another complaint");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("already held");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(lot)
                .processDefinitionKey("quarantineInvestigation").count()).isEqualTo(1);

        // a PENDING lot belongs to its lab release
        String sku = api.createProduct("QPEND");
        String pending = api.createLot(sku, new BigDecimal("100"), "2025-01-20");
        Response pendingHold = q.hold("sarah", pending, "suspicious");
        assertThat(pendingHold.status()).isEqualTo(409);
        assertThat(pendingHold.json().get("detail").asText()).contains("lab release");
        assertThat(q.status(pending)).isEqualTo("PENDING");

        // a REJECTED lot cannot be held
        String rejected = api.createLot(sku, new BigDecimal("100"), "2025-01-20");
        // (an out-of-specification result alone never rejects: the QA manager refuses the release)
        api.post("sarah", "/api/lots/" + rejected + "/lab-results", Map.of("results",
                List.of(Map.of("test", "viscosity", "value", 250), Map.of("test", "flashPoint", "value", 225))));
        String approval = api.get("jennifer", "/engine-rest/task?processInstanceBusinessKey=" + rejected
                + "&taskDefinitionKey=approveRelease").json().get(0).get("id").asText();
        assertThat(api.post("jennifer", "/engine-rest/task/" + approval + "/complete", Map.of("variables", Map.of(
                "approved", Map.of("value", false), "comment", Map.of("value", "Retained sample missing")))).status())
                .isEqualTo(204);
        api.executeJobs();
        assertThat(q.status(rejected)).isEqualTo("REJECTED");
        Response rejectedHold = q.hold("sarah", rejected, "x");
        assertThat(rejectedHold.status()).isEqualTo(409);
        assertThat(rejectedHold.json().get("detail").asText()).contains("REJECTED");
    }

    /**
     * New user 2026-12-07 F3: "Inform customers" said "RELEASE (lot status RELEASED), complaint not confirmed" after the
     * lot had been recalled; the form now reads the lot as it is and says what changed since the decision.
     */
    @Test
    void informingCustomersAfterALaterRecallSaysTheLotIsRecalled() {
        String lot = releasedLot("QINF");
        q.seedOrders(lot, lot);
        assertThat(q.hold("sarah", lot, "Customer reports dark colour").status()).isEqualTo(202);
        q.investigate("sarah", lot);
        assertThat(q.dispose("jennifer", lot, Map.of("decision", "RELEASE", "justification",
                "Retained samples within specification", "password", "jennifer")).status()).isEqualTo(200);
        api.executeJobs();
        String inform = q.taskId("jennifer", lot, "informCustomers");
        JsonNode before = api.get("jennifer", "/engine-rest/task/" + inform + "/form-variables").json();
        assertThat(before.get("lotStatus").get("value").asText()).isEqualTo("RELEASED");
        assertThat(before.get("statusNotice").get("value").asText()).isEmpty();
        // the outcome in words (new user round 24 N7: "RELEASE (lot status RELEASED)")
        assertThat(before.get("outcomeText").get("value").asText().replace("\\", ""))
                .isEqualTo("Release (the lot is released)");

        Response recalled = api.post("rachel", "/api/recalls", Map.of("lots", List.of(lot), "reason",
                "Supplier base oil contaminated", "classification", "CLASS_II"));
        assertThat(recalled.status()).as(recalled.toString()).isIn(201, 202);
        JsonNode after = api.get("jennifer", "/engine-rest/task/" + inform + "/form-variables").json();
        assertThat(after.get("lotStatus").get("value").asText()).isEqualTo("RECALLED");
        assertThat(after.get("outcomeText").get("value").asText().replace("\\", ""))
                .isEqualTo("Release (the lot is recalled)");
        assertThat(after.get("statusNotice").get("value").asText().replace("\\", "")) // escaped for the Markdown
                .startsWith("Since this decision the lot has become recalled (2025-01-28 ")
                .contains("the recall tells them what to do with the lot");
    }

    @Test
    void twoConcurrentHoldsOfOneLotStartOneInvestigation() throws Exception {
        String lot = releasedLot("QRACE");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Response>> answers = new java.util.ArrayList<>();
            for (String user : List.of("sarah", "jennifer")) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return q.hold(user, lot, "Complaint received by " + user);
                }));
            }
            go.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS).status());
            }
            assertThat(statuses).containsExactlyInAnyOrder(202, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(lot)
                .processDefinitionKey("quarantineInvestigation").count()).isEqualTo(1);
        assertThat(types(lot).stream().filter("HOLD_PLACED"::equals).count()).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM lot_hold h JOIN lot l ON l.id = h.lot_id WHERE l.lot_number = ?", lot))
                .isEqualTo(1);
    }

    /**
     * Auditor 2026-12-05 A6: a held lot recalled meanwhile got a QA manager's signed RELEASE (answered 200), then "not
     * applied". Now the RELEASE is refused before the signature; a REJECT closes the hold and the lot stays RECALLED.
     */
    @Test
    void aHeldLotRecalledMeanwhileIsNotReleasedByItsDisposition() {
        String lot = releasedLot("QRCL");
        assertThat(q.hold("sarah", lot, "Customer reports dark colour").status()).isEqualTo(202);
        q.investigate("sarah", lot);
        Response recalled = api.post("rachel", "/api/recalls", Map.of("lots", List.of(lot), "reason",
                "Supplier contamination", "classification", "CLASS_II"));
        assertThat(recalled.status()).as(recalled.toString()).isEqualTo(201);
        assertThat(q.status(lot)).isEqualTo("RECALLED");

        Response release = q.dispose("jennifer", lot, Map.of("decision", "RELEASE", "justification", "Colour fine",
                "password", "jennifer"));
        assertThat(release.status()).as(release.toString()).isEqualTo(409);
        assertThat(release.json().get("detail").asText()).startsWith("Lot " + lot + " is RECALLED now and can no"
                + " longer be released; nothing was signed");
        assertThat(types(lot)).doesNotContain("DISPOSITION_SIGNED");

        Response reject = q.dispose("jennifer", lot, Map.of("decision", "REJECT", "justification",
                "Recalled; not to be used", "password", "jennifer"));
        assertThat(reject.status()).as(reject.toString()).isEqualTo(200);
        api.executeJobs();
        assertThat(q.status(lot)).isEqualTo("RECALLED");
        assertThat(types(lot)).contains("DISPOSITION_SIGNED", "DISPOSITION_NOT_APPLIED");
        // the REJECT not applied leaves no task: the recall's closing disposes of the stock and its notifications
        // inform the customers; a confirmDisposal task here refused every completion for good (auditor 2026-12-06 C-m)
        assertThat(api.get("jennifer", "/engine-rest/task?processInstanceBusinessKey=" + lot).json()).isEmpty();
        assertThat(api.get("demo", "/engine-rest/process-instance?processDefinitionKey=quarantineInvestigation"
                + "&businessKey=" + lot).json()).isEmpty();
        List<String> instances = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(lot)
                .processDefinitionKey("quarantineInvestigation").list().stream()
                .map(org.camunda.bpm.engine.history.HistoricProcessInstance::getId).toList();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceIds(new java.util.HashSet<>(instances))
                .unfinished().count()).isZero();
        List<String> activities = history.createHistoricActivityInstanceQuery().list().stream()
                .filter(a -> instances.contains(a.getProcessInstanceId()))
                .map(org.camunda.bpm.engine.history.HistoricActivityInstance::getActivityId).toList();
        assertThat(activities).contains("rejectHeldLot", "EndEvent_Released").doesNotContain("confirmDisposal",
                "informCustomers");
    }

    /**
     * Auditor 2026-12-06 X9: a recall committing while the RELEASE was being signed: the disposition read the lot before
     * the recall's commit, signed, answered 200 and was not applied. Now it reads the status under the lot's row lock:
     * it waits for the recall (here a transaction holding the row while it marks the lot RECALLED) and is 409 unsigned.
     */
    @Test
    void aReleaseRacingARecallWaitsForItAndIsRefusedUnsigned(
            @Autowired org.springframework.transaction.PlatformTransactionManager transactions) throws Exception {
        String lot = releasedLot("QRCR");
        assertThat(q.hold("sarah", lot, "Customer reports dark colour").status()).isEqualTo(202);
        q.investigate("sarah", lot);
        java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService recall = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<?> committed = recall.submit(() ->
                    new org.springframework.transaction.support.TransactionTemplate(transactions).executeWithoutResult(tx -> {
                        jdbc.update("UPDATE lot SET status = 'RECALLED' WHERE lot_number = ?", lot);
                        locked.countDown();
                        try {
                            Thread.sleep(1500); // the disposition arrives while the row is held
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }));
            locked.await();
            Response release = q.dispose("jennifer", lot, Map.of("decision", "RELEASE", "justification",
                    "Colour fine", "password", "jennifer"));
            committed.get();
            // the recall's status with the event lotflow would have written (the audit check compares them; audit 29 F2)
            org.lotflow.support.TrailedEdits.status(jdbc, lot, "RECALLED", null);
            committed.get();
            assertThat(release.status()).as(release.toString()).isEqualTo(409);
            assertThat(release.json().get("detail").asText()).contains("RECALLED now").contains("nothing was signed");
        } finally {
            recall.shutdownNow();
        }
        assertThat(types(lot)).doesNotContain("DISPOSITION_SIGNED");
    }

    @Test
    void dispositionRefusesBadSignaturesAndChangesNothing() {
        String lot = releasedLot("QSIG");
        assertThat(q.hold("sarah", lot, "Customer reports dark colour").status()).isEqualTo(202);
        String path = "/api/lots/" + lot + "/disposition";
        Map<String, Object> good = Map.of("decision", "RELEASE", "justification", "Colour within spec",
                "password", "jennifer");
        // before the investigation is recorded there is nothing to decide
        Response early = api.post("jennifer", path, good);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("detail").asText()).contains("investigateLot");
        q.investigate("sarah", lot);

        assertThat(api.post("sarah", path, Map.of("decision", "RELEASE", "justification", "ok", "password", "sarah"))
                .status()).isEqualTo(403);
        assertThat(api.post("jennifer", "/api/lots/NOPE-1/disposition", good).status()).isEqualTo(404);
        Response unknownDecision = api.post("jennifer", path, Map.of("decision", "SELL_CHEAP", "justification", "x",
                "password", "jennifer"));
        assertThat(unknownDecision.status()).isEqualTo(400);
        assertThat(unknownDecision.json().get("field").asText()).isEqualTo("decision");
        assertThat(unknownDecision.json().get("reason").asText()).contains("RELEASE");
        Response noJustification = api.post("jennifer", path, Map.of("decision", "RELEASE", "justification", " ",
                "password", "jennifer"));
        assertThat(noJustification.status()).isEqualTo(400);
        assertThat(noJustification.json().get("field").asText()).isEqualTo("justification");
        Response noPassword = api.post("jennifer", path, Map.of("decision", "RELEASE", "justification", "ok"));
        assertThat(noPassword.status()).isEqualTo(400);
        assertThat(noPassword.json().get("field").asText()).isEqualTo("password");
        Response badClass = api.post("jennifer", path, Map.of("decision", "RECALL", "justification", "ok",
                "password", "jennifer", "classification", "CLASS_IV"));
        assertThat(badClass.status()).isEqualTo(400);
        assertThat(badClass.json().get("field").asText()).isEqualTo("classification");
        Response unknownField = api.post("jennifer", path, Map.of("decision", "RELEASE", "justification", "ok",
                "password", "jennifer", "signature", "x"));
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().get("field").asText()).isEqualTo("signature");
        Response wrongPassword = api.post("jennifer", path, Map.of("decision", "RELEASE", "justification", "ok",
                "password", "not-jennifers"));
        assertThat(wrongPassword.status()).isEqualTo(403);
        assertThat(wrongPassword.isProblem()).isTrue();
        assertThat(wrongPassword.json().get("title").asText()).isEqualTo("Signature refused");
        assertThat(wrongPassword.text()).doesNotContain("not-jennifers");

        assertThat(q.status(lot)).isEqualTo("QUARANTINE");
        assertThat(types(lot)).doesNotContain("DISPOSITION_SIGNED");
        q.taskId("jennifer", lot, "decideDisposition"); // still open
        assertThat(api.get("tom", "/api/lots/" + lot).json().get("investigation").has("disposition")).isFalse();

        assertThat(api.post("jennifer", path, good).status()).isEqualTo(200);
        // decided once
        assertThat(api.post("jennifer", path, good).status()).isEqualTo(409);
    }

    /**
     * Auditor's re-test 2026-12-06 R2: a lot released by its quarantine disposition on or after its expiration date
     * stayed RELEASED (listed as such, though no longer allocatable); it becomes EXPIRED, without a certificate
     * (audit 26 F3: straight from QUARANTINE, recorded with the signature).
     */
    @Test
    void aDispositionReleaseOnOrAfterTheExpirationDateLeavesTheLotExpired() {
        String lot = releasedLot("QEXP");
        assertThat(q.hold("jennifer", lot, "Complaint: particles reported in one drum").status()).isEqualTo(202);
        q.investigate("sarah", lot);
        jdbc.update("UPDATE lot SET expiration_date = DATE '2025-01-28' WHERE lot_number = ?", lot);
        Response release = api.post("jennifer", "/api/lots/" + lot + "/disposition", Map.of("decision", "RELEASE",
                "justification", "Particles came from the sampling tool; retained samples within specification",
                "password", "jennifer"));
        assertThat(release.status()).as(release.toString()).isEqualTo(200);
        api.executeJobs();
        assertThat(q.status(lot)).isEqualTo("EXPIRED");
        // QUARANTINE -> EXPIRED in one change that names the signature, never RELEASED for a moment (audit 26 F3), so
        // no certificate is issued for it
        JsonNode expired = find(q.history(lot), "STATUS_CHANGED", "EXPIRED");
        assertThat(expired.get("previousStatus").asText()).isEqualTo("QUARANTINE");
        assertThat(expired.get("reason").asText()).startsWith("Quarantine disposition: release, signed by Jennifer Lee");
        assertThat(q.history(lot).findValues("newStatus").stream().map(JsonNode::asText).filter("RELEASED"::equals)
                .count()).as("released by its lab release only").isEqualTo(1);
        assertThat(types(lot).stream().filter("CERTIFICATE_ISSUED"::equals).count()).isEqualTo(1);
    }

    @Test
    void fourEyesTheInvestigatorCannotReleaseButMayRejectAndTheLotIsDisposedOf() {
        String lot = releasedLot("QFOUR");
        assertThat(q.hold("jennifer", lot, "Flash point test failed on retest").status()).isEqualTo(202);
        q.investigate("jennifer", lot);
        // the form tells her before she signs, and only her (new user 2026-12-07 F11)
        String decide = q.taskId("jennifer", lot, "decideDisposition");
        JsonNode hers = api.get("jennifer", "/engine-rest/task/" + decide + "/form-variables").json();
        // the trigger in words, as the Console says it (new user 2026-12-07 L5)
        assertThat(hers.get("holdSource").get("value").asText()).isEqualTo("Customer complaint");
        assertThat(hers.get("fourEyesNotice").get("value").asText()).isEqualTo("Four eyes: you investigated lot "
                + lot + " and may not also sign its release; you may still reject or recall it (another person of"
                + " your group signs the other decision).");
        JsonNode annas = api.get("anna", "/engine-rest/task/" + decide + "/form-variables").json();
        assertThat(annas.get("fourEyesNotice").get("value").asText()).isEmpty();
        assertThat(hers.fieldNames()).toIterable().noneMatch(name -> name.contains("@"));
        assertThat(annas.fieldNames()).toIterable().noneMatch(name -> name.contains("@"));
        String path = "/api/lots/" + lot + "/disposition";
        Response self = api.post("jennifer", path, Map.of("decision", "RELEASE", "justification", "fine",
                "password", "jennifer"));
        assertThat(self.status()).isEqualTo(403);
        assertThat(self.json().get("detail").asText()).contains("Four-eyes");
        assertThat(q.status(lot)).isEqualTo("QUARANTINE");

        Response reject = api.post("jennifer", path, Map.of("decision", "REJECT", "justification",
                "Flash point 212 °C below the 220 °C minimum", "password", "jennifer"));
        assertThat(reject.status()).as(reject.toString()).isEqualTo(200);
        api.executeJobs();
        assertThat(q.status(lot)).isEqualTo("REJECTED");
        // nobody received the lot: nobody to inform, straight to the disposal
        assertThat(api.get("jennifer", "/engine-rest/task?processInstanceBusinessKey=" + lot
                + "&taskDefinitionKey=informCustomers").json()).isEmpty();
        // production confirms the disposal, told why (new user 2026-12-07 L7)
        String disposal = q.taskId("mike", lot, "confirmDisposal");
        assertThat(org.lotflow.support.Forms.shown(api.get("mike", "/engine-rest/task/" + disposal + "/form-variables")
                .json(), "rejectedBecause")).startsWith("disposition: reject, signed by Jennifer Lee (jennifer) at ")
                .contains("after the hold (Customer complaint: Flash point test failed on retest)")
                .endsWith(": Flash point 212 °C below the 220 °C minimum");
        assertEveryPlaceholderHasAValue("confirmDisposal",
                api.get("mike", "/engine-rest/task/" + disposal + "/form-variables").json());
        assertThat(org.lotflow.support.Forms.shown(api.get("mike", "/engine-rest/task/" + disposal + "/form-variables").json(), "onHand")).isEqualTo("500 drums");
        assertThat(q.submit("mike", disposal, Map.of("disposalMethod", "DESTROYED", "disposalReference",
                "WM-2025-0042", "figuresShown", api.figuresShown("mike", disposal))).status()).isEqualTo(204);
        JsonNode history = q.history(lot);
        JsonNode disposed = find(history, "DISPOSAL_CONFIRMED", null);
        assertThat(disposed.get("user").asText()).isEqualTo("mike");
        assertThat(disposed.get("detail").get("reference").asText()).isEqualTo("WM-2025-0042");
        assertThat(find(history, "STATUS_CHANGED", "REJECTED").get("reason").asText())
                .startsWith("Quarantine disposition: reject, signed by Jennifer Lee: ");
        // a rejected lot cannot be held again
        assertThat(q.hold("sarah", lot, "again").status()).isEqualTo(409);
    }

    @Test
    void recallMakesTheLotRecalledAndHandsOverToTheRecallModule() {
        String lot = releasedLot("QRECALL");
        assertThat(q.hold("sarah", lot, "Regulator reports contamination").status()).isEqualTo(202);
        q.investigate("sarah", lot);
        Response recall = q.dispose("jennifer", lot, Map.of("decision", "RECALL", "justification",
                "Contamination confirmed in retained samples", "password", "jennifer"));
        assertThat(recall.status()).as(recall.toString()).isEqualTo(200);
        assertThat(recall.json().get("classification").asText()).isEqualTo("CLASS_II");
        assertThat(events.stream(RecallRequested.class)).isEmpty(); // the outcome runs after the save point
        api.executeJobs();
        assertThat(q.status(lot)).isEqualTo("RECALLED");
        List<RecallRequested> requested = events.stream(RecallRequested.class).filter(r -> r.lotNumber().equals(lot))
                .toList();
        assertThat(requested).hasSize(1);
        assertThat(requested.get(0).classification()).isEqualTo("CLASS_II");
        assertThat(requested.get(0).requestedBy()).isEqualTo("jennifer");
        assertThat(requested.get(0).reason()).isEqualTo("Contamination confirmed in retained samples");
        assertThat(types(lot)).contains("RECALL_REQUESTED");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(lot)
                .processDefinitionKey("quarantineInvestigation").count()).isZero();

        // the recall module took over in the same transaction: a recall of this lot, signed by Jennifer
        JsonNode recalls = api.get("rachel", "/api/lots/" + lot).json().get("recalls");
        assertThat(recalls).hasSize(1);
        String recallNumber = recalls.get(0).get("recallNumber").asText();
        JsonNode opened = api.get("rachel", "/api/recalls/" + recallNumber).json();
        assertThat(opened.get("classification").asText()).isEqualTo("CLASS_II");
        assertThat(opened.get("openedBy").asText()).isEqualTo("jennifer");
        // the disposition set the lot RECALLED itself: it is this recall's recalled lot, not a skipped one
        JsonNode affected = opened.get("lots").get(0);
        assertThat(affected.get("lotNumber").asText()).isEqualTo(lot);
        assertThat(affected.get("action").asText()).isEqualTo("RECALLED");
        assertThat(affected.get("previousStatus").asText()).isEqualTo("QUARANTINE");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(recallNumber)
                .processDefinitionKey("lotRecall").count()).isEqualTo(1);
    }

    @Test
    void unidentifiedStockIsQuarantinedWhenCreated() {
        String sku = api.createProduct("QUNID");
        Response created = api.post("mike", "/api/lots", Map.of("sku", sku, "quantity", 40, "manufactureDate",
                "2025-01-10", "location", "Warehouse B, dock 2", "source", "UNIDENTIFIED_STOCK"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String lot = created.json().get("lotNumber").asText();
        assertThat(created.json().get("status").asText()).isEqualTo("QUARANTINE");
        JsonNode view = api.get("sarah", "/api/lots/" + lot).json();
        assertThat(view.get("status").asText()).isEqualTo("QUARANTINE");
        assertThat(view.get("hold").get("source").asText()).isEqualTo("UNIDENTIFIED_STOCK");
        assertThat(view.get("investigation").get("stage").asText()).isEqualTo("INVESTIGATING");
        q.taskId("sarah", lot, "investigateLot");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(lot)
                .processDefinitionKey("lotRelease").count()).isZero();
        assertThat(types(lot)).containsExactly("CREATED", "HOLD_PLACED", "STATUS_CHANGED");
        JsonNode status = q.history(lot).get(2);
        assertThat(status.get("previousStatus").asText()).isEqualTo("PENDING");
        assertThat(status.get("newStatus").asText()).isEqualTo("QUARANTINE");
        assertThat(status.get("user").asText()).isEqualTo("mike");
    }

    @Test
    void theTasklistStartFormHoldsWithTheSameChecks() {
        String lot = releasedLot("QSTART");
        String start = "/engine-rest/process-definition/key/quarantineInvestigation/submit-form";
        Map<String, Object> form = Map.of("variables", Map.of(
                "lotNumber", Map.of("value", lot), "source", Map.of("value", "TEST_FAILURE"),
                "reason", Map.of("value", "Stability test failed at 3 months"),
                "reference", Map.of("value", "QC-2025-007")));
        // production may not start it (lotflow itself starts the hold of unidentified stock and of a lot received into
        // quarantine), and is told the one rule: only QA (audit 29 F5: a start right for Production, then a refusal)
        Response byProduction = api.post("mike", start, form);
        assertThat(byProduction.status()).isEqualTo(403); // the refusal keeps its own status through engine REST
        assertThat(byProduction.json().get("detail").asText()).contains("Only QA analysts or QA managers may start"
                + " 'quarantineInvestigation'; mike is in");
        // sales may not start it at all: said in lotflow's words, not the engine's permission text (auditor L3)
        Response bySales = api.post("tom", start, form);
        assertThat(bySales.status()).isEqualTo(403);
        assertThat(bySales.isProblem()).isTrue();
        assertThat(bySales.json().get("detail").asText()).contains("may start 'quarantineInvestigation'; tom is in"
                + " none of these groups").doesNotContain("CREATE_INSTANCE");
        assertThat(q.status(lot)).isEqualTo("RELEASED");

        // a business key other than the lot is refused, not silently replaced (auditor 2026-12-05 E7)
        Map<String, Object> otherKey = new java.util.HashMap<>(form);
        otherKey.put("businessKey", "HC100-2025-001");
        Response keyed = api.post("sarah", start, otherKey);
        assertThat(keyed.status()).as(keyed.toString()).isEqualTo(400);
        assertThat(keyed.json().get("field").asText()).isEqualTo("businessKey");
        assertThat(q.status(lot)).isEqualTo("RELEASED");

        Map<String, Object> sameKey = new java.util.HashMap<>(form);
        sameKey.put("businessKey", lot);
        Response started = api.post("sarah", start, sameKey);
        assertThat(started.status()).as(started.toString()).isEqualTo(200);
        assertThat(started.json().get("businessKey").asText()).isEqualTo(lot);
        assertThat(q.status(lot)).isEqualTo("QUARANTINE");
        JsonNode hold = api.get("sarah", "/api/lots/" + lot).json().get("hold");
        assertThat(hold.get("source").asText()).isEqualTo("TEST_FAILURE");
        assertThat(hold.get("reference").asText()).isEqualTo("QC-2025-007");
        assertThat(hold.get("placedBy").asText()).isEqualTo("sarah");
        JsonNode investigation = api.get("sarah", "/api/lots/" + lot).json().get("investigation");
        assertThat(investigation.get("processInstanceId").asText()).isEqualTo(started.json().get("id").asText());
        q.taskId("sarah", lot, "investigateLot");

        // the same lot again, an unknown lot, an empty reason: refused with the API's status and message,
        // nothing started (the start listener's refusal keeps its status through engine REST)
        Response again = api.post("sarah", start, form);
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.text()).contains("already held");
        Response unknown = api.post("sarah", start, Map.of("variables", Map.of("lotNumber", Map.of("value", "NOPE-9"),
                "reason", Map.of("value", "x"), "source", Map.of("value", "COMPLAINT"))));
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(404);
        assertThat(unknown.text()).contains("NOPE-9");
        Response noReason = api.post("sarah", start, Map.of("variables", Map.of("lotNumber", Map.of("value", lot),
                "source", Map.of("value", "COMPLAINT"))));
        assertThat(noReason.status()).as(noReason.toString()).isEqualTo(400);
        assertThat(noReason.text()).contains("reason");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(lot)
                .processDefinitionKey("quarantineInvestigation").count()).isEqualTo(1);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("quarantineInvestigation")
                .variableValueEquals("lotNumber", "NOPE-9").count()).isZero();
        // a start that names a hold it did not place is refused
        Long holdId = jdbc.queryForObject("SELECT h.id FROM lot_hold h JOIN lot l ON l.id = h.lot_id "
                + "WHERE l.lot_number = ?", Long.class, lot);
        Response forged = api.post("sarah", "/engine-rest/process-definition/key/quarantineInvestigation/start",
                Map.of("variables", Map.of("holdId", Map.of("value", holdId, "type", "Long"))));
        assertThat(forged.status()).as(forged.toString()).isEqualTo(400);
        // refused at the engine's door (holdId is no field of the start form); the engine-side refusal of a
        // forged start is QuarantineFactsTamperingTest's
        assertThat(forged.text()).contains("holdId").contains("not accepted");
    }

    @Test
    void tasklistSignatureNeverStoresThePassword() {
        String user = "qm" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Sig-" + UUID.randomUUID();
        User u = identityService.newUser(user);
        u.setFirstName("Quinn");
        u.setLastName("Manager " + org.lotflow.support.TestUsers.letters(user.substring(2)));
        u.setPassword(password);
        identityService.saveUser(u);
        identityService.createMembership(user, "qa-manager");

        String lot = releasedLot("QTASK");
        assertThat(q.hold("sarah", lot, "Customer complaint: sediment").status()).isEqualTo(202);
        q.investigate("sarah", lot);
        String task = q.taskId("jennifer", lot, "decideDisposition");

        String wrong = "Wrong-" + UUID.randomUUID();
        Response refused = q.submit(user, password, task, Map.of("decision", "RELEASE", "justification",
                "Sediment is a harmless additive", "signaturePassword", wrong));
        // the signature's refusal keeps its status through engine REST (a wrong password: 403)
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.text()).contains("password does not match").doesNotContain(wrong);
        assertThat(q.status(lot)).isEqualTo("QUARANTINE");
        assertThat(types(lot)).doesNotContain("DISPOSITION_SIGNED");
        q.taskId("jennifer", lot, "decideDisposition");
        // (without a password in the body, an HTTP Basic call signs with its own login: the contract's
        // "Basic carries both components"; a Tasklist session must type it: EngineSurfaceAttacks)

        Response done = q.submit(user, password, task, Map.of("decision", "RELEASE", "justification",
                "Sediment is a harmless additive", "signaturePassword", password));
        assertThat(done.status()).as(done.toString()).isEqualTo(204);
        api.executeJobs();
        assertThat(q.status(lot)).isEqualTo("RELEASED");
        JsonNode signed = find(q.history(lot), "DISPOSITION_SIGNED", null);
        assertThat(signed.get("user").asText()).isEqualTo(user);
        assertThat(signed.get("detail").get("signature").get("fullName").asText()).isEqualTo("Quinn Manager " + org.lotflow.support.TestUsers.letters(user.substring(2)));
        assertThat(signed.get("detail").get("signature").get("meaning").asText())
                .isEqualTo("quarantine disposition: RELEASE");

        for (String secret : List.of(password, wrong)) {
            assertThat(count("SELECT COUNT(*) FROM ACT_RU_VARIABLE WHERE NAME_ = 'signaturePassword' OR TEXT_ = ?",
                    secret)).isZero();
            assertThat(count("SELECT COUNT(*) FROM ACT_HI_VARINST WHERE NAME_ = 'signaturePassword' OR TEXT_ = ?",
                    secret)).isZero();
            assertThat(count("SELECT COUNT(*) FROM ACT_HI_DETAIL WHERE NAME_ = 'signaturePassword' OR TEXT_ = ? "
                    + "OR TEXT2_ = ?", secret, secret)).isZero();
            assertThat(count("SELECT COUNT(*) FROM ACT_HI_OP_LOG WHERE ORG_VALUE_ LIKE ? OR NEW_VALUE_ LIKE ?",
                    "%" + secret + "%", "%" + secret + "%")).isZero();
            assertThat(count("SELECT COUNT(*) FROM lot_event WHERE detail LIKE ? OR reason LIKE ?",
                    "%" + secret + "%", "%" + secret + "%")).isZero();
        }
        // the other form fields did reach history (the filter is selective, history works)
        assertThat(count("SELECT COUNT(*) FROM ACT_HI_DETAIL WHERE NAME_ = 'justification'")).isPositive();
    }

    private long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    @Test
    void passingTheDecisionDueDateEscalatesToTheQaManagers() {
        String lot = releasedLot("QLATE");
        Response held = q.hold("sarah", lot, "Odour complaint");
        String instance = held.json().get("processInstanceId").asText();
        Job timer = managementService.createJobQuery().processInstanceId(instance).timers().singleResult();
        // the engine's clock: the demo day's (ClockConfiguration), as the hold's own decisionDueAt
        assertThat(timer.getDuedate()).isAfter(new java.util.Date(org.camunda.bpm.engine.impl.util.ClockUtil
                .getCurrentTime().getTime() + 6 * 86_400_000L));
        managementService.executeJob(timer.getId()); // as if a week had passed
        api.executeJobs();
        JsonNode overdue = find(q.history(lot), "DECISION_OVERDUE", null);
        assertThat(overdue.get("detail").get("escalatedTo").asText()).isEqualTo("qa-manager");
        String task = q.taskId("jennifer", lot, "investigateLot");
        assertThat(api.get("jennifer", "/engine-rest/task/" + task).json().get("priority").asInt()).isEqualTo(100);
        assertThat(api.get("jennifer", "/api/lots/" + lot).json().get("investigation").get("overdue").asBoolean())
                .isTrue();
    }
}
