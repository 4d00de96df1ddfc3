package org.lotflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;

/** Numbers are answered as they are meant ({@code 1e3} is 1000, never {@code 1E+3}); text stays text ({@link StrictJson}). */
@ApiTest
class StrictJsonApiTest {

    @Autowired
    TestClient api;

    @Test
    void aQuantitySentWithAnExponentIsAnsweredPlain() {
        String sku = api.createProduct("EXP");
        api.releasedLot(sku, new BigDecimal("5000"), "2025-01-05");
        String order = "SO-" + UUID.randomUUID().toString().substring(0, 8);
        Response placed = api.post("tom", "/api/orders", Map.of("orderNumber", order, "customer", "Acme Industrial",
                "sku", sku, "quantity", new BigDecimal("1E+3")));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        assertThat(placed.text()).contains("\"quantity\":1000").doesNotContain("E+");
    }

    /** Auditor 2026-12-07 25 F6: an id of nothing is echoed with a right-to-left override written out, not obeyed. */
    @Test
    void anUnknownIdIsEchoedWithWhatWouldTurnTextAroundWrittenOut() {
        Response r = api.get("tom", "/api/lots/ABC\u202Ecba"); // sent as ABC%E2%80%AEcba
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().get("detail").asText()).isEqualTo("Lot 'ABC<U+202E>cba' does not exist");
        assertThat(r.json().get("id").asText()).isEqualTo("ABC<U+202E>cba");
        assertThat(r.text()).doesNotContain("\u202E");
    }

    /** Re-test 25 R2: every refusal echoing a parameter writes it out, not only a 404. */
    @Test
    void aRefusedParameterIsEchoedWithWhatWouldTurnTextAroundWrittenOut() {
        for (String path : new String[] {"/api/lots?status=AB\u202ECD\u0007", "/api/reports/daily?date=AB\u202ECD",
                "/api/lots?size=AB\u202ECD"}) {
            Response r = api.get("tom", path);
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.text()).as(path).doesNotContain("\u202E").doesNotContain("\\u0007").contains("AB<U+202E>CD");
        }
    }

    @Test
    void theEngineSurfaceSaysASessionIsNoLoginThere() {
        Response r = api.call(null, null, org.springframework.http.HttpMethod.GET, "/engine-rest/task", null,
                "application/json");
        assertThat(r.status()).isEqualTo(401);
        assertThat(r.text()).contains("browser session is not accepted").doesNotContain("or a Camunda webapp session");
    }
}
