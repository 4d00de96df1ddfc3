package org.lotflow.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Console's production and sales forms over real HTTP: Mike creates a lot with a source lot, Tom places an
 * order and ships it; each form refuses as the API does (its field rules, then the service's), at the field,
 * with the API's status, changing nothing; a user of another group gets 403.
 */
@ApiTest
class ConsoleFormsTest {

    @Autowired
    TestClient api;

    @LocalServerPort
    int port;

    private static Map<String, String> lotForm(String sku, String quantity, String date) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("sku", sku);
        f.put("quantity", quantity);
        f.put("manufactureDate", date);
        f.put("location", "Warehouse B");
        f.put("lotNumber", "");
        f.put("expirationDate", "");
        f.put("productionOrder", "PO-7");
        f.put("sourceLots", "");
        return f;
    }

    @Test
    void mikeCreatesALotWithASourceLotAndEveryErrorIsShownAtItsField() {
        String rawSku = api.createProduct("CFRAW");
        String raw = api.releasedLot(rawSku, new BigDecimal("200"), "2025-01-05");
        String sku = api.createProduct("CFNEW");
        ConsoleSession mike = ConsoleSession.login(port, "mike");
        ConsoleSession.Page form = mike.get("/console/lots/new");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.html()).contains("id=\"lot-form\"").contains(sku).contains("id=\"nav-new-lot\"");

        Map<String, String> f = lotForm(sku, "12.3456", "2025-01-20");
        ConsoleSession.Page decimals = mike.post("/console/lots/new", f);
        assertThat(decimals.status()).isEqualTo(400);
        assertThat(decimals.html()).contains("data-field=\"quantity\"").contains("at most 3 decimal places")
                .contains("value=\"PO-7\"");
        f = lotForm(sku, "abc", "2025-01-20");
        assertThat(mike.post("/console/lots/new", f).html()).contains("data-field=\"quantity\"")
                .contains("&#39;abc&#39; is not a valid number");
        f = lotForm(sku, "100", "20.1.2025");
        assertThat(mike.post("/console/lots/new", f).html()).contains("data-field=\"manufactureDate\"");
        f = lotForm("", "100", "2025-01-20");
        assertThat(mike.post("/console/lots/new", f).html()).contains("data-field=\"sku\"");
        f = lotForm("NO-SUCH-SKU", "100", "2025-01-20");
        ConsoleSession.Page unknownSku = mike.post("/console/lots/new", f);
        assertThat(unknownSku.status()).isEqualTo(400);
        assertThat(unknownSku.html()).contains("data-field=\"sku\"");
        f = lotForm(sku, "100", "2025-01-20");
        f.put("sourceLots", raw + " 60\nbroken line here");
        ConsoleSession.Page badLine = mike.post("/console/lots/new", f);
        assertThat(badLine.status()).isEqualTo(400);
        assertThat(badLine.html()).contains("data-field=\"sourceLots\"").contains("line 2");
        f.put("sourceLots", raw + " 900");
        ConsoleSession.Page tooMuch = mike.post("/console/lots/new", f);
        assertThat(tooMuch.status()).as(tooMuch.html()).isIn(400, 409);
        assertThat(tooMuch.html()).contains("id=\"form-problem\"");
        assertThat(api.get("mike", "/api/lots/" + raw).json().get("consumed").decimalValue()).isZero();

        f.put("sourceLots", raw + " 60");
        ConsoleSession.Page created = mike.post("/console/lots/new", f);
        assertThat(created.status()).as(created.html()).isEqualTo(302);
        String lot = created.location().substring(created.location().lastIndexOf('/') + 1, created.location().indexOf('?'));
        assertThat(api.get("mike", "/api/lots/" + lot).json().get("status").asText()).isEqualTo("PENDING");
        assertThat(api.get("mike", "/api/lots/" + raw).json().get("consumed").decimalValue())
                .isEqualByComparingTo("60");
        assertThat(mike.get("/console/lots/" + lot + "?created").html()).contains("id=\"created-notice\"")
                .contains("id=\"sources\"").contains(raw);

        // sales may not create lots
        ConsoleSession tom = ConsoleSession.login(port, "tom");
        assertThat(tom.get("/console/lots/new").status()).isEqualTo(403);
        ConsoleSession.Page refused = tom.post("/console/lots/new", lotForm(sku, "5", "2025-01-20"));
        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void tomPlacesAnOrderAndShipsItAndEveryErrorIsShownAtItsField() {
        String sku = api.createProduct("CFORD");
        String lot = api.releasedLot(sku, new BigDecimal("300"), "2025-01-05");
        String number = "SO-" + UUID.randomUUID().toString().substring(0, 8);
        ConsoleSession tom = ConsoleSession.login(port, "tom");
        assertThat(tom.get("/console/orders/new").html()).contains("id=\"order-form\"").contains(sku);

        Map<String, String> f = new LinkedHashMap<>(Map.of("orderNumber", number, "customer", "Acme Industrial",
                "sku", sku, "quantity", "0", "requiredBy", "", "minShelfLifeMonths", "", "requestedLot", ""));
        ConsoleSession.Page zero = tom.post("/console/orders", f);
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.html()).contains("data-field=\"quantity\"").contains("greater than 0");
        f.put("quantity", "50");
        f.put("requiredBy", "2024-12-01");
        ConsoleSession.Page past = tom.post("/console/orders", f);
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.html()).contains("data-field=\"requiredBy\"").contains("must not be in the past");
        f.put("requiredBy", "");
        f.put("minShelfLifeMonths", "500");
        assertThat(tom.post("/console/orders", f).html()).contains("data-field=\"minShelfLifeMonths\"");
        f.put("minShelfLifeMonths", "");
        f.put("customer", " ");
        assertThat(tom.post("/console/orders", f).html()).contains("data-field=\"customer\"");
        f.put("customer", "Acme Industrial");
        assertThat(api.call("tom", "tom", org.springframework.http.HttpMethod.GET, "/api/orders/" + number, null,
                "application/json").status()).as("nothing placed").isEqualTo(404);

        ConsoleSession.Page placed = tom.post("/console/orders", f);
        assertThat(placed.status()).as(placed.html()).isEqualTo(302);
        String page = tom.get("/console/orders/" + number + "?placed").html();
        assertThat(page).contains("id=\"placed-notice\"").contains(lot).contains("FEFO").contains("id=\"ship-form\"");
        ConsoleSession.Page taken = tom.post("/console/orders", f);
        assertThat(taken.status()).isEqualTo(409);

        assertThat(tom.post("/console/orders/" + number + "/shipments", Map.of("shippedAt", "yesterday",
                "carrier", "")).html()).contains("data-field=\"shippedAt\"");
        ConsoleSession.Page shipped = tom.post("/console/orders/" + number + "/shipments", Map.of("shippedAt", "",
                "carrier", "DHL"));
        assertThat(shipped.status()).isEqualTo(302);
        assertThat(tom.get("/console/orders/" + number + "?shipped").html()).contains("id=\"shipped-notice\"")
                .contains("DHL");
        assertThat(api.get("mike", "/api/lots/" + lot).json().get("shipped").decimalValue()).isEqualByComparingTo("50");

        // a QA manager may not place orders or ship
        ConsoleSession jennifer = ConsoleSession.login(port, "jennifer");
        assertThat(jennifer.get("/console/orders/new").status()).isEqualTo(403);
        jennifer.get("/console/orders/" + number);
        f.put("orderNumber", number + "-2");
        assertThat(jennifer.post("/console/orders", f).status()).isEqualTo(403);
        assertThat(jennifer.post("/console/orders/" + number + "/shipments", Map.of()).status()).isEqualTo(403);
        assertThat(tom.get("/console/orders/NO-SUCH-ORDER").status()).isEqualTo(404);
    }

    @Test
    void mikeDefinesAProductWithItsSpecificationAndEveryErrorIsShownAtItsField() {
        String sku = "CFPROD-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        ConsoleSession mike = ConsoleSession.login(port, "mike");
        assertThat(mike.get("/console/products").html()).contains("id=\"product-form\"").contains("IL-250-55GAL");
        Map<String, String> f = new LinkedHashMap<>(Map.of("sku", sku, "name", "Gear oil", "description", "",
                "unit", "drums", "shelfLifeMonths", "24", "lotNumberPattern", sku + "-{yyyy}-{seq:3}",
                "specs", "viscosity cSt 245 255\nflashPoint °C 220"));
        ConsoleSession.Page badLine = mike.post("/console/products", f);
        assertThat(badLine.status()).isEqualTo(400);
        assertThat(badLine.html()).contains("data-field=\"specs\"").contains("line 2").contains("value=\"Gear oil\"");
        f.put("specs", "viscosity cSt 245.1234567 255");
        assertThat(mike.post("/console/products", f).html()).contains("data-field=\"specs\"")
                .contains("at most 6 decimal places");
        f.put("specs", "viscosity cSt 245 255\nflashPoint °C 220 -");
        f.put("shelfLifeMonths", "two years");
        assertThat(mike.post("/console/products", f).html()).contains("data-field=\"shelfLifeMonths\"");
        f.put("shelfLifeMonths", "24");
        f.put("name", "");
        assertThat(mike.post("/console/products", f).html()).contains("data-field=\"name\"");
        f.put("name", "Gear oil");
        f.put("lotNumberPattern", "no placeholders");
        ConsoleSession.Page pattern = mike.post("/console/products", f);
        assertThat(pattern.status()).isEqualTo(400);
        assertThat(pattern.html()).contains("data-field=\"lotNumberPattern\"");
        f.put("lotNumberPattern", sku + "-{yyyy}-{seq:3}");
        assertThat(api.call("mike", "mike", org.springframework.http.HttpMethod.GET, "/api/products/" + sku, null,
                "application/json").status()).as("nothing defined").isEqualTo(404);

        ConsoleSession.Page created = mike.post("/console/products", f);
        assertThat(created.status()).as(created.html()).isEqualTo(302);
        var product = api.get("mike", "/api/products/" + sku).json();
        assertThat(product.get("specs").toString()).contains("viscosity").contains("flashPoint");
        assertThat(mike.get("/console/products?created=" + sku).html()).contains("id=\"product-created\"")
                .contains("id=\"product-" + sku + "\"");
        assertThat(mike.post("/console/products", f).status()).as("SKU taken").isEqualTo(409);

        ConsoleSession tom = ConsoleSession.login(port, "tom");
        assertThat(tom.get("/console/products").html()).doesNotContain("id=\"product-form\"");
        f.put("sku", sku + "X");
        f.put("lotNumberPattern", sku + "X-{yyyy}-{seq:3}");
        assertThat(tom.post("/console/products", f).status()).isEqualTo(403);
    }
}
