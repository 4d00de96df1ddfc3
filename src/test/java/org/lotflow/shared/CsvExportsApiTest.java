package org.lotflow.shared;

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
import org.springframework.http.HttpMethod;

/** Issue 9, input 7, end to end: names that are formulas come out of every CSV export as text. */
@ApiTest
class CsvExportsApiTest {

    @Autowired
    TestClient api;

    @Test
    void aCustomerNamedLikeAFormulaIsTextInTheRecallExportAndTheTrace() {
        String sku = "CSV-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        assertThat(api.post("mike", "/api/products", Map.of("sku", sku, "name", "+1+1", "unit", "drums",
                "shelfLifeMonths", 24, "lotNumberPattern", sku + "-{yyyy}-{seq:3}", "specs",
                List.of(Map.of("test", "viscosity", "unit", "cSt", "min", 245, "max", 255),
                        Map.of("test", "flashPoint", "unit", "°C", "min", 220)))).status()).isEqualTo(201);
        Response lot = api.post("mike", "/api/lots", Map.of("sku", sku, "quantity", 10, "manufactureDate",
                "2024-12-01", "location", "@SUM(1+1)"));
        String lotNumber = lot.json().get("lotNumber").asText();
        api.release(lotNumber);
        String order = "SO-CSV-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("tom", "/api/orders", Map.of("orderNumber", order, "customer",
                "=HYPERLINK(\"http://x\",\"y\")", "sku", sku, "quantity", new BigDecimal("4"))).status())
                .isEqualTo(201);
        assertThat(api.post("tom", "/api/orders/" + order + "/shipments", Map.of()).status()).isEqualTo(201);
        Response recall = api.post("rachel", "/api/recalls", Map.of("lots", List.of(lotNumber), "reason",
                "Contamination", "classification", "CLASS_II"));
        assertThat(recall.status()).as(recall.toString()).isEqualTo(201);

        String export = api.call("rachel", "rachel", HttpMethod.GET, "/api/recalls/"
                + recall.json().get("recallNumber").asText() + "/export", null, "text/csv").text();
        assertThat(export).contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"").contains("'@SUM(1+1)")
                .contains("'+1+1").doesNotContain(",=HYPERLINK").doesNotContain(",@SUM").doesNotContain(",+1+1");

        String trace = api.call("rachel", "rachel", HttpMethod.GET, "/api/lots/" + lotNumber + "/trace", null,
                "text/csv").text();
        assertThat(trace).contains("\"'=HYPERLINK(").contains("'+1+1").doesNotContain(",=HYPERLINK");
    }
}
