package org.lotflow.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.lotflow.support.PostgresApiTest;
import org.lotflow.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;

/** The whole lab release on real PostgreSQL: schema by Flyway (Camunda's included), lot, process, history. */
@PostgresApiTest
class PostgresLabReleaseIT {

    @Autowired
    TestClient api;

    @Test
    void createRecordApproveReleaseOnPostgres() {
        String sku = api.createProduct("PG");
        String lot = api.createLot(sku, new BigDecimal("500"), "2025-01-20");
        assertThat(api.get("mike", "/api/lots/" + lot).json().get("status").asText()).isEqualTo("PENDING");
        api.release(lot);
        assertThat(api.get("mike", "/api/lots/" + lot).json().get("status").asText()).isEqualTo("RELEASED");
        assertThat(api.get("mike", "/api/lots/" + lot + "/history").json())
                .extracting(e -> e.get("type").asText())
                .containsExactly("CREATED", "LAB_RESULTS_RECORDED", "RELEASE_APPROVED", "STATUS_CHANGED",
                        "CERTIFICATE_ISSUED");
        // the demo scenario is there too, released through the same process
        assertThat(api.get("tom", "/api/lots/IL250-2024-092").json().get("status").asText()).isEqualTo("RELEASED");
    }
}
