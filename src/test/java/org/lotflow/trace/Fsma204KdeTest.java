package org.lotflow.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.lotflow.trace.Fsma204.Event;

/**
 * Each FSMA 204 critical tracking event's columns against the rule's own list of key data elements, written
 * out here from the rule text (21 CFR 1.1345(a) receiving, 1.1350(a) transformation, 1.1340(a) shipping): a
 * KDE the spreadsheet has no column for, or leaves empty on its event's rows, fails. The API tests
 * ({@code Fsma204ApiTest}, {@code PostgresReceiptsIT}) check the same on real exports with {@link #missing}.
 */
class Fsma204KdeTest {

    /** The rule's KDEs per event, in the rule's words, each with the column lotflow writes it to. */
    static final Map<Event, Map<String, String>> RULE = Map.of(
            // 21 CFR 1.1345(a)(1)-(8)
            Event.RECEIVING, Map.of(
                    "(1) traceability lot code", "traceabilityLotCode",
                    "(2) quantity", "quantity",
                    "(2) unit of measure", "unitOfMeasure",
                    "(3) product description", "productDescription",
                    "(4) location description for the immediate previous source", "immediatePreviousSource",
                    "(5) location description for where the food was received", "locationDescription",
                    "(6) date received", "date",
                    "(7) location description for the traceability lot code source", "traceabilityLotCodeSource",
                    "(8) reference document type", "referenceDocumentType",
                    "(8) reference document number", "referenceDocumentNumber"),
            // 21 CFR 1.1350(a)(1) the food used, (a)(2) the new food
            Event.TRANSFORMATION, Map.ofEntries(
                    Map.entry("(a)(1)(i) traceability lot code of the food used", "inputTraceabilityLotCodes"),
                    Map.entry("(a)(1)(ii) product description of the food used", "inputProductDescriptions"),
                    Map.entry("(a)(1)(iii) quantity and unit of measure of the food used", "inputQuantities"),
                    Map.entry("(a)(2)(i) new traceability lot code", "traceabilityLotCode"),
                    Map.entry("(a)(2)(ii) location description where transformed (traceability lot code source)",
                            "traceabilityLotCodeSource"),
                    Map.entry("(a)(2)(ii) location description where transformed", "locationDescription"),
                    Map.entry("(a)(2)(iii) date transformation was completed", "date"),
                    Map.entry("(a)(2)(iv) product description of the new food", "productDescription"),
                    Map.entry("(a)(2)(v) quantity of the new food", "quantity"),
                    Map.entry("(a)(2)(v) unit of measure of the new food", "unitOfMeasure"),
                    Map.entry("(a)(2)(vi) reference document type", "referenceDocumentType"),
                    Map.entry("(a)(2)(vi) reference document number", "referenceDocumentNumber")),
            // 21 CFR 1.1340(a)(1)-(8)
            Event.SHIPPING, Map.of(
                    "(1) traceability lot code", "traceabilityLotCode",
                    "(2) quantity", "quantity",
                    "(2) unit of measure", "unitOfMeasure",
                    "(3) product description", "productDescription",
                    "(4) location description for the immediate subsequent recipient", "immediateSubsequentRecipient",
                    "(5) location description for the location from which the food was shipped", "locationDescription",
                    "(6) date shipped", "date",
                    "(7) location description for the traceability lot code source", "traceabilityLotCodeSource",
                    "(8) reference document type", "referenceDocumentType",
                    "(8) reference document number", "referenceDocumentNumber"));

    /**
     * The rule's KDEs that a row leaves empty (for a transformation without traced inputs, the inputs' KDEs
     * are not required: 21 CFR 1.1350(a)(1) applies to food on the Food Traceability List used).
     */
    static List<String> missing(CSVRecord row) {
        Event event = Event.valueOf(row.get("event"));
        boolean noInputs = event == Event.TRANSFORMATION && row.get("inputTraceabilityLotCodes").isBlank();
        return RULE.get(event).entrySet().stream()
                .filter(kde -> !(noInputs && kde.getValue().startsWith("input")))
                .filter(kde -> !row.isMapped(kde.getValue()) || row.get(kde.getValue()).isBlank())
                .map(kde -> event + " " + kde.getKey() + " -> " + kde.getValue()).sorted().toList();
    }

    @Test
    void everyKeyDataElementOfEveryEventHasItsColumn() {
        for (Event event : Event.values()) {
            for (Map.Entry<String, String> kde : RULE.get(event).entrySet()) {
                assertThat(Fsma204.HEADER).as(event + ": " + kde.getKey()).contains(kde.getValue());
            }
            assertThat(Fsma204.KDES.get(event).values()).as(event + ": the documented KDE columns")
                    .containsExactlyInAnyOrderElementsOf(RULE.get(event).values().stream().distinct().toList());
        }
    }

