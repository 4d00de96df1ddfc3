package org.lotflow.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * {@code GET /api/traceability/epcis?lot=} and {@code GET /api/recalls/{n}/epcis} end to end (issue #14): every
 * document lotflow answers is valid against GS1's EPCIS 2.0 JSON Schema ({@link EpcisSchema}) and shaped like
 * GS1's own examples ({@link Gs1ExamplesTest}); a receipt is a receiving ObjectEvent with its supplier, a lot made
 * from it a TransformationEvent, a shipment a shipping ObjectEvent with its customer; LGTINs where the product
 * has a GTIN, lotflow's URIs elsewhere; the plant's SGLN from {@code lotflow.plant.gln}. Every event is a fact that
 * never changes (auditor X3): a receipt or a making keeps its eventID and disposition ({@code in_progress}) whatever
 * happens to the lot later, and each status change (release, hold, recall, rejection) is an OBSERVE event of its own,
 * dated when it was recorded ({@link EpcisStatusChangesApiTest}); events in eventTime order. Rights as the FSMA 204 export (business groups); bad
 * parameters are problem+json. Today is 2025-01-28, the plant's zone UTC.
 */
@ApiTest
class EpcisApiTest {

    static final String BASE = "https://id.il-lubricants.example/plant-1";
    static final String SGLN = "urn:epc:id:sgln:0614141.00001.0";
    static final String PGLN = "urn:epc:id:pgln:0614141.00001";
    static final String SUPPLIER = "Gulf Coast Base Oils, 400 Channel Dr, Houston, TX 77029";
    static final String CUSTOMER = "Metro Manufacturing, 55 Mill St, Dayton, OH";

    @Autowired
    TestClient api;

    @Autowired
    org.camunda.bpm.engine.IdentityService identityService;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    record GtinStory(String rmSku, String rmGtin14, String finSku, String finGtin14, String received, String sibling,
            String made, String order) {
    }

    /** A GTIN-12 of GS1 US's example prefix with its check digit, unique per call. */
    static String gtin12() {
        String digits = "614141" + String.format("%05d", Math.floorMod(UUID.randomUUID().hashCode(), 100000));
        return digits + org.lotflow.shared.Gs1Keys.checkDigit(digits);
    }

    private static String product(TestClient api, String prefix, String unit, String gtin) {
        String sku = prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        // short (a GS1 lot number has at most 20 characters) and the product's own: two products never share lot
        // numbers (auditor 2026-12-06 G13)
        String scheme = prefix + org.lotflow.support.TestUsers.letters(sku.substring(sku.length() - 5)).toUpperCase();
        Response r = api.post("mike", "/api/products", Map.of("sku", sku, "name", "Test product " + sku, "unit", unit,
                "shelfLifeMonths", 24, "lotNumberPattern", scheme + "{yyyy}{seq:3}", "gtin", gtin,
                "specs", List.of(Map.of("test", "viscosity", "unit", "cSt", "min", 245, "max", 255),
                        Map.of("test", "flashPoint", "unit", "°C", "min", 220))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return sku;
    }

    /** Base oil in kg (with a GTIN) received from a supplier, pails (with a GTIN) made from it, some shipped. */
    static GtinStory gtinStory(TestClient api) {
        String rmGtin = gtin12();
        String finGtin = gtin12();
        String rmSku = product(api, "ERM", "kg", rmGtin);
        String finSku = product(api, "EFN", "pails", finGtin);
        String ref = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Response receipt = api.post("mike", "/api/receipts", Map.of("sku", rmSku, "supplier", SUPPLIER,
                "supplierLotNumber", "GCB-" + ref, "receiptDate", "2025-01-20", "location", "Tank farm 2",
                "deliveryReference", "BOL-" + ref,
                "lines", List.of(Map.of("quantity", 300, "expirationDate", "2026-06-30"),
                        Map.of("quantity", 200.5, "expirationDate", "2026-09-30"))));
        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(201);
        String received = receipt.json().get("lots").get(0).get("lotNumber").asText();
        String sibling = receipt.json().get("lots").get(1).get("lotNumber").asText();
        api.release(received);
        Response made = api.post("mike", "/api/lots", Map.of("sku", finSku, "quantity", 40, "manufactureDate",
                "2025-01-27", "location", "Warehouse A, Zone 5", "productionOrder", "PO-" + ref,
                "sourceLots", List.of(Map.of("lotNumber", received, "quantity", 120.25))));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String madeLot = made.json().get("lotNumber").asText();
        api.release(madeLot);
        String order = "SO-" + ref;
        assertThat(api.post("tom", "/api/orders", Map.of("orderNumber", order, "customer", CUSTOMER, "sku", finSku,
                "quantity", 15)).status()).isEqualTo(201);
        assertThat(api.post("tom", "/api/orders/" + order + "/shipments", Map.of("carrier", "Regional Transport"))
                .status()).isEqualTo(201);
        return new GtinStory(rmSku, "00" + rmGtin, finSku, "00" + finGtin, received, sibling, madeLot, order);
    }

    static Response epcis(TestClient api, String user, String path) {
        return api.call(user, user, HttpMethod.GET, path, null, "application/ld+json");
    }

    private Response epcis(String user, String path) {
        return api.call(user, user, HttpMethod.GET, path, null, "application/ld+json");
    }

    /** The document, checked: 200, JSON-LD, valid against GS1's schema, shaped like GS1's examples. */
    static JsonNode valid(Response r) throws IOException {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("application/ld+json");
        JsonNode doc = r.json();
        assertThat(EpcisSchema.errors(doc)).as(r.text()).isEmpty();
        assertThat(doc.get("type").asText()).isEqualTo("EPCISDocument");
        assertThat(doc.get("schemaVersion").asText()).isEqualTo("2.0");
        assertThat(doc.get("@context").get(0).asText())
                .isEqualTo("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld");
        assertShapedLikeGs1sExamples(doc);
        assertThat(events(doc)).as("in eventTime order")
                .extracting(e -> java.time.OffsetDateTime.parse(e.get("eventTime").asText()).toInstant()).isSorted();
        return doc;
    }

    /** Whether {@code e} is a lot's status change (its eventID names the history's record). */
    static boolean isStatusChange(JsonNode e) {
        return e.get("eventID").asText().contains("/status-changes/");
    }

    /** The document's events but the status changes: receipts, makings, shipments, disposals. */
    static List<JsonNode> facts(JsonNode doc) {
        return events(doc).stream().filter(e -> !isStatusChange(e)).toList();
    }

    /** The document's status changes: bizStep, disposition, lot status, eventTime. */
    static List<String> statusChanges(JsonNode doc) {
        return events(doc).stream().filter(EpcisApiTest::isStatusChange).map(e -> e.get("bizStep").asText() + " "
                + e.get("disposition").asText() + " " + e.get("lotflow:lotStatus").asText()).toList();
    }

    /** The document's events by eventID. */
    static Map<String, JsonNode> byId(JsonNode doc) {
        Map<String, JsonNode> byId = new java.util.LinkedHashMap<>();
        events(doc).forEach(e -> assertThat(byId.put(e.get("eventID").asText(), e)).as("one event per id").isNull());
        return byId;
    }

    /**
     * Every field of every event is one GS1's examples use, with the same JSON type (text, number, object,
     * list); quantity elements and source/destination entries have the examples' keys.
     */
    static void assertShapedLikeGs1sExamples(JsonNode doc) throws IOException {
        Map<String, String> kinds = new java.util.HashMap<>();
        for (String name : new String[] {"Example_9.6.4-TransformationEvent.jsonld",
                "Example_9.6.1-ObjectEventWithDigitalLink.jsonld", "Example_9.6.2-ObjectEvent.jsonld"}) {
            for (JsonNode e : Gs1ExamplesTest.example(name).get("epcisBody").get("eventList")) {
                e.fields().forEachRemaining(f -> kinds.put(f.getKey(), f.getValue().getNodeType().name()));
            }
        }
        for (JsonNode e : doc.get("epcisBody").get("eventList")) {
            for (Iterator<Map.Entry<String, JsonNode>> it = e.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> f = it.next();
                String key = f.getKey().equals("outputQuantityList") ? "inputQuantityList" : f.getKey();
                if (key.startsWith("lotflow:")) { // lotflow's own event fields (extensions, its prefix in @context): text
                    assertThat(f.getValue().isTextual()).as(key).isTrue();
                    continue;
                }
                assertThat(kinds).as("GS1's examples use " + key).containsKey(key);
                assertThat(f.getValue().getNodeType().name()).as(key).isEqualTo(kinds.get(key));
            }
            for (String list : new String[] {"quantityList", "inputQuantityList", "outputQuantityList"}) {
                for (JsonNode q : e.path(list)) {
                    assertThat(fieldNames(q)).isSubsetOf("epcClass", "quantity", "uom").contains("epcClass");
                    if (isStatusChange(e)) { // the whole lot: its class, the quantity unspecified (EPCIS 2.0 7.3.3.3)
                        assertThat(fieldNames(q)).containsExactly("epcClass");
                    } else if (!q.has("quantity")) { // a unit lotflow does not know: never a count; said in words
                        assertThat(fieldNames(q)).containsExactly("epcClass");
                        assertThat(e.path("lotflow:quantityAsRecorded").asText()).isNotBlank();
                    } else {
                        assertThat(q.get("quantity").isNumber()).isTrue();
                    }
                }
            }
            for (JsonNode s : e.path("sourceList")) {
                assertThat(fieldNames(s)).containsExactlyInAnyOrder("type", "source");
            }
            for (JsonNode d : e.path("destinationList")) {
                assertThat(fieldNames(d)).containsExactlyInAnyOrder("type", "destination");
            }
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static List<JsonNode> events(JsonNode doc) {
        List<JsonNode> events = new ArrayList<>();
        doc.get("epcisBody").get("eventList").forEach(events::add);
        return events;
    }

    /** An event's eventTime. */
    static java.time.Instant at(JsonNode e) {
        return java.time.OffsetDateTime.parse(e.get("eventTime").asText()).toInstant();
    }

    static String summary(JsonNode e) {
        return e.get("type").asText() + " " + e.get("bizStep").asText() + " " + e.get("eventTime").asText();
    }

    @Test
    void aLotsTraceWithReceiptTransformationAndShipmentIsAValidDocument() throws IOException {
        GtinStory s = gtinStory(api);
        String rmClass = "https://id.gs1.org/01/" + s.rmGtin14() + "/10/" + s.received();
        String finClass = "https://id.gs1.org/01/" + s.finGtin14() + "/10/" + s.made();
        Response r = epcis("rachel", "/api/traceability/epcis?lot=" + s.made());
        JsonNode doc = valid(r);
        List<JsonNode> events = facts(doc);
        assertThat(events).extracting(EpcisApiTest::summary).hasSize(3).startsWith(
                "ObjectEvent receiving 2025-01-20T00:00:00.000+00:00",
                "TransformationEvent commissioning 2025-01-27T00:00:00.000+00:00");
        assertThat(summary(events.get(2))).startsWith("ObjectEvent shipping 2025-01-28T");
        assertThat(events(doc)).allMatch(e -> e.get("eventTimeZoneOffset").asText().equals("+00:00"))
                .allMatch(e -> e.get("readPoint").get("id").asText().equals(SGLN));
        assertThat(statusChanges(doc)).as("both lots' lab releases, before the shipment they allowed")
                .containsExactly("inspecting active RELEASED", "inspecting active RELEASED");
        assertThat(events(doc).subList(2, 4)).extracting(e -> e.get("quantityList").get(0).get("epcClass").asText())
                .containsExactly(rmClass, finClass);
        // shipped when it was recorded, after the release that allowed it, never at the start of its day (Y5)
        assertThat(events(doc).get(4)).isEqualTo(events.get(2));
        assertThat(at(events.get(2))).isAfter(at(events(doc).get(3))).isAfter(at(events(doc).get(2)))
                .isNotEqualTo(java.time.Instant.parse("2025-01-28T00:00:00Z"));

        JsonNode receiving = events.get(0);
        assertThat(receiving.get("action").asText()).isEqualTo("ADD");
        assertThat(receiving.get("disposition").asText()).as("as received: awaiting its release, whatever it is now")
                .isEqualTo("in_progress");
        assertThat(receiving.get("eventID").asText()).isEqualTo(BASE + "/events/lots/" + s.received() + "/receiving");
        assertThat(receiving.get("quantityList").get(0).toString())
                .isEqualTo("{\"epcClass\":\"" + rmClass + "\",\"quantity\":300,\"uom\":\"KGM\"}");
        assertThat(receiving.get("sourceList").toString()).isEqualTo("[{\"type\":\"owning_party\",\"source\":\"" + BASE
                + "/parties/suppliers/Gulf%20Coast%20Base%20Oils%2C%20400%20Channel%20Dr%2C%20Houston%2C%20TX%2077029\"}]");
        assertThat(receiving.get("destinationList").toString()).isEqualTo("[{\"type\":\"owning_party\",\"destination\":\""
                + PGLN + "\"},{\"type\":\"location\",\"destination\":\"" + SGLN + "\"}]");
        assertThat(receiving.get("bizLocation").get("id").asText()).isEqualTo(SGLN);
        assertThat(receiving.get("bizTransactionList").get(0).get("type").asText()).isEqualTo("desadv");
        assertThat(receiving.get("bizTransactionList").get(0).get("bizTransaction").asText()).startsWith(BASE + "/deliveries/BOL-");
        assertThat(receiving.get("ilmd").get("cbvmda:itemExpirationDate").asText()).isEqualTo("2026-06-30");
        assertThat(receiving.get("ilmd").get("lotflow:supplierLotNumber").asText()).startsWith("GCB-");

        JsonNode transformation = events.get(1);
        assertThat(transformation.has("action")).isFalse();
        assertThat(transformation.get("inputQuantityList").toString())
                .isEqualTo("[{\"epcClass\":\"" + rmClass + "\",\"quantity\":120.25,\"uom\":\"KGM\"}]");
        assertThat(transformation.get("outputQuantityList").toString())
                .as("pails have no UN/CEFACT code: a count of pails, without uom")
                .isEqualTo("[{\"epcClass\":\"" + finClass + "\",\"quantity\":40}]");
        assertThat(transformation.get("disposition").asText()).isEqualTo("in_progress");
        assertThat(transformation.get("bizTransactionList").toString()).isEqualTo("[{\"type\":\"prodorder\","
                + "\"bizTransaction\":\"" + BASE + "/production-orders/PO-" + s.order().substring(3) + "\"}]");

        JsonNode shipping = events.get(2);
        assertThat(shipping.get("action").asText()).isEqualTo("OBSERVE");
        assertThat(shipping.get("disposition").asText()).isEqualTo("in_transit");
        assertThat(shipping.get("quantityList").toString())
                .isEqualTo("[{\"epcClass\":\"" + finClass + "\",\"quantity\":15}]");
        assertThat(shipping.get("sourceList").toString()).isEqualTo("[{\"type\":\"owning_party\",\"source\":\"" + PGLN
                + "\"},{\"type\":\"location\",\"source\":\"" + SGLN + "\"}]");
        assertThat(shipping.get("destinationList").toString()).isEqualTo("[{\"type\":\"owning_party\",\"destination\":\""
                + BASE + "/parties/customers/Metro%20Manufacturing%2C%2055%20Mill%20St%2C%20Dayton%2C%20OH\"}]");
        assertThat(shipping.get("bizTransactionList").toString()).isEqualTo("[{\"type\":\"po\",\"bizTransaction\":\""
                + BASE + "/sales-orders/" + s.order() + "\"}]");
        assertThat(shipping.has("bizLocation")).isFalse();

        // the received lot's trace: the same events; the delivery's other line (PENDING) is a trace of its own
        assertThat(byId(valid(epcis("tom", "/api/traceability/epcis?lot=" + s.received())))).isEqualTo(byId(doc));
        List<JsonNode> sibling = events(valid(epcis("sarah", "/api/traceability/epcis?lot=" + s.sibling())));
        assertThat(sibling).hasSize(1);
        assertThat(sibling.get(0).get("disposition").asText()).as("PENDING").isEqualTo("in_progress");
        assertThat(sibling.get(0).get("quantityList").get(0).get("quantity").decimalValue()).isEqualByComparingTo("200.5");
        // a shipment entered on a later day than its ship date is known by its day only: dated just after the lot's
        // release of that day, never before it (re-test F6)
        jdbc.update("UPDATE shipment SET created_at = ? WHERE customer = ? AND lot_id = (SELECT id FROM lot WHERE"
                + " lot_number = ?)", java.time.OffsetDateTime.parse("2025-01-29T08:00:00Z"), CUSTOMER, s.made());
        List<JsonNode> later = events(valid(epcis("rachel", "/api/traceability/epcis?lot=" + s.made())));
        JsonNode finRelease = later.stream().filter(e -> isStatusChange(e) && e.get("quantityList").get(0)
                .get("epcClass").asText().equals(finClass)).findFirst().orElseThrow();
        JsonNode lateShipping = later.stream().filter(e -> e.get("bizStep").asText().equals("shipping")).findFirst()
                .orElseThrow();
        // ... and after its order was placed that day (re-test N6): just after the later of the two
        java.time.Instant placed = jdbc.queryForObject("SELECT created_at FROM sales_order WHERE order_number = ?",
                java.time.OffsetDateTime.class, s.order()).toInstant();
        java.time.Instant floor = placed.isAfter(at(finRelease)) ? placed : at(finRelease);
        assertThat(at(lateShipping)).isEqualTo(floor.plusMillis(1).truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
                .isAfter(placed).isAfter(at(finRelease)); // eventTime is written to the millisecond
    }

    /** A delivery of one line of {@code quantity} of {@code sku}, received 2025-01-20: its lot number. */
    private String received(String sku, Object quantity) {
        String ref = UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Response receipt = api.post("mike", "/api/receipts", Map.of("sku", sku, "supplier", SUPPLIER,
                "supplierLotNumber", "AUD-" + ref, "receiptDate", "2025-01-20", "location", "Tank farm 2",
                "deliveryReference", "BOL-" + ref, "lines", List.of(Map.of("quantity", quantity,
                        "expirationDate", "2026-06-30"))));
        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(201);
        return receipt.json().get("lots").get(0).get("lotNumber").asText();
    }

    /**
     * Auditor finding: a product in {@code MT} (metric tonnes) received as 12.5 was exported as 12.5 items, {@code MT}
     * having no code. It is measured now ({@code TNE}); and a product stored before lotflow refused units it does not
     * know ({@code ton}, which names several weights) has its quantities written without a quantity, never as a count,
     * the quantity as recorded in words in {@code lotflow:quantityAsRecorded} (UnitCodes).
     */
    @Test
    void aQuantityInMetricTonnesIsMeasuredAndOneInAnUnknownUnitIsNeverACount() throws IOException {
        String mtGtin = gtin12();
        String mt = received(product(api, "EMT", "MT", mtGtin), 12.5);
        JsonNode receiving = facts(valid(epcis("rachel", "/api/traceability/epcis?lot=" + mt))).get(0);
        assertThat(receiving.get("quantityList").toString()).isEqualTo("[{\"epcClass\":\"https://id.gs1.org/01/00"
                + mtGtin + "/10/" + mt + "\",\"quantity\":12.5,\"uom\":\"TNE\"}]");
        assertThat(receiving.has("lotflow:quantityAsRecorded")).isFalse();

        String oldGtin = gtin12();
        String old = product(api, "EOL", "kg", oldGtin);
        jdbc.update("UPDATE product SET unit = 'ton' WHERE sku = ?", old); // as stored before units were checked
        String oldLot = received(old, 12.5);
        api.release(oldLot);
        String finGtin = gtin12();
        String fin = product(api, "EOF", "pails", finGtin);
        Response made = api.post("mike", "/api/lots", Map.of("sku", fin, "quantity", 40, "manufactureDate",
                "2025-01-27", "location", "Warehouse A, Zone 5", "sourceLots", List.of(Map.of("lotNumber", oldLot,
                        "quantity", 2.5))));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String madeLot = made.json().get("lotNumber").asText();
        String oldClass = "https://id.gs1.org/01/00" + oldGtin + "/10/" + oldLot;
        List<JsonNode> events = facts(valid(epcis("rachel", "/api/traceability/epcis?lot=" + madeLot)));
        assertThat(events).extracting(EpcisApiTest::summary).hasSize(2);
        assertThat(events.get(0).get("quantityList").toString()).as("not 12.5 items")
                .isEqualTo("[{\"epcClass\":\"" + oldClass + "\"}]");
        assertThat(events.get(0).get("lotflow:quantityAsRecorded").asText()).isEqualTo(oldLot + ": 12.5 ton");
        JsonNode transformation = events.get(1);
        assertThat(transformation.get("inputQuantityList").toString()).isEqualTo("[{\"epcClass\":\"" + oldClass
                + "\"}]");
        assertThat(transformation.get("outputQuantityList").get(0).get("quantity").asInt()).as("40 pails").isEqualTo(40);
        assertThat(transformation.get("lotflow:quantityAsRecorded").asText()).isEqualTo(oldLot + ": 2.5 ton");
    }

    @Test
    void lotsOfProductsWithoutGtinHaveLotflowsUris() throws IOException {
        Fsma204ApiTest.Story s = Fsma204ApiTest.story(api);
        JsonNode doc = valid(epcis("mike", "/api/traceability/epcis?lot=" + s.made()));
        List<JsonNode> events = facts(doc);
        assertThat(events).extracting(e -> e.get("type").asText()).containsExactly("ObjectEvent", "TransformationEvent",
                "ObjectEvent");
        assertThat(events.get(1).get("inputQuantityList").toString()).as("kg: a measure, with its uom")
                .isEqualTo("[{\"epcClass\":\"" + BASE + "/lots/" + s.received() + "\",\"quantity\":120.25,"
                        + "\"uom\":\"KGM\"}]");
        assertThat(events.get(1).get("outputQuantityList").toString()).as("drums: a count, without uom")
                .isEqualTo("[{\"epcClass\":\"" + BASE + "/lots/" + s.made() + "\",\"quantity\":40}]");
        assertThat(events.get(1).get("outputQuantityList").get(0).get("epcClass").asText())
                .isEqualTo(BASE + "/lots/" + s.made());
    }

    @Test
    void aLotMadeWithoutInputsIsCommissioned() throws IOException {
        String sku = api.createProduct("ECOM");
        String lot = api.createLot(sku, new java.math.BigDecimal("25"), "2025-01-10");
        List<JsonNode> events = events(valid(epcis("jennifer", "/api/traceability/epcis?lot=" + lot)));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("type").asText()).isEqualTo("ObjectEvent");
        assertThat(events.get(0).get("action").asText()).isEqualTo("ADD");
        assertThat(events.get(0).get("bizStep").asText()).isEqualTo("commissioning");
        assertThat(events.get(0).get("disposition").asText()).isEqualTo("in_progress");
        assertThat(events.get(0).get("eventID").asText()).isEqualTo(BASE + "/events/lots/" + lot + "/commissioning");
    }

    @Test
    void theDemoRecallStoryIsAValidDocument() throws IOException {
        JsonNode doc = valid(epcis("rachel", "/api/traceability/epcis?lot=RM-2025-015"));
        List<JsonNode> events = facts(doc);
        assertThat(events.get(0).get("quantityList").get(0).toString())
                .isEqualTo("{\"epcClass\":\"" + BASE + "/lots/RM-2025-015\",\"quantity\":5000,\"uom\":\"GLL\"}");
        assertThat(events.get(1).get("outputQuantityList").get(0).get("epcClass").asText())
                .isEqualTo("https://id.gs1.org/01/00614141250059/10/IL250P-2025-002");
        assertThat(events).filteredOn(e -> e.get("bizStep").asText().equals("shipping")).hasSize(2);
    }

    @Test
    void aDisposalIsADestroyingOrReturningEvent() throws IOException {
        // a received lot returned to its supplier: shipped back, disposition returned, the supplier its destination
        GtinStory s = gtinStory(api);
        api.rejectAndDispose(s.sibling(), "RETURNED_TO_SUPPLIER", "RMA-" + s.sibling());
        JsonNode doc = valid(epcis("rachel", "/api/traceability/epcis?lot=" + s.sibling()));
        List<JsonNode> events = facts(doc);
        assertThat(events).extracting(EpcisApiTest::summary).hasSize(2).startsWith(
                "ObjectEvent receiving 2025-01-20T00:00:00.000+00:00");
        assertThat(summary(events.get(1))).startsWith("ObjectEvent shipping 2025-01-28T");
        assertThat(events.get(0).get("disposition").asText()).as("as received").isEqualTo("in_progress");
        assertThat(statusChanges(doc)).as("the rejection, an event of its own")
                .containsExactly("inspecting non_conformant REJECTED");
        assertThat(at(events.get(1))).as("returned when recorded, after its rejection (Y5)")
                .isAfter(at(events(doc).get(1)));
        JsonNode returned = events.get(1);
        assertThat(returned.get("action").asText()).isEqualTo("OBSERVE");
        assertThat(returned.get("disposition").asText()).isEqualTo("returned");
        assertThat(returned.get("eventID").asText())
                .isEqualTo(BASE + "/events/disposals/" + s.sibling() + "/2025-01-28");
        assertThat(returned.get("quantityList").toString()).as("all of it, exactly").isEqualTo("[{\"epcClass\":\""
                + "https://id.gs1.org/01/" + s.rmGtin14() + "/10/" + s.sibling() + "\",\"quantity\":200.5,\"uom\":\"KGM\"}]");
        assertThat(returned.get("sourceList").toString()).isEqualTo("[{\"type\":\"owning_party\",\"source\":\"" + PGLN
                + "\"},{\"type\":\"location\",\"source\":\"" + SGLN + "\"}]");
        assertThat(returned.get("destinationList").get(0).get("destination").asText())
                .isEqualTo(BASE + "/parties/suppliers/Gulf%20Coast%20Base%20Oils%2C%20400%20Channel%20Dr%2C%20Houston%2C"
                        + "%20TX%2077029");
        assertThat(returned.has("bizLocation")).as("it left the plant").isFalse();
        assertThat(returned.get("lotflow:disposalMethod").asText()).isEqualTo("RETURNED_TO_SUPPLIER");
        assertThat(returned.get("lotflow:disposalReference").asText()).isEqualTo("RMA-" + s.sibling());
        assertThat(returned.has("lotflow:recallNumber")).isFalse();

        // a lot made here and destroyed: its stock ceases to exist (DELETE), at the plant
        // in kg: 12.5 destroyed exactly (drums are counted whole: audit 28 F2)
        String made = api.createLot(api.createProduct("EDES", "kg"), new java.math.BigDecimal("12.5"), "2025-01-10");
        api.rejectAndDispose(made, "DESTROYED", null);
        JsonNode destroyedTrace = valid(epcis("tom", "/api/traceability/epcis?lot=" + made));
        assertThat(statusChanges(destroyedTrace)).containsExactly("inspecting non_conformant REJECTED");
        List<JsonNode> destroyedDoc = facts(destroyedTrace);
        assertThat(destroyedDoc).extracting(EpcisApiTest::summary).hasSize(2).startsWith(
                "ObjectEvent commissioning 2025-01-10T00:00:00.000+00:00");
        assertThat(summary(destroyedDoc.get(1))).startsWith("ObjectEvent destroying 2025-01-28T");
        assertThat(events(destroyedTrace).get(2)).as("destroyed after its rejection").isEqualTo(destroyedDoc.get(1));
        JsonNode destroyed = destroyedDoc.get(1);
        assertThat(destroyed.get("action").asText()).isEqualTo("DELETE");
        assertThat(destroyed.get("disposition").asText()).isEqualTo("destroyed");
        assertThat(destroyed.get("quantityList").get(0).get("quantity").decimalValue()).isEqualByComparingTo("12.5");
        assertThat(destroyed.get("bizLocation").get("id").asText()).isEqualTo(SGLN);
        assertThat(destroyed.has("sourceList") || destroyed.has("destinationList")).isFalse();
        assertThat(destroyed.get("lotflow:disposalMethod").asText()).isEqualTo("DESTROYED");
        assertThat(destroyed.has("lotflow:disposalReference")).as("none was given").isFalse();
    }

    @Test
    void rightsAsTheFsma204Export() {
        for (String user : new String[] {"mike", "sarah", "jennifer", "tom", "rachel"}) {
            assertThat(epcis(user, "/api/traceability/epcis?lot=RM-2025-015").status()).as(user).isEqualTo(200);
        }
        assertThat(epcis("demo", "/api/traceability/epcis?lot=RM-2025-015").status())
                .as("administrators always may").isEqualTo(200);
        String outsider = "nogroup" + UUID.randomUUID().toString().substring(0, 8);
        String password = "Pw-" + UUID.randomUUID();
        org.camunda.bpm.engine.identity.User u = identityService.newUser(outsider);
        u.setFirstName("Olive");
        u.setLastName("Outsider " + org.lotflow.support.TestUsers.letters(outsider.substring(7)));
        u.setPassword(password);
        identityService.saveUser(u);
        for (String path : new String[] {"/api/traceability/epcis?lot=RM-2025-015", "/api/recalls/RC-2025-001/epcis"}) {
            Response refused = api.call(outsider, password, HttpMethod.GET, path, null, "application/ld+json");
            assertThat(refused.status()).as(path + " outside the business groups: " + refused).isEqualTo(403);
            assertThat(refused.isProblem()).isTrue();
        }
        assertThat(api.call(null, null, HttpMethod.GET, "/api/traceability/epcis?lot=RM-2025-015", null,
                "application/ld+json").status()).isEqualTo(401);
        assertThat(api.call(null, null, HttpMethod.GET, "/api/recalls/RC-2025-001/epcis", null,
                "application/ld+json").status()).isEqualTo(401);
    }

    @Test
    void badOrMissingParametersAreProblemsNamingThem() {
        for (String query : new String[] {"", "?lot=", "?lot= ", "?lot=" + "L".repeat(65)}) {
            Response r = epcis("tom", "/api/traceability/epcis" + query);
            assertThat(r.status()).as(query + ": " + r).isEqualTo(400);
            assertThat(r.isProblem()).as(r.toString()).isTrue();
            assertThat(r.json().get("field").asText()).isEqualTo("lot");
            assertThat(r.json().get("detail").asText()).isNotBlank();
        }
        Response unknown = epcis("tom", "/api/traceability/epcis?lot=NO-SUCH-LOT");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.isProblem()).isTrue();
        Response noRecall = epcis("tom", "/api/recalls/RC-2025-999/epcis");
        assertThat(noRecall.status()).isEqualTo(404);
        assertThat(noRecall.isProblem()).isTrue();
    }
}
