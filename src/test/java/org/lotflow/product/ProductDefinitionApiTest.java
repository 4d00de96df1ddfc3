package org.lotflow.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Auditor 2026-12-06 G8: who defined a product and its specification (the acceptance criteria every lab result is
 * judged against), and when, was stored but shown by no API or page. The product's answer, the product list and the
 * Console's products page (ConsoleFormsTest) show it (21 CFR 11.10(e), EU GMP Annex 11 §9).
 */
@ApiTest
class ProductDefinitionApiTest {

    @Autowired
    TestClient api;

    @Test
    void aProductShowsWhoDefinedItAndItsSpecificationAndWhen() {
        String sku = api.createProduct("DEF");
        JsonNode product = api.get("tom", "/api/products/" + sku).json();
        assertThat(product.get("createdBy").asText()).isEqualTo("mike");
        assertThat(product.get("createdByName").asText()).isNotBlank().isNotEqualTo("mike");
        assertThat(product.get("createdAt").asText()).isNotBlank();
        JsonNode listed = null;
        for (JsonNode p : api.get("sarah", "/api/products").json()) {
            if (p.get("sku").asText().equals(sku)) {
                listed = p;
            }
        }
        assertThat(listed).isNotNull();
        assertThat(listed.get("createdBy").asText()).isEqualTo("mike");
        assertThat(listed.get("createdAt").asText()).isEqualTo(product.get("createdAt").asText());
        Instant.parse(product.get("createdAt").asText()); // an ISO instant

    }
}
