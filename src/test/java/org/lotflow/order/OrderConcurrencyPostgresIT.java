package org.lotflow.order;

import org.junit.jupiter.api.Test;
import org.lotflow.support.PostgresApiTest;
import org.lotflow.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The same storm against PostgreSQL: row locks in id order hold there exactly as on H2. */
@PostgresApiTest
class OrderConcurrencyPostgresIT {

    @Autowired
    TestClient api;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void simultaneousOrdersNeverOverAllocateNorDeadlock() throws Exception {
        new OrderStorm(api, jdbc).run(48, 16);
    }

    /**
     * Orders asking for a lot that ties on expiry with the one FEFO's tie-break takes first (no override, new user
     * 2026-12-07 F4) placed at once with plain FEFO orders: the requested lot's row is locked after the product's lock
     * and before it is judged, so none is refused for a copy read before another order took its stock, none deadlocks,
     * and the later-expiring lot gives only what the two tied lots could not.
     */
    @Test
    void simultaneousOrdersForATiedRequestedLotNeverOverAllocateNorDeadlock() throws Exception {
        OrderFixtures fx = new OrderFixtures(api, jdbc);
        String product = api.createProduct("TIEPG");
        String first = fx.releasedLot(product, 100, "2025-01-20", "2027-01-20");
        String requested = fx.releasedLot(product, 100, "2025-01-20", "2027-01-20");
        String later = fx.releasedLot(product, 100, "2025-01-28", "2027-01-28");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            java.util.List<java.util.concurrent.Future<org.lotflow.support.TestClient.Response>> answers =
                    new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                boolean asks = i % 2 == 0;
                answers.add(pool.submit(() -> {
                    start.await();
                    return asks ? fx.order(OrderFixtures.orderNumber(), product, 30, "requestedLot", requested)
                            : fx.order(OrderFixtures.orderNumber(), product, 30);
                }));
            }
            start.countDown();
            int placed = 0;
            for (var answer : answers) {
                var r = answer.get();
                if (r.status() == 409) { // only an order asking for the lot once the others had taken all of it
                    org.assertj.core.api.Assertions.assertThat(r.json().get("detail").asText()).as(r.toString())
                            .isEqualTo("Requested lot " + requested + " has no stock available");
                    continue;
                }
                org.assertj.core.api.Assertions.assertThat(r.status()).as(r.toString()).isEqualTo(201);
                org.assertj.core.api.Assertions.assertThat(r.json().get("status").asText()).isEqualTo("ALLOCATED");
                placed++;
            }
            org.assertj.core.api.Assertions.assertThat(placed).as("four orders ask for no lot").isGreaterThanOrEqualTo(4);
            if (placed < 8) {
                org.assertj.core.api.Assertions.assertThat(fx.lot(requested).get("available").decimalValue())
                        .isEqualByComparingTo("0");
            }
            java.math.BigDecimal total = java.math.BigDecimal.valueOf(30L * placed);
            java.math.BigDecimal tied = total.min(java.math.BigDecimal.valueOf(200));
            org.assertj.core.api.Assertions.assertThat(fx.invariantViolations(product)).isEmpty();
            org.assertj.core.api.Assertions.assertThat(fx.lot(first).get("allocated").decimalValue()
                    .add(fx.lot(requested).get("allocated").decimalValue())).isEqualByComparingTo(tied);
            org.assertj.core.api.Assertions.assertThat(fx.lot(later).get("allocated").decimalValue())
                    .as("FEFO: the later lot only what the tied lots could not give")
                    .isEqualByComparingTo(total.subtract(tied));
        } finally {
            pool.shutdownNow();
        }
    }
}
