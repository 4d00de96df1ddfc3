package org.lotflow.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A release step that fails (here: the lot was rejected behind the process's back) changes
 * nothing: the lot keeps its status and history, the process stays at its save point, the job is
 * retried and ends as an incident that Cockpit shows.
 */
@ApiTest
class ReleaseStepFailureApiTest {

    @Autowired
    TestClient api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ManagementService managementService;

    @Autowired
    RuntimeService runtimeService;

    @Test
    void aFailingReleaseStepRollsBackLotAndProcessAndBecomesAnIncident() {
        String sku = api.createProduct("FAIL");
        String lot = api.createLot(sku, new BigDecimal("100"), "2025-01-20");
        assertThat(api.post("sarah", "/api/lots/" + lot + "/lab-results", Map.of("results", List.of(
                Map.of("test", "viscosity", "value", 248), Map.of("test", "flashPoint", "value", 225)))).status())
                .isEqualTo(200);
        String taskId = api.get("jennifer", "/engine-rest/task?processInstanceBusinessKey=" + lot
                + "&taskDefinitionKey=approveRelease").json().get(0).get("id").asText();
        assertThat(api.post("jennifer", "/engine-rest/task/" + taskId + "/complete", Map.of("variables", Map.of(
                "approved", Map.of("value", true), "comment", Map.of("value", "ok")))).status()).isEqualTo(204);
        int eventsBefore = api.get("mike", "/api/lots/" + lot + "/history").json().size();

        // someone rejects the lot directly in the database before the release step runs
        jdbc.update("UPDATE lot SET status = 'REJECTED' WHERE lot_number = ?", lot);
        String processId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(lot)
                .processDefinitionKey("lotRelease").singleResult().getId();
        Job job = managementService.createJobQuery().processInstanceId(processId).activityId("releaseLot").singleResult();
        assertThat(job.getRetries()).isEqualTo(3);
        for (int attempt = 0; attempt < 3; attempt++) {
            assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("REJECTED");
        }

        Job failed = managementService.createJobQuery().jobId(job.getId()).singleResult();
        assertThat(failed.getRetries()).isZero();
        assertThat(failed.getExceptionMessage()).contains("REJECTED");
        assertThat(runtimeService.createIncidentQuery().processInstanceId(processId).count()).isEqualTo(1);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(processId).singleResult())
                .as("the process waits at its save point").isNotNull();
        assertThat(api.get("mike", "/api/lots/" + lot).json().get("status").asText()).isEqualTo("REJECTED");
        assertThat(api.get("mike", "/api/lots/" + lot + "/history").json()).hasSize(eventsBefore);

        // Cockpit's "retry" of the incident: QA managers may, nobody else of the business groups
        String retries = "/engine-rest/job/" + job.getId() + "/retries";
        for (String user : List.of("mike", "sarah", "tom", "rachel")) {
            assertThat(api.call(user, org.springframework.http.HttpMethod.PUT, retries, Map.of("retries", 1)).status()).as(user).isEqualTo(403);
        }
        assertThat(managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isZero();
        TestClient.Response retried = api.call("jennifer", org.springframework.http.HttpMethod.PUT, retries, Map.of("retries", 1));
        assertThat(retried.status()).as(retried.toString()).isEqualTo(204);
        assertThat(managementService.createJobQuery().jobId(job.getId()).singleResult().getRetries()).isEqualTo(1);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(processId).count()).isZero();

        // the retried job can never succeed (the lot stays REJECTED): it must not fail a later test's
        // executeJobs(), which runs every executable job of the shared engine
        runtimeService.deleteProcessInstance(processId, "test done: the lot was rejected behind the process's back");
        // the rejection with the event lotflow would have written: other tests of the shared database assert the audit
        // check intact, which compares each lot's status with its trail (audit 29 F2)
        org.lotflow.support.TrailedEdits.status(jdbc, lot, "REJECTED", null);
    }
}
