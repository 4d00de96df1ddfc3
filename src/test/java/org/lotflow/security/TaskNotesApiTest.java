package org.lotflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * Auditor 2026-12-06 A3, A5, A6: a note on a task is a record in its writer's name about that task. The task's own
 * people write and read it (they got the engine's "No task found"); nobody else does, administrators included; it is
 * filed under the task's own process, never empty; and bodies the engine would fail on with a NullPointerException are
 * refused in words.
 */
@ApiTest
class TaskNotesApiTest {

    @Autowired
    TestClient api;

    @Autowired
    org.camunda.bpm.engine.TaskService taskService;

    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;

    private static void problem(Response r, int status, String field, String detail) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.isProblem()).as(r.toString()).isTrue();
        if (field != null) {
            assertThat(r.json().get("field").asText()).as(r.toString()).isEqualTo(field);
        }
        assertThat(r.json().get("detail").asText()).as(r.toString()).contains(detail);
    }

    @Test
    void aTasksOwnPeopleWriteAndReadItsCommentsAndNobodyElseDoes() {
        String lot = api.createLot(api.createProduct("NOTE"), new BigDecimal("10"), "2025-01-20");
        String task = api.get("sarah", "/engine-rest/task?processInstanceBusinessKey=" + lot
                + "&taskDefinitionKey=recordLabResults").json().get(0).get("id").asText();
        String instance = taskService.createTaskQuery().taskId(task).singleResult().getProcessInstanceId();

        Response written = api.post("sarah", "/engine-rest/task/" + task + "/comment/create",
                Map.of("message", "Sample retaken at 10:40"));
        assertThat(written.status()).as(written.toString()).isEqualTo(200);
        assertThat(written.json().get("userId").asText()).isEqualTo("sarah");
        assertThat(written.json().get("taskId").asText()).isEqualTo(task);
        assertThat(written.json().get("processInstanceId").asText()).isEqualTo(instance);
        assertThat(written.json().get("message").asText()).isEqualTo("Sample retaken at 10:40");
        JsonNode read = api.get("sarah", "/engine-rest/task/" + task + "/comment").json();
        assertThat(read).hasSize(1);
        assertThat(read.get(0).get("userId").asText()).isEqualTo("sarah");

        // nobody outside the task's groups, an administrator neither: told why; to those who may not even read the
        // task, it is no task at all
        problem(api.post("demo", "/engine-rest/task/" + task + "/comment/create", Map.of("message", "x")), 403,
                null, "written by the people who work on it");
        for (String outsider : new String[] {"tom", "mike"}) {
            problem(api.post(outsider, "/engine-rest/task/" + task + "/comment/create", Map.of("message", "x")), 404,
                    null, "There is no task '" + task + "'");
        }
        // filed under the task's own process only, never empty, nothing but the message
        String other = runtimeService.createProcessInstanceQuery().processDefinitionKey("expiryMonitoring").list()
                .stream().map(p -> p.getId()).findFirst().orElse("nope");
        problem(api.post("sarah", "/engine-rest/task/" + task + "/comment/create", Map.of("message", "x",
                "processInstanceId", other)), 400, "processInstanceId", "filed under the task's own process");
        problem(api.post("sarah", "/engine-rest/task/" + task + "/comment/create", Map.of("message", " ")), 400,
                "message", "an empty comment says nothing");
        // nor one of characters that print nothing (re-test 2026-12-06 R5)
        problem(api.post("sarah", "/engine-rest/task/" + task + "/comment/create", Map.of("message",
                "\u200b\u00ad\u3164\u2800")), 400, "message", "an empty comment says nothing");
        problem(api.post("sarah", "/engine-rest/task/" + task + "/comment/create", Map.of("message", "x",
                "userId", "jennifer")), 400, "userId", "carries its message only");
        problem(api.post("sarah", "/engine-rest/task/" + task + "/comment/create", Map.of("message",
                "x".repeat(4001))), 400, "message", "at most 4000 characters, was 4001 (never cut)");
        // with its own process id, as Tasklist may send it
        assertThat(api.post("sarah", "/engine-rest/task/" + task + "/comment/create", Map.of("message", "y",
                "processInstanceId", instance)).status()).isEqualTo(200);
        assertThat(taskService.getTaskComments(task)).hasSize(2);

        // an attachment is a multipart form: anything else is 415, not a server error (A6)
        Response bare = api.send("sarah", HttpMethod.POST, "/engine-rest/task/" + task + "/attachment/create", "",
                "application/json");
        problem(bare, 415, "Content-Type", "multipart/form-data");
        assertThat(bare.text()).doesNotContain("Exception");
        // one who may not read the task's history is told so, not "No task found" (re-test 2026-12-06 R3); a QA manager
        // attaches
        String form = "--XyZ\r\nContent-Disposition: form-data; name=\"attachment-name\"\r\n\r\nSample photo"
                + "\r\n--XyZ\r\nContent-Disposition: form-data; name=\"url\"\r\n\r\nhttp://dms.example/r/17\r\n--XyZ--\r\n";
        Response analyst = api.send("sarah", HttpMethod.POST, "/engine-rest/task/" + task + "/attachment/create", form,
                "multipart/form-data; boundary=XyZ");
        problem(analyst, 403, null, "note the document in a comment");
        Response manager = api.send("jennifer", HttpMethod.POST, "/engine-rest/task/" + task + "/attachment/create",
                form, "multipart/form-data; boundary=XyZ");
        assertThat(manager.status()).as(manager.toString()).isEqualTo(200);
        assertThat(taskService.getTaskAttachments(task)).hasSize(1);
        // texts longer than the engine keeps, and a link that is not a web address: 400 naming the part, nothing added
        // (auditor 2026-12-07 M2: "Task id is null" from a database error)
        Map<String, String> bad = Map.of("attachment-name", "a".repeat(256), "attachment-description", "d".repeat(4001),
                "url", "javascript:alert(1)");
        bad.forEach((part, value) -> {
            String tooLong = "--XyZ\r\nContent-Disposition: form-data; name=\"" + part + "\"\r\n\r\n" + value
                    + (part.equals("attachment-name") ? "" : "\r\n--XyZ\r\nContent-Disposition: form-data;"
                            + " name=\"attachment-name\"\r\n\r\nok.txt")
                    + "\r\n--XyZ\r\nContent-Disposition: form-data; name=\"url\"\r\n\r\n"
                    + (part.equals("url") ? value : "http://dms.example/r/18") + "\r\n--XyZ--\r\n";
            Response refused = api.send("jennifer", HttpMethod.POST, "/engine-rest/task/" + task
                    + "/attachment/create", tooLong, "multipart/form-data; boundary=XyZ");
            problem(refused, 400, part, part.equals("url") ? "http:// or https://" : "(never cut)");
        });
        // however the part is sent: as a file part the engine still reads it as the link (re-test 2026-12-07 F2)
        String asFile = "--XyZ\r\nContent-Disposition: form-data; name=\"attachment-name\"\r\n\r\nok.txt\r\n--XyZ\r\n"
                + "Content-Disposition: form-data; name=\"url\"; filename=\"u.txt\"\r\nContent-Type: text/plain\r\n\r\n"
                + "javascript:alert(1)\r\n--XyZ--\r\n";
        problem(api.send("jennifer", HttpMethod.POST, "/engine-rest/task/" + task + "/attachment/create", asFile,
                "multipart/form-data; boundary=XyZ"), 400, "url", "http:// or https://");
        // read as the engine reads the form, however its headers are spelt (re-test 2026-12-07 G1)
        for (String[] spelling : new String[][] {{"filename=\"a.txt\"; name=\"url\"", "boundary=XyZ"},
                {"NAME=\"url\"", "boundary=XyZ"}, {"name=url", "boundary=XyZ"}, {"name = \"url\"", "boundary=XyZ"},
                {"name=\"url\"", "BOUNDARY=XyZ"}, {"name=\"url\"", "xboundary=QQQ; boundary=XyZ"}}) {
            String odd = "--XyZ\r\nContent-Disposition: form-data; name=\"attachment-name\"\r\n\r\nok.txt\r\n--XyZ\r\n"
                    + "X-Note: name=\"x\"\r\nContent-Disposition: form-data; " + spelling[0] + "\r\n\r\n"
                    + "javascript:alert(1)\r\n--XyZ--\r\n";
            Response refused = api.send("jennifer", HttpMethod.POST, "/engine-rest/task/" + task
                    + "/attachment/create", odd, "multipart/form-data; " + spelling[1]);
            assertThat(refused.status()).as(String.join(" / ", spelling) + ": " + refused).isEqualTo(400);
            assertThat(refused.json().get("field").asText()).as(String.join(" / ", spelling)).isEqualTo("url");
        }
        // the boundary's text inside a value is not a boundary: the value is checked whole
        String inside = "--XyZ\r\nContent-Disposition: form-data; name=\"attachment-name\"\r\n\r\n" + "a".repeat(200)
                + "--XyZ" + "a".repeat(200) + "\r\n--XyZ\r\nContent-Disposition: form-data; name=\"url\"\r\n\r\n"
                + "http://dms.example/r/19\r\n--XyZ--\r\n";
        problem(api.send("jennifer", HttpMethod.POST, "/engine-rest/task/" + task + "/attachment/create", inside,
                "multipart/form-data; boundary=XyZ"), 400, "attachment-name", "at most 255");
        assertThat(taskService.getTaskAttachments(task)).hasSize(1);
        String longest = form.replace("Sample photo", "n".repeat(255));
        assertThat(api.send("jennifer", HttpMethod.POST, "/engine-rest/task/" + task + "/attachment/create", longest,
                "multipart/form-data; boundary=XyZ").status()).isEqualTo(200);
        assertThat(taskService.getTaskAttachments(task)).hasSize(2);

        // a completed task's record is closed
        assertThat(api.post("sarah", "/api/lots/" + lot + "/lab-results", Map.of("results", java.util.List.of(
                Map.of("test", "viscosity", "value", 250), Map.of("test", "flashPoint", "value", 230)))).status())
                .isEqualTo(200);
        problem(api.post("sarah", "/engine-rest/task/" + task + "/comment/create", Map.of("message", "late")), 409,
                null, "its record is closed");
        assertThat(taskService.getTaskComments(task)).hasSize(2);
    }

    @Test
    void aBodyThatIsJsonNullOrATelemetryChoiceLeftOutIsRefusedInWords() {
        for (String path : new String[] {"/engine-rest/task", "/engine-rest/task/count", "/engine-rest/history/task",
                "/engine-rest/job"}) {
            Response r = api.send("tom", HttpMethod.POST, path, "null", "application/json");
            problem(r, 400, "body", "the body is JSON null");
            assertThat(r.text()).doesNotContain("NullPointerException");
        }
        // a second document after the first is refused, not dropped (re-test 2026-12-06 R6)
        problem(api.send("tom", HttpMethod.POST, "/engine-rest/task", "{}{\"processVariables\": 5}", "application/json"),
                400, "body", "something after its JSON value");
        // lotflow runs no CMMN case: nothing to change there (re-test R4: a 500 with a NullPointerException)
        Response caseVariable = api.send("demo", HttpMethod.POST, "/engine-rest/case-execution/x/variables/v/data", "",
                "application/json");
        problem(caseVariable, 403, null, "lotflow runs no CMMN cases");
        Response telemetry = api.send("demo", HttpMethod.POST, "/engine-rest/telemetry/configuration", "{}",
                "application/json");
        problem(telemetry, 400, "enableTelemetry", "say true or false");
    }

    private java.net.http.HttpResponse<String> raw(String user, String path, String body, String contentType) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://localhost:" + api.port() + path)).header("Content-Type", contentType)
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + user)
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** Auditor 2026-12-06 A4 and A9: a wildcard Content-Type was a 500; a second JSON document was ignored. */
    @Test
    void theApiRefusesAWildcardContentTypeAndAnythingAfterTheBodysObject() {
        String lot = api.releasedLot(api.createProduct("NOTEH"), new BigDecimal("10"), "2025-01-20");
        for (String type : new String[] {"application/*", "*/*"}) {
            // sent as written: Spring's own client refuses to send such a header
            java.net.http.HttpResponse<String> r = raw("sarah", "/api/lots/" + lot + "/holds", "{\"reason\":\"x\"}", type);
            assertThat(r.statusCode()).as(type + ": " + r.body()).isEqualTo(415);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(r.body()).contains("holds a wildcard");
        }
        Response twice = api.send("sarah", HttpMethod.POST, "/api/lots/" + lot + "/holds",
                "{\"reason\":\"first\"}{\"reason\":\"second\",\"source\":\"REGULATOR\"}", "application/json");
        problem(twice, 400, null, "send one JSON object and nothing after it");
        assertThat(api.get("sarah", "/api/lots/" + lot).json().get("status").asText()).isEqualTo("RELEASED");
        // re-test 2026-12-06 Y9: a number no reader can hold was a 500 in Spring's format from the engine's gate
        Response huge = api.send("tom", HttpMethod.POST, "/engine-rest/task/count", "{\"foo\":1e9999999999}",
                "application/json");
        problem(huge, 400, "body", "out of any readable range");
    }
}