    @Test
    void everyRowCarriesEveryKeyDataElementOfItsEvent() throws IOException {
        String plant = "IL Lubricants, Plant 1, 1200 Refinery Road, Baytown, TX";
        List<Fsma204.Record> records = List.of(
                new Fsma204.Record(Event.RECEIVING, "RM-2025-015", "Base oil ISO VG 220", "RM-BASE-OIL",
                        new BigDecimal("5000"), "gal", LocalDate.of(2025, 1, 9), plant, "Tank farm 2", plant,
                        "Gulf Coast Base Oils", "GCB-24-7781", null, List.of(), "Delivery note", "BOL-2025-0117",
                        null),
                new Fsma204.Record(Event.TRANSFORMATION, "IL250P-2025-002", "IL-250, pails", "IL-250-PAIL",
                        new BigDecimal("400"), "pails", LocalDate.of(2025, 1, 20), plant, "Warehouse A", plant, null,
                        null, null, List.of(new Fsma204.Input("RM-2025-015", "Base oil ISO VG 220",
                                new BigDecimal("2000"), "gal")), "Production order", "PO-2025-0089", null),
                new Fsma204.Record(Event.SHIPPING, "IL250P-2025-002", "IL-250, pails", "IL-250-PAIL",
                        new BigDecimal("50"), "pails", LocalDate.of(2025, 1, 28), plant, "Warehouse A", plant, null,
                        null, "Metro Manufacturing", List.of(), "Sales order", "SO-2025-0112", "Regional Transport"));
        StringWriter out = new StringWriter();
        Fsma204.write(records, out, List.of(), List.of());
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(out.toString())).getRecords();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).getParser().getHeaderNames()).containsExactlyElementsOf(Fsma204.HEADER);
        for (CSVRecord row : rows) {
            assertThat(missing(row)).as(row.toString()).isEmpty();
        }
        assertThat(rows.get(1).get("inputQuantities")).isEqualTo("2000 gal");

        // and the check does fail: a receiving row without its supplier misses (4)
        StringWriter noSupplier = new StringWriter();
        Fsma204.Record r = records.get(0);
        Fsma204.write(List.of(new Fsma204.Record(r.event(), r.traceabilityLotCode(), r.productDescription(), r.sku(),
                r.quantity(), r.unitOfMeasure(), r.date(), r.locationDescription(), r.locationWithinPlant(),
                r.traceabilityLotCodeSource(), null, r.supplierLotNumber(), null, List.of(),
                r.referenceDocumentType(), r.referenceDocumentNumber(), null)), noSupplier, List.of(), List.of());
        CSVRecord bad = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(noSupplier.toString())).getRecords().get(0);
        assertThat(missing(bad)).containsExactly(
                "RECEIVING (4) location description for the immediate previous source -> immediatePreviousSource");
    }

    /**
     * A transformation without traced inputs: a lot made here is taken to be made of food off the Food Traceability
     * List (its inputs' KDEs are not asked for, 21 CFR 1.1350(a)(1)); a repacked lot's input is the listed food
     * itself, so its row names the three KDEs of the food used as missing (mass test 27 M1: lots repacked from nothing
     * before lotflow required their sources).
     */
    @Test
    void aRepackingWithoutTracedInputsLacksTheKdesOfTheFoodUsed() {
        String plant = "IL Lubricants, Plant 1";
        Fsma204.Record made = new Fsma204.Record(Event.TRANSFORMATION, "ADR-2025-003", "Drums", "AUD-DR",
                new BigDecimal("5"), "drums", LocalDate.of(2025, 1, 27), plant, "W1", plant, null, null, null,
                List.of(), "Production order", "PO-1", null, "ADR-2025-003", false);
        assertThat(Fsma204.cells(made).get(Fsma204.HEADER.indexOf("missingKdes"))).isNull();
        Fsma204.Record repacked = new Fsma204.Record(Event.TRANSFORMATION, "ADR-2025-003", "Drums", "AUD-DR",
                new BigDecimal("5"), "drums", LocalDate.of(2025, 1, 27), plant, "W1", plant, null, null, null,
                List.of(), null, null, null, "ADR-2025-003", true);
        assertThat(Fsma204.cells(repacked).get(Fsma204.HEADER.indexOf("missingKdes"))).isEqualTo("traceability lot"
                + " code of the food used; product description of the food used; quantity and unit of measure of the"
                + " food used; reference document type; reference document number");
        Fsma204.Record traced = new Fsma204.Record(Event.TRANSFORMATION, "ADR-2025-007", "Drums", "AUD-DR",
                new BigDecimal("4"), "drums", LocalDate.of(2025, 2, 3), plant, "W1", plant, null, null, null,
                List.of(new Fsma204.Input("AKG-2025-007", "Bulk", new BigDecimal("20"), "kg")), "Production order",
                "PO-2", null, "ADR-2025-007", true);
        assertThat(Fsma204.cells(traced).get(Fsma204.HEADER.indexOf("missingKdes"))).isNull();
    }
}
