package org.lotflow.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Dozens of simultaneous requests through the HTTP API against three lots of one SKU, then the
 * invariants: no lot over-allocated, lot.allocated equal to its open allocations, nothing
 * negative, every order's allocated + shortfall = quantity, and no request failed (no deadlock).
 */
final class OrderStorm {

    private final TestClient api;
    private final JdbcTemplate jdbc;
    private final OrderFixtures fx;

    OrderStorm(TestClient api, JdbcTemplate jdbc) {
        this.api = api;
        this.jdbc = jdbc;
        this.fx = new OrderFixtures(api, jdbc);
    }

    void run(int orders, int threads) throws Exception {
        String sku = api.createProduct("STORM");
        fx.releasedLot(sku, 100, "2024-06-01", null);
        fx.releasedLot(sku, 100, "2024-09-01", null);
        fx.releasedLot(sku, 100, "2025-01-02", null);
        BigDecimal stock = new BigDecimal("300");

        Random random = new Random(42);
        List<String> numbers = new ArrayList<>();
        List<Integer> quantities = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            numbers.add(OrderFixtures.orderNumber());
            quantities.add(5 + random.nextInt(21));
        }

        // phase 1: every order at once; demand (~15 x orders) exceeds the 300 in stock
        List<Callable<Response>> phase1 = new ArrayList<>();
        for (int i = 0; i < orders; i++) {
            int n = i;
            phase1.add(() -> fx.order(numbers.get(n), sku, quantities.get(n)));
        }
        for (Response r : fire(phase1, threads)) {
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
        }
        assertThat(fx.invariantViolations(sku)).isEmpty();
        BigDecimal available = jdbc.queryForObject("SELECT SUM(l.quantity - l.allocated - l.shipped - l.consumed)"
                + " FROM lot l JOIN product p ON p.id = l.product_id WHERE p.sku = ?", BigDecimal.class, sku);
        assertThat(available).as("demand exceeds stock: everything is allocated").isEqualByComparingTo("0");
        assertOrders(numbers, quantities, stock);
        // FEFO held under contention: allocations, in the order they were made, never step back to an earlier lot
        List<java.time.LocalDate> taken = jdbc.queryForList("SELECT l.expiration_date FROM allocation a"
                + " JOIN lot l ON l.id = a.lot_id JOIN product p ON p.id = l.product_id WHERE p.sku = ? ORDER BY a.id",
                java.time.LocalDate.class, sku);
        assertThat(taken).isNotEmpty().isSorted();

        // phase 2: shipments (some twice, at the same time), cancellations and new orders, all at once
        List<Callable<Response>> phase2 = new ArrayList<>();
        int third = orders / 3;
        for (int i = 0; i < third; i++) {
            String number = numbers.get(i);
            phase2.add(() -> api.post("tom", "/api/orders/" + number + "/shipments", Map.of("carrier", "UPS")));
            phase2.add(() -> api.post("tom", "/api/orders/" + number + "/shipments", Map.of("carrier", "UPS")));
        }
        for (int i = third; i < 2 * third; i++) {
            String number = numbers.get(i);
            phase2.add(() -> api.call("tom", HttpMethod.DELETE, "/api/orders/" + number, null));
        }
        List<String> more = new ArrayList<>();
        List<Integer> moreQuantities = new ArrayList<>();
        for (int i = 0; i < third; i++) {
            String number = OrderFixtures.orderNumber();
            int q = 5 + random.nextInt(21);
            more.add(number);
            moreQuantities.add(q);
            phase2.add(() -> fx.order(number, sku, q));
        }
        for (Response r : fire(phase2, threads)) {
            // an order the stock did not reach ships nothing: 409, nothing can leave (auditor 2026-12-06 L2)
            if (r.status() == 409 && r.text().contains("has nothing allocated, so nothing can ship")) {
                continue;
            }
            // an order holding a newer lot does not ship while an older lot stays behind, held by an order that has
            // not shipped (yet): first expiry, first out on the day the goods leave, a refusal that changes nothing
            // (re-test N4)
            if (r.status() == 409 && r.text().contains("stays behind") && r.text().contains("shippedAt")) {
                continue;
            }
            assertThat(r.status()).as(r.toString()).isIn(200, 201);
        }
        assertThat(fx.invariantViolations(sku)).isEmpty();
        // each shipped order shipped exactly once, whatever the double calls did
        for (int i = 0; i < third; i++) {
            JsonNode order = api.get("tom", "/api/orders/" + numbers.get(i)).json();
            BigDecimal shippedLines = BigDecimal.ZERO;
            for (JsonNode s : order.get("shipments")) {
                shippedLines = shippedLines.add(s.get("quantity").decimalValue());
            }
            assertThat(shippedLines).isEqualByComparingTo(order.get("shipped").decimalValue());
            assertThat(order.get("shipped").decimalValue()).isLessThanOrEqualTo(BigDecimal.valueOf(quantities.get(i)));
        }
        List<String> all = new ArrayList<>(numbers);
        all.addAll(more);
        List<Integer> allQuantities = new ArrayList<>(quantities);
        allQuantities.addAll(moreQuantities);
        assertOrders(all, allQuantities, stock);
    }

    private void assertOrders(List<String> numbers, List<Integer> quantities, BigDecimal stock) {
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < numbers.size(); i++) {
            JsonNode order = api.get("tom", "/api/orders/" + numbers.get(i)).json();
            BigDecimal quantity = order.get("quantity").decimalValue();
            assertThat(quantity).isEqualByComparingTo(BigDecimal.valueOf(quantities.get(i)));
            assertThat(order.get("allocated").decimalValue().add(order.get("shortfall").decimalValue()))
                    .as(numbers.get(i)).isEqualByComparingTo(quantity);
            assertThat(order.get("shortfall").decimalValue().signum()).isGreaterThanOrEqualTo(0);
            total = total.add(order.get("allocated").decimalValue());
        }
        assertThat(total).as("all orders together hold at most the stock").isLessThanOrEqualTo(stock);
    }

    private static List<Response> fire(List<Callable<Response>> calls, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (Callable<Response> call : calls) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<Response> out = new ArrayList<>();
            for (Future<Response> f : futures) {
                out.add(f.get(120, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
