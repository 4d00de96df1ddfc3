package org.lotflow.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.lotflow.support.TestClient;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * New user round 24b: the order page says when the lot the customer asked for can no longer be supplied, before sales
 * allocates the shortfall by FEFO from another (N4); order, allocation and certificate statuses read as words, their
 * codes kept in the API and in the title attributes (N5).
 */
@ApiTest
class ConsoleOrderWordsTest {

    @Autowired
    TestClient api;

    @LocalServerPort
    int port;

    @Test
    void theRequestedLotNoLongerSuppliedIsSaidBesideTheShortfall() {
        String sku = api.createProduct("CORQ");
        String requested = api.releasedLot(sku, new BigDecimal("100"), "2025-01-05");
        String number = "SO-" + UUID.randomUUID().toString().substring(0, 8);
        var placed = api.post("tom", "/api/orders", Map.of("orderNumber", number, "customer", "Acme Industrial", "sku",
                sku, "quantity", 150, "requestedLot", requested, "requestReason", "Previous performance history"));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        assertThat(placed.json().get("status").asText()).as(placed.toString()).isEqualTo("PARTIALLY_ALLOCATED");
        api.releasedLot(sku, new BigDecimal("100"), "2025-01-20");
        ConsoleSession tom = ConsoleSession.login(port, "tom");
        String page = tom.get("/console/orders/" + number).html();
        assertThat(page).contains("id=\"allocate-panel\"").doesNotContain("id=\"requested-lot-unavailable\"")
                // N5: the status in words, its code in the title
                .contains("title=\"PARTIALLY_ALLOCATED\" data-status=\"PARTIALLY_ALLOCATED\">Partly allocated</span>")
                .contains("title=\"OPEN\">Open (to ship)</span>").doesNotContain(">OPEN<")
                .contains(" Released</small>");
        assertThat(api.post("sarah", "/api/lots/" + requested + "/holds", Map.of("reason", "Customer complaint: haze",
                "source", "COMPLAINT")).status()).isEqualTo(202);
        page = tom.get("/console/orders/" + number).html();
        assertThat(page).contains("id=\"allocate-panel\"").contains("id=\"requested-lot-unavailable\"")
                .contains("The requested lot " + requested + " is now In quarantine: allocating by FEFO ships another"
                        + " lot than the customer asked for; check with the customer first.");
        assertThat(tom.get("/console/orders?size=200").html()).contains("data-status=\"PARTIALLY_ALLOCATED\">Partly allocated<")
                .doesNotContain(">PARTIALLY_ALLOCATED<");
    }

    @Test
    void aCertificatesStandingReadsAsWords() {
        String lot = api.releasedLot(api.createProduct("COAW"), new BigDecimal("40"), "2024-12-01");
        String page = ConsoleSession.login(port, "sarah").get("/console/lots/" + lot).html();
        assertThat(page).containsPattern("data-status=\"CURRENT\">COA-[0-9-]+ \\(current, issued")
                .doesNotContain("(CURRENT, issued");
    }
}
