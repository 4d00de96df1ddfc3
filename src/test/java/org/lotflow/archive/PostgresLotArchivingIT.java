package org.lotflow.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lotflow.support.PostgresApiTest;
import org.lotflow.support.TestClient.Response;

/**
 * Retention and archiving (issue #16) on PostgreSQL: the tests of {@link ArchivingScenarios} (the archivable lots'
 * query, {@code archive_review}'s TEXT listing, archived lots read, traced and recalled while the audit trail's
 * triggers refuse any change of an event) and a product's retention in V112's columns (validated by Hibernate).
 */
@PostgresApiTest
class PostgresLotArchivingIT extends ArchivingScenarios {

    @Test
    void aProductsCategoryAndRetentionGiveTheLotsRetainUntil() {
        Response created = api.post("mike", "/api/products", Map.of("sku", "PG-RET-1", "name", "Tablets", "unit",
                "packs", "shelfLifeMonths", 12, "lotNumberPattern", "PGRET-{yyyy}-{seq:3}", "category",
                "PHARMACEUTICAL", "specs", List.of(Map.of("test", "ph", "min", 6, "max", 8))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("retentionYears").asInt()).isEqualTo(7);
        String lot = api.createLot("PG-RET-1", new BigDecimal("5"), "2025-01-10");
        assertThat(api.get("tom", "/api/lots/" + lot).json().get("retainUntil").asText()).isEqualTo("2033-01-10");
        assertThat(api.get("tom", "/api/products/IL-250-55GAL").json().get("category").asText())
                .isEqualTo("INDUSTRIAL");
    }
}
