package org.lotflow.recall;

import org.lotflow.shared.RefusalStatus;

import org.lotflow.shared.Refusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.lotflow.trace.GenealogyFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue #8 on the engine side, through the Java API: whatever variables a user sends or sets,
 * {@code lotRecall} takes its recall from the business key, the customer of a notification task from
 * lotflow's own binding, each decision input from the completing task only, and starts only through
 * lotflow's paths (a recall coordinator's recall, its start form with the same checks, a disposition).
 */
@ApiTest
class RecallFactsTest {

    @Autowired
    TestClient api;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    org.camunda.bpm.engine.RepositoryService repositoryService;
    @Autowired
    TaskService taskService;
    @Autowired
    FormService formService;
    @Autowired
    IdentityService identityService;
    @Autowired
    ManagementService managementService;

    @AfterEach
    void tearDown() {
        identityService.clearAuthentication();
    }

    /** A released lot shipped to two customers, recalled by rachel; returns the recall number. */
    private String recallOfTwoCustomers(String prefix, String x, String y) {
        String sku = api.createProduct(prefix);
        String lot = api.releasedLot(sku, new BigDecimal("100"), "2025-01-10");
        GenealogyFixture ship = new GenealogyFixture(api, jdbc);
        ship.ship(x, lot, "10", "2025-01-20");
        ship.ship(y, lot, "20", "2025-01-21");
        Response r = api.post("rachel", "/api/recalls", Map.of("lots", List.of(lot), "reason", "Foreign particles",
                "classification", "CLASS_II"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        api.executeJobs(); // the customers' notification processes and their tasks
        return r.json().get("recallNumber").asText();
    }

    private String recallWithoutCustomers(String prefix) {
        String sku = api.createProduct(prefix);
        String lot = api.releasedLot(sku, new BigDecimal("100"), "2025-01-10");
        Response r = api.post("rachel", "/api/recalls", Map.of("lots", List.of(lot), "reason", "Label error",
                "classification", "CLASS_III"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().get("recallNumber").asText();
    }

    private String processOf(String recallNumber) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("lotRecall")
                .processInstanceBusinessKey(recallNumber).singleResult().getId();
    }

    private Task notifyTask(String recallNumber, String customer) {
        return taskService.createTaskQuery().processInstanceBusinessKey(recallNumber)
                .taskDefinitionKey("notifyCustomer").list().stream()
                .filter(t -> t.getName().contains(customer)).findFirst().orElseThrow();
    }

    private long notificationId(String recallNumber, String customer) {
        return jdbc.queryForObject("""
                SELECT n.id FROM recall_notification n JOIN recall r ON r.id = n.recall_id
                 WHERE r.recall_number = ? AND n.customer = ?""", Long.class, recallNumber, customer);
    }

    private Map<String, Object> notification(String recallNumber, String customer) {
        return jdbc.queryForMap("""
                SELECT n.* FROM recall_notification n JOIN recall r ON r.id = n.recall_id
                 WHERE r.recall_number = ? AND n.customer = ?""", recallNumber, customer);
    }

    private Map<String, Object> recall(String recallNumber) {
        return jdbc.queryForMap("SELECT * FROM recall WHERE recall_number = ?", recallNumber);
    }

    private long recallId(String recallNumber) {
        return ((Number) recall(recallNumber).get("id")).longValue();
    }

    private static Refusal refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Refusal api) {
                return api;
            }
        }
        throw new AssertionError("no Refusal in " + e, e);
    }

