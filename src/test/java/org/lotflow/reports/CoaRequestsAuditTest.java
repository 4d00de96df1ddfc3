package org.lotflow.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Audit: the contract's daily review ({@code GET /api/reports/daily?date=}) carries {@code coaRequests}, the
 * seed's "COA requests: 3 provided", counted from the CERTIFICATE_PROVIDED events.
 */
@ApiTest
class CoaRequestsAuditTest {

    @Autowired
    TestClient api;

    @Test
    void theDailyReviewCountsTheCertificatesHandedOut() {
        String lot = api.releasedLot(api.createProduct("AUDDAILY"), new BigDecimal("10"), "2025-01-20");
        Response before = api.get("jennifer", "/api/reports/daily?date=2025-01-28");
        assertThat(before.status()).as(before.toString()).isEqualTo(200);
        int count = before.json().get("coaRequests").asInt();
        assertThat(api.get("tom", "/api/lots/" + lot + "/coa?customer=Acme").status()).isEqualTo(200);
        assertThat(api.get("jennifer", "/api/reports/daily?date=2025-01-28").json().get("coaRequests").asInt())
                .isEqualTo(count + 1);
    }
}
