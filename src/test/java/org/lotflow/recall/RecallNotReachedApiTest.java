package org.lotflow.recall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotflow.support.TestClient.body;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lotflow.console.ConsoleSession;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.lotflow.trace.GenealogyFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A customer that could not be reached is not notified (new user U3; 21 CFR 7.49 recall communications, 7.53 status
 * reports: consignees notified, consignees responding): "could not be reached" is its own answer ({@code reached}
 * false), by the API and by {@code /engine-rest} (the Tasklist form's fields), never "acknowledged", and everywhere
 * "notified" is shown or counted it is not: the recall's customers and effectiveness, the timeline, the lots' history,
 * the recall board and the recall impact report. The attempt is recorded with who, when, how and whom; the
 * notification is done, so the recall goes on to its closing. An answer without {@code reached} means what it always
 * meant: the customer was told.
 */
@ApiTest
class RecallNotReachedApiTest {

    @Autowired
    TestClient api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;

    @LocalServerPort
    int port;

    private Response complete(String taskId, Map<String, Object> variables) {
        Map<String, Object> vars = new HashMap<>();
        variables.forEach((k, v) -> vars.put(k, Map.of("value", v)));
        return api.post("rachel", "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", vars));
    }

    private String task(String recallNumber, String customer) {
        for (JsonNode t : api.get("rachel", "/engine-rest/task?processInstanceBusinessKey=" + recallNumber
                + "&taskDefinitionKey=notifyCustomer").json()) {
            if (t.get("name").asText().contains(customer)) {
                return t.get("id").asText();
            }
        }
        throw new AssertionError("no notifyCustomer task for " + customer + " in " + recallNumber);
    }

    private JsonNode customer(JsonNode recall, String customer) {
        for (JsonNode c : recall.get("customers")) {
            if (c.get("customer").asText().equals(customer)) {
                return c;
            }
        }
        throw new AssertionError(customer + " is no customer of " + recall.get("recallNumber"));
    }

    private static void refused(Response r, String field, String... detailContains) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.json().get("field").asText()).as(r.toString()).isEqualTo(field);
        for (String part : detailContains) {
            assertThat(r.json().get("detail").asText()).as(r.toString()).contains(part);
        }
    }

    /** Opens a recall of one lot shipped to the three customers, their tasks created. */
    private String recallOf(String prefix, String... customers) {
        String sku = api.createProduct(prefix);
        String lot = api.releasedLot(sku, new BigDecimal("300"), "2025-01-10");
        GenealogyFixture f = new GenealogyFixture(api, jdbc);
        for (String c : customers) {
            f.ship(c, lot, "10", "2025-01-22");
        }
        Response opened = api.post("rachel", "/api/recalls", Map.of("lots", List.of(lot), "reason",
                "Foreign matter", "classification", "CLASS_II"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        api.executeJobs();
        return opened.json().get("recallNumber").asText();
    }

    /**
     * Two QA managers close one recall at once, jennifer on {@code /api} and anna on the task: one closing is signed,
     * and when jennifer's call loses it is told who closed it and when, whatever the moment it lost at (before its task
     * lookup, between the lookup and the completion, or waiting for the recall's lock), never Tasklist's "Reload"
     * (auditor 2026-12-07 24b F7).
     */
    @Test
    void theLoserOfTwoClosingsAtOnceOnTheApiIsToldWhoClosedIt() throws Exception {
        String number = recallOf("RCR", "Golf Gear");
        String lot = api.get("rachel", "/api/recalls/" + number).json().get("lots").get(0).get("lotNumber").asText();
        assertThat(api.post("rachel", "/api/recalls/" + number + "/notifications", body("customer", "Golf Gear",
                "acknowledged", true, "contactMethod", "PHONE", "contactPerson", "Buyer", "quantityReturned", 10))
                .status()).isEqualTo(200);
        assertThat(api.post("rachel", "/api/recalls/" + number + "/received-returns", body("lotNumber", lot,
                "customer", "Golf Gear", "quantity", 10)).status()).isEqualTo(201);
        api.executeJobs();
        org.camunda.bpm.engine.task.Task close = engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(number).taskDefinitionKey("closeRecall").singleResult();
        String version = api.get("anna", "/engine-rest/task/" + close.getId() + "/form-variables").json()
                .get("figuresVersion").get("value").asText();
        Map<String, Object> annas = new HashMap<>();
        Map.of("comment", "All retrieved (anna)", "disposalMethod", "DESTROYED", "disposalReference", "WM-1",
                "figuresShown", version, "signaturePassword", "anna").forEach((k, v) -> annas.put(k, Map.of("value", v)));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<Response> jennifer = pool.submit(() -> api.post("jennifer", "/api/recalls/"
                    + number + "/close", body("comment", "All retrieved (jennifer)", "disposalMethod", "DESTROYED",
                            "disposalReference", "WM-2", "password", "jennifer")));
            java.util.concurrent.Future<Response> anna = pool.submit(() -> api.post("anna", "/engine-rest/task/"
                    + close.getId() + "/complete", Map.of("variables", annas)));
            Response j = jennifer.get();
            Response a = anna.get();
            assertThat(j.status() == 202 ^ a.status() == 204).as("one closing: " + j + " / " + a).isTrue();
            assertThat(j.status() == 202 ? a.status() : j.status()).as("the other lost: " + j + " / " + a)
                    .isEqualTo(409);
            if (j.status() == 409) {
                assertThat(j.json().get("detail").asText()).startsWith("Recall " + number + " was closed by Anna"
                        + " Kowalski (anna) at ").endsWith("(signed) a moment ago; nothing of yours was saved");
            }
        } finally {
            pool.shutdown();
        }
        api.executeJobs();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lot_event WHERE type = 'RECALL_CLOSED' AND lot_id ="
                + " (SELECT id FROM lot WHERE lot_number = ?)", Integer.class, lot)).as("one signed closing").isEqualTo(1);
    }

    @Test
    void aCustomerThatCouldNotBeReachedIsNeverCountedAsNotified() {
        String number = recallOf("RNR", "Bayou Hydraulics", "Acme Foods", "Cedar Mills");
        String lot = api.get("rachel", "/api/recalls/" + number).json().get("lots").get(0).get("lotNumber").asText();
        String answers = "/api/recalls/" + number + "/notifications";

        // the API: not reached and acknowledged are two facts that cannot both hold; reached is a Boolean, strictly
        // not reached: acknowledged and quantityReturned are not asked (false, 0: nobody was told; new user
        // 2026-12-06 M2), for a reached customer they are (below)
        Map<String, Object> tried = body("customer", "Bayou Hydraulics", "reached", false,
                "contactMethod", "PHONE", "contactPerson", "Reception (no answer from QA contact)");
        Map<String, Object> reachedWithoutAnswer = new HashMap<>(tried);
        reachedWithoutAnswer.put("reached", true);
        refused(api.post("rachel", answers, reachedWithoutAnswer), "acknowledged", "required");
        reachedWithoutAnswer.put("acknowledged", true);
        refused(api.post("rachel", answers, reachedWithoutAnswer), "quantityReturned", "required");
        Map<String, Object> both = new HashMap<>(tried);
        both.put("acknowledged", true);
        refused(api.post("rachel", answers, both), "acknowledged", "could not be reached cannot have acknowledged");
        Map<String, Object> text = new HashMap<>(tried);
        text.put("reached", "false");
        refused(api.post("rachel", answers, text), "reached");
        Map<String, Object> noPerson = new HashMap<>(tried);
        noPerson.remove("contactPerson");
        refused(api.post("rachel", answers, noPerson), "contactPerson", "required");
        assertThat(customer(api.get("rachel", "/api/recalls/" + number).json(), "Bayou Hydraulics").get("answered")
                .asBoolean()).isFalse();

        Response answered = api.post("rachel", answers, tried);
        assertThat(answered.status()).as(answered.toString()).isEqualTo(200);
        JsonNode bayou = customer(answered.json(), "Bayou Hydraulics");
        assertThat(bayou.get("answered").asBoolean()).isTrue();
        assertThat(bayou.get("reached").asBoolean()).isFalse();
        assertThat(bayou.get("notified").asBoolean()).isFalse();
        assertThat(bayou.get("acknowledged").asBoolean()).isFalse();
        assertThat(bayou.get("notifiedBy").asText()).as("who tried").isEqualTo("rachel");
        assertThat(bayou.get("contactPerson").asText()).isEqualTo("Reception (no answer from QA contact)");

        // Tasklist's form fields through /engine-rest: the same rule, then an answer that was reached
        String acme = task(number, "Acme Foods");
        refused(complete(acme, body("reached", false, "acknowledged", true, "contactMethod", "EMAIL",
                "contactPerson", "Jane Roe", "quantityReturned", 0)), "acknowledged");
        Response missing = complete(acme, body("acknowledged", true, "contactMethod", "EMAIL", "contactPerson",
                "Jane Roe", "quantityReturned", 0));
        assertThat(missing.status()).as("the form's choice is required: " + missing).isEqualTo(400);
        assertThat(missing.toString()).contains("reached");
        assertThat(complete(acme, body("reached", true, "acknowledged", true, "contactMethod", "EMAIL",
                "contactPerson", "Jane Roe", "quantityReturned", 4)).status()).isEqualTo(204);
        // an answer without "reached" (scripts written before it): the customer was told, as before
        Response before = api.post("rachel", answers, body("customer", "Cedar Mills", "acknowledged", false,
                "contactMethod", "LETTER", "contactPerson", "Purchasing", "quantityReturned", 0));
        assertThat(before.status()).as(before.toString()).isEqualTo(200);
        api.executeJobs();

        JsonNode recall = api.get("jennifer", "/api/recalls/" + number).json();
        assertThat(recall.get("status").asText()).as("every notification is done").isEqualTo("AWAITING_CLOSE");
        JsonNode cedar = customer(recall, "Cedar Mills");
        assertThat(cedar.get("notified").asBoolean()).isTrue();
        assertThat(cedar.get("reached").asBoolean()).isTrue();
        assertThat(customer(recall, "Acme Foods").get("notified").asBoolean()).isTrue();
        JsonNode eff = recall.get("effectiveness");
        assertThat(eff.get("customers").asInt()).isEqualTo(3);
        assertThat(eff.get("notified").asInt()).isEqualTo(2);
        assertThat(eff.get("notReached").asInt()).isEqualTo(1);
        assertThat(eff.get("acknowledged").asInt()).isEqualTo(1);
        assertThat(eff.get("notificationsAnswered").asInt()).isEqualTo(3);
        // the timeline and the lot's history: the attempt, with who, how and whom; never "notified"
        List<String> timeline = new java.util.ArrayList<>();
        recall.get("timeline").forEach(e -> timeline.add(e.get("type").asText() + ": " + e.get("text").asText()));
        assertThat(timeline).anySatisfy(t -> assertThat(t).startsWith("CUSTOMER_NOT_REACHED: Could not reach"
                + " customer Bayou Hydraulics about recall " + number + " by telephone call (tried: Reception (no"
                + " answer from QA contact)): not notified"));
        assertThat(timeline).noneSatisfy(t -> assertThat(t).contains("Bayou Hydraulics notified"));
        List<JsonNode> history = new java.util.ArrayList<>();
        api.get("tom", "/api/lots/" + lot + "/history").json().forEach(e -> {
            if (e.get("type").asText().startsWith("RECALL_CUSTOMER_")) {
                history.add(e);
            }
        });
        assertThat(history).filteredOn(e -> e.get("type").asText().equals(RecallEventTypes.RECALL_CUSTOMER_NOT_REACHED))
                .singleElement().satisfies(e -> {
                    assertThat(e.get("user").asText()).isEqualTo("rachel");
                    assertThat(e.get("detail").get("reached").asBoolean()).isFalse();
                    assertThat(e.get("detail").get("contactMethod").asText()).isEqualTo("PHONE");
                });
        assertThat(history).filteredOn(e -> e.get("type").asText().equals(RecallEventTypes.RECALL_CUSTOMER_NOTIFIED))
                .hasSize(2);

        // the recall impact report and the recall board count the told customers only
        JsonNode impact = api.get("jennifer", "/api/reports/recall-impact?recall=" + number).json().get("recalls")
                .get(0);
        assertThat(impact.get("customersNotified").asInt()).isEqualTo(2);
        assertThat(impact.get("customersNotReached").asInt()).isEqualTo(1);
        for (JsonNode c : impact.get("byCustomer")) {
            boolean isBayou = c.get("customer").asText().equals("Bayou Hydraulics");
            assertThat(c.get("notified").asBoolean()).as(c.toString()).isEqualTo(!isBayou);
            // told when, only when told (re-test 2026-12-06 L7)
            assertThat(c.hasNonNull("notifiedAt")).as(c.toString()).isEqualTo(!isBayou);
        }
        ConsoleSession rachel = ConsoleSession.login(port, "rachel");
        String board = rachel.get("/console/recalls").html();
        String row = board.substring(board.indexOf("data-recall=\"" + number + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("<td class=\"num notified\">2 (1 could not be reached)</td>");
        String page = rachel.get("/console/recalls/" + number).html();
        String bayouRow = page.substring(page.indexOf("data-customer=\"Bayou Hydraulics\""));
        bayouRow = bayouRow.substring(0, bayouRow.indexOf("</tr>"));
        assertThat(bayouRow).contains("not reached").contains("tried by Rachel Nguyen (rachel)").doesNotContain("notified by");
        assertThat(page).contains("2 notified, 1 could not be reached (not notified)");
    }

    /**
     * A customer not reached may be tried again (21 CFR 7.49: follow up consignees that do not respond; new user
     * 2026-12-06 F13): the attempt is recorded, the notification stays open, its task comes back to the recall
     * coordinators and the effectiveness check waits; the next attempt that reaches it notifies it. Through the API
     * and through the task's form fields alike.
     */
    @Test
    void aCustomerNotReachedIsTriedAgainUntilReached() {
        String number = recallOf("RTA", "Delta Gears");
        String lot = api.get("rachel", "/api/recalls/" + number).json().get("lots").get(0).get("lotNumber").asText();
        String answers = "/api/recalls/" + number + "/notifications";
        String first = task(number, "Delta Gears");
        java.util.Date deadline = engine.getTaskService().createTaskQuery().taskId(first).singleResult().getDueDate();
        refused(api.post("rachel", answers, body("customer", "Delta Gears", "reached", false, "acknowledged", false,
                "contactMethod", "PHONE", "contactPerson", "Reception", "quantityReturned", 0, "tryAgain", "yes")),
                "tryAgain");

        // tried again only when not reached, and an attempt that reached nobody brought nothing back (re-test N7, N3)
        refused(api.post("rachel", answers, body("customer", "Delta Gears", "reached", true, "acknowledged", true,
                "contactMethod", "PHONE", "contactPerson", "Jane Roe", "quantityReturned", 0, "tryAgain", true)),
                "tryAgain", "only for a customer that could not be reached");
        refused(api.post("rachel", answers, body("customer", "Delta Gears", "reached", false, "acknowledged", false,
                "contactMethod", "PHONE", "contactPerson", "Reception", "quantityReturned", 3, "tryAgain", true)),
                "quantityReturned", "could not be reached has returned and destroyed nothing");
        // the deadline passed first: the notification is escalated to the QA managers (its timer, then its job)
        org.camunda.bpm.engine.ManagementService jobs = engine.getManagementService();
        String pi = engine.getTaskService().createTaskQuery().taskId(first).singleResult().getProcessInstanceId();
        jobs.createJobQuery().processInstanceId(pi).timers().list().forEach(j -> jobs.executeJob(j.getId()));
        api.executeJobs();
        // the API: not reached, tried again
        Response tried = api.post("rachel", answers, body("customer", "Delta Gears", "reached", false,
                "acknowledged", false, "contactMethod", "PHONE", "contactPerson", "Reception (voicemail)",
                "quantityReturned", 0, "tryAgain", true));
        assertThat(tried.status()).as(tried.toString()).isEqualTo(200);
        api.executeJobs();
        JsonNode recall = api.get("rachel", "/api/recalls/" + number).json();
        assertThat(customer(recall, "Delta Gears").get("answered").asBoolean()).as("still open").isFalse();
        assertThat(recall.get("status").asText()).isNotEqualTo("AWAITING_CLOSE");
        String second = task(number, "Delta Gears");
        assertThat(second).as("a new task for the next attempt").isNotEqualTo(first);
        // the next attempt's form and the recall's row say whom was tried, how and when (new user 2026-12-06 M3)
        assertThat(api.get("rachel", "/engine-rest/task/" + second + "/form-variables").json().get("earlierAttempts")
                .get("value").asText()).startsWith("Tried before without reaching Delta Gears:")
                .contains("Rachel Nguyen (rachel): by telephone call (tried: Reception (voicemail))");
        assertThat(customer(api.get("rachel", "/api/recalls/" + number).json(), "Delta Gears").get("attempts"))
                .hasSize(1).allSatisfy(a -> assertThat(a.asText()).contains(", Rachel Nguyen (rachel): by telephone"));
        assertThat(ConsoleSession.login(port, "rachel").get("/console/recalls/" + number).html())
                .contains("tried 1 time without reaching it; last: ").contains("; another attempt follows");
        // due when the recall's class says, as the first attempt was: not a fresh 24 h (auditor 2026-12-06 F3)
        assertThat(engine.getTaskService().createTaskQuery().taskId(second).singleResult().getDueDate())
                .isEqualTo(deadline);
        // escalated before: the next attempt stays with the QA managers too, as urgent (re-test N1)
        assertThat(engine.getTaskService().createTaskQuery().taskId(second).taskCandidateGroup("qa-manager").count())
                .isEqualTo(1);
        assertThat(engine.getTaskService().createTaskQuery().taskId(second).singleResult().getPriority()).isEqualTo(90);
        // its deadline passing again escalates nothing twice: one QA group on the task, one escalation (re-test R5)
        jobs.createJobQuery().processInstanceId(pi).timers().list().forEach(j -> jobs.executeJob(j.getId()));
        api.executeJobs();
        assertThat(engine.getTaskService().getIdentityLinksForTask(second).stream()
                .filter(l -> "qa-manager".equals(l.getGroupId())).count()).isEqualTo(1);
        long escalations = 0;
        for (JsonNode e : api.get("rachel", "/api/recalls/" + number).json().get("timeline")) {
            escalations += e.get("type").asText().equals("NOTIFICATION_ESCALATED") ? 1 : 0;
        }
        assertThat(escalations).isEqualTo(1);

        // the form's fields: not reached again, tried again; then reached
        assertThat(complete(second, body("reached", false, "acknowledged", false, "contactMethod", "LETTER",
                "contactPerson", "Registered letter to purchasing", "quantityReturned", 0, "tryAgain", true)).status())
                .isEqualTo(204);
        api.executeJobs();
        String third = task(number, "Delta Gears");
        assertThat(third).isNotEqualTo(second);
        assertThat(complete(third, body("reached", true, "acknowledged", true, "contactMethod", "PHONE",
                "contactPerson", "Jane Roe, QA", "quantityReturned", 5)).status()).isEqualTo(204);
        api.executeJobs();

        recall = api.get("jennifer", "/api/recalls/" + number).json();
        JsonNode delta = customer(recall, "Delta Gears");
        assertThat(delta.get("notified").asBoolean()).isTrue();
        assertThat(delta.get("reached").asBoolean()).isTrue();
        assertThat(recall.get("status").asText()).as("every notification is done").isEqualTo("AWAITING_CLOSE");
        assertThat(recall.get("effectiveness").get("notReached").asInt()).isZero();
        List<String> attempts = new java.util.ArrayList<>();
        api.get("tom", "/api/lots/" + lot + "/history").json().forEach(e -> {
            if (e.get("type").asText().startsWith("RECALL_CUSTOMER_")) {
                attempts.add(e.get("type").asText() + " " + e.get("detail").get("tryAgain").asBoolean());
            }
        });
        assertThat(attempts).containsExactly("RECALL_CUSTOMER_NOT_REACHED true", "RECALL_CUSTOMER_NOT_REACHED true",
                "RECALL_CUSTOMER_NOTIFIED false");
        // reached: the attempts before read as history, not as a next attempt to come (new user 26 F2)
        String reachedRow = ConsoleSession.login(port, "rachel").get("/console/recalls/" + number).html();
        reachedRow = reachedRow.substring(reachedRow.indexOf("data-customer=\"Delta Gears\""));
        assertThat(reachedRow.substring(0, reachedRow.indexOf("</tr>"))).contains("reached on the 3rd attempt; tried 2"
                + " times before without reaching it, the last: ").contains("Registered letter to purchasing")
                .doesNotContain("another attempt follows");
    }

    /**
     * Returns that come after the customer's answer are recorded when they come, added to it, each in the lots' history
     * and on the timeline, until the recall closes (new user 2026-12-06 F6; 21 CFR 7.59).
     */
    @Test
    void returnsThatComeLaterAreRecordedWhenTheyCome() {
        String number = recallOf("RRL", "Echo Pumps", "Foxtrot Oils");
        String lot = api.get("rachel", "/api/recalls/" + number).json().get("lots").get(0).get("lotNumber").asText();
        String returns = "/api/recalls/" + number + "/returns";
        // not answered yet: its answer carries the first returns
        Response early = api.post("rachel", returns, body("customer", "Echo Pumps", "quantityReturned", 2));
        assertThat(early.status()).as(early.toString()).isEqualTo(409);
        assertThat(api.post("rachel", "/api/recalls/" + number + "/notifications", body("customer", "Echo Pumps",
                "acknowledged", true, "contactMethod", "PHONE", "contactPerson", "Jane Roe", "quantityReturned", 0))
                .status()).isEqualTo(200);
        assertThat(api.post("rachel", "/api/recalls/" + number + "/notifications", body("customer", "Foxtrot Oils",
                "reached", false, "acknowledged", false, "contactMethod", "PHONE", "contactPerson", "Reception",
                "quantityReturned", 0)).status()).isEqualTo(200);
        api.executeJobs(); // all answered: the closing task is created now, before any returns come
        refused(api.post("rachel", returns, body("customer", "Echo Pumps")), "quantityReturned", "nothing to record");
        // no customer or unit longer than lotflow keeps them is looked up (auditor 2026-12-06 F7)
        refused(api.post("rachel", returns, body("customer", "A".repeat(200_000), "quantityReturned", 1)), "customer",
                "at most 200 characters");
        refused(api.post("rachel", returns, body("customer", "Echo Pumps", "unit", "k".repeat(33), "quantityReturned",
                1)), "unit", "at most 32 characters");
        refused(api.post("rachel", returns, body("customer", "Echo Pumps", "quantityReturned", 8,
                "quantityDestroyed", 3)), "quantityReturned", "more than the 10");
        // a destroyed quantity sent alone is refused naming it (auditor 2026-12-07 24b F3)
        refused(api.post("rachel", returns, body("customer", "Echo Pumps", "quantityDestroyed", 11)),
                "quantityDestroyed", "more than the 10");
        assertThat(api.post("tom", returns, body("customer", "Echo Pumps", "quantityReturned", 1)).status())
                .isEqualTo(403);
        Response notReached = api.post("rachel", returns, body("customer", "Foxtrot Oils", "quantityReturned", 1));
        assertThat(notReached.status()).as(notReached.toString()).isEqualTo(409);

        Response recorded = api.post("rachel", returns, body("customer", "Echo Pumps", "quantityReturned", 6,
                "quantityDestroyed", 1, "note", "Pallet received at gate 2, RMA-77")); // whole drums (audit 28 F2)
        assertThat(recorded.status()).as(recorded.toString()).isEqualTo(200);
        assertThat(api.post("rachel", returns, body("customer", "Echo Pumps", "quantityReturned", 2)).status())
                .isEqualTo(200);
        JsonNode echo = customer(api.get("jennifer", "/api/recalls/" + number).json(), "Echo Pumps");
        assertThat(echo.get("quantityReturned").decimalValue()).isEqualByComparingTo("8");
        // the closing form waiting for the QA manager shows them: she signs on the figures recorded (new user M1)
        org.camunda.bpm.engine.task.Task close = engine.getTaskService().createTaskQuery()
                .processInstanceBusinessKey(number).taskDefinitionKey("closeRecall").singleResult();
        assertThat(close).as("all answered: the recall waits for its closing").isNotNull();
        String summary = api.get("jennifer", "/engine-rest/task/" + close.getId() + "/form-variables").json()
                .get("recallSummary").get("value").asText();
        assertThat(summary).contains("Echo Pumps: shipped 10", "returned 8", "destroyed at the customer 1 drums");
        String versionRead = api.get("jennifer", "/engine-rest/task/" + close.getId() + "/form-variables").json()
                .get("figuresVersion").get("value").asText();
        // a closing form made before the version was shown (an upgrade) shows it all the same: it is computed when the
        // form is read (re-test 27 R1), not only stored when the task was made
        jdbc.update("UPDATE task_display SET shown = REPLACE(shown, ?, '') WHERE task_id = ?", versionRead,
                close.getId());
        assertThat(api.get("jennifer", "/engine-rest/task/" + close.getId() + "/form-variables").json()
                .get("figuresVersion").get("value").asText()).isEqualTo(versionRead);

        // Foxtrot, recorded as not reached, calls back after the public notice (auditor 2026-12-06 F9): not reached
        // again is nothing new, said in words; reached, it is recorded, and its returns after it
        String answers = "/api/recalls/" + number + "/notifications";
        Response again = api.post("rachel", answers, body("customer", "Foxtrot Oils", "reached", false,
                "acknowledged", false, "contactMethod", "PHONE", "contactPerson", "Reception", "quantityReturned", 0));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("was recorded as not reached")
                .doesNotContain("already notified");
        refused(api.post("rachel", answers, body("customer", "Foxtrot Oils", "acknowledged", true, "contactMethod",
                "PHONE", "contactPerson", "Buyer", "quantityReturned", 0, "tryAgain", true)), "tryAgain");
        Response later = api.post("rachel", answers, body("customer", "FOXTROT OILS", "acknowledged", true,
                "contactMethod", "PHONE", "contactPerson", "Buyer (called back)", "quantityReturned", 4));
        assertThat(later.status()).as(later.toString()).isEqualTo(200);
        JsonNode foxtrot = customer(api.get("jennifer", "/api/recalls/" + number).json(), "Foxtrot Oils");
        assertThat(foxtrot.get("reached").asBoolean()).isTrue();
        assertThat(foxtrot.get("notified").asBoolean()).isTrue();
        assertThat(foxtrot.get("quantityReturned").decimalValue()).isEqualByComparingTo("4");
        assertThat(api.post("rachel", returns, body("customer", "Foxtrot Oils", "quantityReturned", 1)).status())
                .isEqualTo(200);
        assertThat(api.post("rachel", answers, body("customer", "Foxtrot Oils", "acknowledged", true, "contactMethod",
                "PHONE", "contactPerson", "Buyer", "quantityReturned", 0)).status()).as("answered now").isEqualTo(409);
        List<String> foxtrotHistory = new java.util.ArrayList<>();
        api.get("tom", "/api/lots/" + lot + "/history").json().forEach(e -> {
            if (e.path("detail").path("customer").asText().equals("Foxtrot Oils")) {
                foxtrotHistory.add(e.get("type").asText());
            }
        });
        assertThat(foxtrotHistory).as("the attempt stays, the later contact follows it").containsSubsequence(
                RecallEventTypes.RECALL_CUSTOMER_NOT_REACHED, RecallEventTypes.RECALL_CUSTOMER_NOTIFIED,
                RecallEventTypes.RECALL_RETURNS_RECORDED);
        assertThat(api.get("jennifer", "/engine-rest/task/" + close.getId() + "/form-variables").json()
                .get("recallSummary").get("value").asText()).contains("Foxtrot Oils: shipped 10 drums, returned 5");
        // a closing form opened before those figures came is not signed on them (re-test 2026-12-06 R3)
        Map<String, Object> signed = new HashMap<>();
        Map.of("comment", "All retrieved", "disposalMethod", "DESTROYED", "figuresShown", versionRead, "justification",
                "The drums still at Echo Pumps and Foxtrot Oils were used before the recall reached them")
                .forEach((k, v) -> signed.put(k, Map.of("value", v)));
        Response stale = api.post("jennifer", "/engine-rest/task/" + close.getId() + "/submit-form",
                Map.of("variables", signed));
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.json().get("detail").asText()).contains("figures changed since this closing form was opened")
                .doesNotContain("browser"); // said to Tasklist and to /api alike (auditor 2026-12-07 F4)
        assertThat(api.get("jennifer", "/engine-rest/task/" + close.getId() + "/form-variables").json()
                .get("figuresVersion").get("value").asText()).isNotEqualTo(versionRead);

        // the recall's Console page records them too, for a customer notified (new user 2026-12-06 M2)
        ConsoleSession rachel = ConsoleSession.login(port, "rachel");
        String page = rachel.get("/console/recalls/" + number).html();
        assertThat(page).contains("id=\"returns-form\"").contains("Echo Pumps: shipped 10 drums");
        ConsoleSession.Page bad = rachel.post("/console/recalls/" + number + "/returns", Map.of("line", "0",
                "quantityReturned", "lots"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.html()).contains("is not a number");
        // both forms have a customer field: a refusal's customer error is said under its own form only
        String noCustomer = rachel.post("/console/recalls/" + number + "/returns", Map.of("line", "",
                "quantityReturned", "1")).html();
        assertThat(noCustomer.split("data-field=\"customer\"", -1)).as("one customer error").hasSize(2);
        assertThat(noCustomer.indexOf("data-field=\"customer\"")).isLessThan(noCustomer.indexOf("id=\"receive-form\""));
        String noShipment = rachel.post("/console/recalls/" + number + "/received-returns", Map.of("shipment", "9|x",
                "quantity", "1")).html();
        assertThat(noShipment.split("data-field=\"customer\"", -1)).as("one customer error").hasSize(2);
        assertThat(noShipment.indexOf("data-field=\"customer\"")).isGreaterThan(noShipment.indexOf("id=\"receive-form\""));
        for (String notDigits : List.of("1E-2", "\u0663", "\uff13")) {
            assertThat(rachel.post("/console/recalls/" + number + "/returns", Map.of("line", "0", "quantityReturned",
                    notDigits)).status()).as(notDigits).isEqualTo(400);
        }
        // drums came back whole (audit 28 F2): half a drum is said at the field, nothing recorded
        ConsoleSession.Page half = rachel.post("/console/recalls/" + number + "/returns", Map.of("line", "0",
                "quantityReturned", "0.5", "note", "Last pallet"));
        assertThat(half.status()).isEqualTo(400);
        assertThat(half.html()).contains("data-field=\"quantityReturned\"").contains("0.5 drums is not a whole number");
        ConsoleSession.Page onPage = rachel.post("/console/recalls/" + number + "/returns", Map.of("line", "0",
                "quantityReturned", "1", "note", "Last pallet"));
        assertThat(onPage.status()).as(onPage.html()).isEqualTo(302);
        assertThat(customer(api.get("jennifer", "/api/recalls/" + number).json(), "Echo Pumps").get("quantityReturned")
                .decimalValue()).isEqualByComparingTo("9");
        assertThat(ConsoleSession.login(port, "tom").post("/console/recalls/" + number + "/returns", Map.of("line", "0",
                "quantityReturned", "1")).status()).as("sales records no returns").isEqualTo(403);
        assertThat(echo.get("quantityDestroyed").decimalValue()).isEqualByComparingTo("1");
        List<JsonNode> history = new java.util.ArrayList<>();
        api.get("tom", "/api/lots/" + lot + "/history").json().forEach(e -> {
            if (e.get("type").asText().equals(RecallEventTypes.RECALL_RETURNS_RECORDED)
                    && e.get("detail").get("customer").asText().equals("Echo Pumps")) {
                history.add(e);
            }
        });
        assertThat(history).hasSize(3); // two by the API, one on the Console page
        assertThat(history.get(0).get("detail").get("totalReturned").decimalValue()).isEqualByComparingTo("6");
        assertThat(history.get(0).get("reason").asText()).contains("RMA-77");
        assertThat(history.get(1).get("user").asText()).isEqualTo("rachel");
    }

    /**
     * Re-test 2026-12-06 N1: four later contacts for one customer recorded as not reached, sent at once: one is
     * recorded, the others are 409, and the history holds one contact.
     */
    @Test
    void laterContactsAtOnceRecordOne() throws Exception {
        String number = recallOf("RLC", "Golf Pumps", "Hotel Oils");
        String lot = api.get("rachel", "/api/recalls/" + number).json().get("lots").get(0).get("lotNumber").asText();
        String answers = "/api/recalls/" + number + "/notifications";
        for (String c : List.of("Golf Pumps", "Hotel Oils")) {
            assertThat(api.post("rachel", answers, body("customer", c, "reached", false, "acknowledged", false,
                    "contactMethod", "PHONE", "contactPerson", "Reception", "quantityReturned", 0)).status())
                    .isEqualTo(200);
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<Integer> statuses = new java.util.ArrayList<>();
        try {
            List<java.util.concurrent.Future<Response>> sent = new java.util.ArrayList<>();
            for (int q = 1; q <= 4; q++) {
                Map<String, Object> contact = body("customer", "Golf Pumps", "acknowledged", true, "contactMethod",
                        "PHONE", "contactPerson", "Caller " + q, "quantityReturned", q);
                sent.add(pool.submit(() -> {
                    start.await();
                    return api.post("rachel", answers, contact);
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<Response> r : sent) {
                statuses.add(r.get().status());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).as(statuses.toString()).containsOnly(200, 409).containsOnlyOnce(200);
        long contacts = 0;
        for (JsonNode e : api.get("tom", "/api/lots/" + lot + "/history").json()) {
            contacts += e.get("type").asText().equals(RecallEventTypes.RECALL_CUSTOMER_NOTIFIED)
                    && e.get("detail").get("customer").asText().equals("Golf Pumps") ? 1 : 0;
        }
        assertThat(contacts).isEqualTo(1);
    }
}
