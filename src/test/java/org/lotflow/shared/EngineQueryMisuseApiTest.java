package org.lotflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;

/** Auditor 2026-12-06 X5: engine queries whose conditions cannot go together were 500s; now 400s naming them. */
@ApiTest
class EngineQueryMisuseApiTest {

    @Autowired
    TestClient api;

    private static void refused(Response r, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.isProblem()).isTrue();
        assertThat(r.json().get("field").asText()).as(r.toString()).isEqualTo(field);
        assertThat(r.json().get("detail").asText()).contains("nothing was read or changed");
    }

    @Test
    void contradictoryConditionsAre400sNamingThem() {
        refused(api.get("sarah", "/engine-rest/task?candidateGroup=qa-manager&candidateUser=sarah"), "candidateUser");
        refused(api.get("sarah", "/engine-rest/task/count?candidateGroup=qa-manager&candidateUser=sarah"), "candidateUser");
        refused(api.get("sarah", "/engine-rest/task?tenantIdIn=&withoutTenantId=true"), "tenantIdIn");
        refused(api.get("demo", "/engine-rest/process-definition?latestVersion=true&version=1"), "latestVersion");
        refused(api.get("demo", "/engine-rest/history/incident?open=true&resolved=true"), "open");
        refused(api.post("sarah", "/engine-rest/task", Map.of("sorting", List.of(Map.of("sortBy", "processVariable",
                "sortOrder", "asc")))), "sorting");
        refused(api.post("demo", "/engine-rest/history/process-instance", Map.of("processInstanceIds", List.of())),
                "body");
    }
}
