package org.lotflow.serial;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lotflow.history.AuditTrail;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Serials within lots (issue #16; the seed's "products that require both lot and serial tracking") through the API,
 * on H2 ({@link SerialApiTest}) and PostgreSQL ({@code PostgresSerialsIT}): serialised products, serials generated from the pattern as a lot is made, bulk registration with every
 * refusal, shipping that names its serials, the serial lookup, traces and recalls from a serial, the audit trail.
 */
public abstract class SerialScenarios {

    @Autowired
    protected TestClient api;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected AuditTrail audit;

    /** A serialised product of its own (pattern null: serials are registered); specs as {@link TestClient#release}. */
    static Map<String, Object> product(String sku, Boolean serialised, String serialPattern) {
        Map<String, Object> body = new HashMap<>(Map.of("sku", sku, "name", "Infusion pump " + sku, "unit", "pcs",
                "shelfLifeMonths", 36, "lotNumberPattern", sku + "-{yyyy}-{seq:3}",
                "specs", List.of(Map.of("test", "viscosity", "unit", "cSt", "min", 245, "max", 255),
                        Map.of("test", "flashPoint", "unit", "°C", "min", 220))));
        if (serialised != null) {
            body.put("serialised", serialised);
        }
        if (serialPattern != null) {
            body.put("serialPattern", serialPattern);
        }
        return body;
    }

    protected static String sku() {
        return "SN" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    protected String serialisedProduct(String pattern) {
        String sku = sku();
        Response r = api.post("mike", "/api/products", product(sku, true, pattern));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return sku;
    }

    protected Response createLot(String sku, Object quantity) {
        return api.post("mike", "/api/lots", Map.of("sku", sku, "quantity", quantity, "manufactureDate", "2025-01-10",
                "location", "Clean room 2"));
    }

    protected JsonNode serialsOf(String lot) {
        Response r = api.get("tom", "/api/lots/" + lot + "/serials");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    protected List<String> texts(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.get("serial").asText()));
        return out;
    }

    protected Response register(String user, String lot, List<String> serials) {
        return api.post(user, "/api/lots/" + lot + "/serials", Map.of("serials", serials));
    }

    protected Response ship(String order, Object serials) {
        Map<String, Object> body = new HashMap<>(Map.of("carrier", "MedFreight"));
        if (serials != null) {
            body.put("serials", serials);
        }
        return api.post("tom", "/api/orders/" + order + "/shipments", body);
    }

    protected String order(String sku, int quantity, String customer) {
        String number = "SO-SN-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Map<String, Object> body = new LinkedHashMap<>(Map.of("orderNumber", number, "customer", customer, "sku", sku,
                "quantity", quantity));
        Response r = api.post("tom", "/api/orders", body);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return number;
    }

    protected long serialRows(String sku) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM serial_number s JOIN product p ON p.id = s.product_id"
                + " WHERE p.sku = ?", Long.class, sku);
    }

    @Test
    void aProductIsSerialisedOnlyWhenAskedAndItsPatternIsValidated() {
        String sku = serialisedProduct("SN-{yy}-{seq:6}");
        JsonNode p = api.get("tom", "/api/products/" + sku).json();
        assertThat(p.get("serialised").asBoolean()).isTrue();
        assertThat(p.get("serialPattern").asText()).isEqualTo("SN-{yy}-{seq:6}");
        JsonNode demo = api.get("tom", "/api/products/IL-250-55GAL").json();
        assertThat(demo.get("serialised").asBoolean()).as("existing products stay non-serialised").isFalse();
        assertThat(demo.has("serialPattern")).isFalse();
        String plain = sku();
        assertThat(api.post("mike", "/api/products", product(plain, null, null)).json().get("serialised").asBoolean())
                .isFalse();
        Map<String, String> bad = Map.of("SN-{seq:3}-{seq:2}", "exactly one {seq:N}", "SN {seq:4}", "may only contain",
                "SN-{lot}-{seq:3}", "unknown placeholder", "SERIALNUMBER-{yyyy}-{seq:6}", "at most 20");
        bad.forEach((pattern, why) -> {
            String s = sku();
            Response r = api.post("mike", "/api/products", product(s, true, pattern));
            assertThat(r.status()).as(pattern + ": " + r).isEqualTo(400);
            assertThat(r.json().get("field").asText()).isEqualTo("serialPattern");
            assertThat(r.json().get("detail").asText()).contains(why);
            assertThat(api.get("tom", "/api/products/" + s).status()).isEqualTo(404);
        });
        Response withoutFlag = api.post("mike", "/api/products", product(sku(), null, "SN-{seq:4}"));
        assertThat(withoutFlag.status()).isEqualTo(400);
        assertThat(withoutFlag.json().get("field").asText()).isEqualTo("serialPattern");
    }

    @Test
    void aLotOfAPatternedProductGetsOneSerialPerUnitAndTheSequenceNeverRepeats() {
        String sku = serialisedProduct("P{yy}-{seq:5}");
        Response made = createLot(sku, 5);
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String lot = made.json().get("lotNumber").asText();
        JsonNode serials = serialsOf(lot);
        assertThat(texts(serials.get("items"))).containsExactly("P25-00001", "P25-00002", "P25-00003", "P25-00004",
                "P25-00005");
        assertThat(serials.get("counts").get("IN_STOCK").asInt()).isEqualTo(5);
        String second = createLot(sku, new BigDecimal("3.000")).json().get("lotNumber").asText();
        assertThat(texts(serialsOf(second).get("items"))).containsExactly("P25-00006", "P25-00007", "P25-00008");
        // paging by cursor
        JsonNode page = api.get("tom", "/api/lots/" + lot + "/serials?size=2").json();
        assertThat(texts(page.get("items"))).containsExactly("P25-00001", "P25-00002");
        JsonNode next = api.get("tom", "/api/lots/" + lot + "/serials?size=2&cursor=" + page.get("nextCursor").asText())
                .json();
        assertThat(texts(next.get("items"))).containsExactly("P25-00003", "P25-00004");
        assertThat(api.get("tom", "/api/lots/" + lot + "/serials?size=0").json().get("field").asText()).isEqualTo("size");
        assertThat(api.get("tom", "/api/lots/" + lot + "/serials?status=LOST").json().get("field").asText())
                .isEqualTo("status");
        // the audit trail lists them
        JsonNode history = api.get("tom", "/api/lots/" + lot + "/history").json();
        JsonNode registered = null;
        for (JsonNode e : history) {
            if (e.get("type").asText().equals("SERIALS_REGISTERED")) {
                registered = e;
            }
        }
        assertThat(registered).as("SERIALS_REGISTERED in " + history).isNotNull();
        assertThat(registered.get("user").asText()).isEqualTo("mike");
        assertThat(registered.get("detail").get("count").asInt()).isEqualTo(5);
        assertThat(registered.get("detail").get("serials")).hasSize(5);
    }

    @Test
    void aSerialisedLotHoldsWholeUnitsAndNoAbsurdCount() {
        String sku = serialisedProduct("F{seq:6}");
        long lotsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM lot", Long.class);
        Response half = createLot(sku, new BigDecimal("2.5"));
        assertThat(half.status()).as(half.toString()).isEqualTo(400);
        assertThat(half.json().get("field").asText()).isEqualTo("quantity");
        assertThat(half.json().get("detail").asText()).contains("not a whole number");
        Response huge = createLot(sku, 100001);
        assertThat(huge.status()).as(huge.toString()).isEqualTo(400);
        assertThat(huge.json().get("field").asText()).isEqualTo("quantity");
        assertThat(huge.json().get("detail").asText()).contains("at most 100000");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM lot", Long.class)).as("no lot made").isEqualTo(lotsBefore);
        assertThat(serialRows(sku)).isZero();
        // a large lot: 20,000 serials in batches
        Response large = createLot(sku, 20000);
        assertThat(large.status()).as(large.toString()).isEqualTo(201);
        JsonNode serials = serialsOf(large.json().get("lotNumber").asText());
        assertThat(serials.get("counts").get("IN_STOCK").asInt()).isEqualTo(20000);
        assertThat(serialRows(sku)).isEqualTo(20000);
        long events = jdbc.queryForObject("SELECT COUNT(*) FROM lot_event e JOIN lot l ON l.id = e.lot_id"
                + " WHERE l.lot_number = ? AND e.type = 'SERIALS_REGISTERED'", Long.class,
                large.json().get("lotNumber").asText());
        assertThat(events).as("500 serials per event").isEqualTo(40);

        // consumed into another lot in whole units too (auditor 2026-12-06 G-e: half a unit was consumed)
        String source = api.releasedLot(sku, new BigDecimal("3"), "2025-01-10");
        Response halfUsed = api.post("mike", "/api/lots", Map.of("sku", api.createProduct("SNUSE"), "quantity", 10,
                "manufactureDate", "2025-01-28", "location", "A1",
                "sourceLots", List.of(Map.of("lotNumber", source, "quantity", new BigDecimal("0.5")))));
        assertThat(halfUsed.status()).as(halfUsed.toString()).isEqualTo(400);
        assertThat(halfUsed.json().get("field").asText()).isEqualTo("sourceLots[0].quantity");
        assertThat(halfUsed.json().get("detail").asText()).contains("not a whole number");
        assertThat(api.get("tom", "/api/lots/" + source).json().get("available").decimalValue())
                .as("nothing consumed").isEqualByComparingTo("3");
    }

    /**
     * Auditor 2026-12-06 G6: units destroyed with their lot, or consumed into another, kept reading IN_STOCK, and could
     * be named in a shipment. A serialised lot is consumed whole (serials are not named at consumption yet).
     */
    @Test
    void unitsDisposedOfOrConsumedLeaveTheStockBySerial() {
        String sku = serialisedProduct("G{seq:5}");
        String rejected = createLot(sku, 3).json().get("lotNumber").asText();
        api.rejectAndDispose(rejected, "DESTROYED", "WM-" + rejected);
        JsonNode disposed = serialsOf(rejected);
        assertThat(disposed.get("counts").get("IN_STOCK").asInt()).isZero();
        assertThat(disposed.get("counts").get("DISPOSED").asInt()).isEqualTo(3);

        String source = api.releasedLot(sku, new BigDecimal("4"), "2025-01-10");
        String target = api.createProduct("SNKIT");
        Response part = api.post("mike", "/api/lots", Map.of("sku", target, "quantity", 2, "manufactureDate",
                "2025-01-28", "location", "A1", "sourceLots", List.of(Map.of("lotNumber", source, "quantity", 2))));
        assertThat(part.status()).as(part.toString()).isEqualTo(400);
        assertThat(part.json().get("field").asText()).isEqualTo("sourceLots[0].quantity");
        assertThat(part.json().get("detail").asText()).contains("consumed whole, all its 4 units on hand");
        Response whole = api.post("mike", "/api/lots", Map.of("sku", target, "quantity", 4, "manufactureDate",
                "2025-01-28", "location", "A1", "sourceLots", List.of(Map.of("lotNumber", source, "quantity", 4))));
        assertThat(whole.status()).as(whole.toString()).isEqualTo(201);
        JsonNode consumed = serialsOf(source);
        assertThat(consumed.get("counts").get("IN_STOCK").asInt()).isZero();
        assertThat(consumed.get("counts").get("CONSUMED").asInt()).isEqualTo(4);
        String unit = texts(consumed.get("items")).get(0);
        assertThat(api.get("tom", "/api/serials/" + unit).json().get("status").asText()).isEqualTo("CONSUMED");
    }

    @Test
    void serialsAreRegisteredInBulkAllOrNothing() {
        String sku = serialisedProduct(null);
        String lot = createLot(sku, 3).json().get("lotNumber").asText();
        assertThat(serialsOf(lot).get("items")).isEmpty();
        Response ok = register("mike", lot, List.of("A-1", "A-2"));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
        assertThat(ok.json().get("serialsInLot").asInt()).isEqualTo(2);
        assertThat(ok.json().get("lotUnits").asInt()).isEqualTo(3);

        Response taken = register("mike", lot, List.of("A-3", "A-1"));
        assertThat(taken.status()).as(taken.toString()).isEqualTo(409);
        assertThat(taken.json().get("field").asText()).isEqualTo("serials[1]");
        assertThat(taken.json().get("detail").asText()).contains("A-1").contains(lot);
        Response twice = register("mike", lot, List.of("A-4", "A-4"));
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.json().get("field").asText()).isEqualTo("serials[1]");
        // whatever the case (auditor 2026-12-05 F4): "a-1" is A-1 to anyone reading the label
        Response folded = register("mike", lot, List.of("a-1"));
        assertThat(folded.status()).as(folded.toString()).isEqualTo(409);
        assertThat(folded.json().get("detail").asText()).contains("A-1").contains("typed a-1").contains(lot);
        assertThat(folded.json().get("field").asText()).as("the typed serial named (auditor X1)").isEqualTo("serials[0]");
        Response twiceFolded = register("mike", lot, List.of("A-4", "a-4"));
        assertThat(twiceFolded.status()).isEqualTo(400);
        assertThat(twiceFolded.json().get("field").asText()).isEqualTo("serials[1]");
        Response badText = register("mike", lot, List.of("A 5"));
        assertThat(badText.status()).isEqualTo(400);
        assertThat(badText.json().get("field").asText()).isEqualTo("serials[0]");
        Response tooLong = register("mike", lot, List.of("X".repeat(21)));
        assertThat(tooLong.json().get("field").asText()).isEqualTo("serials[0]");
        Response none = register("mike", lot, List.of());
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().get("field").asText()).isEqualTo("serials");
        Response tooMany = register("mike", lot, List.of("A-6", "A-7"));
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.json().get("detail").asText()).contains("holds 3 units");
        assertThat(register("tom", lot, List.of("A-8")).status()).as("sales does not register").isEqualTo(403);
        assertThat(register("mike", "NO-SUCH-LOT", List.of("A-8")).status()).isEqualTo(404);
        assertThat(texts(serialsOf(lot).get("items"))).as("nothing partly stored").containsExactly("A-1", "A-2");

        // unique per product: the same serial in another lot of the product is refused, in another product taken
        String other = createLot(sku, 2).json().get("lotNumber").asText();
        Response elsewhere = register("mike", other, List.of("A-2"));
        assertThat(elsewhere.status()).isEqualTo(409);
        assertThat(elsewhere.json().get("field").asText()).isEqualTo("serials[0]");
        String sku2 = serialisedProduct(null);
        String lot2 = createLot(sku2, 1).json().get("lotNumber").asText();
        assertThat(register("mike", lot2, List.of("A-1")).status()).isEqualTo(201);

        // a product that is not serialised has no serials
        String plainSku = api.createProduct("PLAIN");
        String plainLot = api.createLot(plainSku, new BigDecimal("10"), "2025-01-10");
        Response plain = register("mike", plainLot, List.of("Z-1"));
        assertThat(plain.status()).isEqualTo(409);
        assertThat(plain.json().get("detail").asText()).contains("not serialised");

        // the lookup: unique across products needs no SKU, the same serial in two products does
        JsonNode a2 = api.get("tom", "/api/serials/A-2").json();
        assertThat(a2.get("lotNumber").asText()).isEqualTo(lot);
        assertThat(a2.get("sku").asText()).isEqualTo(sku);
        assertThat(a2.get("status").asText()).isEqualTo("IN_STOCK");
        assertThat(a2.get("lotStatus").asText()).isEqualTo("PENDING");
        assertThat(a2.has("customer")).isFalse();
        Response ambiguous = api.get("tom", "/api/serials/A-1");
        assertThat(ambiguous.status()).as(ambiguous.toString()).isEqualTo(400);
        assertThat(ambiguous.json().get("field").asText()).isEqualTo("sku");
        assertThat(api.get("tom", "/api/serials/A-1?sku=" + sku2).json().get("lotNumber").asText()).isEqualTo(lot2);
        assertThat(api.get("tom", "/api/serials/NOPE-1").status()).isEqualTo(404);
        // found whatever the case it is typed in, answered as registered (auditor 2026-12-06 X1)
        assertThat(api.get("tom", "/api/serials/a-2").json().get("serial").asText()).isEqualTo("A-2");
        assertThat(api.get("tom", "/api/serials/a-1?sku=" + sku2).json().get("lotNumber").asText()).isEqualTo(lot2);
        assertThat(api.get("tom", "/api/serials/A-1?sku=NO-SUCH").json().get("field").asText()).isEqualTo("sku");
        assertThat(api.get("tom", "/api/serials/A%2A1").json().get("field").asText()).isEqualTo("serial");
    }

    @Test
    void shippingNamesItsSerialsAndTheyCanBeTracedAndRecalled() {
        String sku = serialisedProduct("S{seq:4}");
        String lot = api.releasedLot(sku, new BigDecimal("4"), "2025-01-10");
        List<String> inLot = texts(serialsOf(lot).get("items"));
        String order = order(sku, 2, "St. Mary Hospital");

        Response half = api.post("tom", "/api/orders", Map.of("orderNumber", "SO-SN-HALF-" + sku, "customer",
                "St. Mary Hospital", "sku", sku, "quantity", 1.5));
        assertThat(half.status()).as(half.toString()).isEqualTo(400);
        assertThat(half.json().get("field").asText()).isEqualTo("quantity");

        Response none = ship(order, null);
        assertThat(none.status()).as(none.toString()).isEqualTo(400);
        assertThat(none.json().get("field").asText()).isEqualTo("serials");
        assertThat(none.json().get("detail").asText()).contains(lot + ": 2");
        Response short1 = ship(order, List.of(inLot.get(0)));
        assertThat(short1.status()).isEqualTo(400);
        assertThat(short1.json().get("detail").asText()).contains("ships 2 units but 1");
        Response unknown = ship(order, List.of(inLot.get(0), "S9999"));
        assertThat(unknown.json().get("field").asText()).isEqualTo("serials[1]");
        Response twice = ship(order, List.of(inLot.get(0), inLot.get(0)));
        assertThat(twice.json().get("field").asText()).isEqualTo("serials[1]");
        // a serial of another lot of the product
        String otherLot = createLot(sku, 1).json().get("lotNumber").asText();
        String foreign = texts(serialsOf(otherLot).get("items")).get(0);
        Response notAllocated = ship(order, List.of(inLot.get(0), foreign));
        assertThat(notAllocated.status()).isEqualTo(400);
        assertThat(notAllocated.json().get("field").asText()).isEqualTo("serials[1]");
        assertThat(notAllocated.json().get("detail").asText()).contains(lot);
        assertThat(api.get("tom", "/api/lots/" + lot).json().get("shipped").decimalValue()).as("nothing shipped")
                .isEqualByComparingTo("0");

        // a serial typed in lower case ships the registered unit, recorded as registered (auditor 2026-12-06 X1)
        Response shipped = ship(order, List.of(inLot.get(2).toLowerCase(java.util.Locale.ROOT), inLot.get(0)));
        assertThat(shipped.status()).as(shipped.toString()).isEqualTo(201);
        assertThat(shipped.json().get("shipped").get(0).get("serials")).extracting(JsonNode::asText)
                .containsExactly(inLot.get(2), inLot.get(0));
        assertThat(api.get("tom", "/api/orders/" + order).json().get("shipments").get(0).get("serials"))
                .extracting(JsonNode::asText).containsExactlyInAnyOrder(inLot.get(0), inLot.get(2));
        JsonNode s0 = api.get("tom", "/api/serials/" + inLot.get(0) + "?sku=" + sku).json();
        assertThat(s0.get("status").asText()).isEqualTo("SHIPPED");
        assertThat(s0.get("customer").asText()).isEqualTo("St. Mary Hospital");
        assertThat(s0.get("orderNumber").asText()).isEqualTo(order);
        assertThat(s0.get("shippedAt").asText()).isEqualTo("2025-01-28");
        assertThat(api.get("tom", "/api/serials/" + inLot.get(1) + "?sku=" + sku).json().get("status").asText())
                .isEqualTo("IN_STOCK");
        assertThat(serialsOf(lot).get("counts").get("SHIPPED").asInt()).isEqualTo(2);
        assertThat(texts(api.get("tom", "/api/lots/" + lot + "/serials?status=IN_STOCK").json().get("items")))
                .containsExactly(inLot.get(1), inLot.get(3));

        // a serial already shipped cannot ship again
        String second = order(sku, 2, "County Clinic");
        Response again = ship(second, List.of(inLot.get(0), inLot.get(1)));
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.json().get("field").asText()).isEqualTo("serials[0]");
        assertThat(again.json().get("detail").asText()).contains("St. Mary Hospital");
        assertThat(ship(second, List.of(inLot.get(3), inLot.get(1))).status()).isEqualTo(201);

        // the lot's audit trail has the shipment of its serials
        JsonNode history = api.get("tom", "/api/lots/" + lot + "/history").json();
        List<JsonNode> serialShipments = new ArrayList<>();
        history.forEach(e -> {
            if (e.get("type").asText().equals("SERIALS_SHIPPED")) {
                serialShipments.add(e);
            }
        });
        assertThat(serialShipments).hasSize(2);
        assertThat(serialShipments.get(0).get("detail").get("customer").asText()).isEqualTo("St. Mary Hospital");
        assertThat(serialShipments.get(0).get("user").asText()).isEqualTo("tom");
        assertThat(serialShipments.get(0).get("detail").get("serials")).extracting(JsonNode::asText)
                .containsExactly(inLot.get(2), inLot.get(0));
        assertThat(audit.check("test").intact()).as("serial events are sealed into the chain").isTrue();

        // trace from a serial: its lot's genealogy, the serials per shipment
        Response trace = api.get("tom", "/api/serials/" + inLot.get(1) + "/trace?direction=downstream");
        assertThat(trace.status()).as(trace.toString()).isEqualTo(200);
        assertThat(trace.json().get("serial").get("customer").asText()).isEqualTo("County Clinic");
        assertThat(trace.json().get("trace").get("lotNumber").asText()).isEqualTo(lot);
        Map<String, List<String>> byCustomer = new HashMap<>();
        trace.json().get("trace").get("customers").forEach(c -> byCustomer.put(c.get("customer").asText(),
                texts2(c.get("serials"))));
        assertThat(byCustomer).as("in registration order").containsEntry("St. Mary Hospital",
                List.of(inLot.get(0), inLot.get(2))).containsEntry("County Clinic", List.of(inLot.get(1), inLot.get(3)));
        assertThat(api.get("tom", "/api/serials/" + inLot.get(1) + "/trace?direction=sideways").status()).isEqualTo(400);
        assertThat(api.get("tom", "/api/lots/" + lot + "/trace?direction=downstream").json().get("customers").get(0)
                .has("serials")).isTrue();

        // a recall lists the serials that reached each customer
        Response recall = api.post("rachel", "/api/recalls", Map.of("lots", List.of(lot), "reason",
                "Pump firmware fault", "classification", "CLASS_II"));
        assertThat(recall.status()).as(recall.toString()).isEqualTo(201);
        JsonNode view = api.get("rachel", "/api/recalls/" + recall.json().get("recallNumber").asText()).json();
        Map<String, List<String>> recalled = new HashMap<>();
        view.get("customers").forEach(c -> recalled.put(c.get("customer").asText(), texts2(c.get("serials"))));
        assertThat(recalled).containsEntry("St. Mary Hospital", List.of(inLot.get(0), inLot.get(2)))
                .containsEntry("County Clinic", List.of(inLot.get(1), inLot.get(3)));
        assertThat(api.get("tom", "/api/serials/" + inLot.get(1)).json().get("lotStatus").asText())
                .isEqualTo("RECALLED");
        // the coordinator's notifyCustomer task names the units to retrieve
        api.executeJobs();
        String recallNumber = recall.json().get("recallNumber").asText();
        List<String> deliveries = new ArrayList<>();
        for (JsonNode task : api.get("rachel", "/engine-rest/task?processInstanceBusinessKey=" + recallNumber
                + "&taskDefinitionKey=notifyCustomer").json()) {
            deliveries.add(api.get("rachel", "/engine-rest/task/" + task.get("id").asText()
                    + "/form-variables?variableNames=deliveries").json().get("deliveries").get("value").asText());
        }
        assertThat(deliveries).hasSize(2).anySatisfy(d -> assertThat(d).contains("serials (2): " + inLot.get(0) + ", "
                + inLot.get(2))).anySatisfy(d -> assertThat(d).contains("serials (2): " + inLot.get(1) + ", "
                + inLot.get(3)));

        // the recall's Console page asks for the serials of the goods received back (new user 2026-12-07 L12)
        assertThat(org.lotflow.console.ConsoleSession.login(api.port(), "rachel").get("/console/recalls/" + recallNumber)
                .html()).contains("id=\"receive-serials\"");

        // the units that come back are received by serial, each one the customer received of the lot
        String receive = "/api/recalls/" + recallNumber + "/received-returns";
        Response noSerials = api.post("rachel", receive, Map.of("lotNumber", lot, "customer", "St. Mary Hospital",
                "quantity", 1));
        assertThat(noSerials.status()).as(noSerials.toString()).isEqualTo(400);
        assertThat(noSerials.json().get("field").asText()).isEqualTo("serials");
        Response otherCustomers = api.post("rachel", receive, Map.of("lotNumber", lot, "customer",
                "St. Mary Hospital", "quantity", 1, "serials", List.of(inLot.get(1))));
        assertThat(otherCustomers.status()).as(otherCustomers.toString()).isEqualTo(409);
        assertThat(otherCustomers.json().get("detail").asText()).contains("is not at St. Mary Hospital: it is at"
                + " County Clinic");
        Response twoForOne = api.post("rachel", receive, Map.of("lotNumber", lot, "customer", "St. Mary Hospital",
                "quantity", 1, "serials", List.of(inLot.get(0), inLot.get(2))));
        assertThat(twoForOne.status()).isEqualTo(400);
        Response back = api.post("rachel", receive, Map.of("lotNumber", lot, "customer", "st. mary hospital",
                "quantity", 1, "serials", List.of(inLot.get(2).toLowerCase())));
        assertThat(back.status()).as(back.toString()).isEqualTo(201);
        assertThat(api.get("tom", "/api/serials/" + inLot.get(2)).json().get("status").asText()).isEqualTo("RETURNED");
        // who received it stays answerable: the recall still lists it at its customer
        assertThat(api.get("rachel", "/api/recalls/" + recallNumber).json().get("customers").toString())
                .contains(inLot.get(2));
        assertThat(api.post("rachel", receive, Map.of("lotNumber", lot, "customer", "St. Mary Hospital", "quantity",
                1, "serials", List.of(inLot.get(2)))).status()).as("received once").isEqualTo(409);
        assertThat(history(lot)).contains("SERIALS_RETURNED", "RETURN_RECEIVED");
        // serialised units are counted whole in the customer's answer and its later returns (auditor 2026-12-07 F2)
        for (Map.Entry<String, Object> fraction : Map.<String, Object>of("quantityReturned", 1.5, "quantityDestroyed",
                0.25).entrySet()) {
            Map<String, Object> answer = new java.util.HashMap<>(Map.of("customer", "St. Mary Hospital",
                    "acknowledged", true, "contactMethod", "PHONE", "contactPerson", "Biomed desk", "quantityReturned",
                    0));
            answer.put(fraction.getKey(), fraction.getValue());
            Response refused = api.post("rachel", "/api/recalls/" + recallNumber + "/notifications", answer);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.json().get("field").asText()).isEqualTo(fraction.getKey());
            assertThat(refused.json().get("detail").asText()).contains("is not a whole number");
        }
        // the closing disposes of the unit that came back with the lot's stock
        for (String customer : List.of("St. Mary Hospital", "County Clinic")) {
            assertThat(api.post("rachel", "/api/recalls/" + recallNumber + "/notifications", Map.of("customer",
                    customer, "acknowledged", true, "contactMethod", "PHONE", "contactPerson", "Biomed desk",
                    "quantityReturned", 0)).status()).isEqualTo(200);
        }
        api.executeJobs();
        String returns = "/api/recalls/" + recallNumber + "/returns";
        Response quarter = api.post("rachel", returns, Map.of("customer", "County Clinic", "quantityDestroyed",
                0.001));
        assertThat(quarter.status()).as(quarter.toString()).isEqualTo(400);
        assertThat(quarter.json().get("field").asText()).isEqualTo("quantityDestroyed");
        // two pumps at each clinic were neither returned nor destroyed: the closing says what became of them
        Response closed = api.post("jennifer", "/api/recalls/" + recallNumber + "/close", Map.of("comment",
                "Pumps retrieved", "disposalMethod", "DESTROYED", "justification", "The clinics' last two pumps each"
                        + " were in patients' use; replaced on site", "password", "jennifer"));
        assertThat(closed.status()).as(closed.toString()).isEqualTo(202);
        // signed: the returns it was signed on are the ones its report gives (auditor 2026-12-07)
        Response late = api.post("rachel", returns, Map.of("customer", "County Clinic", "quantityDestroyed", 1));
        assertThat(late.status()).as(late.toString()).isIn(409);
        api.executeJobs();
        assertThat(api.get("tom", "/api/serials/" + inLot.get(2)).json().get("status").asText()).isEqualTo("DISPOSED");
        assertThat(api.get("tom", "/api/serials/" + inLot.get(0)).json().get("status").asText()).isEqualTo("SHIPPED");
    }

    private List<String> history(String lot) {
        List<String> types = new ArrayList<>();
        api.get("tom", "/api/lots/" + lot + "/history").json().forEach(e -> types.add(e.get("type").asText()));
        return types;
    }

    protected static List<String> texts2(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void aReceivedLotGetsItsSerialsToo() {
        String sku = serialisedProduct("R{yyyy}{seq:4}");
        Response r = api.post("mike", "/api/receipts", Map.of("sku", sku, "supplier", "PumpWorks GmbH",
                "supplierLotNumber", "PW-77", "receiptDate", "2025-01-27", "location", "Dock 1",
                "lines", List.of(Map.of("quantity", 2, "expirationDate", "2027-01-01"),
                        Map.of("quantity", 1, "expirationDate", "2027-06-01"))));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        assertThat(texts(serialsOf(r.json().get("lots").get(0).get("lotNumber").asText()).get("items")))
                .containsExactly("R20250001", "R20250002");
        assertThat(texts(serialsOf(r.json().get("lots").get(1).get("lotNumber").asText()).get("items")))
                .containsExactly("R20250003");
        Response half = api.post("mike", "/api/receipts", Map.of("sku", sku, "supplier", "PumpWorks GmbH",
                "supplierLotNumber", "PW-78", "receiptDate", "2025-01-27", "location", "Dock 1",
                "lines", List.of(Map.of("quantity", 2, "expirationDate", "2027-01-01"),
                        Map.of("quantity", 0.5, "expirationDate", "2027-06-01"))));
        assertThat(half.status()).as(half.toString()).isEqualTo(400);
        assertThat(half.json().get("field").asText()).isEqualTo("lines[1].quantity");
        assertThat(serialRows(sku)).as("the whole receipt refused, its first line too").isEqualTo(3);
        // auditor 2026-12-05 A8: lines of 100,000 each would have made millions of serials in one transaction
        Response many = api.post("mike", "/api/receipts", Map.of("sku", sku, "supplier", "PumpWorks GmbH",
                "supplierLotNumber", "PW-79", "receiptDate", "2025-01-27", "location", "Dock 1",
                "lines", List.of(Map.of("quantity", 100000, "expirationDate", "2027-01-01"),
                        Map.of("quantity", 1, "expirationDate", "2027-06-01"))));
        assertThat(many.status()).as(many.toString()).isEqualTo(400);
        assertThat(many.json().get("field").asText()).isEqualTo("lines");
        assertThat(many.json().get("detail").asText()).contains("add up to 100001 units of the serialised product "
                + sku + "; one receipt takes at most 100000");
        assertThat(serialRows(sku)).isEqualTo(3);
    }

    @Test
    void aProductThatIsNotSerialisedShipsAsBeforeAndRefusesSerials() {
        String sku = api.createProduct("PLAINSHIP");
        api.releasedLot(sku, new BigDecimal("10"), "2025-01-10");
        String order = order(sku, 4, "Acme");
        Response withSerials = ship(order, List.of("X-1"));
        assertThat(withSerials.status()).isEqualTo(400);
        assertThat(withSerials.json().get("field").asText()).isEqualTo("serials");
        Response shipped = ship(order, null);
        assertThat(shipped.status()).as(shipped.toString()).isEqualTo(201);
        assertThat(shipped.json().get("shipped").get(0).has("serials")).isFalse();
    }
}
