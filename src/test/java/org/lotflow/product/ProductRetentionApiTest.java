package org.lotflow.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Retention per product (issue #16, the seed's "How long should I keep lot records?"): a category with the seed's
 * upper bound as default (food 3, pharmaceutical 7, industrial 5 years beyond expiration), an own retention, both
 * on {@code GET /api/products/{sku}}, and {@code retainUntil} (expiration + retention) on the lot view; bad values
 * are 400 naming the field and create nothing.
 */
@ApiTest
class ProductRetentionApiTest {

    @Autowired
    TestClient api;

    private Response create(String sku, Object category, Object retentionYears) {
        Map<String, Object> body = new HashMap<>(Map.of("sku", sku, "name", "Test product " + sku, "unit", "kg",
                "shelfLifeMonths", 12, "lotNumberPattern", sku + "-{yyyy}-{seq:3}",
                "specs", List.of(Map.of("test", "ph", "min", 6, "max", 8))));
        if (category != null) {
            body.put("category", category);
        }
        if (retentionYears != null) {
            body.put("retentionYears", retentionYears);
        }
        return api.post("mike", "/api/products", body);
    }

    private static String sku() {
        return "RT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @Test
    void eachCategoryDefaultsToTheSeedsUpperBound() {
        Map<String, Integer> expected = Map.of("FOOD", 3, "PHARMACEUTICAL", 7, "INDUSTRIAL", 5);
        expected.forEach((category, years) -> {
            String sku = sku();
            assertThat(create(sku, category, null).status()).isEqualTo(201);
            Response product = api.get("tom", "/api/products/" + sku);
            assertThat(product.json().get("category").asText()).isEqualTo(category);
            assertThat(product.json().get("retentionYears").asInt()).as(category).isEqualTo(years);
            assertThat(product.json().get("retentionDefault").asBoolean()).isTrue();
        });
        String none = sku();
        assertThat(create(none, null, null).status()).isEqualTo(201);
        Response product = api.get("tom", "/api/products/" + none);
        assertThat(product.json().get("category").asText()).as("the default category").isEqualTo("INDUSTRIAL");
        assertThat(product.json().get("retentionYears").asInt()).isEqualTo(5);
        assertThat(api.get("tom", "/api/products/IL-250-55GAL").json().get("category").asText())
                .as("a product made before retention existed").isEqualTo("INDUSTRIAL");
    }

    @Test
    void aProductsOwnRetentionGivesTheLotsRetainUntil() {
        String sku = sku();
        Response created = create(sku, "PHARMACEUTICAL", 10);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("retentionYears").asInt()).isEqualTo(10);
        assertThat(created.json().get("retentionDefault").asBoolean()).isFalse();
        String lot = api.createLot(sku, new BigDecimal("10"), "2025-01-10");
        Response view = api.get("tom", "/api/lots/" + lot);
        LocalDate expiration = LocalDate.parse(view.json().get("expirationDate").asText());
        assertThat(expiration).isEqualTo(LocalDate.of(2026, 1, 10));
        assertThat(view.json().get("retainUntil").asText()).isEqualTo("2036-01-10");
    }

    @Test
    void badValuesAreRefusedNamingTheFieldAndCreateNothing() {
        Object[][] cases = {{"category", "CHEMICAL", null}, {"category", 12, null}, {"retentionYears", null, 0},
                {"retentionYears", null, -3}, {"retentionYears", null, 31}, {"retentionYears", null, "seven"},
                {"retentionYears", null, 2.5}};
        for (Object[] c : cases) {
            String sku = sku();
            Response r = create(sku, c[1], c[2]);
            assertThat(r.status()).as(java.util.Arrays.toString(c) + ": " + r).isEqualTo(400);
            assertThat(r.isProblem()).isTrue();
            assertThat(r.text()).as(r.toString()).contains((String) c[0]);
            assertThat(api.get("tom", "/api/products/" + sku).status()).isEqualTo(404);
        }
    }
}
