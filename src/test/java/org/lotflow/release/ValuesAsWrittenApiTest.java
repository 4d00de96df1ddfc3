package org.lotflow.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Lab values and specification limits keep the decimals they were written with (new user 2026-12-06 M3; ALCOA
 * "original and accurate", 21 CFR 11.10(a)): a base number reported as 8.0 against 7.5 - 8.50 is 8.0 on the lab results,
 * the product, the lot page, the certificate and the quality history, never 8 nor the column's 8.000000.
 */
@ApiTest
class ValuesAsWrittenApiTest {

    @Autowired
    TestClient api;


    @Test
    void aValueWrittenAsEightPointZeroStaysEightPointZero() {
        String sku = "DEC-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Response product = api.post("mike", "/api/products", Map.of("sku", sku, "name", "Decimals " + sku, "unit",
                "drums", "shelfLifeMonths", 24, "lotNumberPattern", sku + "-{yyyy}-{seq:3}", "specs", List.of(
                        Map.of("test", "baseNumber", "unit", "mg KOH/g", "min", new BigDecimal("7.5"), "max",
                                new BigDecimal("8.50")),
                        Map.of("test", "assay", "unit", "%", "min", new BigDecimal("98.0"), "max",
                                new BigDecimal("102.0")))));
        assertThat(product.status()).as(product.toString()).isEqualTo(201);
        // read as text: a JSON reader's double would drop the zeros itself
        assertThat(api.get("tom", "/api/products/" + sku).text()).contains("\"max\":8.50,")
                .contains("\"min\":98.0,").contains("98.0 – 102.0 %");

        String lot = api.createLot(sku, new BigDecimal("10"), "2025-01-27");
        Response lab = api.post("sarah", "/api/lots/" + lot + "/lab-results", Map.of("results", List.of(
                Map.of("test", "baseNumber", "value", new BigDecimal("8.0")),
                Map.of("test", "assay", "value", new BigDecimal("99.50")))));
        assertThat(lab.status()).as(lab.toString()).isEqualTo(200);
        String taskId = api.get("jennifer", "/engine-rest/task?processInstanceBusinessKey=" + lot).json().get(0)
                .get("id").asText();
        Response approved = api.post("jennifer", "/engine-rest/task/" + taskId + "/complete", Map.of("variables",
                Map.of("approved", Map.of("value", true), "comment", Map.of("value", "released"))));
        assertThat(approved.status()).as(approved.toString()).isEqualTo(204);
        api.executeJobs();

        String text = api.get("tom", "/api/lots/" + lot + "/lab-results").text();
        assertThat(text).contains("\"value\":8.0,").contains("\"value\":99.50,").contains("\"min\":98.0")
                .contains("\"max\":8.50").doesNotContain("8.000000");

        assertThat(api.get("tom", "/api/lots/" + lot + "/coa").text()).contains("\"value\":8.0,").contains("\"max\":8.50").contains("\"min\":98.0");

        String page = org.lotflow.console.ConsoleSession.login(api.port(), "tom").get("/console/lots/" + lot).html();
        assertThat(page).contains(">8.0<").contains(">99.50<").contains(">102.0<")
                // the history's record of the results too (re-test 2026-12-06 3: "value 8, max 8.5")
                .contains("value 8.0").contains("max 8.50").doesNotContain("value 8,");
        // at most 6 decimals as written: trailing zeros count (re-test 5: 990 of them filled a certificate page)
        Response tooMany = api.post("sarah", "/api/lots/" + api.createLot(sku, new BigDecimal("10"), "2025-01-27")
                + "/lab-results", Map.of("results", List.of(Map.of("test", "baseNumber", "value",
                        new BigDecimal("8.0000000")), Map.of("test", "assay", "value", new BigDecimal("99.5")))));
        assertThat(tooMany.status()).as(tooMany.toString()).isEqualTo(400);
        assertThat(tooMany.text()).contains("at most 6 decimal places");
        String products = org.lotflow.console.ConsoleSession.login(api.port(), "tom").get("/console/products").html();
        assertThat(products).contains("assay: 98.0 – 102.0 %").contains("baseNumber: 7.5 – 8.50 mg KOH/g");

        String history = api.get("jennifer", "/api/reports/quality-history?sku=" + sku).text();
        assertThat(history).contains("8.0").doesNotContain("8.000000");
    }
}
