package org.lotflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.MissingAuthorization;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Authorization refusals in words, and a right refused on a task completed meanwhile as the lost race it is (auditor
 * 2026-12-07 F1 and F7): 409, never a 403 telling a QA manager she lacks a right she has.
 */
@ApiTest
class EngineAuthorizationRefusalApiTest {

    @Autowired
    TestClient api;

    @Autowired
    TaskService taskService;

    private static AuthorizationException taskWork(String user, String taskId) {
        return new AuthorizationException(user, List.of(new MissingAuthorization("TASK_WORK", "Task", taskId),
                new MissingAuthorization("UPDATE", "Task", taskId)));
    }

    @Test
    void aRightRefusedOnATaskCompletedMeanwhileIsALostRaceAndOnAnOpenOneA403InWords() {
        String sku = api.createProduct("AREF");
        String lot = api.createLot(sku, new BigDecimal("100"), "2025-01-10");
        Task lab = taskService.createTaskQuery().processInstanceBusinessKey(lot).singleResult();

        EngineRefusals.Refusal open = EngineAuthorizationRefusal.of(taskWork("tom", lab.getId()));
        assertThat(open.status()).isEqualTo(403);
        assertThat(open.message()).isEqualTo("'tom' may not do this: it takes the right to work on this task, or to"
                + " change this task; nothing was changed.").doesNotContain(lab.getId());

        assertThat(api.post("sarah", "/api/lots/" + lot + "/lab-results", Map.of("results", List.of(
                Map.of("test", "viscosity", "value", 250), Map.of("test", "flashPoint", "value", 225)))).status())
                .isEqualTo(200);
        assertThat(taskService.createTaskQuery().taskId(lab.getId()).count()).as("completed").isZero();
        EngineRefusals.Refusal gone = EngineAuthorizationRefusal.of(taskWork("sarah", lab.getId()));
        assertThat(gone.status()).isEqualTo(409);
        assertThat(gone.message()).isEqualTo(EngineRefusals.TASK_GONE);
    }

    @Test
    void engineRightsAreNamedInWordsOnEngineRest() {
        JsonNode answer = api.post("sarah", "/engine-rest/filter/create", Map.of("resourceType", "Task", "name", "x",
                "query", Map.of())).json();
        assertThat(answer.get("status").asInt()).isEqualTo(403);
        assertThat(answer.get("detail").asText()).isEqualTo("'sarah' may not do this: it takes the right to create"
                + " Tasklist filters; nothing was changed.");
    }

    @Test
    void theSentenceNamesEachRightOnceAndBatchOperationsInWords() {
        assertThat(EngineAuthorizationRefusal.sentence("jennifer", "The user ...", List.of(
                new MissingAuthorization("CREATE", "Batch", null),
                new MissingAuthorization("CREATE_BATCH_SET_JOB_RETRIES", "Batch", null))))
                .isEqualTo("'jennifer' may not do this: it takes the right to create batch operations, or to start"
                        + " batch operations to set job retries; nothing was changed.");
        assertThat(EngineAuthorizationRefusal.sentence("jennifer", "Required admin authenticated group or user or any"
                + " of the following permissions: 'DELETE' permission on resource 'System'.", List.of(
                        new MissingAuthorization("DELETE", "System", null))))
                .isEqualTo("'jennifer' may not do this: it takes the right to delete the engine's system records, or"
                        + " an administrator; nothing was changed.");
        assertThat(EngineAuthorizationRefusal.sentence(null, "Required admin", List.of()))
                .isEqualTo("Only an administrator may do this; nothing was changed.");
        assertThat(EngineAuthorizationRefusal.sentence("tom", "x", List.of(new MissingAuthorization("CREATE_INSTANCE",
                "ProcessDefinition", "quarantineInvestigation")))).isEqualTo("'tom' may not do this: it takes the"
                        + " right to start the process 'quarantineInvestigation'; nothing was changed.");
    }

    /**
     * Re-test 2026-12-07 R6, R7: the engine's permission text that Camunda's REST layer re-throws without its exception
     * (a task's deployed form), a call only administrators may make, and metric intervals the engine failed on (500).
     */
    @Test
    void rethrownPermissionTextAdminOnlyCallsAndMetricIntervalsAreAnsweredInWords() {
        String lot = api.createLot(api.createProduct("AREW"), new BigDecimal("100"), "2025-01-10");
        Task lab = taskService.createTaskQuery().processInstanceBusinessKey(lot).singleResult();
        // a task tom may not read is, to him, no open task (as GET task/{id} answers itself)
        JsonNode form = api.get("tom", "/engine-rest/task/" + lab.getId() + "/deployed-form").json();
        assertThat(form.get("status").asInt()).isEqualTo(404);
        assertThat(form.get("detail").asText()).isEqualTo(EngineRefusals.noOpenTask(lab.getId()))
                .doesNotContain("permission on resource");
        assertThat(EngineAuthorizationRefusal.unreadableTask("The user with id 'tom' does not have one of the following"
                + " permissions: 'READ' permission on resource 'abc' of type 'Task' or 'READ_TASK' permission on"
                + " resource 'lotRelease' of type 'ProcessDefinition'")).isEqualTo("abc");
        assertThat(EngineAuthorizationRefusal.unreadableTask("The user with id 'tom' does not have 'UPDATE' permission"
                + " on resource 'abc' of type 'Task'")).isNull();
        EngineRefusals.Refusal unread = EngineAuthorizationRefusal.of(new AuthorizationException("tom", List.of(
                new MissingAuthorization("READ", "Task", lab.getId()),
                new MissingAuthorization("READ_TASK", "ProcessDefinition", "lotRelease"))));
        assertThat(unread.status()).isEqualTo(404);
        assertThat(unread.message()).isEqualTo(EngineRefusals.noOpenTask(lab.getId()));
        JsonNode cleanup = api.post("tom", "/engine-rest/history/cleanup", Map.of()).json();
        assertThat(cleanup.get("status").asInt()).isEqualTo(403);
        assertThat(cleanup.get("detail").asText()).contains("administrator").doesNotContain("ENGINE-");
        for (String bad : List.of("interval=0", "interval=-5", "interval=abc", "maxResults=100000")) {
            JsonNode metrics = api.get("jennifer", "/engine-rest/metrics?" + bad).json();
            assertThat(metrics.get("status").asInt()).as(bad).isEqualTo(400);
            assertThat(metrics.get("field").asText()).as(bad).isEqualTo(bad.substring(0, bad.indexOf('=')));
        }
        assertThat(EngineAuthorizationRefusal.fromEngineText("The user with id 'tom' does not have one of the following"
                + " permissions: 'READ' permission on resource 'abc' of type 'Task' or 'READ_TASK' permission on"
                + " resource 'lotRelease' of type 'ProcessDefinition'")).isEqualTo("'tom' may not do this: it takes"
                        + " the right to read this task, or to read the tasks of the process 'lotRelease'; nothing was"
                        + " changed.");
        assertThat(EngineAuthorizationRefusal.fromEngineText("ENGINE-03029 Required admin authenticated group or user."))
                .isEqualTo("Only an administrator may do this; nothing was changed.");
        assertThat(EngineAuthorizationRefusal.fromEngineText("Some other text")).isNull();
    }
}
