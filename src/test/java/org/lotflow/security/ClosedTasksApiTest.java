package org.lotflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A task no longer open, asked about through the engine's task calls (re-test 2026-12-07 R3, R4, R8, N3): whoever could
 * never have worked on it gets the 404 of an id of no task and learns nothing of it; the others 409 with who completed it and when (the
 * completer from the engine's operation log when nobody had claimed it); an id of no task 404.
 */
@ApiTest
class ClosedTasksApiTest {

    @Autowired
    TestClient api;

    @Autowired
    TaskService taskService;

    @Test
    void aClosedTaskIsDescribedOnlyToThoseWhoCouldHaveWorkedOnIt() {
        String lot = api.createLot(api.createProduct("CLOS"), new BigDecimal("100"), "2025-01-10");
        String lab = taskService.createTaskQuery().processInstanceBusinessKey(lot).singleResult().getId();
        assertThat(api.post("sarah", "/api/lots/" + lot + "/lab-results", Map.of("results", List.of(
                Map.of("test", "viscosity", "value", 250), Map.of("test", "flashPoint", "value", 225)))).status())
                .isEqualTo(200);
        Map<String, Object> body = Map.of("variables", Map.of("labResults", Map.of("value", "viscosity = 250")));

        for (String path : List.of("/complete", "/submit-form", "/claim", "/comment/create")) {
            Response outsider = api.post("tom", "/engine-rest/task/" + lab + path, path.equals("/claim")
                    ? Map.of("userId", "tom") : path.equals("/comment/create") ? Map.of("message", "x") : body);
            assertThat(outsider.status()).as(path + " " + outsider).isEqualTo(404);
            assertThat(outsider.json().get("detail").asText()).as(path).isEqualTo("There is no task '" + lab + "'");
        }
        Response completer = api.post("sarah", "/engine-rest/task/" + lab + "/complete", body);
        assertThat(completer.status()).isEqualTo(409);
        assertThat(completer.json().get("detail").asText()).contains("was already completed by Sarah Johnson (sarah) at 2025-01-28 ")
                .endsWith("UTC; nothing of yours was saved");
        Response claim = api.post("sarah", "/engine-rest/task/" + lab + "/claim", Map.of("userId", "sarah"));
        assertThat(claim.status()).isEqualTo(409);
        assertThat(claim.json().get("detail").asText()).contains("already completed by Sarah Johnson (sarah)")
                .endsWith("; there is nothing to claim").doesNotContain("just before your request");
        Response none = api.post("sarah", "/engine-rest/task/no-such-task/claim", Map.of("userId", "sarah"));
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().get("detail").asText()).isEqualTo("There is no task 'no-such-task'");
    }
}
