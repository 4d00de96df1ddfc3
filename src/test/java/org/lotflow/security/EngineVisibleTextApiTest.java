package org.lotflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * No text sent to the engine keeps a direction override or isolate (re-test 2026-12-06 E5: a task comment and a
 * user's e-mail kept U+202E, so screens showed another text than the one stored): 400 naming the JSON path, and
 * nothing stored.
 */
@ApiTest
class EngineVisibleTextApiTest {

    @Autowired
    TestClient api;

    @Autowired
    org.camunda.bpm.engine.TaskService taskService;

    @Test
    void aTaskCommentOrAProfileWithADirectionOverrideIsRefusedNamingItsField() {
        String lot = api.createLot(api.createProduct("BIDI"), new BigDecimal("10"), "2025-01-20");
        String task = api.get("sarah", "/engine-rest/task?processInstanceBusinessKey=" + lot
                + "&taskDefinitionKey=recordLabResults").json().get(0).get("id").asText();
        Response forged = api.post("sarah", "/engine-rest/task/" + task + "/comment/create", Map.of("message",
                "Sample \u202EDEVORPPA TON\u202C"));
        assertThat(forged.status()).as(forged.toString()).isEqualTo(400);
        assertThat(forged.json().get("field").asText()).isEqualTo("message");
        assertThat(forged.json().get("detail").asText()).contains("direction-changing control character");
        assertThat(taskService.getTaskComments(task)).isEmpty();
        Response nested = api.call("sarah", HttpMethod.POST, "/engine-rest/task/" + task + "/submit-form", Map.of(
                "variables", Map.of("labResults", Map.of("value", "viscosity = 248 \u2066x\u2069"))));
        assertThat(nested.status()).as(nested.toString()).isEqualTo(400);
        assertThat(nested.json().get("field").asText()).isEqualTo("labResults");
        // nor an attachment's name in a multipart form (re-test 2026-12-06 F2)
        String form = "--XyZ\r\nContent-Disposition: form-data; name=\"attachment-name\"\r\n\r\nreport \u202Efdp.exe"
                + "\r\n--XyZ\r\nContent-Disposition: form-data; name=\"url\"\r\n\r\nhttp://example.com/r\r\n--XyZ--\r\n";
        Response attached = api.send("sarah", HttpMethod.POST, "/engine-rest/task/" + task + "/attachment/create", form,
                "multipart/form-data; boundary=XyZ; charset=UTF-8");
        assertThat(attached.status()).as(attached.toString()).isEqualTo(400);
        assertThat(attached.json().path("field").asText()).as(attached.toString()).isEqualTo("attachment-name");
        assertThat(taskService.getTaskAttachments(task)).isEmpty();
        // the same comment without the override is not refused for its text (the engine then answers as it does:
        // a comment needs the task's history, which an analyst may not read)
        Response plain = api.post("sarah", "/engine-rest/task/" + task + "/comment/create", Map.of("message",
                "Sample received"));
        assertThat(plain.text()).doesNotContain("direction-changing");
        // JSON in another character set is refused as such, not read as a text of the wrong shape (auditor 2026-12-06
        // G14: "café" in ISO-8859-1 was "message does not have the shape the engine REST API expects")
        int before = taskService.getTaskComments(task).size();
        Response latin1 = api.send("sarah", HttpMethod.POST, "/engine-rest/task/" + task + "/comment/create",
                "{\"message\": \"Sample received\"}", "application/json; charset=ISO-8859-1");
        assertThat(latin1.status()).as(latin1.toString()).isEqualTo(415);
        assertThat(latin1.json().get("field").asText()).isEqualTo("Content-Type");
        assertThat(latin1.json().get("detail").asText()).isEqualTo("The body is JSON in ISO-8859-1: send it in UTF-8"
                + " (Content-Type: application/json; charset=UTF-8, or no charset); nothing was changed");
        assertThat(taskService.getTaskComments(task)).hasSize(before);
        Response utf8 = api.send("sarah", HttpMethod.POST, "/engine-rest/task/" + task + "/comment/create",
                "{\"message\": \"Sample received\"}", "application/json;charset=\"utf-8\"");
        assertThat(utf8.status()).as(utf8.toString()).isNotEqualTo(415);
    }

    /** Auditor 2026-12-06 G10: JSON nested 5000 deep answered 500 with the library's exception and its limits. */
    @Test
    void aBodyNestedBeyondWhatIsReadIsA400NotAServerError() {
        String deep = "{\"variables\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        for (String path : new String[] {"/engine-rest/task", "/engine-rest/task/count", "/engine-rest/variable-instance",
                "/engine-rest/job"}) {
            Response r = api.send("sarah", HttpMethod.POST, path, deep, "application/json");
            assertThat(r.status()).as(path + ": " + r).isEqualTo(400);
            assertThat(r.isProblem()).isTrue();
            assertThat(r.json().get("field").asText()).isEqualTo("body");
            assertThat(r.text()).doesNotContain("Exception").doesNotContain("StreamReadConstraints");
        }
    }
}
