package org.lotflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 9's bad-input suite: more than 100 refused requests across the contract's calls, each
 * answered with the expected 4xx as RFC 9457 problem+json that names the field (where there is
 * one) in a sentence without Java or engine internals, and each changing nothing (the stored data's
 * fingerprint is the same before and after). One input vocabulary: quantities, measured values,
 * business dates and identifiers are refused with the same words on every call.
 */
@ApiTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputApiTest {

    @Autowired
    TestClient api;
    @Autowired
    JdbcTemplate jdbc;

    String sku;
    String released;
    String pending;
    String order;

    @BeforeAll
    void aProductALotAndAnOrder() {
        sku = api.createProduct("BAD");
        released = api.releasedLot(sku, new BigDecimal("100"), "2024-12-01");
        pending = api.createLot(sku, new BigDecimal("50"), "2025-01-20");
        order = "SO-BAD-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("tom", "/api/orders", Map.of("orderNumber", order, "customer", "Acme", "sku", sku,
                "quantity", 5)).status()).isEqualTo(201);
    }

    /** One bad request: who sends it, where, the body (a map, or raw text), the expected status and field. */
    record Case(String name, String user, HttpMethod method, String path, Object body, int status, String field,
            String says) {
        Case(String name, String user, HttpMethod method, String path, Object body, int status, String field) {
            this(name, user, method, path, body, status, field, null);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static Map<String, Object> with(Map<String, Object> base, Object... changes) {
        Map<String, Object> m = new LinkedHashMap<>(base);
        for (int i = 0; i < changes.length; i += 2) {
            if (changes[i + 1] == null) {
                m.remove((String) changes[i]);
            } else {
                m.put((String) changes[i], changes[i + 1]);
            }
        }
        return m;
    }

    Stream<Arguments> cases() {
        List<Case> c = new ArrayList<>();
        String x65 = "A".repeat(65);
        String t201 = "x".repeat(201);
        // products (production)
        Map<String, Object> product = Map.of("sku", "BADP-" + UUID.randomUUID().toString().substring(0, 6),
                "name", "Bad product", "unit", "kg", "shelfLifeMonths", 12, "lotNumberPattern", "BP-{yyyy}-{seq:3}",
                "specs", List.of(Map.of("test", "ph", "min", 6, "max", 8)));
        String p = "/api/products";
        c.add(new Case("product: no sku", "mike", HttpMethod.POST, p, with(product, "sku", null), 400, "sku"));
        c.add(new Case("product: sku with /", "mike", HttpMethod.POST, p, with(product, "sku", "A/B"), 400, "sku"));
        c.add(new Case("product: sku .", "mike", HttpMethod.POST, p, with(product, "sku", "."), 400, "sku"));
        c.add(new Case("product: sku ..", "mike", HttpMethod.POST, p, with(product, "sku", ".."), 400, "sku"));
        c.add(new Case("product: sku 65 chars", "mike", HttpMethod.POST, p, with(product, "sku", x65), 400, "sku"));
        c.add(new Case("product: sku with space", "mike", HttpMethod.POST, p, with(product, "sku", "A B"), 400, "sku"));
        c.add(new Case("product: blank name", "mike", HttpMethod.POST, p, with(product, "name", " "), 400, "name"));
        // printed on certificates, labels and FSMA 204 records: never silently trimmed (auditor round 22 M1)
        c.add(new Case("product: name with edge spaces", "mike", HttpMethod.POST, p, with(product, "name",
                "  Spaced Name  "), 400, "name", "would look like one product name but be two"));
        c.add(new Case("product: unit with edge spaces", "mike", HttpMethod.POST, p, with(product, "unit", " kg "), 400,
                "unit", "must not begin or end with a space"));
        c.add(new Case("product: test name with edge spaces", "mike", HttpMethod.POST, p, with(product, "specs",
                List.of(Map.of("test", " ph ", "min", 6, "max", 8))), 400, "specs[0].test", "one test name"));
        c.add(new Case("product: test unit with an edge space", "mike", HttpMethod.POST, p, with(product, "specs",
                List.of(Map.of("test", "ph", "unit", "pH ", "min", 6, "max", 8))), 400, "specs[0].unit",
                "must not begin or end with a space"));
        c.add(new Case("product: no unit", "mike", HttpMethod.POST, p, with(product, "unit", null), 400, "unit"));
        c.add(new Case("product: shelf life 0", "mike", HttpMethod.POST, p, with(product, "shelfLifeMonths", 0), 400,
                "shelfLifeMonths"));
        c.add(new Case("product: shelf life beyond a whole number", "mike", HttpMethod.POST, p,
                with(product, "shelfLifeMonths", 99999999999L), 400, "shelfLifeMonths"));
        c.add(new Case("product: shelf life as text", "mike", HttpMethod.POST, p, with(product, "shelfLifeMonths", "12"),
                400, "shelfLifeMonths"));
        // the reverse of "12" for a number: a number or a Boolean where text belongs is not turned into text
        c.add(new Case("product: sku as a number", "mike", HttpMethod.POST, p, with(product, "sku", 100), 400, "sku"));
        c.add(new Case("product: name as a decimal", "mike", HttpMethod.POST, p, with(product, "name", 1.5), 400,
                "name"));
        c.add(new Case("product: sku given twice", "mike", HttpMethod.POST, p, "{\"sku\":\"DUP-A\",\"sku\":\"DUP-B\","
                + "\"name\":\"Twice\",\"unit\":\"kg\",\"shelfLifeMonths\":12,\"lotNumberPattern\":\"DP-{yyyy}-{seq:3}\"}",
                400, "sku"));
        c.add(new Case("product: NUL in the name", "mike", HttpMethod.POST, p, with(product, "name", "Bad\u0000product"),
                400, "name"));
        c.add(new Case("product: unit as a Boolean", "mike", HttpMethod.POST, p, with(product, "unit", true), 400,
                "unit"));
        c.add(new Case("product: shelf life 601", "mike", HttpMethod.POST, p, with(product, "shelfLifeMonths", 601), 400,
                "shelfLifeMonths"));
        c.add(new Case("product: shelf life 1.5", "mike", HttpMethod.POST, p, with(product, "shelfLifeMonths", 1.5), 400,
                "shelfLifeMonths"));
        c.add(new Case("product: no pattern", "mike", HttpMethod.POST, p, with(product, "lotNumberPattern", null), 400,
                "lotNumberPattern"));
        // new user 2026-12-06 W3: a product without a test could never have a lot released
        c.add(new Case("product: an empty specification", "mike", HttpMethod.POST, p, with(product, "specs", List.of()),
                400, "specs"));
        c.add(new Case("product: no specification", "mike", HttpMethod.POST, p, with(product, "specs", null), 400,
                "specs"));
        // auditor 2026-12-06 G6, G7: what certificates, labels, FSMA 204 records and the Tasklist form print or read
        c.add(new Case("product: direction override in the name", "mike", HttpMethod.POST, p, with(product, "name",
                "Audit\u202Eevil"), 400, "name"));
        c.add(new Case("product: tab in the unit", "mike", HttpMethod.POST, p, with(product, "unit", "k\tg"), 400,
                "unit"));
        c.add(new Case("product: test named with =", "mike", HttpMethod.POST, p, with(product, "specs",
                List.of(Map.of("test", "a=b", "min", 1))), 400, "specs[0].test"));
        // auditor 2026-12-06 X10: tests that read alike on a screen are one test
        c.add(new Case("product: two tests apart only by a second space", "mike", HttpMethod.POST, p, with(product,
                "specs", List.of(Map.of("test", "a b", "min", 1), Map.of("test", "a  b", "min", 1))), 400,
                "specs[1].test"));
        c.add(new Case("product: two tests apart only by capitals", "mike", HttpMethod.POST, p, with(product,
                "specs", List.of(Map.of("test", "Oil", "min", 1), Map.of("test", "OIL", "min", 1))), 400,
                "specs[1].test"));
        c.add(new Case("product: two tests apart only by a Cyrillic spelling (re-test Y4)", "mike", HttpMethod.POST, p,
                with(product, "specs", List.of(Map.of("test", "pH", "min", 1), Map.of("test", "\u0440\u041d", "min", 1))),
                400, "specs[1].test"));
        c.add(new Case("product: test named with a leading #", "mike", HttpMethod.POST, p, with(product, "specs",
                List.of(Map.of("test", "#c", "min", 1))), 400, "specs[0].test"));
        c.add(new Case("product: test name over two lines", "mike", HttpMethod.POST, p, with(product, "specs",
                List.of(Map.of("test", "x y\nz", "min", 1))), 400, "specs[0].test"));
        c.add(new Case("product: zero-width space in a test's unit", "mike", HttpMethod.POST, p, with(product, "specs",
                List.of(Map.of("test", "ph", "unit", "p\u200BH", "min", 1))), 400, "specs[0].unit"));
        c.add(new Case("product: min above max", "mike", HttpMethod.POST, p, with(product, "specs",
                List.of(Map.of("test", "ph", "min", 9, "max", 8))), 400, "specs[0].min"));
        c.add(new Case("product: min with 7 decimals", "mike", HttpMethod.POST, p, with(product, "specs",
                List.of(Map.of("test", "ph", "min", new BigDecimal("1.0000001"), "max", 8))), 400, "specs[0].min"));
        c.add(new Case("product: max 10^13", "mike", HttpMethod.POST, p, with(product, "specs",
                List.of(Map.of("test", "ph", "min", 1, "max", new BigDecimal("1E13")))), 400, "specs[0].max"));
        c.add(new Case("product: blank test", "mike", HttpMethod.POST, p, with(product, "specs",
                List.of(Map.of("test", " ", "min", 1))), 400, "specs[0].test"));
        // auditor 2026-12-07 F1, F4: blanks are not "left out" (a limit dropped from an unchangeable specification)
        c.add(new Case("product: a limit of blanks", "mike", HttpMethod.POST, p, with(product, "specs",
                List.of(Map.of("test", "ph", "min", " ", "max", 7.5))), 400, "specs[0].min", "' ' is not a valid"));
        c.add(new Case("product: a blank unit of a test", "mike", HttpMethod.POST, p, with(product, "specs",
                List.of(Map.of("test", "ph", "unit", " ", "min", 1))), 400, "specs[0].unit", "is empty"));
        c.add(new Case("product: an empty unit of a test", "mike", HttpMethod.POST, p, with(product, "specs",
                List.of(Map.of("test", "ph", "unit", "", "min", 1))), 400, "specs[0].unit", "is empty"));
        c.add(new Case("product: retention years of blanks", "mike", HttpMethod.POST, p, with(product,
                "retentionYears", " "), 400, "retentionYears"));
        c.add(new Case("product: a blank GTIN (re-test 2026-12-07 L3)", "mike", HttpMethod.POST, p, with(product,
                "gtin", " "), 400, "gtin", "is empty"));
        c.add(new Case("product: a blank serial pattern (re-test 2026-12-07 L3)", "mike", HttpMethod.POST, p,
                with(with(product, "serialised", true), "serialPattern", " "), 400, "serialPattern", "is empty"));
        c.add(new Case("product: unknown field", "mike", HttpMethod.POST, p, with(product, "colour", "red"), 400,
                "colour"));
        c.add(new Case("product: not JSON", "mike", HttpMethod.POST, p, "{sku:", 400, null));
        c.add(new Case("product: by sales", "tom", HttpMethod.POST, p, product, 403, null));
        c.add(new Case("product: unknown sku read", "tom", HttpMethod.GET, p + "/NO-SUCH-SKU", null, 404, null));

        // lots (production)
        Map<String, Object> lot = Map.of("sku", sku, "quantity", 10, "manufactureDate", "2025-01-20", "location", "A");
        String l = "/api/lots";
        c.add(new Case("lot: unknown sku", "mike", HttpMethod.POST, l, with(lot, "sku", "NOPE"), 400, "sku"));
        c.add(new Case("lot: quantity 0", "mike", HttpMethod.POST, l, with(lot, "quantity", 0), 400, "quantity"));
        c.add(new Case("lot: quantity -1", "mike", HttpMethod.POST, l, with(lot, "quantity", -1), 400, "quantity"));
        c.add(new Case("lot: quantity 1.0005", "mike", HttpMethod.POST, l,
                with(lot, "quantity", new BigDecimal("1.0005")), 400, "quantity"));
        c.add(new Case("lot: quantity 0.0004", "mike", HttpMethod.POST, l,
                with(lot, "quantity", new BigDecimal("0.0004")), 400, "quantity"));
        c.add(new Case("lot: quantity as text", "mike", HttpMethod.POST, l, with(lot, "quantity", "10"), 400,
                "quantity"));
        c.add(new Case("lot: quantity 10^13", "mike", HttpMethod.POST, l,
                with(lot, "quantity", new BigDecimal("1E13")), 400, "quantity"));
        c.add(new Case("lot: quantity 1E-999999999 (auditor F21)", "mike", HttpMethod.POST, l,
                with(lot, "quantity", new BigDecimal("1E-999999999")), 400, "quantity"));
        c.add(new Case("lot: quantity 1E+999999999", "mike", HttpMethod.POST, l,
                with(lot, "quantity", new BigDecimal("1E+999999999")), 400, "quantity"));
        c.add(new Case("lot: no quantity", "mike", HttpMethod.POST, l, with(lot, "quantity", null), 400, "quantity"));
        c.add(new Case("lot: made in year 1", "mike", HttpMethod.POST, l, with(lot, "manufactureDate", "0001-01-01"),
                400, "manufactureDate"));
        c.add(new Case("lot: made in 9999", "mike", HttpMethod.POST, l, with(lot, "manufactureDate", "9999-12-31"),
                400, "manufactureDate"));
        // auditor 2026-12-06 X7: only yyyy-MM-dd
        c.add(new Case("lot: a date with an expanded year", "mike", HttpMethod.POST, l, with(lot, "manufactureDate",
                "+002025-01-20"), 400, "manufactureDate"));
        c.add(new Case("lot: a date with one-digit month", "mike", HttpMethod.POST, l, with(lot, "manufactureDate",
                "2025-1-20"), 400, "manufactureDate"));
        c.add(new Case("lot: month 13", "mike", HttpMethod.POST, l, with(lot, "manufactureDate", "2025-13-01"), 400,
                "manufactureDate"));
        c.add(new Case("lot: made tomorrow", "mike", HttpMethod.POST, l, with(lot, "manufactureDate", "2025-01-29"),
                400, "manufactureDate"));
        c.add(new Case("lot: no manufacture date", "mike", HttpMethod.POST, l, with(lot, "manufactureDate", null), 400,
                "manufactureDate"));
        c.add(new Case("lot: expires before made", "mike", HttpMethod.POST, l, with(lot, "expirationDate", "2025-01-01"),
                400, "expirationDate"));
        c.add(new Case("lot: expires in 9999", "mike", HttpMethod.POST, l, with(lot, "expirationDate", "9999-01-01"),
                400, "expirationDate"));
        c.add(new Case("lot: number .", "mike", HttpMethod.POST, l, with(lot, "lotNumber", "."), 400, "lotNumber"));
        c.add(new Case("lot: number ..", "mike", HttpMethod.POST, l, with(lot, "lotNumber", ".."), 400, "lotNumber"));
        c.add(new Case("lot: number with /", "mike", HttpMethod.POST, l, with(lot, "lotNumber", "A/B"), 400,
                "lotNumber"));
        c.add(new Case("lot: number with space", "mike", HttpMethod.POST, l, with(lot, "lotNumber", "A B"), 400,
                "lotNumber"));
        c.add(new Case("lot: number 65 chars", "mike", HttpMethod.POST, l, with(lot, "lotNumber", x65), 400,
                "lotNumber"));
        c.add(new Case("lot: location 201 chars", "mike", HttpMethod.POST, l, with(lot, "location", t201), 400,
                "location"));
        // searched and grouped by: never silently trimmed, no edge or double spaces (auditor round 22 M1)
        c.add(new Case("lot: location with edge spaces", "mike", HttpMethod.POST, l, with(lot, "location", "  WH 9  "),
                400, "location", "must not begin or end with a space"));
        c.add(new Case("lot: location with two spaces in a row", "mike", HttpMethod.POST, l, with(lot, "location",
                "WH  9"), 400, "location", "would read as one location but be two"));
        c.add(new Case("lot: location of spaces only", "mike", HttpMethod.POST, l, with(lot, "location", "  "), 400,
                "location"));
        c.add(new Case("lot: production order with edge spaces", "mike", HttpMethod.POST, l, with(lot,
                "productionOrder", "  PO 1  "), 400, "productionOrder", "would look like one production order"));
        c.add(new Case("lot: production order with two spaces in a row", "mike", HttpMethod.POST, l, with(lot,
                "productionOrder", "PO  1"), 400, "productionOrder", "would read as one production order"));
        c.add(new Case("lot: production order of spaces only", "mike", HttpMethod.POST, l, with(lot,
                "productionOrder", "   "), 400, "productionOrder", "is only spaces"));
        // receipts (production): the supplier's lot number, the delivery's paper and the location, as typed
        Map<String, Object> receipt = Map.of("sku", sku, "supplier", "Bad Input Supplier", "supplierLotNumber",
                "BI-1", "receiptDate", "2025-01-27", "location", "Tank farm 1", "deliveryReference", "BOL 1",
                "lines", List.of(Map.of("quantity", 10, "expirationDate", "2027-01-10")));
        String receipts = "/api/receipts";
        c.add(new Case("receipt: supplier lot number with edge spaces", "mike", HttpMethod.POST, receipts, with(receipt,
                "supplierLotNumber", "  BI-1  "), 400, "supplierLotNumber", "would look like one supplier lot number"));
        c.add(new Case("receipt: supplier lot number with two spaces in a row", "mike", HttpMethod.POST, receipts,
                with(receipt, "supplierLotNumber", "BI  1"), 400, "supplierLotNumber",
                "2 spaces after 'BI' (with one space instead, 'BI 1' would"));
        c.add(new Case("receipt: delivery reference with edge spaces", "mike", HttpMethod.POST, receipts, with(receipt,
                "deliveryReference", "  BOL 1  "), 400, "deliveryReference", "must not begin or end with a space"));
        c.add(new Case("receipt: delivery reference with two spaces in a row", "mike", HttpMethod.POST, receipts,
                with(receipt, "deliveryReference", "BOL  1"), 400, "deliveryReference", "would read as one delivery"));
        c.add(new Case("receipt: delivery reference of spaces only", "mike", HttpMethod.POST, receipts, with(receipt,
                "deliveryReference", "  "), 400, "deliveryReference", "is only spaces"));
        c.add(new Case("receipt: location with an edge space", "mike", HttpMethod.POST, receipts, with(receipt, "location",
                "Tank farm 1 "), 400, "location", "must not begin or end with a space"));
        c.add(new Case("lot: unknown source", "mike", HttpMethod.POST, l, with(lot, "sourceLots",
                List.of(Map.of("lotNumber", "NOPE-1", "quantity", 1))), 400, "sourceLots[0].lotNumber"));
        c.add(new Case("lot: source quantity 0", "mike", HttpMethod.POST, l, with(lot, "sourceLots",
                List.of(Map.of("lotNumber", released, "quantity", 0))), 400, "sourceLots[0].quantity"));
        c.add(new Case("lot: source quantity 1.2345", "mike", HttpMethod.POST, l, with(lot, "sourceLots",
                List.of(Map.of("lotNumber", released, "quantity", new BigDecimal("1.2345")))), 400,
                "sourceLots[0].quantity"));
        c.add(new Case("lot: source number ..", "mike", HttpMethod.POST, l, with(lot, "sourceLots",
                List.of(Map.of("lotNumber", "..", "quantity", 1))), 400, "sourceLots[0].lotNumber"));
        c.add(new Case("lot: unknown field", "mike", HttpMethod.POST, l, with(lot, "colour", "red"), 400, "colour"));
        c.add(new Case("lot: by sales", "tom", HttpMethod.POST, l, lot, 403, null));
        c.add(new Case("lot: unknown lot read", "tom", HttpMethod.GET, l + "/NO-SUCH-LOT", null, 404, null));
        c.add(new Case("lots: size 0", "tom", HttpMethod.GET, l + "?size=0", null, 400, "size"));
        c.add(new Case("lots: size 100000", "tom", HttpMethod.GET, l + "?size=100000", null, 400, "size"));
        c.add(new Case("lots: size text", "tom", HttpMethod.GET, l + "?size=ten", null, 400, "size"));
        c.add(new Case("lots: unknown status", "tom", HttpMethod.GET, l + "?status=FRESH", null, 400, "status"));
        c.add(new Case("lots: negative expiring window", "tom", HttpMethod.GET, l + "?expiringWithinDays=-1", null, 400,
                "expiringWithinDays"));
        c.add(new Case("lots: garbage cursor", "tom", HttpMethod.GET, l + "?cursor=%%%", null, 400, "cursor"));

        // lab results (QA)
        String lab = "/api/lots/" + pending + "/lab-results";
        Map<String, Object> v = Map.of("test", "viscosity", "value", 248);
        Map<String, Object> f = Map.of("test", "flashPoint", "value", 225);
        c.add(new Case("lab: no results", "sarah", HttpMethod.POST, lab, Map.of("results", List.of()), 400, "results"));
        c.add(new Case("lab: unknown test", "sarah", HttpMethod.POST, lab, Map.of("results",
                List.of(Map.of("test", "colour", "value", 1), f)), 400, "results[0].test"));
        // auditor 2026-12-06 G11: the answer named Jackson's JsonReadFeature
        c.add(new Case("lab: NaN as a value", "sarah", HttpMethod.POST, lab, "{\"results\":[{\"test\":\"viscosity\","
                + "\"value\":NaN},{\"test\":\"flashPoint\",\"value\":225}]}", 400, "results[0].value"));
        c.add(new Case("order: NaN as the quantity (re-test R4)", "tom", HttpMethod.POST, "/api/orders",
                "{\"orderNumber\":\"SO-NAN-1\",\"customer\":\"Acme\",\"sku\":\"X\",\"quantity\":NaN}", 400,
                "quantity"));
        c.add(new Case("lab: Infinity as a value", "sarah", HttpMethod.POST, lab, "{\"results\":[{\"test\":"
                + "\"viscosity\",\"value\":-Infinity},{\"test\":\"flashPoint\",\"value\":225}]}", 400,
                "results[0].value"));
        c.add(new Case("lab: value as text", "sarah", HttpMethod.POST, lab, Map.of("results",
                List.of(Map.of("test", "viscosity", "value", "248"), f)), 400, "results[0].value"));
        c.add(new Case("lab: value with 7 decimals", "sarah", HttpMethod.POST, lab, Map.of("results",
                List.of(Map.of("test", "viscosity", "value", new BigDecimal("102.0000004")), f)), 400,
                "results[0].value"));
        c.add(new Case("lab: value 10^13", "sarah", HttpMethod.POST, lab, Map.of("results",
                List.of(Map.of("test", "viscosity", "value", new BigDecimal("1E13")), f)), 400, "results[0].value"));
        c.add(new Case("lab: value 1E-999999999 (auditor F21)", "sarah", HttpMethod.POST, lab, Map.of("results",
                List.of(Map.of("test", "viscosity", "value", new BigDecimal("1E-999999999")), f)), 400,
                "results[0].value"));
        c.add(new Case("lab: no value", "sarah", HttpMethod.POST, lab, Map.of("results",
                List.of(Map.of("test", "viscosity"), f)), 400, "results[0].value"));
        c.add(new Case("lab: test twice", "sarah", HttpMethod.POST, lab, Map.of("results", List.of(v, v, f)), 400,
                "results[1].test"));
        c.add(new Case("lab: unknown field", "sarah", HttpMethod.POST, lab, Map.of("results", List.of(v, f),
                "analyst", "x"), 400, "analyst"));
        c.add(new Case("lab: by sales", "tom", HttpMethod.POST, lab, Map.of("results", List.of(v, f)), 403, null));
        c.add(new Case("lab: unknown lot", "sarah", HttpMethod.POST, "/api/lots/NO-SUCH-LOT/lab-results",
                Map.of("results", List.of(v, f)), 404, null));
        c.add(new Case("lab: released lot", "sarah", HttpMethod.POST, "/api/lots/" + released + "/lab-results",
                Map.of("results", List.of(v, f)), 409, null));

        // holds (QA)
        String hold = "/api/lots/" + released + "/holds";
        c.add(new Case("hold: blank reason", "sarah", HttpMethod.POST, hold, Map.of("reason", " "), 400, "reason"));
        c.add(new Case("hold: reason 2001 chars", "sarah", HttpMethod.POST, hold, Map.of("reason", "x".repeat(2001)),
                400, "reason"));
        c.add(new Case("hold: unknown source", "sarah", HttpMethod.POST, hold, Map.of("reason", "x", "source", "GOSSIP"),
                400, "source"));
        c.add(new Case("hold: reference 201 chars", "sarah", HttpMethod.POST, hold, Map.of("reason", "x",
                "reference", t201), 400, "reference"));
        // a complaint's reference is its customer in the complaints report: as typed (auditor round 22 M1)
        c.add(new Case("hold: reference with edge spaces", "sarah", HttpMethod.POST, hold, Map.of("reason", "x",
                "reference", "  REF  1  "), 400, "reference", "must not begin or end with a space"));
        c.add(new Case("hold: reference with two spaces in a row", "sarah", HttpMethod.POST, hold, Map.of("reason", "x",
                "reference", "REF  1"), 400, "reference", "2 spaces after 'REF' (with one space instead, 'REF 1' would read as one"
                + " reference"));
        c.add(new Case("hold: reference of spaces only", "sarah", HttpMethod.POST, hold, Map.of("reason", "x",
                "reference", "   "), 400, "reference", "is only spaces"));
        c.add(new Case("hold: reference with a direction override", "sarah", HttpMethod.POST, hold, Map.of("reason", "x",
                "reference", "a\u202Eb"), 400, "reference"));
        // a signed free text shows what is stored (auditor 2026-12-06 C-o: "Stock <U+202E>DEYORTSED TON" read "NOT
        // DESTROYED" on every screen)
        c.add(new Case("hold: reason with a direction override", "sarah", HttpMethod.POST, hold, Map.of("reason",
                "Stock \u202EDEYORTSED TON\u202C; see CAPA"), 400, "reason", "direction-changing control character"));
        c.add(new Case("hold: reason with a direction isolate", "sarah", HttpMethod.POST, hold, Map.of("reason",
                "Seal \u2067broken\u2069"), 400, "reason", "direction-changing control character"));
        c.add(new Case("hold: unknown field", "sarah", HttpMethod.POST, hold, Map.of("reason", "x", "colour", "red"),
                400, "colour"));
        c.add(new Case("hold: by sales", "tom", HttpMethod.POST, hold, Map.of("reason", "x"), 403, null));
        c.add(new Case("hold: unknown lot", "sarah", HttpMethod.POST, "/api/lots/NO-SUCH-LOT/holds",
                Map.of("reason", "x"), 404, null));
        c.add(new Case("hold: lot under lab release", "sarah", HttpMethod.POST, "/api/lots/" + pending + "/holds",
                Map.of("reason", "x"), 409, null));

        // dispositions (QA managers)
        String disp = "/api/lots/" + released + "/disposition";
        Map<String, Object> d = Map.of("decision", "RELEASE", "justification", "ok", "password", "jennifer");
        c.add(new Case("disposition: unknown decision", "jennifer", HttpMethod.POST, disp, with(d, "decision", "DESTROY"),
                400, "decision"));
        c.add(new Case("disposition: blank justification", "jennifer", HttpMethod.POST, disp,
                with(d, "justification", " "), 400, "justification"));
        c.add(new Case("disposition: no password", "jennifer", HttpMethod.POST, disp, with(d, "password", null), 400,
                "password"));
        c.add(new Case("disposition: unknown classification", "jennifer", HttpMethod.POST, disp,
                with(d, "decision", "RECALL", "classification", "CLASS_IV"), 400, "classification"));
        c.add(new Case("disposition: lot not held", "jennifer", HttpMethod.POST, disp, d, 409, null));
        c.add(new Case("disposition: by an analyst", "sarah", HttpMethod.POST, disp, with(d, "password", "sarah"), 403,
                null));

        // orders (sales)
        Map<String, Object> o = Map.of("orderNumber", "SO-NEW-1", "customer", "Acme", "sku", sku, "quantity", 5);
        String ord = "/api/orders";
        c.add(new Case("order: number with /", "tom", HttpMethod.POST, ord, with(o, "orderNumber", "SO/1"), 400,
                "orderNumber"));
        c.add(new Case("order: number .", "tom", HttpMethod.POST, ord, with(o, "orderNumber", "."), 400, "orderNumber"));
        c.add(new Case("order: number ..", "tom", HttpMethod.POST, ord, with(o, "orderNumber", ".."), 400,
                "orderNumber"));
        c.add(new Case("order: no number", "tom", HttpMethod.POST, ord, with(o, "orderNumber", null), 400,
                "orderNumber"));
        c.add(new Case("order: blank customer", "tom", HttpMethod.POST, ord, with(o, "customer", " "), 400, "customer"));
        c.add(new Case("order: customer 201 chars", "tom", HttpMethod.POST, ord, with(o, "customer", t201), 400,
                "customer"));
        c.add(new Case("order: unknown sku", "tom", HttpMethod.POST, ord, with(o, "sku", "NOPE"), 400, "sku"));
        c.add(new Case("order: quantity 0", "tom", HttpMethod.POST, ord, with(o, "quantity", 0), 400, "quantity"));
        c.add(new Case("order: quantity 1.0005", "tom", HttpMethod.POST, ord,
                with(o, "quantity", new BigDecimal("1.0005")), 400, "quantity"));
        c.add(new Case("order: quantity -1E+999999999 (auditor F21)", "tom", HttpMethod.POST, ord,
                with(o, "quantity", new BigDecimal("-1E+999999999")), 400, "quantity"));
        c.add(new Case("order: quantity as text", "tom", HttpMethod.POST, ord, with(o, "quantity", "5"), 400,
                "quantity"));
        c.add(new Case("order: quantity 2e9", "tom", HttpMethod.POST, ord, with(o, "quantity", new BigDecimal("2E9")),
                400, "quantity"));
        c.add(new Case("order: required in year 1", "tom", HttpMethod.POST, ord, with(o, "requiredBy", "0001-01-01"),
                400, "requiredBy"));
        c.add(new Case("order: required yesterday", "tom", HttpMethod.POST, ord, with(o, "requiredBy", "2025-01-27"),
                400, "requiredBy"));
        c.add(new Case("order: shelf life -1", "tom", HttpMethod.POST, ord, with(o, "minShelfLifeMonths", -1), 400,
                "minShelfLifeMonths"));
        c.add(new Case("order: shelf life 241", "tom", HttpMethod.POST, ord, with(o, "minShelfLifeMonths", 241), 400,
                "minShelfLifeMonths"));
        c.add(new Case("order: a customer ending with a line break (re-test 2026-12-07 L4)", "tom", HttpMethod.POST,
                ord, with(o, "customer", "Acme Manufacturing\n"), 400, "customer"));
        c.add(new Case("order: shelf life of blanks (auditor 2026-12-07 F1)", "tom", HttpMethod.POST, ord,
                with(o, "minShelfLifeMonths", " "), 400, "minShelfLifeMonths"));
        // auditor 2026-12-06 C-h: Jackson's "out of range of int" reached the QA person
        c.add(new Case("order: shelf life beyond a whole number", "tom", HttpMethod.POST, ord,
                with(o, "minShelfLifeMonths", 99999999999L), 400, "minShelfLifeMonths", "is too large for a whole number"));
        // auditor 2026-12-06 C-g: a date with a time was read as its date part, the time and zone dropped
        c.add(new Case("order: required by a date-time in UTC", "tom", HttpMethod.POST, ord,
                with(o, "requiredBy", "2025-02-05T00:00:00Z"), 400, "requiredBy", "give the date alone, as year-month-day, e.g. 2025-01-28"));
        // re-test 2026-12-06 E4: a date as an array was taken
        c.add(new Case("lot: made on an array date", "mike", HttpMethod.POST, "/api/lots", Map.of("sku", sku, "quantity", 5,
                "manufactureDate", List.of(2025, 1, 27), "location", "A1"), 400, "manufactureDate", "date written year-month-day (e.g. 2025-01-28)"));
        c.add(new Case("lot: made on a number", "mike", HttpMethod.POST, "/api/lots", Map.of("sku", sku, "quantity", 5,
                "manufactureDate", 20250127, "location", "A1"), 400, "manufactureDate", "date written year-month-day (e.g. 2025-01-28)"));
        c.add(new Case("lot: made at a date-time", "mike", HttpMethod.POST, "/api/lots", Map.of("sku", sku, "quantity", 5,
                "manufactureDate", "2025-01-27T23:59:00", "location", "A1"), 400, "manufactureDate",
                "is a date with a time"));
        c.add(new Case("order: unknown requested lot", "tom", HttpMethod.POST, ord, with(with(o, "requestedLot", "NOPE-1"), "requestReason", "Regulatory requirement"),
                400, "requestedLot"));
        c.add(new Case("order: requested lot ../x", "tom", HttpMethod.POST, ord, with(o, "requestedLot", "../x"), 400,
                "requestedLot"));
        c.add(new Case("order: number taken", "tom", HttpMethod.POST, ord, with(o, "orderNumber", order), 409, null));
        c.add(new Case("order: unknown field", "tom", HttpMethod.POST, ord, with(o, "colour", "red"), 400, "colour"));
        c.add(new Case("order: by production", "mike", HttpMethod.POST, ord, o, 403, null));
        c.add(new Case("order: unknown order read", "tom", HttpMethod.GET, ord + "/SO-NOPE", null, 404, null));

        // shipments (sales)
        String ship = "/api/orders/" + order + "/shipments";
        c.add(new Case("shipment: shipped in 9999", "tom", HttpMethod.POST, ship, Map.of("shippedAt", "9999-01-01"),
                400, "shippedAt"));
        c.add(new Case("shipment: shipped tomorrow", "tom", HttpMethod.POST, ship, Map.of("shippedAt", "2025-01-29"),
                400, "shippedAt"));
        c.add(new Case("shipment: carrier 201 chars", "tom", HttpMethod.POST, ship, Map.of("carrier", t201), 400,
                "carrier"));
        // a carrier is an FSMA 204 shipping KDE a recall searches: kept as typed, so never blank, edge or double spaces,
        // a tab or a line break (auditor round 22 M1)
        c.add(new Case("shipment: carrier of spaces only (auditor r22 M1)", "tom", HttpMethod.POST, ship,
                Map.of("carrier", "   "), 400, "carrier", "is only spaces: give the carrier"));
        c.add(new Case("shipment: carrier empty", "tom", HttpMethod.POST, ship, Map.of("carrier", ""), 400, "carrier",
                "is empty"));
        c.add(new Case("shipment: carrier with edge spaces", "tom", HttpMethod.POST, ship, Map.of("carrier", "  DHL  "),
                400, "carrier", "would look like one carrier but be two"));
        c.add(new Case("shipment: carrier with two spaces in a row", "tom", HttpMethod.POST, ship,
                Map.of("carrier", "DHL  Freight"), 400, "carrier",
                "it has 2 spaces after 'DHL' (with one space instead, 'DHL Freight' would read as one carrier but be"
                        + " two)"));
        c.add(new Case("shipment: carrier with a tab", "tom", HttpMethod.POST, ship, Map.of("carrier", "DHL\tFreight"),
                400, "carrier", "a tab"));
        c.add(new Case("shipment: carrier with a line break at its end", "tom", HttpMethod.POST, ship,
                Map.of("carrier", "DHL\n"), 400, "carrier", "a line break"));
        c.add(new Case("shipment: unknown order", "tom", HttpMethod.POST, "/api/orders/SO-NOPE/shipments", Map.of(),
                404, null));
        c.add(new Case("shipment: by an analyst", "sarah", HttpMethod.POST, ship, Map.of(), 403, null));

        // recalls (recall coordinators)
        String rc = "/api/recalls";
        Map<String, Object> r = Map.of("lots", List.of(released), "reason", "Contamination", "classification",
                "CLASS_II");
        c.add(new Case("recall: no lots", "rachel", HttpMethod.POST, rc, with(r, "lots", List.of()), 400, "lots"));
        c.add(new Case("recall: unknown lot", "rachel", HttpMethod.POST, rc, with(r, "lots", List.of("NOPE-1")), 400,
                "lots[0]"));
        c.add(new Case("recall: unknown classification", "rachel", HttpMethod.POST, rc,
                with(r, "classification", "CLASS_IV"), 400, "classification"));
        c.add(new Case("recall: blank reason", "rachel", HttpMethod.POST, rc, with(r, "reason", " "), 400, "reason"));
        c.add(new Case("recall: a lot twice", "rachel", HttpMethod.POST, rc, with(r, "lots", List.of(released,
                released)), 400, "lots[1]"));
        c.add(new Case("recall: by a QA manager", "jennifer", HttpMethod.POST, rc, r, 403, null));
        c.add(new Case("recall: by sales", "tom", HttpMethod.POST, rc, r, 403, null));
        c.add(new Case("recall: unknown recall read", "tom", HttpMethod.GET, rc + "/RC-1999-999", null, 404, null));

        // no body, or the JSON null: a sentence, not Spring's with the Java method (auditor 2026-12-06 F10)
        c.add(new Case("order: an empty body", "tom", HttpMethod.POST, "/api/orders", "", 400, null, "has no body"));
        c.add(new Case("order: the body null", "tom", HttpMethod.POST, "/api/orders", "null", 400, null, "has no body"));

        // reads with bad parameters
        c.add(new Case("trace: sideways", "tom", HttpMethod.GET, "/api/lots/" + released + "/trace?direction=sideways",
                null, 400, "direction"));
        c.add(new Case("report: expiring window as text", "jennifer", HttpMethod.GET, "/api/reports/expiring?days=soon",
                null, 400, "days"));
        c.add(new Case("security events: limit 0", "jennifer", HttpMethod.GET, "/api/security/events?limit=0", null, 400,
                "limit"));
        c.add(new Case("security events: by sales", "tom", HttpMethod.GET, "/api/security/events", null, 403, null));
        return c.stream().map(Arguments::of);
    }

    /** What is stored, in a few numbers: any write would change one of them. */
    private Map<String, Object> fingerprint() {
        Map<String, Object> f = new HashMap<>();
        for (String table : List.of("product", "lot", "lot_source", "lab_result", "lot_hold", "sales_order",
                "allocation", "shipment", "recall", "lot_event")) {
            f.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
        }
        f.put("lot versions", jdbc.queryForObject("SELECT COALESCE(SUM(version), 0) FROM lot", Long.class));
        return f;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedNamingTheFieldAndChangesNothing(Case c) {
        Map<String, Object> before = fingerprint();
        Response r = api.call(c.user(), c.user(), c.method(), c.path(), c.body(), "application/json");
        assertThat(r.status()).as(c.name() + ": " + r).isEqualTo(c.status());
        assertThat(r.isProblem()).as(c.name() + ": problem+json: " + r).isTrue();
        String detail = r.json().path("detail").asText();
        assertThat(detail).as(c.name() + ": a sentence").isNotBlank();
        assertThat(detail).as(c.name() + ": no internals").doesNotContain("Exception").doesNotContain("ENGINE-")
                .doesNotContain("java.").doesNotContain("JsonReadFeature").doesNotContain("out of range of int");
        if (c.says() != null) {
            assertThat(detail).as(c.name() + ": says why").contains(c.says());
        }
        if (c.field() != null) {
            assertThat(r.json().path("field").asText()).as(c.name() + ": names the field: " + r).isEqualTo(c.field());
        }
        assertThat(fingerprint()).as(c.name() + ": nothing changed").isEqualTo(before);
    }
}
