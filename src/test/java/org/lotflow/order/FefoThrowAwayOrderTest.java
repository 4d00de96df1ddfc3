package org.lotflow.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Re-test N4: a throw-away order must not let a newer lot leave ahead of an older one. A sales user placed an order
 * that took the older lot's free stock, shipped the real order (allocated the newer lot) because no older stock was
 * free any more, and cancelled the throw-away order: the older lot's stock came back and the FEFO violation went
 * through unnoticed. At shipment the older lot's stock held by another open order counts as stock left behind, as its
 * free stock does. Today is 2025-01-28.
 */
@ApiTest
class FefoThrowAwayOrderTest {

    @Autowired
    TestClient api;
    @Autowired
    JdbcTemplate jdbc;

    OrderFixtures fx;
    String sku;
    String older;
    String newer;

    @BeforeEach
    void setUp() {
        fx = new OrderFixtures(api, jdbc);
        sku = api.createProduct("FEFOTHROW");
        older = fx.releasedLot(sku, 100, "2024-11-15", "2026-11-15");
        newer = fx.releasedLot(sku, 100, "2025-01-08", "2027-01-08");
    }

    @Test
    void aThrowAwayOrderTakingTheOlderLotAfterTheRealOneDoesNotLetTheNewerLotShip() {
        String real = fx.placed(sku, 50, "requiredBy", "2026-12-04").get("orderNumber").asText();
        assertThat(allocatedLots(real)).containsExactly(newer);
        JsonNode throwAway = fx.placed(sku, 100);
        String throwAwayNumber = throwAway.get("orderNumber").asText();
        assertThat(fx.lot(older).get("available").decimalValue()).isEqualByComparingTo("0");

        Response shipped = ship(real);
        assertThat(shipped.status()).as(shipped.toString()).isEqualTo(409);
        assertThat(shipped.json().get("field").asText()).isEqualTo("shippedAt");
        assertThat(shipped.json().get("detail").asText()).contains("lot " + newer).contains("older lot " + older)
                .contains("held by open order " + throwAwayNumber).contains("ship order " + throwAwayNumber + " first");
        assertThat(fx.lot(newer).get("shipped").decimalValue()).isEqualByComparingTo("0");

        // the throw-away order cancelled: the older lot is free again, and FEFO still sends it first
        assertThat(api.call("tom", HttpMethod.DELETE, "/api/orders/" + throwAwayNumber, null).status()).isEqualTo(200);
        Response again = ship(real);
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("older lot " + older);
        assertThat(fx.lot(newer).get("shipped").decimalValue()).isEqualByComparingTo("0");
        assertThat(fx.invariantViolations(sku)).isEmpty();
    }

    @Test
    void aThrowAwayOrderTakingTheOlderLotBeforeTheRealOneDoesNotLetTheNewerLotShip() {
        String throwAway = fx.placed(sku, 100).get("orderNumber").asText();
        String real = fx.placed(sku, 50).get("orderNumber").asText();
        assertThat(allocatedLots(real)).containsExactly(newer);

        Response shipped = ship(real);
        assertThat(shipped.status()).as(shipped.toString()).isEqualTo(409);
        assertThat(shipped.json().get("field").asText()).isEqualTo("shippedAt");
        assertThat(shipped.json().get("detail").asText()).contains("older lot " + older)
                .contains("held by open order " + throwAway);
        // the Console's order page offers no Ship button, and says why
        String page = org.lotflow.console.ConsoleSession.login(api.port(), "tom").get("/console/orders/" + real)
                .html();
        assertThat(page).contains("id=\"cannot-ship\"").doesNotContain("id=\"ship-form\"");

        // cancelled first, then shipped: the older lot's free stock is left behind just the same
        assertThat(api.call("tom", HttpMethod.DELETE, "/api/orders/" + throwAway, null).status()).isEqualTo(200);
        Response again = ship(real);
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().get("field").asText()).isEqualTo("shippedAt");
        assertThat(again.json().get("detail").asText()).contains("older lot " + older).contains("100 available");
        assertThat(fx.lot(newer).get("shipped").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void theOrderHoldingTheOlderLotShipsFirstAndThenTheNewerLotShips() {
        String first = fx.placed(sku, 100).get("orderNumber").asText();
        String second = fx.placed(sku, 50).get("orderNumber").asText();
        assertThat(ship(second).status()).isEqualTo(409);
        Response holder = ship(first);
        assertThat(holder.status()).as(holder.toString()).isEqualTo(201);
        Response shipped = ship(second);
        assertThat(shipped.status()).as(shipped.toString()).isEqualTo(201);
        assertThat(fx.lot(newer).get("shipped").decimalValue()).isEqualByComparingTo("50");
    }

    private Response ship(String orderNumber) {
        return api.post("tom", "/api/orders/" + orderNumber + "/shipments", Map.of("carrier", "DHL Freight"));
    }

    private java.util.List<String> allocatedLots(String orderNumber) {
        return api.get("tom", "/api/orders/" + orderNumber).json().get("allocations").findValuesAsText("lotNumber");
    }
}
