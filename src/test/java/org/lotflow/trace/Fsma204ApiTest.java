package org.lotflow.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;

/**
 * {@code GET /api/traceability/fsma204} end to end (issue #14; 21 CFR 1.1345, 1.1350, 1.1340, 1.1455): a
 * supplier delivery of two expiration dates, a lot made from one of them, and a shipment of that lot. The lot's
 * trace, both directions, is one row per event with every key data element of its event; a date range gives the
 * range's events; bad queries are 400 naming the parameter. Today is 2025-01-28.
 */
@ApiTest
class Fsma204ApiTest {

    @Autowired
    TestClient api;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    /** The story's SKUs, lots (the received lot, its delivery's other line, the lot made from it), order, supplier lot. */
    record Story(String rmSku, String finSku, String received, String sibling, String made, String order,
            String supplierLot) {
    }

    static Story story(TestClient api) {
        // base oil from a tank farm: a measure, kg, so that 200.5 and 120.25 are quantities it may have (drums are
        // counted whole: audit 28 F2); the finished product stays in drums
        String rmSku = api.createProduct("FRM", "kg");
        String finSku = api.createProduct("FFIN");
        String supplierLot = "SL-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Response receipt = api.post("mike", "/api/receipts", Map.of("sku", rmSku, "supplier",
                "Gulf Coast Base Oils, 400 Channel Dr, Houston, TX 77029", "supplierLotNumber", supplierLot,
                "receiptDate", "2025-01-20", "location", "Tank farm 2", "deliveryReference", "BOL-" + supplierLot,
                "lines", List.of(Map.of("quantity", 300, "expirationDate", "2026-06-30"),
                        Map.of("quantity", 200.5, "expirationDate", "2026-09-30", "manufactureDate", "2025-01-02"))));
        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(201);
        String received = receipt.json().get("lots").get(0).get("lotNumber").asText();
        String sibling = receipt.json().get("lots").get(1).get("lotNumber").asText();
        api.release(received);
        Response made = api.post("mike", "/api/lots", Map.of("sku", finSku, "quantity", 40, "manufactureDate",
                "2025-01-27", "location", "Warehouse A, Zone 5", "productionOrder", "PO-" + supplierLot,
                "sourceLots", List.of(Map.of("lotNumber", received, "quantity", 120.25))));
        assertThat(made.status()).as(made.toString()).isEqualTo(201);
        String madeLot = made.json().get("lotNumber").asText();
        api.release(madeLot);
        String order = "SO-" + supplierLot;
        Response placed = api.post("tom", "/api/orders", Map.of("orderNumber", order, "customer",
                "Metro Manufacturing, 55 Mill St, Dayton, OH", "sku", finSku, "quantity", 15));
        assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
        Response shipped = api.post("tom", "/api/orders/" + order + "/shipments", Map.of("carrier", "Regional Transport"));
        assertThat(shipped.status()).as(shipped.toString()).isEqualTo(201);
        return new Story(rmSku, finSku, received, sibling, madeLot, order, supplierLot);
    }

    private Response export(String user, String query) {
        return api.call(user, user, HttpMethod.GET, "/api/traceability/fsma204?" + query, null, "text/csv");
    }

    static List<CSVRecord> rows(Response r) throws IOException {
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/csv");
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(r.text())).getRecords();
    }

    private static String row(CSVRecord r) {
        return r.get("event") + " " + r.get("lotNumber") + " " + r.get("date");
    }

    @Test
    void aLotsTraceBothDirectionsCarriesEveryKeyDataElement() throws IOException {
        Story s = story(api);
        Response r = export("rachel", "lot=" + s.made());
        List<CSVRecord> rows = rows(r);
        assertThat(r.text()).startsWith(String.join(",", Fsma204.HEADER));
        assertThat(rows).extracting(Fsma204ApiTest::row).containsExactly(
                "RECEIVING " + s.received() + " 2025-01-20",
                "TRANSFORMATION " + s.made() + " 2025-01-27",
                "SHIPPING " + s.made() + " 2025-01-28");
        String plant = "IL Lubricants, Plant 1, 1200 Refinery Road, Baytown, TX 77520, USA";
        for (CSVRecord row : rows) {
            assertThat(Fsma204KdeTest.missing(row)).as(row.toString()).isEmpty();
            assertThat(row.get("missingKdes")).as("a whole row says it lacks nothing").isEmpty();
            assertThat(row.get("locationDescription")).isEqualTo(plant);
        }
        // a received lot keeps the code its supplier assigned (21 CFR 1.1320(b); U15): its lot number, assigned by
        // the supplier; the lot made from it has the plant's lot number, assigned here
        CSVRecord receiving = rows.get(0);
        assertThat(receiving.get("traceabilityLotCode")).isEqualTo(s.supplierLot());
        assertThat(receiving.get("traceabilityLotCodeSource")).isEqualTo("Gulf Coast Base Oils, 400 Channel Dr, Houston, TX 77029");
        assertThat(rows.get(1).get("traceabilityLotCode")).isEqualTo(s.made());
        assertThat(rows.get(1).get("inputTraceabilityLotCodes")).isEqualTo(s.supplierLot());
        assertThat(rows.get(1).get("inputLotNumbers")).isEqualTo(s.received());
        assertThat(rows.get(1).get("traceabilityLotCodeSource")).isEqualTo(plant);
        assertThat(rows.get(2).get("traceabilityLotCode")).isEqualTo(s.made());
        assertThat(rows.get(2).get("traceabilityLotCodeSource")).isEqualTo(plant);
        assertThat(receiving.get("immediatePreviousSource")).isEqualTo("Gulf Coast Base Oils, 400 Channel Dr, Houston, TX 77029");
        assertThat(receiving.get("supplierLotNumber")).isEqualTo(s.supplierLot());
        assertThat(receiving.get("quantity") + " " + receiving.get("unitOfMeasure")).isEqualTo("300 kg");
        assertThat(receiving.get("referenceDocumentNumber")).isEqualTo("BOL-" + s.supplierLot());
        assertThat(receiving.get("locationWithinPlant")).isEqualTo("Tank farm 2");
        CSVRecord transformation = rows.get(1);
        assertThat(transformation.get("inputTraceabilityLotCodes")).isEqualTo(s.supplierLot());
        assertThat(transformation.get("inputQuantities")).isEqualTo("120.25 kg");
        assertThat(transformation.get("inputProductDescriptions")).isEqualTo("Test product " + s.rmSku());
        assertThat(transformation.get("quantity")).isEqualTo("40");
        assertThat(transformation.get("referenceDocumentType") + " " + transformation.get("referenceDocumentNumber"))
                .isEqualTo("Production order PO-" + s.supplierLot());
        CSVRecord shipping = rows.get(2);
        assertThat(shipping.get("immediateSubsequentRecipient")).isEqualTo("Metro Manufacturing, 55 Mill St, Dayton, OH");
        assertThat(shipping.get("quantity")).isEqualTo("15");
        assertThat(shipping.get("referenceDocumentType") + " " + shipping.get("referenceDocumentNumber"))
                .isEqualTo("Sales order " + s.order());
        assertThat(shipping.get("carrier")).isEqualTo("Regional Transport");
        assertThat(shipping.get("locationWithinPlant")).isEqualTo("Warehouse A, Zone 5");

        // from the received lot: the same events downstream; the delivery's other line is not in its trace
        assertThat(rows(export("tom", "lot=" + s.received()))).extracting(Fsma204ApiTest::row)
                .containsExactlyElementsOf(rows.stream().map(Fsma204ApiTest::row).toList());
        assertThat(rows(export("sarah", "lot=" + s.sibling()))).extracting(Fsma204ApiTest::row)
                .containsExactly("RECEIVING " + s.sibling() + " 2025-01-20");
        // the lot's trace within a range
        assertThat(rows(export("mike", "lot=" + s.made() + "&from=2025-01-21&to=2025-01-27")))
                .extracting(Fsma204ApiTest::row).containsExactly("TRANSFORMATION " + s.made() + " 2025-01-27");
    }

    @Test
    void aDateRangeGivesEveryEventOfTheRange() throws IOException {
        Story s = story(api);
        List<CSVRecord> day = rows(export("jennifer", "from=2025-01-20&to=2025-01-20"));
        assertThat(day).extracting(Fsma204ApiTest::row).contains("RECEIVING " + s.received() + " 2025-01-20",
                "RECEIVING " + s.sibling() + " 2025-01-20");
        assertThat(day).allMatch(x -> x.get("date").equals("2025-01-20"));
        List<CSVRecord> shipped = rows(export("jennifer", "from=2025-01-28"));
        assertThat(shipped).extracting(Fsma204ApiTest::row).contains("SHIPPING " + s.made() + " 2025-01-28")
                .doesNotContain("TRANSFORMATION " + s.made() + " 2025-01-27");
        assertThat(shipped.stream().map(x -> x.get("date")).toList()).isSorted();
        for (CSVRecord row : rows(export("jennifer", "from=2025-01-01"))) {
            if (row.get("lotNumber").startsWith(s.rmSku()) || row.get("lotNumber").startsWith(s.finSku())) {
                assertThat(Fsma204KdeTest.missing(row)).as(row.toString()).isEmpty();
            }
        }
    }

    @Test
    void stockReturnedToItsSupplierIsAShipmentToTheSupplier() throws IOException {
        Story s = story(api);
        api.rejectAndDispose(s.sibling(), "RETURNED_TO_SUPPLIER", "RN-" + s.supplierLot());
        List<CSVRecord> rows = rows(export("rachel", "lot=" + s.sibling()));
        assertThat(rows).extracting(Fsma204ApiTest::row).containsExactly("RECEIVING " + s.sibling() + " 2025-01-20",
                "SHIPPING " + s.sibling() + " 2025-01-28");
        CSVRecord back = rows.get(1);
        assertThat(Fsma204KdeTest.missing(back)).as(back.toString()).isEmpty();
        assertThat(back.get("immediateSubsequentRecipient")).isEqualTo("Gulf Coast Base Oils, 400 Channel Dr, Houston, TX 77029");
        assertThat(back.get("quantity") + " " + back.get("unitOfMeasure")).as("all of it, exactly").isEqualTo("200.5 kg");
        assertThat(back.get("referenceDocumentType") + " " + back.get("referenceDocumentNumber"))
                .isEqualTo("Return note RN-" + s.supplierLot());
        assertThat(back.get("supplierLotNumber")).isEqualTo(s.supplierLot());
        assertThat(back.get("traceabilityLotCode")).as("shipped back under the supplier's own code").isEqualTo(s.supplierLot());
        assertThat(back.get("traceabilityLotCodeSource")).isEqualTo("Gulf Coast Base Oils, 400 Channel Dr, Houston, TX 77029");
        // in the day's records too; a lot destroyed is no shipment
        String destroyed = api.createLot(s.finSku(), new java.math.BigDecimal("3"), "2025-01-27");
        api.rejectAndDispose(destroyed, "DESTROYED", "WM-" + s.supplierLot());
        List<CSVRecord> day = rows(export("jennifer", "from=2025-01-28&to=2025-01-28"));
        assertThat(day).extracting(Fsma204ApiTest::row).contains("SHIPPING " + s.sibling() + " 2025-01-28")
                .doesNotContain("SHIPPING " + destroyed + " 2025-01-28");
        assertThat(rows(export("jennifer", "from=2025-01-27&to=2025-01-27"))).extracting(Fsma204ApiTest::row)
                .doesNotContain("SHIPPING " + s.sibling() + " 2025-01-28");
    }

    /** Auditor 2026-12-06 A7: rows without their reference document were exported as if complete. */
    @Test
    void aRowWithoutItsReferenceDocumentSaysSo() throws IOException {
        String rmSku = api.createProduct("FNOREF");
        Response receipt = api.post("mike", "/api/receipts", Map.of("sku", rmSku, "supplier", "Far Future Inc",
                "supplierLotNumber", "FF-" + UUID.randomUUID().toString().substring(0, 6), "receiptDate", "2025-01-20",
                "location", "T1", "lines", List.of(Map.of("quantity", 10, "expirationDate", "2026-06-30"))));
        assertThat(receipt.status()).as(receipt.toString()).isEqualTo(201);
        String received = receipt.json().get("lots").get(0).get("lotNumber").asText();
        api.release(received);
        String made = api.createLot(api.createProduct("FNOPO"), new java.math.BigDecimal("5"), "2025-01-27");
        for (String lot : List.of(received, made)) {
            List<CSVRecord> rows = rows(export("rachel", "lot=" + lot));
            CSVRecord row = rows.stream().filter(r -> r.get("lotNumber").equals(lot)).findFirst().orElseThrow();
            assertThat(row.get("referenceDocumentNumber")).isEmpty();
            assertThat(row.get("missingKdes")).as(row.toString())
                    .isEqualTo("reference document type; reference document number");
        }
    }

    /**
     * Mass test 27 M1: a REPACKAGING lot created from nothing before lotflow required its source lots is a
     * transformation of listed food whose inputs are not traced: its row names the food used's KDEs as missing (21 CFR
     * 1.1350(a)(1)), where a lot made here without traced inputs is not asked for them.
     */
    @Test
    void aRepackedLotWithoutTracedInputsSaysItLacksThem() throws IOException {
        String sku = api.createProduct("FRPK");
        String repacked = api.createLot(sku, new BigDecimal("5"), "2025-01-27");
        // as such a lot is in data: created before the rule, with no source lots
        jdbc.update("UPDATE lot SET source = 'REPACKAGING', production_order = 'PO-RPK' WHERE lot_number = ?", repacked);
        String made = api.createLot(sku, new BigDecimal("5"), "2025-01-27");
        jdbc.update("UPDATE lot SET production_order = 'PO-MADE' WHERE lot_number = ?", made);
        CSVRecord row = rows(export("rachel", "lot=" + repacked)).stream()
                .filter(r -> r.get("lotNumber").equals(repacked)).findFirst().orElseThrow();
        assertThat(row.get("event")).isEqualTo("TRANSFORMATION");
        assertThat(row.get("inputTraceabilityLotCodes")).isEmpty();
        assertThat(row.get("missingKdes")).isEqualTo("traceability lot code of the food used; product description of"
                + " the food used; quantity and unit of measure of the food used");
        CSVRecord madeRow = rows(export("rachel", "lot=" + made)).stream()
                .filter(r -> r.get("lotNumber").equals(made)).findFirst().orElseThrow();
        assertThat(madeRow.get("missingKdes")).as(madeRow.toString()).isEmpty();
    }

    @Test
    void badQueriesAreRefusedNamingTheParameter() {
        for (String[] bad : new String[][] {{"", "lot"}, {"from=2025-13-01", "from"}, {"to=tomorrow", "to"},
                {"from=2025-01-28&to=2025-01-01", "to"}, {"to=2025-01-28", "from"},
                {"from=2023-01-01&to=2025-01-28", "to"}}) {
            Response r = api.call("tom", "tom", HttpMethod.GET, "/api/traceability/fsma204?" + bad[0], null,
                    "text/csv, application/problem+json");
            assertThat(r.status()).as(bad[0] + ": " + r).isEqualTo(400);
            assertThat(r.isProblem()).as(r.toString()).isTrue();
            JsonNode problem = r.json();
            assertThat(problem.get("field").asText()).isEqualTo(bad[1]);
            assertThat(problem.get("detail").asText()).isNotBlank();
        }
        Response unknown = api.call("tom", "tom", HttpMethod.GET, "/api/traceability/fsma204?lot=NO-SUCH-LOT", null,
                "text/csv, application/problem+json");
        assertThat(unknown.status()).isEqualTo(404);
        Response anonymous = api.call(null, null, HttpMethod.GET, "/api/traceability/fsma204?lot=NO-SUCH-LOT", null,
                "text/csv");
        assertThat(anonymous.status()).isEqualTo(401);
    }

    /**
     * One customer written in other capitals on two orders is one party everywhere: the FSMA 204 records, the EPCIS
     * document's destination and the trace name it by the name first recorded (auditor's re-test 2026-12-06 Y12).
     */
    @Test
    void aCustomerWrittenInOtherCapitalsIsOnePartyInEveryExport() throws IOException {
        Story s = story(api);
        // a capital I reads as l in the confusable skeleton: "ILFORD" and "Ilford" are still one customer (re-test F2)
        String customer = "Ilford Gearworks " + s.supplierLot();
        String[] orders = {"SO-Z1-" + s.supplierLot(), "SO-Z2-" + s.supplierLot(), "SO-Z3-" + s.supplierLot()};
        String[] spellings = {customer, customer.toUpperCase(java.util.Locale.ROOT),
                customer.toLowerCase(java.util.Locale.ROOT)};
        for (int i = 0; i < 3; i++) {
            Response placed = api.post("tom", "/api/orders", Map.of("orderNumber", orders[i], "customer", spellings[i],
                    "sku", s.finSku(), "quantity", 5));
            assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
            Response shipped = api.post("tom", "/api/orders/" + orders[i] + "/shipments", Map.of("carrier", "Regional Transport"));
            assertThat(shipped.status()).as(shipped.toString()).isEqualTo(201);
        }
        assertThat(rows(export("rachel", "lot=" + s.made())).stream()
                .filter(r -> r.get("referenceDocumentNumber").startsWith("SO-Z"))
                .map(r -> r.get("immediateSubsequentRecipient")).toList()).containsExactly(customer, customer, customer);

        JsonNode doc = api.call("rachel", "rachel", HttpMethod.GET, "/api/traceability/epcis?lot=" + s.made(), null,
                "application/ld+json").json();
        java.util.Set<String> destinations = new java.util.HashSet<>();
        doc.path("epcisBody").path("eventList").forEach(e -> {
            if (e.path("bizTransactionList").toString().contains("SO-Z")) {
                destinations.add(e.path("destinationList").get(0).get("destination").asText());
            }
        });
        assertThat(destinations).hasSize(1);
        assertThat(destinations.iterator().next()).endsWith(java.net.URLEncoder.encode(customer,
                java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20"));

        JsonNode trace = api.get("rachel", "/api/lots/" + s.made() + "/trace?direction=downstream").json();
        List<String> names = new java.util.ArrayList<>();
        trace.get("customers").forEach(c -> {
            if (c.get("orderNumber").asText().startsWith("SO-Z")) {
                names.add(c.get("customer").asText());
            }
        });
        assertThat(names).containsExactly(customer, customer, customer);

        // a sharp s and its capitals are one customer too (full case folding; re-test N5)
        String strasse = "Stra\u00dfe Chemie " + s.supplierLot();
        assertThat(recipients(s, "ZS", 3, strasse, "STRASSE CHEMIE " + s.supplierLot().toUpperCase(java.util.Locale.ROOT)))
                .containsExactly(strasse, strasse);
        // and the Turkish capital dotted I
        String izmir = "\u0130zmir Ya\u011f " + s.supplierLot();
        assertThat(recipients(s, "ZT", 1, izmir, "IZMIR YA\u011e " + s.supplierLot().toUpperCase(java.util.Locale.ROOT)))
                .containsExactly(izmir, izmir);

        // and one supplier written in other capitals on two receipts is one source in the records (re-test F2)
        String supplier = "Ilex Base Oils " + s.supplierLot();
        for (String[] receipt : new String[][] {{supplier, "A"}, {supplier.toUpperCase(java.util.Locale.ROOT), "B"}}) {
            Response r = api.post("mike", "/api/receipts", Map.of("sku", s.rmSku(), "supplier", receipt[0],
                    "supplierLotNumber", "IX-" + receipt[1] + s.supplierLot(), "receiptDate", "2025-01-21",
                    "location", "Tank farm 2", "deliveryReference", "BOL-IX-" + receipt[1] + s.supplierLot(),
                    "lines", List.of(Map.of("quantity", 10, "expirationDate", "2026-06-30"))));
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
        }
        List<CSVRecord> received = rows(export("rachel", "from=2025-01-21&to=2025-01-21")).stream()
                .filter(r -> r.get("traceabilityLotCode").startsWith("IX-")).toList();
        assertThat(received).hasSize(2).allSatisfy(r -> {
            assertThat(r.get("immediatePreviousSource")).isEqualTo(supplier);
            assertThat(r.get("traceabilityLotCodeSource")).isEqualTo(supplier);
        });
    }

    /**
     * Places and ships one order of {@code quantity} of the story's made lot for each spelling of a customer (order
     * numbers {@code SO-{prefix}{i}-...}), and answers the immediate subsequent recipients the lot's FSMA 204 records
     * name on those orders.
     */
    private List<String> recipients(Story s, String prefix, int quantity, String... spellings) throws IOException {
        for (int i = 0; i < spellings.length; i++) {
            String order = "SO-" + prefix + i + "-" + s.supplierLot();
            Response placed = api.post("tom", "/api/orders", Map.of("orderNumber", order, "customer", spellings[i],
                    "sku", s.finSku(), "quantity", quantity));
            assertThat(placed.status()).as(placed.toString()).isEqualTo(201);
            assertThat(api.post("tom", "/api/orders/" + order + "/shipments", Map.of("carrier", "X")).status())
                    .isEqualTo(201);
        }
        return rows(export("rachel", "lot=" + s.made())).stream()
                .filter(r -> r.get("referenceDocumentNumber").startsWith("SO-" + prefix))
                .map(r -> r.get("immediateSubsequentRecipient")).toList();
    }

    @Test
    void quantitiesAreNeverRounded() throws IOException {
        Story s = story(api);
        List<CSVRecord> rows = rows(export("tom", "lot=" + s.sibling()));
        assertThat(rows.get(0).get("quantity")).isEqualTo("200.5");
        assertThat(new BigDecimal(rows.get(0).get("quantity"))).isEqualByComparingTo("200.500");
    }
}
