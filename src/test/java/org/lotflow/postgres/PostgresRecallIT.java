package org.lotflow.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lotflow.support.PostgresApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.trace.GenealogyFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Trace and recall -> notify -> close on real PostgreSQL (the recursive CTE, the sequence, the tables). */
@PostgresApiTest
class PostgresRecallIT {

    @Autowired
    TestClient api;

    @Autowired
    JdbcTemplate jdbc;

    private Map<String, Integer> depths(JsonNode trace) {
        Map<String, Integer> out = new HashMap<>();
        trace.get("lots").forEach(l -> out.put(l.get("lotNumber").asText(), l.get("depth").asInt()));
        return out;
    }

    private Map<String, Object> vars(Map<String, Object> values) {
        Map<String, Object> vars = new HashMap<>();
        values.forEach((k, v) -> vars.put(k, Map.of("value", v)));
        return Map.of("variables", vars);
    }

    @Test
    void traceRecallNotifyCloseOnPostgres() {
        GenealogyFixture f = GenealogyFixture.build(api, jdbc);
        assertThat(depths(api.get("tom", "/api/lots/" + f.rm1 + "/trace?direction=downstream").json()))
                .isEqualTo(f.bfs(f.rm1, true));
        assertThat(depths(api.get("tom", "/api/lots/" + f.fin1 + "/trace?direction=upstream").json()))
                .isEqualTo(f.bfs(f.fin1, false));

        TestClient.Response created = api.post("rachel", "/api/recalls", Map.of("lots", List.of(f.rm1),
                "reason", "Contaminated raw material", "classification", "CLASS_I"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String number = created.json().get("recallNumber").asText();
        assertThat(number).matches("RC-2025-\\d{3}");
        assertThat(api.get("tom", "/api/lots/" + f.fin2).json().get("status").asText()).isEqualTo("RECALLED");

        api.executeJobs(); // lotRecall starts the customers' recallNotification processes; they make the tasks
        JsonNode tasks = api.get("rachel", "/engine-rest/task?processInstanceBusinessKey=" + number
                + "&taskDefinitionKey=notifyCustomer").json();
        assertThat(tasks).hasSize(2);
        for (JsonNode t : tasks) {
            boolean acme = t.get("name").asText().contains("Acme");
            TestClient.Response done = api.post("rachel", "/engine-rest/task/" + t.get("id").asText() + "/complete",
                    vars(Map.of("acknowledged", true, "quantityReturned", acme ? 10 : 8)));
            assertThat(done.status()).as(done.toString()).isEqualTo(204);
        }
        api.executeJobs();
        JsonNode close = api.get("jennifer", "/engine-rest/task?processInstanceBusinessKey=" + number
                + "&taskDefinitionKey=closeRecall").json();
        assertThat(close).hasSize(1);
        assertThat(api.post("jennifer", "/engine-rest/task/" + close.get(0).get("id").asText() + "/complete",
                vars(Map.of("comment", "All stock retrieved"))).status()).isEqualTo(204);
        api.executeJobs();

        JsonNode recall = api.get("rachel", "/api/recalls/" + number).json();
        assertThat(recall.get("status").asText()).isEqualTo("CLOSED");
        assertThat(recall.get("effectiveness").get("level").asText()).isEqualTo("A");
        assertThat(recall.get("effectiveness").get("quantityReturned").decimalValue()).isEqualByComparingTo("18");
        assertThat(api.get("tom", "/api/lots/" + f.rm1 + "/history").json()).extracting(e -> e.get("type").asText())
                .contains("RECALL_CLOSED");
        TestClient.Response csv = api.call("rachel", "rachel", org.springframework.http.HttpMethod.GET,
                "/api/recalls/" + number + "/export?sort=lot", null, "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.text()).contains("SHIPPING").contains("Acme Industrial");
    }
}
