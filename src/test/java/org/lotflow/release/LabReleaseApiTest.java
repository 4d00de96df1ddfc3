package org.lotflow.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;

@ApiTest
class LabReleaseApiTest {

    @Autowired
    TestClient api;

    @Test
    void lotGoesFromPendingToReleasedWithSignedApprovalAndHistory() {
        String sku = api.createProduct("REL");
        Response created = api.post("mike", "/api/lots", Map.of("sku", sku, "quantity", 500,
                "manufactureDate", "2025-01-28", "location", "Warehouse A, Zone 3, Section C",
                "productionOrder", "PO-2025-0089"));
        assertThat(created.status()).isEqualTo(201);
        JsonNode lot = created.json();
        String lotNumber = lot.get("lotNumber").asText();
        assertThat(lotNumber).isEqualTo(sku + "-2025-001");
        assertThat(lot.get("status").asText()).isEqualTo("PENDING");
        assertThat(lot.get("expirationDate").asText()).isEqualTo("2027-01-28");
        assertThat(lot.get("available").decimalValue()).isEqualByComparingTo("500");

        Response lab = api.post("sarah", "/api/lots/" + lotNumber + "/lab-results", Map.of("results",
                List.of(Map.of("test", "viscosity", "value", 248), Map.of("test", "flashPoint", "value", 225))));
        assertThat(lab.status()).as(lab.toString()).isEqualTo(200);
        assertThat(lab.json().get("passed").asBoolean()).isTrue();
        assertThat(lab.json().get("results")).hasSize(2);

        // the analyst may not approve her own results (four eyes) - sarah is not even a qa-manager
        Response tasks = api.get("jennifer", "/engine-rest/task?processInstanceBusinessKey=" + lotNumber);
        assertThat(tasks.json()).hasSize(1);
        assertThat(tasks.json().get(0).get("taskDefinitionKey").asText()).isEqualTo("approveRelease");
        assertThat(tasks.json().get(0).get("due").isNull()).isFalse();
        String taskId = tasks.json().get(0).get("id").asText();
        Response done = api.post("jennifer", "/engine-rest/task/" + taskId + "/complete", Map.of("variables",
                Map.of("approved", Map.of("value", true), "comment", Map.of("value", "COA-2025-0234 issued"))));
        assertThat(done.status()).as(done.toString()).isEqualTo(204);
        api.executeJobs();

        JsonNode released = api.get("tom", "/api/lots/" + lotNumber).json();
        assertThat(released.get("status").asText()).isEqualTo("RELEASED");
        assertThat(released.get("available").decimalValue()).isEqualByComparingTo("500");
        assertThat(released.get("labResults").get("passed").asBoolean()).isTrue();

        JsonNode history = api.get("tom", "/api/lots/" + lotNumber + "/history").json();
        assertThat(history).extracting(e -> e.get("type").asText())
                .containsExactly("CREATED", "LAB_RESULTS_RECORDED", "RELEASE_APPROVED", "STATUS_CHANGED");
        JsonNode signature = history.get(2).get("detail").get("signature");
        assertThat(signature.get("userId").asText()).isEqualTo("jennifer");
        assertThat(signature.get("fullName").asText()).isEqualTo("Jennifer Lee");
        assertThat(signature.get("meaning").asText()).isEqualTo("release approval");
        assertThat(signature.get("at").asText()).isNotBlank();
        assertThat(history.get(3).get("previousStatus").asText()).isEqualTo("PENDING");
        assertThat(history.get(3).get("newStatus").asText()).isEqualTo("RELEASED");
        assertThat(history.get(3).get("user").asText()).isEqualTo("jennifer");
    }
}
