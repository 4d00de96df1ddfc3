package org.lotflow.quarantine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.lotflow.console.ConsoleSession;

/**
 * Quarantine and the order book together, through the real APIs: a held lot keeps its allocations
 * but cannot ship and takes no new ones; released again, it ships; rejected, its allocations are
 * cancelled and the order shows the shortfall.
 */
@ApiTest
class QuarantineAndOrdersTest {

    @Autowired
    TestClient api;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    private Response order(String orderNumber, String sku, int quantity) {
        return api.post("tom", "/api/orders", Map.of("orderNumber", orderNumber, "customer", "Industrial Services Inc.",
                "sku", sku, "quantity", quantity));
    }

    private static String orderNumber() {
        return "SO-Q-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    private BigDecimal number(JsonNode node, String field) {
        return new BigDecimal(node.get(field).asText());
    }

    @Test
    void aHeldLotKeepsItsAllocationsButShipsOnlyAfterItsRelease() {
        QuarantineFixture q = new QuarantineFixture(api, jdbc);
        String sku = api.createProduct("QORD");
        String lot = api.releasedLot(sku, new BigDecimal("100"), "2025-01-10");
        String so = orderNumber();
        Response placed = order(so, sku, 60);
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        assertThat(placed.json().get("allocations").get(0).get("lotNumber").asText()).isEqualTo(lot);

        assertThat(q.hold("sarah", lot, "Customer complaint: viscosity").status()).isEqualTo(202);
        JsonNode held = api.get("tom", "/api/lots/" + lot).json();
        assertThat(held.get("status").asText()).isEqualTo("QUARANTINE");
        assertThat(number(held, "allocated")).isEqualByComparingTo("60");

        Response refused = api.post("tom", "/api/orders/" + so + "/shipments", Map.of("carrier", "Midwest Freight"));
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.text()).contains(lot);
        assertThat(number(api.get("tom", "/api/lots/" + lot).json(), "shipped")).isEqualByComparingTo("0");
        // the order list says it cannot ship, and why (new user 2026-12-07 L8)
        JsonNode listed = api.get("tom", "/api/orders?sku=" + sku).json().get("items").get(0);
        assertThat(listed.get("orderNumber").asText()).isEqualTo(so);
        assertThat(listed.get("lotsNotReleased").toString()).isEqualTo("[{\"lotNumber\":\"" + lot
                + "\",\"status\":\"QUARANTINE\"}]");
        assertThat(org.lotflow.console.ConsoleSession.login(api.port(), "tom").get("/console/orders?sku=" + sku).html())
                .contains("data-cannot-ship=\"" + so + "\"").contains("cannot ship: " + lot + " is in quarantine");

        // no new allocation takes the held lot
        Response second = order(orderNumber(), sku, 10);
        assertThat(second.status()).isEqualTo(201);
        assertThat(number(second.json(), "shortfall")).isEqualByComparingTo("10");
        assertThat(second.json().get("allocations")).isEmpty();

        q.investigate("sarah", lot);
        Response released = q.dispose("jennifer", lot, Map.of("decision", "RELEASE",
                "justification", "Retained sample within specification", "password", "jennifer"));
        assertThat(released.status()).as(released.toString()).isEqualTo(200);
        api.executeJobs();
        assertThat(q.status(lot)).isEqualTo("RELEASED");

        assertThat(api.get("tom", "/api/orders?sku=" + sku).json().get("items")).allSatisfy(o ->
                assertThat(o.get("lotsNotReleased")).as("released again").isEmpty());
        Response shipped = api.post("tom", "/api/orders/" + so + "/shipments", Map.of("carrier", "Midwest Freight"));
        assertThat(shipped.status()).as(shipped.toString()).isEqualTo(201);
        JsonNode after = api.get("tom", "/api/lots/" + lot).json();
        assertThat(number(after, "shipped")).isEqualByComparingTo("60");
        assertThat(number(after, "allocated")).isEqualByComparingTo("0");
    }

    @Test
    void aRejectedLotLosesItsAllocationsAndTheOrderShowsTheShortfall() {
        QuarantineFixture q = new QuarantineFixture(api, jdbc);
        String sku = api.createProduct("QREJ");
        String lot = api.releasedLot(sku, new BigDecimal("80"), "2025-01-12");
        String so = orderNumber();
        assertThat(order(so, sku, 30).status()).isEqualTo(201);

        assertThat(q.hold("sarah", lot, "Failed retest: water content").status()).isEqualTo(202);
        q.investigate("sarah", lot);
        // a justification of 1,800 characters: the allocation's closing reason keeps all of it (it was cut at 500)
        String justification = "Water content out of specification. " + "Karl Fischer retest 0.62 % against 0.50 %. ".repeat(40);
        // the lot number in the path in lower case: the disposition task is found all the same (auditor 2026-12-06 C-a)
        Response rejected = q.dispose("jennifer", lot.toLowerCase(java.util.Locale.ROOT), Map.of("decision", "REJECT",
                "justification", justification.strip(), "password", "jennifer"));
        assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
        assertThat(rejected.json().get("lotNumber").asText()).isEqualTo(lot);
        api.executeJobs();

        assertThat(q.status(lot)).isEqualTo("REJECTED");
        assertThat(number(api.get("tom", "/api/lots/" + lot).json(), "allocated")).isEqualByComparingTo("0");
        JsonNode order = api.get("tom", "/api/orders/" + so).json();
        assertThat(number(order, "shortfall")).isEqualByComparingTo("30");
        JsonNode allocation = order.get("allocations").get(0);
        assertThat(allocation.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(allocation.get("closeReason").asText()).contains("became rejected").endsWith(justification.strip());
        // the order's Console page says, beside its shortfall, that its stock was taken back and why (new user Q5)
        String page = ConsoleSession.login(port, "tom").get("/console/orders/" + so).html();
        assertThat(page).contains("id=\"shortfall-taken-back\"").contains(lot + " 30 drums, Lot " + lot + " became rejected");
    }
}