    private static Map<String, Object> vars(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private long recallProcesses() {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("lotRecall").count();
    }

    @Test
    void aForgedNotificationIdRecordsOnlyTheTasksOwnCustomer() {
        String number = recallOfTwoCustomers("RFN", "Xeno Foods", "Yarrow Mills");
        Task x = notifyTask(number, "Xeno Foods");
        identityService.setAuthentication("rachel", List.of("recall-coordinator"));
        taskService.complete(x.getId(), vars("acknowledged", true,
                "contactMethod", "PHONE", "contactPerson", "Jane Roe", "quantityReturned", 3,
                "notificationId", notificationId(number, "Yarrow Mills"),
                "recallId", recallId(number) + 1000));
        identityService.clearAuthentication();

        Map<String, Object> xRow = notification(number, "Xeno Foods");
        assertThat(xRow.get("STATUS")).isEqualTo("DONE");
        assertThat((BigDecimal) xRow.get("QUANTITY_RETURNED")).isEqualByComparingTo("3");
        assertThat(xRow.get("NOTIFIED_BY")).isEqualTo("rachel");
        Map<String, Object> yRow = notification(number, "Yarrow Mills");
        assertThat(yRow.get("STATUS")).isEqualTo("OPEN");
        assertThat(yRow.get("QUANTITY_RETURNED")).isNull();
        assertThat(notifyTask(number, "Yarrow Mills")).isNotNull();
        // each task is bound to its own notification row
        assertThat(yRow.get("TASK_ID")).isEqualTo(notifyTask(number, "Yarrow Mills").getId());
        assertThat(xRow.get("TASK_ID")).isEqualTo(x.getId());
    }

    @Test
    void decisionInputsComeFromTheCompletingTaskOnlyAndAreValidated() {
        String number = recallOfTwoCustomers("RFV", "Xeno Foods", "Yarrow Mills");
        Task y = notifyTask(number, "Yarrow Mills");
        // a value on the process instance (or left by another task) is not this task's input
        runtimeService.setVariable(y.getProcessInstanceId(), "acknowledged", true);
        runtimeService.setVariable(y.getProcessInstanceId(), "quantityReturned", 20);
        runtimeService.setVariable(y.getProcessInstanceId(), "contactMethod", "VISIT");
        runtimeService.setVariable(y.getProcessInstanceId(), "contactPerson", "Forged Person");
        runtimeService.setVariable(y.getProcessInstanceId(), "note", "forged note");
        runtimeService.setVariable(y.getProcessInstanceId(), "quantityDestroyed", 7);
        // "could not be reached" only from this completion, never from a variable a user can write (new user U3)
        runtimeService.setVariable(y.getProcessInstanceId(), "reached", false);
        identityService.setAuthentication("rachel", List.of("recall-coordinator"));
        assertThatThrownBy(() -> taskService.complete(y.getId(), vars("quantityReturned", 1)))
                .satisfies(e -> assertThat(refusal(e).properties()).containsEntry("field", "acknowledged"));
        assertThatThrownBy(() -> taskService.complete(y.getId(), vars("acknowledged", true)))
                .satisfies(e -> assertThat(refusal(e).properties()).containsEntry("field", "quantityReturned"));
        // types, sign, precision (never rounded) and what that customer received
        // ... and half a drum: the customer received drums, counted whole (audit 28 F2)
        for (Object bad : new Object[] {"5", -1, 21, 1.2345, new BigDecimal("0.0001"), true, 2.5}) {
            assertThatThrownBy(() -> taskService.complete(y.getId(), vars("acknowledged", true,
                    "contactMethod", "PHONE", "contactPerson", "Jane Roe",
                    "quantityReturned", bad)))
                    .as(String.valueOf(bad))
                    .satisfies(e -> assertThat(refusal(e).properties()).containsEntry("field", "quantityReturned"));
        }
        assertThatThrownBy(() -> taskService.complete(y.getId(), vars("acknowledged", "yes",
                "contactMethod", "PHONE", "contactPerson", "Jane Roe",
                "quantityReturned", 1)))
                .satisfies(e -> assertThat(refusal(e).properties()).containsEntry("field", "acknowledged"));
        // nor are the contact's: how and whom come from this completion only
        assertThatThrownBy(() -> taskService.complete(y.getId(), vars("acknowledged", true, "quantityReturned", 1)))
                .satisfies(e -> assertThat(refusal(e).properties()).containsEntry("field", "contactMethod"));
        assertThatThrownBy(() -> taskService.complete(y.getId(), vars("acknowledged", true, "quantityReturned", 1,
                "contactMethod", "PHONE")))
                .satisfies(e -> assertThat(refusal(e).properties()).containsEntry("field", "contactPerson"));
        assertThat(notification(number, "Yarrow Mills").get("STATUS")).isEqualTo("OPEN");

        taskService.complete(y.getId(), vars("acknowledged", false,
                "contactMethod", "PHONE", "contactPerson", "Jane Roe", "quantityReturned", 2));
        Map<String, Object> yRow = notification(number, "Yarrow Mills");
        assertThat(yRow.get("ACKNOWLEDGED")).isEqualTo(false);
        assertThat((BigDecimal) yRow.get("QUANTITY_RETURNED")).isEqualByComparingTo("2");
        assertThat(yRow.get("CONTACT_METHOD")).isEqualTo("PHONE");
        assertThat(yRow.get("CONTACT_PERSON")).isEqualTo("Jane Roe");
        assertThat(yRow.get("NOTE")).as("the process instance's note is no input").isNull();
        assertThat((BigDecimal) yRow.get("QUANTITY_DESTROYED")).as("nor its destroyed quantity").isEqualByComparingTo("0");
        assertThat(yRow.get("REACHED")).as("nor its reached: absent from the completion, the customer was told")
                .isEqualTo(true);
        // the Tasklist way (submit the form) lands in the task's own scope the same way
        identityService.clearAuthentication();
        Task x = notifyTask(number, "Xeno Foods");
        runtimeService.setVariable(x.getProcessInstanceId(), "acknowledged", false);
        runtimeService.setVariable(x.getProcessInstanceId(), "reached", false); // would refuse acknowledged: true
        identityService.setAuthentication("rachel", List.of("recall-coordinator"));
        assertThatThrownBy(() -> formService.submitTaskForm(x.getId(), vars("quantityReturned", 1)))
                .satisfies(e -> assertThat(refusal(e).properties()).containsEntry("field", "acknowledged"));
        formService.submitTaskForm(x.getId(), vars("acknowledged", true,
                "contactMethod", "PHONE", "contactPerson", "Jane Roe", "quantityReturned", 10));
        identityService.clearAuthentication();
        assertThat(notification(number, "Xeno Foods").get("ACKNOWLEDGED")).isEqualTo(true);
        assertThat(notification(number, "Xeno Foods").get("REACHED")).isEqualTo(true);
        assertThat(runtimeService.getVariables(processOf(number))).doesNotContainKeys("reached", "acknowledged",
                "quantityReturned", "contactMethod", "contactPerson", "note", "quantityDestroyed");
    }

    @Test
    void aNotificationProcessStartedAroundLotflowGetsNoTaskAndNoCustomer() {
        String number = recallOfTwoCustomers("RFS", "Xeno Foods", "Yarrow Mills");
        List<Map<String, Object>> before = jdbc.queryForList("SELECT * FROM recall_notification WHERE recall_id = ?",
                recallId(number));
        long processes = runtimeService.createProcessInstanceQuery().processDefinitionKey("recallNotification").count();
        // started with the recall's number as business key, but not by lotflow's fan-out: refused, nothing started
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("recallNotification", number))
                .satisfies(e -> assertThat(refusal(e)).isInstanceOf(org.lotflow.shared.NotPermitted.class));
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("recallNotification").count())
                .isEqualTo(processes);
        assertThat(jdbc.queryForList("SELECT * FROM recall_notification WHERE recall_id = ?", recallId(number)))
                .isEqualTo(before);
    }

    @Test
    void theEveryCustomerAnsweredMessageIsRefusedWhileACustomerIsOpen() {
        String number = recallOfTwoCustomers("RFM", "Xeno Foods", "Yarrow Mills");
        String pi = processOf(number);
        assertThatThrownBy(() -> runtimeService.createMessageCorrelation("recallCustomersAnswered")
                .processInstanceId(pi).correlate())
                .satisfies(e -> assertThat(refusal(e)).isInstanceOf(org.lotflow.shared.StateConflict.class));
        assertThat(runtimeService.createExecutionQuery().processInstanceId(pi).activityId("Event_CustomersAnswered")
                .count()).isOne();
        // the last answer moves the recall on by itself
        identityService.setAuthentication("rachel", List.of("recall-coordinator"));
        taskService.complete(notifyTask(number, "Xeno Foods").getId(), vars("acknowledged", true,
                "contactMethod", "PHONE", "contactPerson", "Jane Roe",
                "quantityReturned", 10));
        identityService.clearAuthentication();
        assertThat(runtimeService.createExecutionQuery().processInstanceId(pi).activityId("Event_CustomersAnswered")
                .count()).isOne();
        identityService.setAuthentication("rachel", List.of("recall-coordinator"));
        taskService.complete(notifyTask(number, "Yarrow Mills").getId(), vars("acknowledged", true,
                "contactMethod", "PHONE", "contactPerson", "Jane Roe",
                "quantityReturned", 20));
        identityService.clearAuthentication();
        assertThat(managementService.createJobQuery().processInstanceId(pi).activityId("assessEffectiveness")
                .count()).isOne();
    }

    @Test
    void theEscalationFindsItsCustomerFromTheBindingNotFromAVariable() {
        String number = recallOfTwoCustomers("RFE", "Xeno Foods", "Yarrow Mills");
        Task x = notifyTask(number, "Xeno Foods");
        Task y = notifyTask(number, "Yarrow Mills");
        // a loop variable a user could overwrite would point the escalation at Xeno
        runtimeService.setVariable(y.getExecutionId(), "notificationId", notificationId(number, "Xeno Foods"));
        runtimeService.setVariable(y.getProcessInstanceId(), "notificationId", notificationId(number, "Xeno Foods"));
        Job yTimer = managementService.createJobQuery().processInstanceId(y.getProcessInstanceId()).timers()
                .singleResult();
        managementService.executeJob(yTimer.getId());
        api.executeJobs();
        assertThat(notification(number, "Yarrow Mills").get("ESCALATED_AT")).isNotNull();
        assertThat(notification(number, "Xeno Foods").get("ESCALATED_AT")).isNull();
        assertThat(taskService.getIdentityLinksForTask(y.getId())).extracting(l -> l.getGroupId())
                .contains("qa-manager");
        assertThat(taskService.getIdentityLinksForTask(x.getId())).extracting(l -> l.getGroupId())
                .doesNotContain("qa-manager");
    }

    @Test
    void aForgedRecallIdClosesTheRightRecall() {
        String one = recallWithoutCustomers("RFC");
        String other = recallWithoutCustomers("RFD");
        String pi = processOf(one);
        runtimeService.setVariable(pi, "recallId", recallId(other));
        runtimeService.setVariable(pi, "closedBy", "mallory");
        Task close = taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey("closeRecall")
                .singleResult();
        // a QA manager, with a comment of its own
        identityService.setAuthentication("jennifer", List.of("qa-manager"));
        assertThatThrownBy(() -> taskService.complete(close.getId(), vars("comment", " ")))
                .satisfies(e -> assertThat(refusal(e).properties()).containsEntry("field", "comment"));
        // the recalled lot's 100 drums are still at the plant: how they leave it is part of the signed closing
        assertThatThrownBy(() -> taskService.complete(close.getId(), vars("comment", "Labels corrected")))
                .satisfies(e -> assertThat(refusal(e).properties()).containsEntry("field", "disposalMethod")
                        .hasEntrySatisfying("reason", r -> assertThat((String) r).contains("(100 drums)")
                                .contains("DESTROYED, or RETURNED_TO_SUPPLIER (received lots only)")));
        assertThatThrownBy(() -> taskService.complete(close.getId(), vars("comment", "Labels corrected",
                "disposalMethod", "BURIED")))
                .satisfies(e -> assertThat(refusal(e).properties()).containsEntry("field", "disposalMethod"));
        // signed with jennifer's password, as the form's masked field or her HTTP Basic login carries it
        // on the figures the form showed (re-test 2026-12-06 N2: required, the engine's surface too)
        assertThatThrownBy(() -> org.lotflow.security.SignatureCredentials.with("jennifer", () -> taskService.complete(
                close.getId(), vars("comment", "Labels corrected", "disposalMethod", "destroyed"))))
                .satisfies(e -> assertThat(refusal(e).properties()).containsEntry("field", "figuresShown"));
        String shown = api.get("jennifer", "/engine-rest/task/" + close.getId() + "/form-variables").json()
                .get("figuresVersion").get("value").asText();
        org.lotflow.security.SignatureCredentials.with("jennifer", () -> taskService.complete(close.getId(),
                vars("comment", "Labels corrected", "recallId", recallId(other), "disposalMethod", "destroyed",
                        "disposalReference", "WM-2025-11", "figuresShown", shown)));
        identityService.clearAuthentication();
        runtimeService.setVariable(pi, "recallId", recallId(other));
        runtimeService.setVariable(pi, "comment", "forged");
        runtimeService.setVariable(pi, "disposalMethod", "DESTROYED");
        api.executeJobs();

        assertThat(recall(one).get("STATUS")).isEqualTo("CLOSED");
        assertThat(recall(one).get("CLOSED_BY")).isEqualTo("jennifer");
        assertThat(recall(one).get("CLOSE_COMMENT")).isEqualTo("Labels corrected");
        // the recalled stock left the plant as signed, in the signer's name
        String lot = jdbc.queryForObject("SELECT l.lot_number FROM recall_lot rl JOIN lot l ON l.id = rl.lot_id JOIN"
                + " recall r ON r.id = rl.recall_id WHERE r.recall_number = ?", String.class, one);
        JsonNode view = api.get("tom", "/api/lots/" + lot).json();
        assertThat(view.get("status").asText()).isEqualTo("RECALLED");
        assertThat(view.get("disposed").decimalValue()).isEqualByComparingTo("100");
        assertThat(view.get("available").decimalValue()).isEqualByComparingTo("0");
        JsonNode disposal = null;
        for (JsonNode e : api.get("tom", "/api/lots/" + lot + "/history").json()) {
            if ("DISPOSAL_CONFIRMED".equals(e.path("type").asText())) {
                disposal = e;
            }
        }
        assertThat(disposal.get("user").asText()).isEqualTo("jennifer");
        assertThat(disposal.get("detail").get("method").asText()).isEqualTo("DESTROYED");
        assertThat(disposal.get("detail").get("reference").asText()).isEqualTo("WM-2025-11");
        assertThat(disposal.get("reason").asText()).endsWith(" destroyed (WM-2025-11); recall " + one);
        assertThat(disposal.get("detail").get("recallNumber").asText()).isEqualTo(one);
        assertThat(recall(other).get("STATUS")).isEqualTo("AWAITING_CLOSE");
        assertThat(recall(other).get("CLOSED_BY")).isNull();
    }

    @Test
    void directStartsAreRefusedAndStartNothing() {
        String existing = recallWithoutCustomers("RFS");
        long recalls = jdbc.queryForObject("SELECT COUNT(*) FROM recall", Long.class);
        long before = recallProcesses();
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("lotRecall", "RC-2025-999",
                Map.of("recallId", recallId(existing))))
                .satisfies(e -> assertThat(RefusalStatus.of(refusal(e))).isEqualTo(403));
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("lotRecall", existing,
                Map.of("recallId", recallId(existing))))
                .satisfies(e -> assertThat(RefusalStatus.of(refusal(e))).isEqualTo(409));
        // without a business key it is the start form: a recall coordinator and the API's checks
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("lotRecall",
                Map.of("recallId", recallId(existing))))
                .satisfies(e -> assertThat(RefusalStatus.of(refusal(e))).isEqualTo(403));
        identityService.setAuthentication("jennifer", List.of("qa-manager"));
        // a QA manager has no start right on lotRecall (new user 2026-12-07 L2: Tasklist no longer offers her its form)
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("lotRecall",
                Map.of("lots", "X", "reason", "r", "classification", "CLASS_I")))
                .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("lotRecall")
                .latestVersion().startablePermissionCheck().list()).as("offered in Tasklist's Start process").isEmpty();
        identityService.setAuthentication("rachel", List.of("recall-coordinator"));
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("lotRecall")
                .latestVersion().startablePermissionCheck().list()).hasSize(1);
        identityService.setAuthentication("rachel", List.of("recall-coordinator"));
        assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey("lotRecall",
                Map.of("recallId", recallId(existing))))
                .satisfies(e -> assertThat(refusal(e).properties()).containsEntry("field", "lots"));
        identityService.clearAuthentication();
        assertThat(recallProcesses()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM recall", Long.class)).isEqualTo(recalls);
        assertThat(recall(existing).get("PROCESS_INSTANCE_ID")).isEqualTo(processOf(existing));
    }

    @Test
    void onlyRecallCoordinatorsStartRecalls() {
        String sku = api.createProduct("RFQ");
        String lot = api.releasedLot(sku, new BigDecimal("100"), "2025-01-10");
        Map<String, Object> body = Map.of("lots", List.of(lot), "reason", "Seal failure", "classification",
                "CLASS_II");
        Response byQa = api.post("jennifer", "/api/recalls", body);
        assertThat(byQa.status()).as(byQa.toString()).isEqualTo(403);
        assertThat(byQa.isProblem()).isTrue();
        Response formByQa = api.post("jennifer", "/engine-rest/process-definition/key/lotRecall/submit-form",
                Map.of("variables", Map.of("lots", Map.of("value", lot), "reason", Map.of("value", "x"),
                        "classification", Map.of("value", "CLASS_II"))));
        assertThat(formByQa.status()).as(formByQa.toString()).isEqualTo(403);
        // nor an administrator, through either surface (auditor 2026-12-06 B6: demo recalled a released lot for good)
        Response byAdmin = api.post("demo", "/api/recalls", body);
        assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(403);
        Response formByAdmin = api.post("demo", "/engine-rest/process-definition/key/lotRecall/submit-form",
                Map.of("variables", Map.of("lots", Map.of("value", lot), "reason", Map.of("value", "x"),
                        "classification", Map.of("value", "CLASS_II"))));
        assertThat(formByAdmin.status()).as(formByAdmin.toString()).isEqualTo(403);
        assertThat(formByAdmin.json().get("detail").asText()).isEqualTo("Only Recall coordinators may open a recall;"
                + " demo is not one (administering lotflow does not make one a member of its roles)");
        assertThat(api.get("tom", "/api/lots/" + lot).json().get("status").asText()).isEqualTo("RELEASED");
        Response byCoordinator = api.post("rachel", "/api/recalls", body);
        assertThat(byCoordinator.status()).as(byCoordinator.toString()).isEqualTo(201);
        JsonNode r = byCoordinator.json();
        assertThat(r.get("processInstanceId").asText()).isEqualTo(processOf(r.get("recallNumber").asText()));
        assertThat(runtimeService.getVariables(r.get("processInstanceId").asText())).isEmpty();
    }
}
