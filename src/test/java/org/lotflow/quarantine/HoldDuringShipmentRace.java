package org.lotflow.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 9, input 3: a hold is a safety action. Placed while a shipment of the same lot runs, it
 * waits for the shipment's lock and wins after it; it is never refused as a "concurrent
 * modification". 16 lots, each shipped and held at the same moment (32 clients).
 */
public abstract class HoldDuringShipmentRace {

    @Autowired
    protected TestClient api;

    @Test
    void aHoldRacingAShipmentWaitsAndAlwaysWins() throws Exception {
        int rounds = 16;
        List<String> lots = new ArrayList<>();
        List<String> orders = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            String sku = api.createProduct("RACE");
            lots.add(api.releasedLot(sku, new BigDecimal("100"), "2024-12-01"));
            String order = "SO-RACE-" + UUID.randomUUID().toString().substring(0, 8);
            Response placed = api.post("tom", "/api/orders", Map.of("orderNumber", order, "customer", "Acme",
                    "sku", sku, "quantity", new BigDecimal("10")));
            assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
            orders.add(order);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2 * rounds);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> holds = new ArrayList<>();
        List<Future<Response>> shipments = new ArrayList<>();
        try {
            for (int i = 0; i < rounds; i++) {
                String lot = lots.get(i);
                String order = orders.get(i);
                shipments.add(pool.submit(at(start, () -> api.post("tom", "/api/orders/" + order + "/shipments",
                        Map.of()))));
                holds.add(pool.submit(at(start, () -> api.post("sarah", "/api/lots/" + lot + "/holds",
                        Map.of("reason", "Customer complaint", "source", "COMPLAINT")))));
            }
            start.countDown();
            for (int i = 0; i < rounds; i++) {
                Response hold = holds.get(i).get();
                assertThat(hold.status()).as("hold of " + lots.get(i) + ": " + hold).isEqualTo(202);
                Response shipment = shipments.get(i).get();
                assertThat(shipment.status()).as("shipment: " + shipment).isIn(201, 409);
                var lot = api.get("tom", "/api/lots/" + lots.get(i)).json();
                assertThat(lot.get("status").asText()).isEqualTo("QUARANTINE");
                BigDecimal shipped = lot.get("shipped").decimalValue();
                assertThat(shipped).isEqualByComparingTo(shipment.status() == 201 ? "10" : "0");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static Callable<Response> at(CountDownLatch start, Callable<Response> call) {
        return () -> {
            start.await();
            return call.call();
        };
    }
}
