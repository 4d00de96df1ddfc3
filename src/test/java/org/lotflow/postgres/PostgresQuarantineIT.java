package org.lotflow.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lotflow.support.PostgresApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;

/** Hold, investigate, signed release on real PostgreSQL (V20's lot_hold and its unique active hold). */
@PostgresApiTest
class PostgresQuarantineIT {

    @Autowired
    TestClient api;

    @Test
    void holdInvestigateReleaseOnPostgres() {
        String sku = api.createProduct("PGQ");
        String lot = api.releasedLot(sku, new BigDecimal("500"), "2024-11-15");
        Response held = api.post("jennifer", "/api/lots/" + lot + "/holds", Map.of("reason",
                "Viscosity variation reported", "source", "COMPLAINT", "reference", "Industrial Services Inc."));
        assertThat(held.status()).as(held.toString()).isEqualTo(202);
        assertThat(api.post("sarah", "/api/lots/" + lot + "/holds", Map.of("reason", "again")).status())
                .isEqualTo(409);
        assertThat(api.get("tom", "/api/lots/" + lot).json().get("status").asText()).isEqualTo("QUARANTINE");

        JsonNode tasks = api.get("sarah", "/engine-rest/task?processInstanceBusinessKey=" + lot
                + "&taskDefinitionKey=investigateLot").json();
        assertThat(tasks).hasSize(1);
        Map<String, Object> vars = new HashMap<>();
        vars.put("findings", Map.of("value", "Retained sample 249 cSt, within specification"));
        vars.put("rootCause", Map.of("value", "Customer storage"));
        Response investigated = api.post("sarah", "/engine-rest/task/" + tasks.get(0).get("id").asText()
                + "/submit-form", Map.of("variables", vars));
        assertThat(investigated.status()).as(investigated.toString()).isEqualTo(204);

        Response signed = api.post("jennifer", "/api/lots/" + lot + "/disposition", Map.of("decision", "RELEASE",
                "justification", "Within specification", "password", "jennifer"));
        assertThat(signed.status()).as(signed.toString()).isEqualTo(200);
        api.executeJobs();
        assertThat(api.get("tom", "/api/lots/" + lot).json().get("status").asText()).isEqualTo("RELEASED");
        List<String> types = api.get("mike", "/api/lots/" + lot + "/history").json().findValues("type").stream()
                .map(JsonNode::asText).toList();
        assertThat(types).containsSubsequence("HOLD_PLACED", "STATUS_CHANGED", "INVESTIGATION_COMPLETED",
                "DISPOSITION_SIGNED", "STATUS_CHANGED");
        // the hold is closed: a new complaint may hold the lot again
        assertThat(api.post("sarah", "/api/lots/" + lot + "/holds", Map.of("reason", "second complaint")).status())
                .isEqualTo(202);
    }
}
