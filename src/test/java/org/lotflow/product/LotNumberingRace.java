package org.lotflow.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 9, input 1: a burst of lot creations for a product with no lot yet this year. Each
 * creation numbers its lot inside its own transaction and connection (never a second pooled
 * connection), so 40 at once against a pool of 20 all succeed with 40 distinct, gap-free numbers.
 */
public abstract class LotNumberingRace {

    @Autowired
    protected TestClient api;

    @Test
    void fortySimultaneousCreationsOfANewProductsFirstLotsAllSucceedWithDistinctNumbers() throws Exception {
        String sku = api.createProduct("SEQ");
        int clients = 40;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return api.post("mike", "/api/lots", Map.of("sku", sku, "quantity", new BigDecimal("10"),
                            "manufactureDate", "2025-01-20", "location", "Warehouse A"));
                }));
            }
            start.countDown();
            List<String> numbers = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response r = answer.get();
                assertThat(r.status()).as(r.toString()).isEqualTo(201);
                numbers.add(r.json().get("lotNumber").asText());
            }
            assertThat(numbers).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(
                    IntStream.rangeClosed(1, clients).mapToObj(n -> String.format("%s-2025-%03d", sku, n)).toList());
        } finally {
            pool.shutdownNow();
        }
    }
}
