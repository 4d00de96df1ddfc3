package org.lotflow.lot;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

@ApiTest
class LotApiTest {

    @Autowired
    TestClient api;

    @Autowired
    JdbcTemplate jdbc;

    private Map<String, Object> lot(String sku, Object... overrides) {
        Map<String, Object> body = new HashMap<>(Map.of("sku", sku, "quantity", 100, "manufactureDate", "2025-01-10",
                "location", "Warehouse B"));
        for (int i = 0; i < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                body.remove(overrides[i]);
            } else {
                body.put((String) overrides[i], overrides[i + 1]);
            }
        }
        return body;
    }

    private void assertProblem(Response r, int status, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.isProblem()).as(r.toString()).isTrue();
        assertThat(r.json().get("status").asInt()).isEqualTo(status);
        assertThat(r.json().get("detail").asText()).isNotBlank();
        if (field != null) {
            assertThat(r.json().get("field").asText()).as(r.toString()).isEqualTo(field);
        }
    }

    private long lotCount(String sku) {
        return api.get("mike", "/api/lots?sku=" + sku + "&size=500").json().get("items").size();
    }

    @Test
    void badLotInputIsRefusedWithAProblemAndChangesNothing() {
        String sku = api.createProduct("BAD");
        assertProblem(api.post("mike", "/api/lots", lot("NO-SUCH-SKU")), 400, "sku");
        assertProblem(api.post("mike", "/api/lots", lot(sku, "quantity", -5)), 400, "quantity");
        assertProblem(api.post("mike", "/api/lots", lot(sku, "quantity", 0)), 400, "quantity");
        assertProblem(api.post("mike", "/api/lots", lot(sku, "quantity", null)), 400, "quantity");
        assertProblem(api.post("mike", "/api/lots", lot(sku, "expirationDate", "2025-01-01")), 400, "expirationDate");
        assertProblem(api.post("mike", "/api/lots", lot(sku, "manufactureDate", "2025-02-30")), 400, "manufactureDate");
        assertProblem(api.post("mike", "/api/lots", lot(sku, "manufactureDate", "yesterday")), 400, "manufactureDate");
        assertProblem(api.post("mike", "/api/lots", lot(sku, "manufactureDate", "2025-12-01")), 400, "manufactureDate");
        assertProblem(api.post("mike", "/api/lots", lot(sku, "status", "RELEASED")), 400, "status");
        assertProblem(api.post("mike", "/api/lots", lot(sku, "quantity", "lots")), 400, "quantity");
        assertProblem(api.post("mike", "/api/lots", lot(sku, "lotNumber", "bad lot/number")), 400, "lotNumber");
        assertProblem(api.post("mike", "/api/lots", lot(sku, "sourceLots",
                List.of(Map.of("lotNumber", "NOPE-1", "quantity", 1)))), 400, "sourceLots[0].lotNumber");
        assertProblem(api.post("mike", "/api/lots", "{\"sku\": \"" + sku + "\", "), 400, null);
        assertProblem(api.post("mike", "/api/lots", "[1,2]"), 400, null);
        // the production order is the batch record's number, FSMA 204's reference document and EPCIS's prodorder: one
        // line of visible text, as a delivery reference (auditor 2026-12-06 F1)
        for (String order : List.of("PO-1\nPO-2", "PO\u200b-1", "P\u041e-1")) {
            assertProblem(api.post("mike", "/api/lots", lot(sku, "productionOrder", order)), 400, "productionOrder");
        }
        assertThat(lotCount(sku)).isZero();
        // kept as typed, never silently trimmed: edge spaces, spaces only and two spaces in a row are refused, naming it
        // (auditor round 22 M1: "  PO 1  " was stored as "PO 1")
        String poSku = api.createProduct("BADPO");
        Response edges = api.post("mike", "/api/lots", lot(poSku, "productionOrder", "  PO-2025-0089 "));
        assertProblem(edges, 400, "productionOrder");
        assertThat(edges.json().get("detail").asText()).contains("must not begin or end with a space")
                .contains("would look like one production order but be two");
        assertProblem(api.post("mike", "/api/lots", lot(poSku, "productionOrder", "   ")), 400, "productionOrder");
        assertProblem(api.post("mike", "/api/lots", lot(poSku, "productionOrder", "PO  2025")), 400, "productionOrder");
        assertProblem(api.post("mike", "/api/lots", lot(poSku, "location", "WH  9")), 400, "location");
        assertThat(lotCount(poSku)).isZero();
        Response asTyped = api.post("mike", "/api/lots", lot(poSku, "productionOrder", "PO 2025-0089"));
        assertThat(asTyped.status()).as(asTyped.toString()).isEqualTo(201);
        assertThat(api.get("mike", "/api/lots/" + asTyped.json().get("lotNumber").asText()).json()
                .get("productionOrder").asText()).isEqualTo("PO 2025-0089");
        // an empty location is none, not a location of no text (re-test 2026-12-07 F8)
        Response noLocation = api.post("mike", "/api/lots", lot(poSku, "location", ""));
        assertThat(noLocation.status()).as(noLocation.toString()).isEqualTo(201);
        assertThat(api.get("mike", "/api/lots/" + noLocation.json().get("lotNumber").asText()).json().path("location")
                .isTextual()).isFalse();

        // a number given by hand follows the product's scheme, with the year the lot was made (seed: "follow established
        // numbering scheme"; auditor 2026-12-05 A7)
        Response offScheme = api.post("mike", "/api/lots", lot(sku, "lotNumber", sku + "-X1"));
        assertProblem(offScheme, 400, "lotNumber");
        assertThat(offScheme.json().get("detail").asText()).isEqualTo("lotNumber: '" + sku + "-X1' does not follow the"
                + " numbering scheme of " + sku + ", " + sku + "-{yyyy}-{seq:3}, for a lot made in 2025 (for example " + sku
                + "-2025-001; the sequence has its digits, more only from " + sku + "-2025-1000 on, never extra leading"
                + " zeros); leave it empty and lotflow gives the next number");
        // sequence 1 written with an extra zero is no second lot 001 (auditor 2026-12-06 G5)
        Response padded = api.post("mike", "/api/lots", lot(sku, "lotNumber", sku + "-2025-0001"));
        assertProblem(padded, 400, "lotNumber");
        assertProblem(api.post("mike", "/api/lots", lot(sku, "lotNumber", sku + "-2024-901")), 400, "lotNumber");
        assertProblem(api.post("mike", "/api/lots", lot(sku, "lotNumber", sku + "-2025-01")), 400, "lotNumber");
        assertThat(lotCount(sku)).isZero();
        Response first = api.post("mike", "/api/lots", lot(sku, "lotNumber", sku + "-2025-901"));
        assertThat(first.status()).isEqualTo(201);
        assertProblem(api.post("mike", "/api/lots", lot(sku, "lotNumber", sku + "-2025-901")), 409, "lotNumber");
        // differing only in case is the same lot to anyone reading a label (auditor 2026-12-05 F4)
        Response folded = api.post("mike", "/api/lots", lot(sku, "lotNumber", (sku + "-2025-901").toLowerCase()));
        assertProblem(folded, 409, "lotNumber");
        // a number given by hand is read in the scheme's letters (auditor 2026-12-06 C-i): the same lot, taken
        assertThat(folded.json().get("detail").asText()).isEqualTo("Lot " + sku + "-2025-901 already exists");
        assertThat(lotCount(sku)).isEqualTo(1);
        // nor a product whose SKU differs only in case
        Response sameSku = api.post("mike", "/api/products", Map.of("sku", sku.toLowerCase(), "name", "Look-alike",
                "unit", "kg", "shelfLifeMonths", 12, "lotNumberPattern", "LA-{yyyy}-{seq:3}", "specs",
                List.of(Map.of("test", "ph", "min", 6))));
        assertProblem(sameSku, 409, "sku");
        assertThat(sameSku.json().get("detail").asText()).contains("differs from it only in case");
        // and so a lot or a product typed in another case is found (new user's U20: "rm-2025-015" was 404)
        Response typed = api.get("tom", "/api/lots/" + (sku + "-2025-901").toLowerCase());
        assertThat(typed.status()).as(typed.toString()).isEqualTo(200);
        assertThat(typed.json().get("lotNumber").asText()).isEqualTo(sku + "-2025-901");
        assertThat(api.get("tom", "/api/lots?sku=" + sku.toLowerCase()).json().get("items")).hasSize(1);
    }

    @Test
    void oversizeBodiesAreRefusedWith413() {
        String big = "{\"sku\":\"" + "A".repeat(2 * 1024 * 1024) + "\"}";
        Response r = api.post("mike", "/api/lots", big);
        assertThat(r.status()).isEqualTo(413);
        assertThat(r.isProblem()).isTrue();
    }

    @Test
    void badProductInputAndDuplicateSku() {
        String sku = api.createProduct("DUP");
        Response dup = api.post("mike", "/api/products", Map.of("sku", sku, "name", "x", "unit", "kg",
                "shelfLifeMonths", 12, "lotNumberPattern", "X-{seq:2}", "specs",
                List.of(Map.of("test", "ph", "min", 6))));
        assertProblem(dup, 409, "sku");
        assertProblem(api.post("mike", "/api/products", Map.of("sku", "NEW-1", "name", "x", "unit", "kg",
                "shelfLifeMonths", 12, "lotNumberPattern", "X-{yyyy}")), 400, "lotNumberPattern");
        assertProblem(api.post("mike", "/api/products", Map.of("sku", "NEW-2", "name", "x", "unit", "kg",
                "shelfLifeMonths", 0, "lotNumberPattern", "X-{seq:2}", "specs",
                List.of(Map.of("test", "ph", "min", 6)))), 400, "shelfLifeMonths");
        assertProblem(api.post("mike", "/api/products", Map.of("sku", "NEW-3", "name", "x", "unit", "kg",
                "shelfLifeMonths", 12, "lotNumberPattern", "X-{seq:2}",
                "specs", List.of(Map.of("test", "a", "min", 5, "max", 1)))), 400, "specs[0].min");
        assertProblem(api.post("mike", "/api/products", Map.of("sku", "NEW-4", "name", "x", "unit", "kg",
                "shelfLifeMonths", 12, "lotNumberPattern", "X-{seq:2}", "colour", "red")), 400, "colour");
        assertThat(api.get("mike", "/api/products/NEW-1").status()).isEqualTo(404);
        assertThat(api.get("mike", "/api/products/NEW-4").status()).isEqualTo(404);
        // a scheme that could write another product's lot numbers (auditor 2026-12-06 G13): IL250-2025-1000 would be two
        // products' lots
        Response sharedScheme = api.post("mike", "/api/products", Map.of("sku", "NEW-5", "name", "x", "unit", "kg",
                "shelfLifeMonths", 12, "lotNumberPattern", "il250-{yyyy}-{seq:4}", "specs",
                List.of(Map.of("test", "ph", "min", 6))));
        assertProblem(sharedScheme, 409, "lotNumberPattern");
        assertThat(sharedScheme.json().get("detail").asText()).isEqualTo("The lot number pattern il250-{yyyy}-{seq:4}"
                + " could give the same lot numbers as IL-250-55GAL's IL250-{yyyy}-{seq:3}: one lot number names one"
                + " product's lot, so give this product a prefix of its own (e.g. NEW-5-{yyyy}-{seq:3})");
        assertThat(api.get("mike", "/api/products/NEW-5").status()).isEqualTo(404);
    }

    @Test
    void onlyProductionCreatesProductsAndLots() {
        String sku = api.createProduct("ROLE");
        for (String user : List.of("sarah", "jennifer", "tom", "rachel")) {
            assertProblem(api.post(user, "/api/lots", lot(sku)), 403, null);
        }
        assertProblem(api.post("tom", "/api/products", Map.of("sku", "T-1", "name", "x", "unit", "kg",
                "shelfLifeMonths", 12, "lotNumberPattern", "X-{seq:2}", "specs",
                List.of(Map.of("test", "ph", "min", 6)))), 403, null);
        // an administrator makes no role's records (auditor 2026-12-06 B6): refused before the body is read
        TestClient.Response byAdmin = api.post("demo", "/api/lots", lot(sku));
        assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(403);
        assertThat(byAdmin.json().get("detail").asText()).isEqualTo("Only Production may create a lot; demo is not one"
                + " (administering lotflow does not make one a member of its roles)");
        assertProblem(api.post("demo", "/api/products", Map.of("sku", "T-2", "name", "x", "unit", "kg",
                "shelfLifeMonths", 12, "lotNumberPattern", "X-{seq:2}", "specs",
                List.of(Map.of("test", "ph", "min", 6)))), 403, null);
        assertThat(lotCount(sku)).isZero();
        assertThat(api.post("mike", "/api/lots", lot(sku)).status()).isEqualTo(201);
        assertThat(lotCount(sku)).isEqualTo(1);
    }

    @Test
    void unknownLotIs404() {
        assertProblem(api.get("tom", "/api/lots/NOPE-2025-999"), 404, null);
        assertProblem(api.get("tom", "/api/lots/NOPE-2025-999/history"), 404, null);
    }

    @Test
    void defaultExpiryIsManufacturePlusShelfLifeAndSourceLotsAreConsumed() {
        String raw = api.createProduct("RAW");
        String fin = api.createProduct("FIN");
        String rm = api.releasedLot(raw, new BigDecimal("1000"), "2025-01-05");
        Response made = api.post("mike", "/api/lots", lot(fin, "quantity", 500, "productionOrder", "PO-2025-0089",
                "sourceLots", List.of(Map.of("lotNumber", rm, "quantity", 400))));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        assertThat(made.json().get("expirationDate").asText()).isEqualTo("2027-01-10");
        JsonNode source = api.get("mike", "/api/lots/" + rm).json();
        assertThat(source.get("consumed").decimalValue()).isEqualByComparingTo("400");
        assertThat(source.get("available").decimalValue()).isEqualByComparingTo("600");
        JsonNode product = api.get("mike", "/api/lots/" + made.json().get("lotNumber").asText()).json();
        assertThat(product.get("sourceLots").get(0).get("lotNumber").asText()).isEqualTo(rm);

        // consuming more than the source has left is refused, and nothing changes
        Response tooMuch = api.post("mike", "/api/lots", lot(fin, "sourceLots",
                List.of(Map.of("lotNumber", rm, "quantity", 601))));
        assertProblem(tooMuch, 409, null);
        // quantities as the pages show them, not "600.000" (new user 2026-12-06 L2)
        assertThat(tooMuch.json().get("detail").asText()).contains("has only 600 ").contains(" available, 601 ")
                .doesNotContain("600.000");
        assertThat(api.get("mike", "/api/lots/" + rm).json().get("available").decimalValue())
                .isEqualByComparingTo("600");
        assertThat(lotCount(fin)).isEqualTo(1);

        // a source lot that is not released cannot be consumed
        String pending = api.createLot(raw, new BigDecimal("10"), "2025-01-06");
        assertProblem(api.post("mike", "/api/lots", lot(fin, "sourceLots",
                List.of(Map.of("lotNumber", pending, "quantity", 1)))), 409, null);

        JsonNode history = api.get("mike", "/api/lots/" + rm + "/history").json();
        assertThat(history).extracting(e -> e.get("type").asText()).contains("CONSUMED");
    }

    @Test
    void listsInFefoOrderWithFiltersAndKeysetPages() {
        String sku = api.createProduct("FEFO");
        api.post("mike", "/api/lots", lot(sku, "lotNumber", sku + "-2025-003", "manufactureDate", "2025-01-03"));
        api.post("mike", "/api/lots", lot(sku, "lotNumber", sku + "-2024-001", "manufactureDate", "2024-06-01",
                "expirationDate", "2025-03-01"));
        api.post("mike", "/api/lots", lot(sku, "lotNumber", sku + "-2025-002", "manufactureDate", "2025-01-02"));
        api.post("mike", "/api/lots", lot(sku, "lotNumber", sku + "-2025-004", "manufactureDate", "2025-01-02"));
        // a lot whose expiry has come is not taken into stock (new user 2026-12-06 F18); E expires today once made
        assertProblem(api.post("mike", "/api/lots", lot(sku, "lotNumber", sku + "-2024-002", "manufactureDate",
                "2024-01-01", "expirationDate", "2025-01-28")), 400, "expirationDate");
        assertThat(lotCount(sku)).isEqualTo(4);
        api.post("mike", "/api/lots", lot(sku, "lotNumber", sku + "-2024-002", "manufactureDate", "2024-01-01",
                "expirationDate", "2025-01-29"));
        jdbc.update("UPDATE lot SET expiration_date = DATE '2025-01-28' WHERE lot_number = ?", sku + "-2024-002");

        List<String> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.get("tom", "/api/lots?sku=" + sku + "&size=2" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.get("items").forEach(i -> all.add(i.get("lotNumber").asText()));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        // E expires first (and is expired today), then A; B and D share expiry and manufacture: by lot number
        assertThat(all).containsExactly(sku + "-2024-002", sku + "-2024-001", sku + "-2025-002", sku + "-2025-004", sku + "-2025-003");

        JsonNode expiring = api.get("tom", "/api/lots?sku=" + sku + "&expiringWithinDays=90").json().get("items");
        assertThat(expiring).extracting(i -> i.get("lotNumber").asText()).containsExactly(sku + "-2024-002", sku + "-2024-001");
        assertThat(expiring.get(0).get("expired").asBoolean()).isTrue();
        assertThat(expiring.get(1).get("expired").asBoolean()).isFalse();
        assertThat(api.get("tom", "/api/lots?sku=" + sku + "&status=RELEASED").json().get("items")).isEmpty();
        assertThat(api.get("tom", "/api/lots?sku=" + sku + "&status=PENDING").json().get("items")).hasSize(5);

        assertThat(api.get("tom", "/api/lots?sku=NO-SUCH-SKU").json().get("items")).isEmpty();
        // product and status, one lot per page: the same FEFO order through the cursor
        assertThat(allPages("/api/lots?sku=" + sku + "&status=PENDING&size=1"))
                .containsExactly(sku + "-2024-002", sku + "-2024-001", sku + "-2025-002", sku + "-2025-004", sku + "-2025-003");
        // every product, status and expiry: the keyset pages of all lots stay in FEFO order and hold this product's
        List<String> pending = allPages("/api/lots?status=PENDING&expiringWithinDays=3650&size=3");
        assertThat(pending).containsSubsequence(sku + "-2024-002", sku + "-2024-001", sku + "-2025-002", sku + "-2025-004", sku + "-2025-003");
        assertThat(pending).doesNotHaveDuplicates();
        assertThat(allPages("/api/lots?size=7")).containsAll(pending);

        assertProblem(api.get("tom", "/api/lots?status=GOOD"), 400, "status");
        assertProblem(api.get("tom", "/api/lots?size=0"), 400, "size");
        assertProblem(api.get("tom", "/api/lots?size=100000"), 400, "size");
        assertProblem(api.get("tom", "/api/lots?cursor=garbage!"), 400, "cursor");
        assertProblem(api.get("tom", "/api/lots?expiringWithinDays=-1"), 400, "expiringWithinDays");

        // a mistyped filter is refused, not ignored (it answered every lot, read as "the lots on hold")
        Response typo = api.get("tom", "/api/lots?sku=" + sku + "&stauts=ON_HOLD");
        assertProblem(typo, 400, "stauts");
        assertThat(typo.json().get("detail").asText())
                .contains("is not a parameter of this request, which takes cursor, expiringWithinDays, size, sku, status, supplierLotNumber");
        assertProblem(api.get("tom", "/api/lots?sku=" + sku + "&expiring_within=3"), 400, "expiring_within");
        assertThat(api.get("tom", "/api/lots?stauts=x&foo=1").json().get("detail").asText()).as("all at once")
                .startsWith("foo: is not a parameter of this request (nor stauts)");
        assertProblem(api.get("tom", "/api/lots/" + sku + "-2024-002?verbose=true"), 400, "verbose");
        // given twice: refused too (re-test 2026-12-07 F10: one read and the other dropped); empty is left out
        assertProblem(api.get("tom", "/api/lots?status=QUARANTINE&status=RELEASED"), 400, "status");
        assertThat(api.get("tom", "/api/lots?sku=" + sku + "&status=").json().get("items")).hasSize(5);
        // only blanks: refused, not read as left out (re-test 2026-12-07 L2: every lot for ?expiringWithinDays=%20)
        Response blank = api.get("tom", "/api/lots?sku=" + sku + "&expiringWithinDays= ");
        assertProblem(blank, 400, "expiringWithinDays");
        assertThat(blank.json().get("detail").asText()).isEqualTo("expiringWithinDays: holds only blanks; give a value"
                + " (a parameter the request does not require may be left out)");
        assertProblem(api.get("tom", "/api/reports/expiring?days= "), 400, "days");
        // OPTIONS answers the methods allowed, whatever the query (re-test F9: it was a 500)
        Response options = api.call("tom", "tom", org.springframework.http.HttpMethod.OPTIONS, "/api/lots?size=1",
                null, "application/json");
        assertThat(options.status()).as(options.toString()).isEqualTo(200);
        // a write with a stray query parameter creates nothing
        long before = lotCount(sku);
        assertProblem(api.post("mike", "/api/lots?dryRun=true", lot(sku)), 400, "dryRun");
        assertThat(lotCount(sku)).isEqualTo(before);
    }

    private List<String> allPages(String query) {
        List<String> all = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get("tom", query + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.get("items").forEach(i -> all.add(i.get("lotNumber").asText()));
            cursor = page.hasNonNull("nextCursor") ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        return all;
    }

    @Test
    void concurrentCreationNeverHandsOutTheSameLotNumberTwice() throws Exception {
        String sku = api.createProduct("SEQ");
        int n = 24;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                calls.add(() -> api.post("mike", "/api/lots", lot(sku)));
            }
            Set<String> numbers = new HashSet<>();
            for (Future<Response> f : pool.invokeAll(calls)) {
                Response r = f.get();
                assertThat(r.status()).as(r.toString()).isEqualTo(201);
                numbers.add(r.json().get("lotNumber").asText());
            }
            assertThat(numbers).hasSize(n);
            Set<String> expected = new HashSet<>();
            for (int i = 1; i <= n; i++) {
                expected.add(String.format("%s-2025-%03d", sku, i));
            }
            assertThat(numbers).isEqualTo(expected);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unknownFieldsOnAStatusChangingCallAreRefused() {
        String sku = api.createProduct("UNK");
        String lot = api.createLot(sku, new BigDecimal("50"), "2025-01-10");
        Response r = api.post("sarah", "/api/lots/" + lot + "/lab-results", Map.of("results",
                List.of(Map.of("test", "viscosity", "value", 248)), "approved", true));
        assertProblem(r, 400, "approved");
        assertThat(api.get("sarah", "/api/lots/" + lot).json().has("labResults")).isFalse();
        assertThat(api.call("sarah", HttpMethod.DELETE, "/api/lots/" + lot, null).status()).isEqualTo(405);
    }

    @Test
    void aNewLotsQuantitiesAreAnsweredAndSealedAsRecorded() {
        String sku = api.createProduct("SCALE");
        // typed with 4 decimals and with none: the answer and the CREATED event say 100.000, as every read does (B1)
        for (String typed : List.of("100.0000", "1E+2")) {
            TestClient.Response created = api.send("mike", HttpMethod.POST, "/api/lots", "{\"sku\":\"" + sku
                    + "\",\"quantity\":" + typed + ",\"manufactureDate\":\"2025-01-10\",\"location\":\"B\"}",
                    "application/json");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(created.text()).contains("\"quantity\":100.000,").contains("\"allocated\":0.000,")
                    .contains("\"available\":100.000,");
            String lot = created.json().get("lotNumber").asText();
            assertThat(api.get("tom", "/api/lots/" + lot + "/history").text()).contains("\"quantity\":100.000");
        }
    }
}
