package org.lotflow.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.lotflow.support.PostgresApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Race 28 F3: an order FEFO must take from more lots than its first read covers, placed while another order's
 * cancellation locks lots of it (ascending, {@code OrderLocking}). FEFO locked its first 4 lots and then, in a second
 * step, a lot with a lower id: it held B and waited for A while the cancellation held A and waited for B, and
 * PostgreSQL refused one of the two as a deadlock (a spurious 409). Here the interleaving is made certain: a connection
 * of the test's own holds lot B (highest id, 4th in FEFO order) until the new order waits for it and the cancellation
 * has started; both must then succeed, one after the other.
 */
@PostgresApiTest
class FefoLockOrderPostgresIT {

    @Autowired
    TestClient api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void anOrderOverManyLotsQueuesBehindACancellationInsteadOfDeadlocking() throws Exception {
        OrderFixtures fx = new OrderFixtures(api, jdbc);
        String sku = api.createProduct("LOCKORD");
        String a = fx.releasedLot(sku, 10, "2025-01-02", "2026-12-01"); // lowest id, expires last
        String e1 = fx.releasedLot(sku, 10, "2025-01-02", "2025-06-01");
        String e2 = fx.releasedLot(sku, 10, "2025-01-02", "2025-06-02");
        String e3 = fx.releasedLot(sku, 10, "2025-01-02", "2025-06-03");
        String b = fx.releasedLot(sku, 10, "2025-01-02", "2025-07-01"); // highest id, 4th in FEFO order
        try {
            // Y holds 2 of B and 5 of A (Z took 8 of B first; a 5-month minimum leaves out E1-E3)
            String z = fx.placed(sku, 8, "minShelfLifeMonths", 5).get("orderNumber").asText();
            String y = fx.placed(sku, 7, "minShelfLifeMonths", 5).get("orderNumber").asText();
            assertThat(api.call("tom", HttpMethod.DELETE, "/api/orders/" + z, null).status()).isEqualTo(200);
            assertThat(fx.lot(a).get("allocated").decimalValue()).isEqualByComparingTo("5");
            assertThat(fx.lot(b).get("allocated").decimalValue()).isEqualByComparingTo("2");

            ExecutorService pool = Executors.newFixedThreadPool(2);
            try (Connection holder = dataSource.getConnection()) {
                holder.setAutoCommit(false);
                try (PreparedStatement lock = holder.prepareStatement(
                        "SELECT id FROM lot WHERE lot_number = ? FOR UPDATE")) {
                    lock.setString(1, b);
                    lock.executeQuery().close();
                }
                String x = OrderFixtures.orderNumber();
                Future<Response> placing = pool.submit(() -> fx.order(x, sku, 45));
                awaitWaiting(1);
                Future<Response> cancelling = pool.submit(() -> api.call("tom", HttpMethod.DELETE, "/api/orders/" + y,
                        null));
                awaitWaiting(2);
                holder.commit();
                Response placed = placing.get(60, TimeUnit.SECONDS);
                Response cancelled = cancelling.get(60, TimeUnit.SECONDS);
                assertThat(placed.status()).as("the new order: " + placed).isEqualTo(201);
                assertThat(cancelled.status()).as("the cancellation: " + cancelled).isEqualTo(200);
                // the new order locked all its lots first, so it went ahead of the cancellation: Y still held 7
                assertThat(placed.json().get("allocated").decimalValue()).isEqualByComparingTo("43");
                assertThat(fx.invariantViolations(sku)).isEmpty();
                api.call("tom", HttpMethod.DELETE, "/api/orders/" + x, null);
            } finally {
                pool.shutdownNow();
            }
        } finally {
            // out of later tests' archiving and expiry reviews
            jdbc.update("UPDATE lot SET expiration_date = DATE '2030-12-31' WHERE lot_number IN (?, ?, ?, ?, ?)", a,
                    e1, e2, e3, b);
        }
    }

    /** Waits until {@code n} sessions of the database wait on a lock (30 s at most). */
    private void awaitWaiting(int n) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (waitingOnALock() < n && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertThat(waitingOnALock()).as("sessions waiting on a lock").isGreaterThanOrEqualTo(n);
        Thread.sleep(300); // the waiting statement is the lot lock, not a passing one
    }

    private int waitingOnALock() {
        return jdbc.queryForObject("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                + " AND datname = current_database()", Integer.class);
    }
}
