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
        problem(api.get("demo", "/engine-rest/process-instance/nope/variables"), 404, "execution nope doesn't exist");
        problem(api.get("sarah", "/engine-rest/task/nope"), 404, "No matching task with id nope");
        problem(api.get("sarah", "/engine-rest/task?sortBy=bogus&sortOrder=asc"), 400,
                "Cannot set query parameter 'sortBy' to value 'bogus'");
        problem(api.get("sarah", "/engine-rest/process-definition/key/nope"), 404,
                "No matching process definition with key: nope and no tenant-id");
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
