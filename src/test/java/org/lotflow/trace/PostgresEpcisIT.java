package org.lotflow.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lotflow.support.PostgresApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * EPCIS 2.0 on PostgreSQL (issue #14): V103's GTIN column and its unique index (any number of products without a
 * GTIN, one product per GTIN), the reads of {@code LotOrigins} with the lots' status, expiry and GTIN, the lots'
 * status changes from the lot history ({@code HistoryReports.statusChanges}), and the demo's recall story as a valid
 * EPCIS document.
 */
@PostgresApiTest
class PostgresEpcisIT {

    @Autowired
    TestClient api;

    @Test
    void theDemoStoryIsAValidDocument() throws IOException {
        Response r = api.call("rachel", "rachel", HttpMethod.GET, "/api/traceability/epcis?lot=RM-2025-015", null,
                "application/ld+json");
        JsonNode doc = EpcisApiTest.valid(r);
        List<JsonNode> events = EpcisApiTest.facts(doc);
        assertThat(events).extracting(e -> e.get("bizStep").asText()).containsExactly("receiving", "commissioning",
                "shipping", "shipping");
        assertThat(events).extracting(e -> e.get("disposition").asText()).as("each as of its own time")
                .containsExactly("in_progress", "in_progress", "in_transit", "in_transit");
        // the status changes read from PostgreSQL's lot history (one array parameter): both lots' lab releases
        assertThat(EpcisApiTest.statusChanges(doc)).contains("inspecting active RELEASED");
        assertThat(events.get(1).get("outputQuantityList").get(0).get("epcClass").asText())
                .isEqualTo("https://id.gs1.org/01/00614141250059/10/IL250P-2025-002");
        assertThat(events.get(0).get("ilmd").get("lotflow:supplierLotNumber").asText()).isEqualTo("GCB-24-7781");
    }

    @Test
    void oneGtinNamesOneProduct() {
        String gtin = EpcisApiTest.gtin12();
        String first = "PGT-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String second = "PGT-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String none1 = api.createProduct("PGN");
        String none2 = api.createProduct("PGN");
        assertThat(api.get("tom", "/api/products/" + none1).json().has("gtin")).isFalse();
        assertThat(api.get("tom", "/api/products/" + none2).json().has("gtin")).isFalse();
        Map<String, Object> body = Map.of("name", "GTIN product", "unit", "kg", "shelfLifeMonths", 12,
                "lotNumberPattern", "PG{yyyy}{seq:3}", "gtin", gtin, "specs",
                List.of(Map.of("test", "ph", "min", 6)));
        Map<String, Object> a = new java.util.HashMap<>(body);
        a.put("sku", first);
        assertThat(api.post("mike", "/api/products", a).status()).isEqualTo(201);
        Map<String, Object> b = new java.util.HashMap<>(body);
        b.put("sku", second);
        b.put("gtin", "00" + gtin);
        Response twice = api.post("mike", "/api/products", b);
        assertThat(twice.status()).as(twice.toString()).isEqualTo(409);
        assertThat(twice.json().get("field").asText()).isEqualTo("gtin");
    }
}
