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
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hold, investigate, signed release on real PostgreSQL (V20's lot_hold and its unique active hold); a
 * rejection and its disposal (V90's disposed quantity and its checks).
 */
@PostgresApiTest
class PostgresQuarantineIT {

    @Autowired
    TestClient api;

    @Autowired
    JdbcTemplate jdbc;

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
        // a second QA manager signing a moment later lost the race: told so, not sent back to the investigation
        Response late = api.post("jennifer", "/api/lots/" + lot + "/disposition", Map.of("decision", "REJECT",
                "justification", "Late", "password", "jennifer"));
        assertThat(late.status()).as(late.toString()).isEqualTo(409);
        assertThat(late.json().get("detail").asText()).doesNotContain("must be completed first");
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

    @Test
    void rejectAndDisposeOnPostgres() {
        String sku = api.createProduct("PGD", "kg"); // 120.5: a measure (drums are counted whole)
        String lot = api.releasedLot(sku, new BigDecimal("120.5"), "2024-11-15");
        assertThat(api.post("jennifer", "/api/lots/" + lot + "/holds", Map.of("reason", "Flash point failed"))
                .status()).isEqualTo(202);
        JsonNode investigate = api.get("jennifer", "/engine-rest/task?processInstanceBusinessKey=" + lot
                + "&taskDefinitionKey=investigateLot").json();
        Map<String, Object> findings = new HashMap<>();
        findings.put("findings", Map.of("value", "Retest 212 °C, below the 220 °C minimum"));
        findings.put("rootCause", Map.of("value", "Contaminated base oil"));
        assertThat(api.post("jennifer", "/engine-rest/task/" + investigate.get(0).get("id").asText() + "/submit-form",
                Map.of("variables", findings)).status()).isEqualTo(204);
        assertThat(api.post("jennifer", "/api/lots/" + lot + "/disposition", Map.of("decision", "REJECT",
                "justification", "Out of specification", "password", "jennifer")).status()).isEqualTo(200);
        api.executeJobs();
        JsonNode disposal = api.get("mike", "/engine-rest/task?processInstanceBusinessKey=" + lot
                + "&taskDefinitionKey=confirmDisposal").json();
        assertThat(disposal).hasSize(1);
        String disposalTask = disposal.get(0).get("id").asText();
        Response done = api.post("mike", "/engine-rest/task/" + disposalTask + "/submit-form",
                Map.of("variables", Map.of("disposalMethod", Map.of("value", "DESTROYED"), "figuresShown",
                        Map.of("value", api.figuresShown("mike", disposalTask)))));
        assertThat(done.status()).as(done.toString()).isEqualTo(204);

        JsonNode view = api.get("tom", "/api/lots/" + lot).json();
        assertThat(view.get("available").decimalValue()).isEqualByComparingTo("0");
        assertThat(view.get("onHand").decimalValue()).isEqualByComparingTo("0");
        assertThat(view.get("disposed").decimalValue()).isEqualByComparingTo("120.5");
        // the table cannot hold more disposed than the lot's quantity allows (V90's check)
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.update(
                "UPDATE lot SET disposed = disposed + 0.001 WHERE lot_number = ?", lot))
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
