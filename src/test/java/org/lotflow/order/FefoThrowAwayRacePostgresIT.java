package org.lotflow.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
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
 * Re-test N4 on PostgreSQL: a shipment of the newer lot racing the cancellation of the throw-away order that holds the
 * older lot. The shipment locks only its own lots (the order's lock order is unchanged) and judges the older lot on its
 * row as read at one moment: held by the order being cancelled, or free once the cancellation committed, it is older
 * stock left behind either way, so the shipment is refused (409) and never waits for the cancellation, and the
 * cancellation then goes through. Here the cancellation is made to wait on the older lot's lock (a connection of the
 * test's own holds it) while the shipment runs.
 */
@PostgresApiTest
class FefoThrowAwayRacePostgresIT {

    @Autowired
    TestClient api;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void aShipmentRacingTheThrowAwayOrdersCancellationIsRefusedWithoutWaitingOrDeadlocking() throws Exception {
        OrderFixtures fx = new OrderFixtures(api, jdbc);
        String sku = api.createProduct("THROWRACE");
        String older = fx.releasedLot(sku, 100, "2024-11-15", "2026-11-15");
        String newer = fx.releasedLot(sku, 100, "2025-01-08", "2027-01-08");
        try {
            race(fx, sku, older, newer);
        } finally {
            // out of later tests' archiving and expiry reviews
            jdbc.update("UPDATE lot SET expiration_date = DATE '2030-12-31' WHERE lot_number IN (?, ?)", older, newer);
        }
    }

    private void race(OrderFixtures fx, String sku, String older, String newer) throws Exception {
        String throwAway = fx.placed(sku, 100).get("orderNumber").asText();
        String real = fx.placed(sku, 50).get("orderNumber").asText();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement(
                    "SELECT id FROM lot WHERE lot_number = ? FOR UPDATE")) {
                lock.setString(1, older);
                lock.executeQuery().close();
            }
            Future<Response> cancelling = pool.submit(() -> api.call("tom", HttpMethod.DELETE,
                    "/api/orders/" + throwAway, null));
            awaitWaiting(1);
            Future<Response> shipping = pool.submit(() -> api.post("tom", "/api/orders/" + real + "/shipments",
                    Map.of("carrier", "DHL Freight")));
            Response shipped = shipping.get(30, TimeUnit.SECONDS);
            assertThat(shipped.status()).as(shipped.toString()).isEqualTo(409);
            assertThat(shipped.json().get("field").asText()).isEqualTo("shippedAt");
            assertThat(shipped.json().get("detail").asText()).contains("older lot " + older)
                    .contains("held by open order " + throwAway);
            assertThat(cancelling.isDone()).as("the cancellation waits for the older lot").isFalse();
            holder.commit();
            assertThat(cancelling.get(60, TimeUnit.SECONDS).status()).isEqualTo(200);
        } finally {
            pool.shutdownNow();
        }
        Response again = api.post("tom", "/api/orders/" + real + "/shipments", Map.of("carrier", "DHL Freight"));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("older lot " + older).contains("100 available");
        assertThat(fx.lot(newer).get("shipped").decimalValue()).isEqualByComparingTo("0");
        assertThat(fx.invariantViolations(sku)).isEmpty();
        api.call("tom", HttpMethod.DELETE, "/api/orders/" + real, null);
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
