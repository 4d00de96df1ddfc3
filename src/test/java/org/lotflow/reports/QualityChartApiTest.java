package org.lotflow.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.List;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Binary;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code GET /api/reports/quality-trend/chart}: a test's control chart as a PNG, for QA, refusals named. */
@ApiTest
class QualityChartApiTest {

    @Autowired
    TestClient api;

    @Test
    void aTestsControlChartIsAPngOfTheAskedSize() throws Exception {
        String sku = api.createProduct("CHART");
        for (String day : List.of("2025-01-05", "2025-01-06", "2025-01-07")) {
            api.releasedLot(sku, new BigDecimal("100"), day);
        }
        Binary png = api.download("jennifer", "/api/reports/quality-trend/chart?sku=" + sku
                + "&test=viscosity&from=2025-01-01&width=640&height=320", "image/png");
        assertThat(png.status()).as(new String(png.body())).isEqualTo(200);
        assertThat(png.contentType()).startsWith("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
        assertThat(image.getWidth()).isEqualTo(640);
        assertThat(image.getHeight()).isEqualTo(320);
    }

    /**
     * The chart's points and the quality history are in order of manufacture, not of entry: a lot entered later but
     * made earlier comes first (new user 2026-12-06 F7: a control chart's run rules read the sequence).
     */
    @Test
    void lotsAreInOrderOfManufactureWhateverOrderTheyWereEntered() {
        String sku = api.createProduct("CHARTORD");
        String third = api.releasedLot(sku, new BigDecimal("100"), "2025-01-27");
        String first = api.releasedLot(sku, new BigDecimal("100"), "2025-01-10");
        String second = api.releasedLot(sku, new BigDecimal("100"), "2025-01-20");
        JsonNode trend = api.get("jennifer", "/api/reports/quality-trend?sku=" + sku + "&from=2025-01-01").json();
        JsonNode points = trend.get("tests").get(0).get("points");
        assertThat(points).extracting(p -> p.get("lotNumber").asText()).containsExactly(first, second, third);
        JsonNode history = api.get("jennifer", "/api/reports/quality-history?sku=" + sku + "&from=2025-01-01").json();
        java.util.List<String> lots = new java.util.ArrayList<>();
        history.get("values").forEach(v -> lots.add(v.get("lotNumber").asText()));
        assertThat(lots.stream().distinct().toList()).containsExactly(first, second, third);
        // and picked by when they were made: a lot of 2023 entered today is in 2023's window, not in 2025's (re-test F4)
        String old = api.releasedLot(sku, new BigDecimal("100"), "2023-06-01");
        java.util.function.Function<String, List<String>> lotsOf = query -> {
            List<String> found = new java.util.ArrayList<>();
            api.get("jennifer", "/api/reports/quality-history?sku=" + sku + "&" + query).json().get("values")
                    .forEach(v -> found.add(v.get("lotNumber").asText()));
            return found.stream().distinct().toList();
        };
        assertThat(lotsOf.apply("from=2025-01-01")).containsExactly(first, second, third);
        assertThat(lotsOf.apply("from=2023-01-01&to=2023-12-31")).containsExactly(old);
    }

    /**
     * A product named in a writing no font of the server has is no chart of boxes: 406 naming the character, the JSON
     * trend still there; where the server has such a font, the chart is drawn (re-test 2026-12-06 F9).
     */
    @Test
    void aChartWhoseTextNoFontHasIsRefusedNotDrawnAsBoxes() {
        String sku = "CJK-" + java.util.UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String name = "\u6da6\u6ed1\u6cb9 Oil " + sku;
        Response product = api.post("mike", "/api/products", java.util.Map.of("sku", sku, "name", name, "unit", "drums",
                "shelfLifeMonths", 24, "lotNumberPattern", sku + "-{yyyy}-{seq:3}", "specs", List.of(java.util.Map.of(
                        "test", "viscosity", "unit", "cSt", "min", 245, "max", 255), java.util.Map.of("test",
                        "flashPoint", "unit", "\u00b0C", "min", 220))));
        assertThat(product.status()).as(product.toString()).isEqualTo(201);
        api.releasedLot(sku, new BigDecimal("100"), "2025-01-10");
        Response r = api.call("jennifer", "jennifer", org.springframework.http.HttpMethod.GET,
                "/api/reports/quality-trend/chart?sku=" + sku + "&test=viscosity&from=2025-01-01", null,
                "image/png, application/problem+json");
        if (new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 12).canDisplayUpTo(name) >= 0) {
            assertThat(r.status()).as(r.toString()).isEqualTo(406);
            assertThat(r.json().get("detail").asText()).contains("U+6DA6").contains("quality trend as JSON");
            assertThat(r.json().get("field").asText()).isEqualTo("Accept");
        } else {
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
        }
        assertThat(api.get("jennifer", "/api/reports/quality-trend?sku=" + sku + "&from=2025-01-01").status())
                .isEqualTo(200);
    }

    @Test
    void refusalsNameTheFieldAndOnlyQaReadsTheChart() {
        String sku = api.createProduct("CHARTBAD");
        assertBad(chart("jennifer", "sku=" + sku), "test");
        Response unknown = chart("jennifer", "sku=" + sku + "&test=colour");
        assertBad(unknown, "test");
        assertThat(unknown.json().get("detail").asText()).contains("'colour' is not a test of " + sku).contains("viscosity");
        assertBad(chart("jennifer", "sku=" + sku + "&test=viscosity&width=50"), "width");
        assertBad(chart("jennifer", "test=viscosity"), "sku");
        assertThat(chart("tom", "sku=" + sku + "&test=viscosity").status())
                .isEqualTo(403);
    }

    /** As a browser's {@code <img>} asks: for an image; refusals still come as problem+json. */
    private Response chart(String user, String query) {
        return api.call(user, user, org.springframework.http.HttpMethod.GET, "/api/reports/quality-trend/chart?" + query,
                null, "image/png");
    }

    private static void assertBad(Response r, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.isProblem()).as(r.toString()).isTrue();
        assertThat(r.text()).contains("\"" + field + "\"");
    }

}
