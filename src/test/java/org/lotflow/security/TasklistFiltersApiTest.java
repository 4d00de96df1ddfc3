package org.lotflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Finding work in Tasklist (issue #12): the filter Tasklist opens first (the lowest priority a user may
 * read) is the user's group's open work, and its rows name the lot. What Tasklist calls is
 * {@code GET /engine-rest/filter?resourceType=Task}, sorted by the {@code priority} property.
 */
@ApiTest
class TasklistFiltersApiTest {

    @Autowired
    TestClient api;

    private JsonNode firstFilter(String user) {
        JsonNode filters = api.get(user, "/engine-rest/filter?resourceType=Task").json();
        List<JsonNode> sorted = StreamSupport.stream(filters.spliterator(), false)
                .sorted(Comparator.comparingInt(f -> f.get("properties").get("priority").asInt())).toList();
        assertThat(sorted).as("filters " + user + " may read").isNotEmpty();
        return sorted.get(0);
    }

    @Test
    void eachGroupOpensOnItsOpenWorkNamedAfterTheLot() {
        String sku = api.createProduct("FILT");
        String lot = api.createLot(sku, new BigDecimal("10"), "2025-01-20");
        JsonNode analysts = firstFilter("sarah");
        assertThat(analysts.get("name").asText()).isEqualTo("QA analysts");
        JsonNode rows = api.post("sarah", "/engine-rest/filter/" + analysts.get("id").asText() + "/list",
                java.util.Map.of()).json();
        assertThat(rows).extracting(t -> t.get("name").asText()).contains("Record lab results · " + lot);
        assertThat(firstFilter("tom").get("name").asText()).isEqualTo("Sales");
        assertThat(firstFilter("rachel").get("name").asText()).isEqualTo("Recall coordinators");
    }
}
