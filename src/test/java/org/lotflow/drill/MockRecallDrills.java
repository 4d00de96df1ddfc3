package org.lotflow.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.lotflow.trace.GenealogyFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Drills on both databases (H2: {@code MockRecallDrillsTest}; PostgreSQL: {@code PostgresMockRecallIT}):
 * numbered once when coordinators start them at the same moment (the {@code mock-recall-sequence} row
 * lock, the unique keys behind it), and a whole drill (scope as JSON, the locked close, the history) on
 * each database's SQL.
 */
public abstract class MockRecallDrills {

    @Autowired
    protected TestClient api;

    @Autowired
    protected JdbcTemplate jdbc;

    @Test
    void eightDrillsStartedAtOnceGetEightDistinctConsecutiveNumbers() throws Exception {
        GenealogyFixture f = GenealogyFixture.build(api, jdbc);
        List<String> lots = List.of(f.rm1, f.rm2, f.rm3, f.int1, f.int2, f.fin1, f.fin2, f.fin3);
        ExecutorService pool = Executors.newFixedThreadPool(lots.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> runs = new ArrayList<>();
        try {
            for (String lot : lots) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return api.post("rachel", "/api/mock-recalls", Map.of("lotNumber", lot));
                }));
            }
            start.countDown();
            TreeSet<Integer> seqs = new TreeSet<>();
            for (Future<Response> run : runs) {
                Response r = run.get();
                assertThat(r.status()).as(r.toString()).isEqualTo(201);
                String number = r.json().get("drillNumber").asText();
                assertThat(number).startsWith("MR-2025-");
                seqs.add(Integer.parseInt(number.substring(8)));
            }
            assertThat(seqs).as("distinct").hasSize(lots.size());
            assertThat(seqs.last() - seqs.first()).as("without a gap").isEqualTo(lots.size() - 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aWholeDrillOnThisDatabase() {
        GenealogyFixture f = GenealogyFixture.build(api, jdbc);
        Response started = api.post("rachel", "/api/mock-recalls", Map.of("lotNumber", f.rm1));
        assertThat(started.status()).as(started.toString()).isEqualTo(201);
        String number = started.json().get("drillNumber").asText();
        List<String> lots = new ArrayList<>();
        started.json().get("lots").forEach(l -> lots.add(l.get("lotNumber").asText()));
        assertThat(lots).containsExactlyInAnyOrderElementsOf(f.bfs(f.rm1, true).keySet());
        assertThat(api.post("rachel", "/api/mock-recalls/" + number + "/review", Map.of("traceComplete", false,
                "findings", "Beta's second delivery note not found")).status()).isEqualTo(200);
        JsonNode closed = api.post("rachel", "/api/mock-recalls/" + number + "/close", Map.of("comment",
                "Document control CAPA opened")).json();
        assertThat(closed.get("status").asText()).isEqualTo("FAILED");
        assertThat(closed.get("resultReason").asText()).isEqualTo("the coordinator could not confirm the trace"
                + " complete");
        assertThat(closed.get("reconciliationPercent").decimalValue()).isEqualByComparingTo("100.00");
        JsonNode history = api.get("jennifer", "/api/mock-recalls").json();
        assertThat(history.get(0).get("drillNumber").asText()).isEqualTo(number);
        assertThat(history.get(0).get("status").asText()).isEqualTo("FAILED");
        assertThat(api.download("jennifer", "/api/mock-recalls/" + number, "application/pdf").status())
                .isEqualTo(200);
    }
}
