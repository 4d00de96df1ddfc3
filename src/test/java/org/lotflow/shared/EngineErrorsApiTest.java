package org.lotflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Auditor 2026-12-05 F10: the engine REST API answered with the engine's own exception names and texts
 * ({@code {"type":"NullValueException","message":"execution nope doesn't exist: execution is null"}}, and a 500 for an
 * id that does not exist). Now every failure is RFC 9457 problem+json with a readable sentence and a 4xx for bad input.
 */
@ApiTest
class EngineErrorsApiTest {

    @Autowired
    TestClient api;

    private static void problem(Response r, int status, String detail) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.isProblem()).as(r.toString()).isTrue();
        assertThat(r.json().get("detail").asText()).isEqualTo(detail);
        assertThat(r.text()).doesNotContain("Exception", "ENGINE-", "is null");
    }

    @Test
    void engineFailuresAreProblemsWithReadableSentences() {
        problem(api.get("demo", "/engine-rest/process-instance/nope/variables"), 404, "There is no running process"
                + " instance 'nope': it never existed or has ended (an ended process's variables are in its history)");
        problem(api.get("sarah", "/engine-rest/task/nope"), 404, "No matching task with id nope");
        problem(api.get("sarah", "/engine-rest/task?sortBy=bogus&sortOrder=asc"), 400,
                "Cannot set query parameter 'sortBy' to value 'bogus'");
        problem(api.get("sarah", "/engine-rest/process-definition/key/nope"), 404,
                "No matching process definition with key: nope and no tenant-id");
        // a task's form of a task that does not exist is 404 too (auditor 2026-12-06 B3: Camunda said 400)
        problem(api.get("sarah", "/engine-rest/task/nope/form-variables"), 404, "There is no open task 'nope': it never"
                + " existed or is completed (a completed task's comments and attachments stay readable)");
    }

    /**
     * What Jersey refuses before any engine code runs answered {@code {"type":"NotFoundException","message":"HTTP 404
     * Not Found"}} (an empty task id; an address that is no resource), 405 the same way, and 404 for a query parameter that is not a number.
     */
    @Test
    void requestsRefusedBeforeTheEngineRunsAreProblemsInWordsAndAnUnreadableParameterIs400NamingIt() {
        problem(api.post("sarah", "/engine-rest/tasks/complete", java.util.Map.of()), 404,
                "There is nothing at this address of the engine REST API: check the path (an id left empty?)");
        Response put = api.call("sarah", org.springframework.http.HttpMethod.PUT, "/engine-rest/task", null);
        assertThat(put.status()).isEqualTo(405);
        assertThat(put.isProblem()).isTrue();
        assertThat(put.json().get("detail").asText()).startsWith("This address of the engine REST API takes only")
                .contains("GET").contains("POST").doesNotContain("PUT");
        assertThat(put.json().get("title").asText()).isEqualTo("Method not allowed");
        Response notANumber = api.get("sarah", "/engine-rest/task?maxResults=abc");
        problem(notANumber, 400, "maxResults must be a whole number of at least 0 (at most 999999999), not 'abc'");
        assertThat(notANumber.json().get("field").asText()).isEqualTo("maxResults");
        problem(api.post("sarah", "/engine-rest/task", "{bad"), 400,
                "The body is not valid JSON (line 1, column 2); nothing was changed");
        Response shape = api.post("sarah", "/engine-rest/task", "{\"processVariables\": \"x\"}");
        problem(shape, 400, "processVariables does not have the shape the engine REST API expects; nothing was"
                + " changed");
        assertThat(shape.json().get("field").asText()).isEqualTo("processVariables");
        // a variable condition whose value is a list (auditor 2026-12-06 G9: a 500)
        Response listValue = api.post("demo", "/engine-rest/history/process-instance",
                "{\"variables\": [{\"name\": \"lotNumber\", \"operator\": \"eq\", \"value\": [\"IL250-2025-001\"]}]}");
        problem(listValue, 400, "value: a variable condition compares the variable with text, a number, a boolean or a"
                + " date, not with a list or an object; nothing was changed");
        assertThat(listValue.json().get("field").asText()).isEqualTo("value");
        Response objectValue = api.post("sarah", "/engine-rest/task",
                "{\"processVariables\": [{\"name\": \"lotNumber\", \"operator\": \"eq\", \"value\": {\"a\": 1}}]}");
        assertThat(objectValue.status()).as(objectValue.toString()).isEqualTo(400);
    }

    @Test
    void anEngineSentenceLosesItsCodesAndJavaNames() {
        assertThat(EngineRefusals.readable("ENGINE-03001 execution nope doesn't exist: execution is null"))
                .isEqualTo("execution nope doesn't exist");
        assertThat(EngineRefusals.readable("Cannot convert value of org.camunda.bpm.engine.impl.Foo to x"))
                .isEqualTo("Cannot convert value of to x");
        assertThat(EngineRefusals.readable("")).isEqualTo("The request is not valid");
    }
}
