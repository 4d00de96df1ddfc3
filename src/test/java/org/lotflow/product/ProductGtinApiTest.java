package org.lotflow.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A product's optional GS1 GTIN (issue #14, EPCIS): GTIN-8/12/13/14 with a valid check digit, answered as GTIN-14;
 * a wrong one is 400 naming {@code gtin} and creates nothing; a GTIN another product carries is 409.
 */
@ApiTest
class ProductGtinApiTest {

    @Autowired
    TestClient api;

    private Response create(String sku, Object gtin) {
        java.util.Map<String, Object> body = new java.util.HashMap<>(Map.of("sku", sku, "name", "Test product " + sku,
                "unit", "kg", "shelfLifeMonths", 24, "lotNumberPattern", sku + "-{yyyy}-{seq:3}",
                "specs", List.of(Map.of("test", "ph", "min", 6, "max", 8))));
        if (gtin != null) {
            body.put("gtin", gtin);
        }
        return api.post("mike", "/api/products", body);
    }

    private static String sku() {
        return "GT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    /** A GTIN-13 of GS1's example prefix 4012345 with its check digit, unique per call. */
    private static String gtin13() {
        String digits = "4012345" + String.format("%05d", Math.floorMod(UUID.randomUUID().hashCode(), 100000));
        return digits + org.lotflow.shared.Gs1Keys.checkDigit(digits);
    }

    @Test
    void aProductCarriesItsGtinAsGtin14() {
        String sku = sku();
        String gtin = gtin13();
        Response created = create(sku, gtin);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("gtin").asText()).isEqualTo("0" + gtin);
        assertThat(api.get("tom", "/api/products/" + sku).json().get("gtin").asText()).isEqualTo("0" + gtin);
        String none = sku();
        assertThat(create(none, null).status()).isEqualTo(201);
        assertThat(api.get("tom", "/api/products/" + none).json().has("gtin")).as("left out when none").isFalse();
    }

    @Test
    void aWrongGtinIsRefusedNamingItAndNothingIsCreated() {
        String good = gtin13();
        String wrongDigit = good.substring(0, 12) + (char) ('0' + (good.charAt(12) - '0' + 1) % 10);
        for (Object bad : new Object[] {wrongDigit, "40123450000", "4012345-00000", "ABCDEFGH", "401234500000912"}) {
            String sku = sku();
            Response r = create(sku, bad);
            assertThat(r.status()).as(bad + ": " + r).isEqualTo(400);
            assertThat(r.isProblem()).isTrue();
            assertThat(r.json().get("field").asText()).isEqualTo("gtin");
            assertThat(api.get("tom", "/api/products/" + sku).status()).isEqualTo(404);
        }
        Response r = create(sku(), wrongDigit);
        assertThat(r.json().get("detail").asText()).contains("check digit");
    }

    @Test
    void oneGtinNamesOneProduct() {
        String gtin = gtin13();
        assertThat(create(sku(), gtin).status()).isEqualTo(201);
        String sku = sku();
        Response twice = create(sku, "0" + gtin);
        assertThat(twice.status()).as("the same GTIN written as GTIN-14: " + twice).isEqualTo(409);
        assertThat(twice.json().get("field").asText()).isEqualTo("gtin");
        assertThat(api.get("tom", "/api/products/" + sku).status()).isEqualTo(404);
    }
}
