package org.lotflow.lot;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code POST /api/lots} with {@code "source": "REPACKAGING"} (mass test 27 M1; the seed's "Repackaging operations -
 * creating new lots from existing inventory"): a repacked lot lists the lots it was repacked from (400 naming
 * {@code sourceLots} otherwise, nothing created), takes its quantity from them and links them in the trace, and expires
 * no later than the earliest of them (repacking does not renew shelf life: a later stated date is 400 naming
 * {@code expirationDate}, a later shelf-life date is cut back, and its CREATED event says why). A lot made here from the
 * same stock keeps its product's shelf life. Today is 2025-01-28.
 */
@ApiTest
class RepackagingApiTest {

    @Autowired
    TestClient api;

    @Autowired
    JdbcTemplate jdbc;

    private static Map<String, Object> lot(String sku, Object... overrides) {
        Map<String, Object> body = new HashMap<>(Map.of("sku", sku, "quantity", 4, "manufactureDate", "2025-01-28",
                "location", "W1", "source", "REPACKAGING"));
        for (int i = 0; i < overrides.length; i += 2) {
            body.put((String) overrides[i], overrides[i + 1]);
        }
        return body;
    }

    private static void assertProblem(Response r, int status, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.isProblem()).as(r.toString()).isTrue();
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("field").asText()).as(r.toString()).isEqualTo(field);
    }

    private int lotCount(String sku) {
        return api.get("mike", "/api/lots?sku=" + sku + "&size=500").json().get("items").size();
    }

    /** A released bulk lot of 20 drums made 2025-01-25 and expiring 2025-02-20. */
    private String shortLivedBulk(String sku) {
        Response r = api.post("mike", "/api/lots", Map.of("sku", sku, "quantity", 20, "manufactureDate", "2025-01-25",
                "location", "W2", "expirationDate", "2025-02-20"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        String lot = r.json().get("lotNumber").asText();
        api.release(lot);
        return lot;
    }

    /** Out of other tests' expiry and archiving runs, which may run on a later day in the shared database. */
    private void farFromExpiry(String... lots) {
        for (String lot : lots) {
            jdbc.update("UPDATE lot SET expiration_date = DATE '2030-01-01' WHERE lot_number = ?", lot);
        }
    }

    @Test
    void aRepackagedLotWithoutSourceLotsIsRefusedAndNothingIsCreated() {
        String sku = api.createProduct("RPK");
        for (Map<String, Object> body : List.of(lot(sku), lot(sku, "sourceLots", List.of()))) {
            Response r = api.post("mike", "/api/lots", body);
            assertProblem(r, 400, "sourceLots");
            assertThat(r.json().get("detail").asText()).startsWith("sourceLots: a repackaged lot is made from stock already on hand:"
                    + " list the lot or lots it was repacked from in sourceLots, each with the quantity taken from it");
        }
        assertThat(lotCount(sku)).isZero();
        // a lot made here may still be recorded without traced inputs
        assertThat(api.post("mike", "/api/lots", lot(sku, "source", "PRODUCTION")).status()).isEqualTo(201);
    }

    @Test
    void aRepackedLotTakesItsStockFromItsSourcesAndExpiresNoLaterThanTheEarliest() {
        String bulkSku = api.createProduct("RPKB");
        String drumSku = api.createProduct("RPKD");
        String bulk = shortLivedBulk(bulkSku);
        String longer = api.releasedLot(bulkSku, new BigDecimal("10"), "2025-01-20"); // expires 2027-01-20

        // a date stated later than the earliest source's is refused, naming it, and nothing changes
        Response later = api.post("mike", "/api/lots", lot(drumSku, "expirationDate", "2025-03-01", "sourceLots",
                List.of(Map.of("lotNumber", longer, "quantity", 5), Map.of("lotNumber", bulk, "quantity", 20))));
        assertProblem(later, 400, "expirationDate");
        assertThat(later.json().get("detail").asText()).isEqualTo("expirationDate: 2025-03-01 is later than 2025-02-20, the"
                + " expiration date of source lot " + bulk + " (sourceLots[1]): repacking does not renew shelf life, so"
                + " a repacked lot expires no later than the earliest of the lots it was repacked from; give 2025-02-20"
                + " or an earlier date, or leave it empty and lotflow takes 2025-02-20");
        assertThat(lotCount(drumSku)).isZero();
        assertThat(api.get("mike", "/api/lots/" + bulk).json().get("available").decimalValue())
                .isEqualByComparingTo("20");

        // without a date: the earliest source's, not manufacture + 24 months (2027-01-28)
        Response repacked = api.post("mike", "/api/lots", lot(drumSku, "sourceLots",
                List.of(Map.of("lotNumber", longer, "quantity", 5), Map.of("lotNumber", bulk, "quantity", 20))));
        assertThat(repacked.status()).as(repacked.toString()).isEqualTo(201);
        assertThat(repacked.json().get("source").asText()).isEqualTo("REPACKAGING");
        assertThat(repacked.json().get("expirationDate").asText()).isEqualTo("2025-02-20");
        String drums = repacked.json().get("lotNumber").asText();
        assertThat(repacked.json().get("sourceLots")).extracting(s -> s.get("lotNumber").asText())
                .containsExactlyInAnyOrder(longer, bulk);
        assertThat(api.get("mike", "/api/lots/" + bulk).json().get("status").asText()).isEqualTo("DEPLETED");
        assertThat(api.get("mike", "/api/lots/" + longer).json().get("available").decimalValue())
                .isEqualByComparingTo("5");
        JsonNode created = api.get("mike", "/api/lots/" + drums + "/history").json().get(0);
        assertThat(created.get("type").asText()).isEqualTo("CREATED");
        assertThat(created.get("detail").get("expirationDate").asText()).isEqualTo("2025-02-20");
        assertThat(created.get("detail").get("expirationDateReason").asText()).isEqualTo("Expires 2025-02-20 as"
                + " source lot " + bulk + ", the earliest expiring of the lots it was repacked from: repacking does"
                + " not renew shelf life (the manufacture date plus the product's shelf life would have given"
                + " 2027-01-28)");
        // the trace links them: a recall of the bulk reaches the drums
        JsonNode up = api.get("rachel", "/api/lots/" + drums + "/trace?direction=upstream").json();
        assertThat(up.get("lots")).extracting(l -> l.get("lotNumber").asText()).contains(drums, bulk, longer);
        farFromExpiry(bulk, drums);
    }

    @Test
    void aStatedDateNoLaterThanTheSourcesIsKeptAndAMadeLotKeepsItsShelfLife() {
        String bulkSku = api.createProduct("RPKS");
        String drumSku = api.createProduct("RPKT");
        String bulk = shortLivedBulk(bulkSku);

        Response repacked = api.post("mike", "/api/lots", lot(drumSku, "expirationDate", "2025-02-15", "sourceLots",
                List.of(Map.of("lotNumber", bulk, "quantity", 5))));
        assertThat(repacked.status()).as(repacked.toString()).isEqualTo(201);
        assertThat(repacked.json().get("expirationDate").asText()).isEqualTo("2025-02-15");
        String drums = repacked.json().get("lotNumber").asText();
        JsonNode created = api.get("mike", "/api/lots/" + drums + "/history").json().get(0);
        assertThat(created.get("detail").has("expirationDateReason")).as(created.toString()).isFalse();

        // a lot manufactured here from the same stock is a new product with its product's shelf life
        Response made = api.post("mike", "/api/lots", lot(drumSku, "source", "PRODUCTION", "sourceLots",
                List.of(Map.of("lotNumber", bulk, "quantity", 5))));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        assertThat(made.json().get("expirationDate").asText()).isEqualTo("2027-01-28");
        farFromExpiry(bulk, drums);
    }
}
