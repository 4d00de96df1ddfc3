package org.lotflow.release;

import org.lotflow.shared.Refusal;
import org.lotflow.shared.RefusalStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue #8, engine side: every Camunda surface lets a user write process variables, so no fact
 * or outcome of {@code lotRelease} may depend on one. Driven through the engine's Java API (what
 * engine REST, Tasklist and Cockpit call), with variables a user could send: which lot, who
 * recorded, who approved, where the process routes. Only lotflow's records decide.
 */
@ApiTest
class ReleaseFactsTamperingTest {

    @Autowired
    TestClient api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    RuntimeService runtimeService;

    @Autowired
    TaskService taskService;

    @Autowired
    IdentityService identityService;

    @Autowired
    ManagementService managementService;

    @AfterEach
    void clearIdentity() {
        identityService.clearAuthentication();
    }

    private Long lotId(String lotNumber) {
        return jdbc.queryForObject("SELECT id FROM lot WHERE lot_number = ?", Long.class, lotNumber);
    }

    private String status(String lotNumber) {
        return api.get("mike", "/api/lots/" + lotNumber).json().get("status").asText();
    }

    private List<String> types(String lotNumber) {
        return api.get("mike", "/api/lots/" + lotNumber + "/history").json().findValues("type").stream()
                .map(JsonNode::asText).toList();
    }

    private JsonNode last(String lotNumber, String type) {
        JsonNode found = null;
        for (JsonNode e : api.get("mike", "/api/lots/" + lotNumber + "/history").json()) {
            if (e.get("type").asText().equals(type)) {
                found = e;
            }
        }
        assertThat(found).as(type + " in the history of " + lotNumber).isNotNull();
        return found;
    }

    private void passingResults(String user, String lotNumber) {
        var r = api.post(user, "/api/lots/" + lotNumber + "/lab-results", Map.of("results",
                List.of(Map.of("test", "viscosity", "value", 248), Map.of("test", "flashPoint", "value", 225))));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
    }

