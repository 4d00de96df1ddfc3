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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Audit 28 F1: FEFO is judged on the day the goods leave. An order whose {@code requiredBy} falls after an older lot's
 * expiry is allocated the newer lot (FEFO at the ship date it assumes), but it may not ship before {@code requiredBy}
 * while FEFO would still take the older lot that day; and an order asking for the newer lot goes to a QA manager
 * whatever its {@code requiredBy}. Today is 2025-01-28.
 */
@ApiTest
class FefoAtShipmentTest {

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
        sku = api.createProduct("FEFOSHIP");
        older = fx.releasedLot(sku, 100, "2024-11-15", "2026-11-15");
        newer = fx.releasedLot(sku, 100, "2025-01-08", "2027-01-08");
    }

    @Test
    void anOrderAllocatedForALaterRequiredByMayNotShipWhileFefoWouldTakeTheOlderLot() {
        JsonNode order = fx.placed(sku, 50, "requiredBy", "2026-12-04");
        String number = order.get("orderNumber").asText();
        assertThat(order.get("allocations").findValuesAsText("lotNumber")).containsExactly(newer);
        // the allocation says what it passed over and from when it ships
        JsonNode allocated = api.get("tom", "/api/lots/" + newer + "/history").json().findParents("type").stream()
                .filter(e -> "ALLOCATED".equals(e.get("type").asText())).findFirst().orElseThrow();
        assertThat(allocated.toString()).contains(older).contains("2026-12-04").contains("2026-11-15");

        Response shipped = api.post("tom", "/api/orders/" + number + "/shipments", Map.of("carrier", "DHL Freight"));
        assertThat(shipped.status()).as(shipped.toString()).isEqualTo(409);
        assertThat(shipped.json().get("field").asText()).isEqualTo("shippedAt");
        assertThat(shipped.json().get("detail").asText()).contains("older lot " + older)
                .contains("may ship from 2026-11-15").contains("without requiredBy").contains("requestedLot")
                .contains("QA manager");
        assertThat(fx.lot(newer).get("shipped").decimalValue()).isEqualByComparingTo("0");
        // the Console's order page offers no Ship button, and says why
        String page = org.lotflow.console.ConsoleSession.login(api.port(), "tom").get("/console/orders/" + number)
                .html();
        assertThat(page).contains("id=\"cannot-ship\"").doesNotContain("id=\"ship-form\"");
        assertThat(page.replaceAll("<[^>]+>", "").replaceAll("\\s+", " ")).contains("older lot " + older);

        // another order taking all of the older lot does not let it ship: the older lot is still behind, held by an
        // open order that may yet be cancelled (re-test N4: the throw-away order)
        String other = fx.placed(sku, 100).get("orderNumber").asText();
        assertThat(fx.lot(older).get("available").decimalValue()).isEqualByComparingTo("0");
        Response held = api.post("tom", "/api/orders/" + number + "/shipments", Map.of("carrier", "DHL Freight"));
        assertThat(held.status()).as(held.toString()).isEqualTo(409);
        assertThat(held.json().get("detail").asText()).contains("held by open order " + other);
        // once the older lot has left (the order holding it shipped), FEFO would no longer take it, and the order ships
        Response first = api.post("tom", "/api/orders/" + other + "/shipments", Map.of("carrier", "DHL Freight"));
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        Response later = api.post("tom", "/api/orders/" + number + "/shipments", Map.of("carrier", "DHL Freight"));
        assertThat(later.status()).as(later.toString()).isEqualTo(201);
    }

    @Test
    void anOrderAllocatedForRequiredByBeforeTheOlderLotsExpiryShipsAtOnce() {
        JsonNode order = fx.placed(sku, 50, "requiredBy", "2026-11-01");
        assertThat(order.get("allocations").findValuesAsText("lotNumber")).containsExactly(older);
        Response shipped = api.post("tom", "/api/orders/" + order.get("orderNumber").asText() + "/shipments",
                Map.of("carrier", "DHL Freight"));
        assertThat(shipped.status()).as(shipped.toString()).isEqualTo(201);
    }

    @Test
    void aRequestedLotSkippingAnOlderLotGoesToAQaManagerWhateverItsRequiredBy() {
        JsonNode order = fx.placed(sku, 20, "requiredBy", "2026-12-04", "requestedLot", newer);
        assertThat(order.get("status").asText()).isEqualTo("OVERRIDE_PENDING");
        assertThat(order.get("override").get("reason").asText()).contains("FEFO").contains(older)
                .contains("expires before the ship date 2026-12-04");
        assertThat(fx.lot(newer).get("allocated").decimalValue()).isEqualByComparingTo("0");
    }
}
