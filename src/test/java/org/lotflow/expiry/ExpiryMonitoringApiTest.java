package org.lotflow.expiry;

import org.lotflow.expiry.internal.ExpiryRun;
import org.lotflow.expiry.internal.process.ExpiryMonitoringVariables;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.lotflow.lot.LotService;
import org.lotflow.lot.LotStatus;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Expiry monitoring against the running application (today is 2025-01-28). */
@ApiTest
class ExpiryMonitoringApiTest {

    @Autowired
    TestClient api;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ExpiryRun expiry;
    @Autowired
    org.lotflow.expiry.ExpiryQueries queries;
    @Autowired
    LotService lotService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    org.camunda.bpm.engine.TaskService taskService;
    @Autowired
    org.camunda.bpm.engine.IdentityService identityService;

    private String releasedLot(String sku, int quantity, String made, String expires) {
        Map<String, Object> body = new HashMap<>(Map.of("sku", sku, "quantity", quantity, "manufactureDate", made,
                "location", "Warehouse B", "expirationDate", expires));
        Response r = api.post("mike", "/api/lots", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String lot = r.json().get("lotNumber").asText();
        api.release(lot);
        return lot;
    }

    private Long lotId(String lotNumber) {
        return jdbc.queryForObject("SELECT id FROM lot WHERE lot_number = ?", Long.class, lotNumber);
    }

    private List<String> types(String lotNumber) {
        return api.get("tom", "/api/lots/" + lotNumber + "/history").json().findValuesAsText("type");
    }

    @Test
    void theTimerIsScheduledFromTheConfiguredCycle() {
        assertThat(managementService.createJobQuery().processDefinitionKey(ExpiryMonitoringVariables.PROCESS_KEY)
                .timers().count()).isEqualTo(1);
    }

    @Test
    void expiredLotsBecomeExpiredOnceAndLoseTheirAllocations() {
        String sku = api.createProduct("EXPM");
        String allocatedSoon = releasedLot(sku, 50, "2023-02-10", "2025-02-10");
        // released while fresh (a release on or after the date leaves a lot EXPIRED at once), expiring today
        String held = releasedLot(sku, 30, "2023-02-01", "2025-01-31");
        jdbc.update("UPDATE lot SET expiration_date = DATE '2025-01-28' WHERE lot_number = ?", held);
        String within90 = releasedLot(sku, 40, "2023-03-15", "2025-03-15");
        String far = releasedLot(sku, 40, "2025-01-02", "2027-01-02");
        lotService.changeStatus(lotId(held), LotStatus.QUARANTINE, "Complaint");

        Response order = api.post("tom", "/api/orders", Map.of("orderNumber", "SO-EXP-" + sku, "customer", "Acme",
                "sku", sku, "quantity", 20));
        assertThat(order.json().get("allocations").get(0).get("lotNumber").asText()).isEqualTo(allocatedSoon);
        // the expiration date arrives
        jdbc.update("UPDATE lot SET expiration_date = DATE '2025-01-28' WHERE lot_number = ?", allocatedSoon);

        ExpiryRun.Result run = expiry.run();
        assertThat(run.expired()).contains(allocatedSoon, held).doesNotContain(within90, far);
        assertThat(run.expiring()).extracting(ExpiringLot::lotNumber).contains(within90)
                .doesNotContain(far);
        assertThat(api.get("tom", "/api/lots/" + allocatedSoon).json().get("status").asText()).isEqualTo("EXPIRED");
        assertThat(api.get("tom", "/api/lots/" + held).json().get("status").asText()).isEqualTo("EXPIRED");

        JsonNode after = api.get("tom", "/api/orders/SO-EXP-" + sku).json();
        assertThat(after.get("allocations").get(0).get("status").asText()).isEqualTo("CANCELLED");
        assertThat(after.get("allocations").get(0).get("closeReason").asText()).contains(" became expired: Expiration date");
        assertThat(after.get("shortfall").decimalValue()).isEqualByComparingTo("20");
        assertThat(api.get("tom", "/api/lots/" + allocatedSoon).json().get("allocated").decimalValue())
                .isEqualByComparingTo("0");

        // a second run the same day changes nothing twice
        // what the review lists is bounded: the first lots of the window, and how many there are in all
        org.lotflow.expiry.ExpiryQueries.Head one = queries.head(3650, 1);
        assertThat(one.lots()).hasSize(1);
        assertThat(one.total()).isEqualTo(queries.expiring(3650).size()).isGreaterThan(1);
        assertThat(one.lots().get(0).expirationDate()).isEqualTo(queries.expiring(3650).get(0).expirationDate());
        assertThat(run.expiringTotal()).isEqualTo(queries.expiring(queries.alertDays()).size());

        ExpiryRun.Result again = expiry.run();
        assertThat(again.expired()).doesNotContain(allocatedSoon, held);
        assertThat(types(allocatedSoon).stream().filter("STATUS_CHANGED"::equals).count())
                .as("RELEASED once, EXPIRED once").isEqualTo(2);
        assertThat(types(allocatedSoon).stream().filter("DEALLOCATED"::equals).count()).isEqualTo(1);

        JsonNode report = api.get("tom", "/api/reports/expiring?days=90").json();
        assertThat(report.get("lots").findValuesAsText("lotNumber")).contains(within90).doesNotContain(far);
    }

    @Test
    void theProcessOpensOneReviewForSalesAndQualityAndRecordsTheNote() {
        String sku = api.createProduct("EXPR");
        String within90 = releasedLot(sku, 40, "2023-03-20", "2025-03-20");

        String first = runtimeService.startProcessInstanceByKey(ExpiryMonitoringVariables.PROCESS_KEY).getId();
        api.executeJobs();
        String second = runtimeService.startProcessInstanceByKey(ExpiryMonitoringVariables.PROCESS_KEY).getId();
        api.executeJobs();
        // a second run while the review is open opens no second review
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(second).count()).isZero();

        JsonNode tasks = api.get("tom", "/engine-rest/task?taskDefinitionKey=reviewExpiringLots").json();
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).get("processInstanceId").asText()).isEqualTo(first);
        assertThat(api.get("jennifer", "/engine-rest/task?taskDefinitionKey=reviewExpiringLots").json()).hasSize(1);
        assertThat(api.get("mike", "/engine-rest/task?taskDefinitionKey=reviewExpiringLots").json()).isEmpty();
        String taskId = tasks.get(0).get("id").asText();
        JsonNode local = api.get("tom", "/engine-rest/task/" + taskId + "/form-variables").json();
        assertThat(local.get("expiringLots").get("value").asText()).contains(within90);

        Response noNote = api.post("tom", "/engine-rest/task/" + taskId + "/complete", Map.of("variables", Map.of()));
        assertThat(noNote.status()).as(noNote.toString()).isEqualTo(400);
        Response done = api.post("tom", "/engine-rest/task/" + taskId + "/complete", Map.of("variables",
                Map.of("reviewNote", Map.of("value", "Promote to Acme at 5% discount"))));
        assertThat(done.status()).as(done.toString()).isEqualTo(204);
        JsonNode history = api.get("tom", "/api/lots/" + within90 + "/history").json();
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("type").asText()).isEqualTo("EXPIRY_REVIEWED");
        assertThat(last.get("user").asText()).isEqualTo("tom");
        assertThat(last.get("reason").asText()).contains("discount");
    }

    @Test
    void theReviewNoteIsTheCompletionsOwnAndWhatIsRecordedComesFromTheLots() {
        String sku = api.createProduct("EXPN");
        String within90 = releasedLot(sku, 40, "2023-03-21", "2025-03-21");
        // a review may already be open from another test: close it first
        for (var open : taskService.createTaskQuery().taskDefinitionKey(ExpiryMonitoringVariables.TASK_REVIEW).list()) {
            identityService.setAuthentication("tom", List.of("sales"));
            taskService.complete(open.getId(), Map.of("reviewNote", "earlier review"));
            identityService.clearAuthentication();
        }
        String pi = runtimeService.startProcessInstanceByKey(ExpiryMonitoringVariables.PROCESS_KEY).getId();
        // a note written onto the instance before the review task exists is no review of that task
        runtimeService.setVariable(pi, "reviewNote", "stale note");
        api.executeJobs();
        var task = taskService.createTaskQuery().processInstanceId(pi).singleResult();
        assertThat(task).isNotNull();
        identityService.setAuthentication("tom", List.of("sales"));
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of()))
                    .hasStackTraceContaining("reviewNote");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> taskService.complete(task.getId(),
                    Map.of("reviewNote", 42))).hasStackTraceContaining("reviewNote: must be text");
            assertThat(types(within90)).doesNotContain("EXPIRY_REVIEWED");
            taskService.complete(task.getId(), Map.of("reviewNote", "Promote to Beta", "lots", "forged"));
        } finally {
            identityService.clearAuthentication();
        }
        JsonNode history = api.get("tom", "/api/lots/" + within90 + "/history").json();
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("type").asText()).isEqualTo("EXPIRY_REVIEWED");
        assertThat(last.get("user").asText()).isEqualTo("tom");
        assertThat(last.get("reason").asText()).isEqualTo("Promote to Beta");
    }

    /**
     * Audit 26 F1: the note goes into the history of the lots the task listed when it opened, with the figures shown,
     * not into a lot that entered the alert window afterwards.
     */
    @Test
    void theNoteIsRecordedAgainstTheLotsTheTaskListedNotTheWindowAtCompletion() {
        String sku = api.createProduct("EXPL");
        for (var open : taskService.createTaskQuery().taskDefinitionKey(ExpiryMonitoringVariables.TASK_REVIEW).list()) {
            identityService.setAuthentication("tom", List.of("sales"));
            taskService.complete(open.getId(), Map.of("reviewNote", "earlier review"));
            identityService.clearAuthentication();
        }
        String listed = releasedLot(sku, 40, "2023-03-22", "2025-03-22");
        String pi = runtimeService.startProcessInstanceByKey(ExpiryMonitoringVariables.PROCESS_KEY).getId();
        api.executeJobs();
        var task = taskService.createTaskQuery().processInstanceId(pi).singleResult();
        assertThat(task).isNotNull();
        // a lot that comes into the window after the task opened was never shown to the reviewer
        String later = releasedLot(sku, 7, "2023-02-20", "2025-02-20");
        Response done = api.post("tom", "/engine-rest/task/" + task.getId() + "/complete", Map.of("variables",
                Map.of("reviewNote", Map.of("value", "Reviewed the listed lots: promote"))));
        assertThat(done.status()).as(done.toString()).isEqualTo(204);
        assertThat(types(later)).doesNotContain("EXPIRY_REVIEWED");
        JsonNode history = api.get("tom", "/api/lots/" + listed + "/history").json();
        JsonNode last = history.get(history.size() - 1);
        assertThat(last.get("type").asText()).isEqualTo("EXPIRY_REVIEWED");
        assertThat(last.get("reason").asText()).isEqualTo("Reviewed the listed lots: promote");
        assertThat(last.toString()).contains("2025-03-22").contains("listedAt");
    }
}