    private String processOf(String lotNumber) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("lotRelease")
                .processInstanceBusinessKey(lotNumber).singleResult().getId();
    }

    private String approveTask(String lotNumber) {
        return taskService.createTaskQuery().processInstanceBusinessKey(lotNumber)
                .taskDefinitionKey("approveRelease").singleResult().getId();
    }

    /** Completes as the authenticated manager, with her password accompanying the call (HTTP Basic or Tasklist's field). */
    private void complete(String taskId, Map<String, Object> variables) {
        org.lotflow.security.SignatureCredentials.with("jennifer", () -> taskService.complete(taskId, variables));
    }

    private void asManager(String user) {
        identityService.setAuthentication(user, List.of("qa-manager"));
    }

    private long releaseProcesses(String lotNumber) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey("lotRelease")
                .processInstanceBusinessKey(lotNumber).count();
    }

    /** The lotflow refusal in an engine exception's cause chain. */
    private static Refusal refusal(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof Refusal api) {
                return api;
            }
        }
        throw new AssertionError("no lotflow refusal in " + thrown, thrown);
    }

    @Test
    void completingOneLotsApprovalWithAnotherLotsIdReleasesOnlyThatLot() {
        String sku = api.createProduct("TAMPER");
        String a = api.createLot(sku, new BigDecimal("100"), "2025-01-20");
        String b = api.createLot(sku, new BigDecimal("100"), "2025-01-20");
        passingResults("sarah", a);
        passingResults("sarah", b);

        asManager("jennifer");
        complete(approveTask(a), Map.of("approved", true, "comment", "x", "lotId", lotId(b),
                "labRecordedBy", "someoneElse", "approvedBy", "mallory"));
        identityService.clearAuthentication();
        api.executeJobs();

        assertThat(status(a)).isEqualTo("RELEASED");
        assertThat(status(b)).isEqualTo("PENDING");
        assertThat(types(b)).doesNotContain("RELEASE_APPROVED", "STATUS_CHANGED");
        JsonNode approval = last(a, "RELEASE_APPROVED");
        assertThat(approval.get("user").asText()).isEqualTo("jennifer");
        assertThat(approval.get("detail").get("labRecordedBy").asText()).isEqualTo("sarah");
        assertThat(last(a, "STATUS_CHANGED").get("user").asText()).isEqualTo("jennifer");
        // lot B's own approval task is still open and untouched
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(b).taskDefinitionKey("approveRelease")
                .count()).isEqualTo(1);
    }

    @Test
    void aForgedAnalystDoesNotDefeatFourEyes() {
        String sku = api.createProduct("TAMP4E");
        String lot = api.createLot(sku, new BigDecimal("100"), "2025-01-20");
        passingResults("jennifer", lot); // a QA manager records the results herself

        asManager("jennifer");
        String task = approveTask(lot);
        Throwable selfApproval = catchThrowable(() -> complete(task, Map.of("approved", true,
                "comment", "self", "labRecordedBy", "sarah")));
        identityService.clearAuthentication();
        assertThat(selfApproval).isNotNull();
        assertThat(selfApproval.getMessage()).contains("Four-eyes");
        api.executeJobs();
        assertThat(status(lot)).isEqualTo("PENDING");
        assertThat(types(lot)).doesNotContain("RELEASE_APPROVED");
        assertThat(taskService.createTaskQuery().taskId(task).count()).isEqualTo(1);

        // variables set on the process before completing change nothing either
        runtimeService.setVariable(processOf(lot), "labRecordedBy", "sarah");
        asManager("jennifer");
        assertThat(catchThrowable(() -> complete(task, Map.of("approved", true, "comment", "self"))))
                .hasMessageContaining("Four-eyes");
        identityService.clearAuthentication();
        assertThat(status(lot)).isEqualTo("PENDING");
    }

    @Test
    void variablesSetBetweenStepsDoNotRedirectTheOutcome() {
        String sku = api.createProduct("TAMPVAR");
        String a = api.createLot(sku, new BigDecimal("100"), "2025-01-20");
        String b = api.createLot(sku, new BigDecimal("100"), "2025-01-20");
        passingResults("sarah", a);
        passingResults("sarah", b);
        String pi = processOf(a);
        runtimeService.setVariable(pi, "lotId", lotId(b));

        asManager("jennifer");
        complete(approveTask(a), Map.of("approved", true, "comment", "ok"));
        identityService.clearAuthentication();
        // before the release step runs, someone points the process at lot B and names another approver
        runtimeService.setVariable(pi, "lotId", lotId(b));
        runtimeService.setVariable(pi, "approvedBy", "sarah");
        runtimeService.setVariable(pi, "labPassed", false);
        api.executeJobs();

        assertThat(status(a)).isEqualTo("RELEASED");
        assertThat(last(a, "STATUS_CHANGED").get("user").asText()).isEqualTo("jennifer");
        assertThat(status(b)).isEqualTo("PENDING");
        assertThat(types(b)).doesNotContain("STATUS_CHANGED");
    }

    @Test
    void anOutcomeStepReachedWithoutTheSignedDecisionIsRefusedAndChangesNothing() {
        String sku = api.createProduct("TAMPSTEP");
        String lot = api.createLot(sku, new BigDecimal("100"), "2025-01-20");
        passingResults("sarah", lot);
        String pi = processOf(lot);
        int eventsBefore = types(lot).size();
        // a routing variable or a Cockpit modification sends the process to releaseLot / rejectLot
        runtimeService.setVariable(pi, "approved", true);
        runtimeService.setVariable(pi, "approvedBy", "jennifer");
        runtimeService.createProcessInstanceModification(pi).startBeforeActivity("releaseLot")
                .startBeforeActivity("rejectLot").execute();
        for (String step : List.of("releaseLot", "rejectLot")) {
            Job job = managementService.createJobQuery().processInstanceId(pi).activityId(step).singleResult();
            for (int attempt = 0; attempt < 3; attempt++) { // retried, then an incident for Cockpit
                assertThat(catchThrowable(() -> managementService.executeJob(job.getId()))).as(step)
                        .hasMessageContaining("Refused to carry out");
            }
        }
        assertThat(runtimeService.createIncidentQuery().processInstanceId(pi).count()).isEqualTo(2);
        assertThat(status(lot)).isEqualTo("PENDING");
        assertThat(types(lot)).hasSize(eventsBefore);
    }

    @Test
    void anOutOfSpecificationLotIsNeitherRejectedNorReleasedAroundItsInvestigation() {
        String sku = api.createProduct("TAMPOOS");
        String lot = api.createLot(sku, new BigDecimal("100"), "2025-01-20");
        var r = api.post("sarah", "/api/lots/" + lot + "/lab-results", Map.of("results",
                List.of(Map.of("test", "viscosity", "value", 232), Map.of("test", "flashPoint", "value", 225))));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        String pi = processOf(lot);
        int eventsBefore = types(lot).size();
        // Cockpit sends the process to the outcome steps and to approveRelease while phase I is open
        runtimeService.setVariable(pi, "oosDecision", "REJECT");
        runtimeService.setVariable(pi, "labPassed", true);
        runtimeService.createProcessInstanceModification(pi).startBeforeActivity("releaseLot")
                .startBeforeActivity("rejectLot").startBeforeActivity("approveRelease").execute();
        for (String step : List.of("releaseLot", "rejectLot")) {
            Job job = managementService.createJobQuery().processInstanceId(pi).activityId(step).singleResult();
            for (int attempt = 0; attempt < 3; attempt++) {
                assertThat(catchThrowable(() -> managementService.executeJob(job.getId()))).as(step)
                        .hasMessageContaining("Refused to carry out");
            }
        }
        asManager("jennifer");
        Throwable approval = catchThrowable(() -> complete(approveTask(lot), Map.of("approved", true, "comment", "x")));
        identityService.clearAuthentication();
        assertThat(refusal(approval).getMessage()).contains("no passing lab verdict");
        assertThat(status(lot)).isEqualTo("PENDING");
        assertThat(types(lot)).hasSize(eventsBefore);

        // through both phases, a decision variable set beforehand does not replace the signed decision
        String phaseOne = taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey("investigateLabError")
                .singleResult().getId();
        asManager("jennifer");
        taskService.complete(phaseOne, Map.of("labConclusion", "CONFIRMED", "findings", "no lab error"));
        taskService.complete(taskService.createTaskQuery().processInstanceId(pi)
                .taskDefinitionKey("investigateProduction").singleResult().getId(), Map.of("findings", "root cause"));
        identityService.clearAuthentication(); // what an administrator's variable edit in Cockpit does
        runtimeService.setVariable(pi, "oosDecision", "RELEASE");
        asManager("jennifer");
        complete(taskService.createTaskQuery().processInstanceId(pi).taskDefinitionKey("decideOutOfSpecification")
                .singleResult().getId(), Map.of("oosDecision", "REJECT", "comment", "confirmed"));
        identityService.clearAuthentication();
        api.executeJobs();
        assertThat(status(lot)).isEqualTo("REJECTED");
        assertThat(last(lot, "OOS_DECISION_SIGNED").get("detail").get("decision").asText()).isEqualTo("REJECT");
    }

    @Test
    void lotReleaseStartsOnlyThroughCreatingALot() {
        String sku = api.createProduct("TAMPSTART");
        String released = api.releasedLot(sku, new BigDecimal("100"), "2025-01-20");
        String held = api.releasedLot(sku, new BigDecimal("100"), "2025-01-20");
        assertThat(api.post("sarah", "/api/lots/" + held + "/holds", Map.of("reason", "complaint")).status())
                .isEqualTo(202);
        var unidentified = api.post("mike", "/api/lots", Map.of("sku", sku, "quantity", 10, "manufactureDate",
                "2025-01-10", "location", "dock", "source", "UNIDENTIFIED_STOCK"));
        assertThat(unidentified.status()).isEqualTo(201);
        String unknownStock = unidentified.json().get("lotNumber").asText();
        String pending = api.createLot(sku, new BigDecimal("100"), "2025-01-20");
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("lotRelease").count();

        Map<String, Object> forged = Map.of("lotId", lotId(pending), "releaseDueAt", new java.util.Date());
        assertThat(RefusalStatus.of(refusal(catchThrowable(() -> runtimeService.startProcessInstanceByKey("lotRelease", held,
                forged))))).isEqualTo(409);
        assertThat(RefusalStatus.of(refusal(catchThrowable(() -> runtimeService.startProcessInstanceByKey("lotRelease", released,
                forged))))).isEqualTo(409);
        assertThat(refusal(catchThrowable(() -> runtimeService.startProcessInstanceByKey("lotRelease",
                unknownStock, forged))).getMessage()).contains("unidentified");
        assertThat(RefusalStatus.of(refusal(catchThrowable(() -> runtimeService.startProcessInstanceByKey("lotRelease",
                "NOPE-404", forged))))).isEqualTo(404);
        assertThat(RefusalStatus.of(refusal(catchThrowable(() -> runtimeService.startProcessInstanceByKey("lotRelease",
                forged))))).isEqualTo(400);
        // a PENDING lot has its one release process already
        assertThat(refusal(catchThrowable(() -> runtimeService.startProcessInstanceByKey("lotRelease", pending,
                forged))).getMessage()).contains("already has its lab release");
        assertThat(releaseProcesses(pending)).isEqualTo(1);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("lotRelease").count())
                .isEqualTo(before);
        // over engine REST as production (who may start lotRelease at all): refused (403: lotflow starts it
        // itself, through creating a lot), never a 500
        for (String key : List.of(released, "NOPE-405")) {
            var rest = api.post("mike", "/engine-rest/process-definition/key/lotRelease/start", Map.of(
                    "businessKey", key, "variables", Map.of("lotId", Map.of("value", lotId(pending), "type", "Long"))));
            assertThat(rest.status()).as(rest.toString()).isEqualTo(403);
        }
        assertThat(releaseProcesses(held) + releaseProcesses(released) + releaseProcesses(unknownStock)).isZero();
        assertThat(status(held)).isEqualTo("QUARANTINE");
        assertThat(status(released)).isEqualTo("RELEASED");
    }

    @Test
    void aDirectStartIsRefusedEvenForAPendingLotWithoutItsProcess() {
        String sku = api.createProduct("TAMPHAND");
        String pending = api.createLot(sku, new BigDecimal("100"), "2025-01-20");
        runtimeService.deleteProcessInstance(processOf(pending), "test: the lot lost its release process");
        jdbc.update("DELETE FROM lot_release_run WHERE lot_id = ?", lotId(pending));
        Refusal refused = refusal(catchThrowable(() -> runtimeService.startProcessInstanceByKey("lotRelease",
                pending, Map.of("releaseDueAt", new java.util.Date()))));
        assertThat(RefusalStatus.of(refused)).isEqualTo(403);
        assertThat(refused.getMessage()).contains("started by lotflow");
        assertThat(releaseProcesses(pending)).isZero();
    }

    @Test
    void theDecisionIsRequiredEveryTimeTypedAndNeverTakenFromAnEarlierValue() {
        String sku = api.createProduct("TAMPDEC");
        String lot = api.createLot(sku, new BigDecimal("100"), "2025-01-20");
        // a value waiting on the process before the approval task exists
        runtimeService.setVariable(processOf(lot), "approved", true);
        passingResults("sarah", lot);
        String task = approveTask(lot);

        asManager("jennifer");
        Refusal missing = refusal(catchThrowable(() -> complete(task, Map.of("comment", "ok"))));
        assertThat(RefusalStatus.of(missing)).isEqualTo(400);
        assertThat(missing.properties().get("field")).isEqualTo("approved");
        Refusal notBoolean = refusal(catchThrowable(() -> complete(task,
                Map.of("approved", "yes", "comment", "ok"))));
        assertThat(notBoolean.properties().get("field")).isEqualTo("approved");
        Refusal noComment = refusal(catchThrowable(() -> complete(task,
                Map.of("approved", true))));
        assertThat(noComment.properties().get("field")).isEqualTo("comment");
        identityService.clearAuthentication();
        assertThat(status(lot)).isEqualTo("PENDING");
        assertThat(types(lot)).doesNotContain("RELEASE_APPROVED", "RELEASE_REFUSED");

        asManager("jennifer");
        complete(task, Map.of("approved", false, "comment", "Retained sample missing"));
        identityService.clearAuthentication();
        api.executeJobs();
        assertThat(status(lot)).isEqualTo("REJECTED");
        // the rejected lot waits for its disposal only (W5)
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(lot).list())
                .extracting(org.camunda.bpm.engine.task.Task::getTaskDefinitionKey).containsExactly("confirmDisposal");
    }
}
