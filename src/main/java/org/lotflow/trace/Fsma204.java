package org.lotflow.trace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVPrinter;
import org.lotflow.shared.SpreadsheetSafeCsv;

/**
 * FSMA 204 traceability records (21 CFR Part 1 Subpart S): one record per critical tracking event lotflow
 * knows, with its key data elements (KDEs), and the electronic sortable spreadsheet of 21 CFR 1.1455(c)(3)(ii)
 * that carries them: one row per event, a header row naming each KDE. Written by
 * {@code GET /api/traceability/fsma204} and {@code GET /api/recalls/{n}/export}.
 *
 * <p>Events and their KDEs ({@link #KDES}, the columns that carry them):
 * <ul>
 * <li>{@code RECEIVING} (21 CFR 1.1345(a)): traceability lot code (the code the supplier assigned, its lot number:
 * a receiver keeps it and may not assign a new one, 21 CFR 1.1320(b); {@link #traceabilityLotCode}), quantity and
 * unit of measure, product description, the immediate previous source (the supplier), the location where received
 * (the plant, {@code lotflow.plant.*}), the date received, the traceability lot code source (where that code was
 * assigned: the supplier, as recorded), reference document type and number (the delivery reference);</li>
 * <li>{@code TRANSFORMATION} (21 CFR 1.1350(a)): for each input its traceability lot code, product description,
 * quantity and unit of measure; the new traceability lot code, the location where transformed (the traceability
 * lot code source), the date transformation was completed (the manufacture date), product description, quantity
 * and unit of measure of the new lot, reference document type and number (the production order). A lot made
 * here without traced inputs is a transformation with no inputs listed: the inputs' KDEs are those of the food on the
 * Food Traceability List used (1.1350(a)(1)), which a product made from ingredients not on the list has none of. A
 * repacked lot ({@link Record#inputsRequired}) is a transformation of the very food it holds (repacking is one, 21 CFR
 * 1.1310 "transformation"): its input is always food on the list, and without traced inputs (a lot created before
 * lotflow required its source lots) its row names their three KDEs as missing;</li>
 * <li>{@code SHIPPING} (21 CFR 1.1340(a)): traceability lot code, quantity and unit of measure, product
 * description, the immediate subsequent recipient (the customer), the location shipped from, the date shipped,
 * the traceability lot code source, reference document type and number (the sales order).</li>
 * </ul>
 * A lot made here has its lotflow lot number as traceability lot code, the plant its source; a received lot keeps its
 * supplier's code in every event (received, used in a transformation, shipped or returned as it is), and only a
 * received lot recorded without the supplier's lot number falls back to the plant's. The column {@code lotNumber}
 * (and {@code inputLotNumbers}) always gives lotflow's own lot number, to find the lot in lotflow (new user
 * 2026-12-06 U15: the export gave the plant's lot number of a received lot as its traceability lot code).
 * Columns that are not a KDE of an event are empty on its rows; the last, {@code missingKdes}, names the KDEs of the
 * row's event that lotflow does not hold for it (a receipt without its delivery reference, say), empty when the row
 * is whole. Quantities are plain decimals ({@code 1250.5});
 * a list of inputs is joined with {@code "; "} in the same order in each input column. Text a spreadsheet would
 * run as a formula starts with an apostrophe ({@link SpreadsheetSafeCsv}).
 */
public final class Fsma204 {

    /** A critical tracking event lotflow records. */
    public enum Event {
        RECEIVING, TRANSFORMATION, SHIPPING
    }

    /** The header row: the KDE columns and a few of lotflow's own ({@code sku}, {@code supplierLotNumber}, ...). */
    public static final List<String> HEADER = List.of("event", "traceabilityLotCode", "lotNumber", "productDescription", "sku",
            "quantity", "unitOfMeasure", "date", "locationDescription", "locationWithinPlant",
            "traceabilityLotCodeSource", "immediatePreviousSource", "supplierLotNumber",
            "immediateSubsequentRecipient", "inputTraceabilityLotCodes", "inputLotNumbers", "inputProductDescriptions",
            "inputQuantities", "referenceDocumentType", "referenceDocumentNumber", "carrier", "missingKdes");

    /** The rule's KDEs per event, each the column that carries it (21 CFR 1.1345(a), 1.1350(a), 1.1340(a)). */
    public static final Map<Event, Map<String, String>> KDES = Map.of(
            Event.RECEIVING, Map.of(
                    "traceability lot code", "traceabilityLotCode",
                    "quantity", "quantity",
                    "unit of measure", "unitOfMeasure",
                    "product description", "productDescription",
                    "location description for the immediate previous source", "immediatePreviousSource",
                    "location description for where the food was received", "locationDescription",
                    "date received", "date",
                    "location description for the traceability lot code source", "traceabilityLotCodeSource",
                    "reference document type", "referenceDocumentType",
                    "reference document number", "referenceDocumentNumber"),
            Event.TRANSFORMATION, Map.ofEntries(
                    Map.entry("traceability lot code of the food used", "inputTraceabilityLotCodes"),
                    Map.entry("product description of the food used", "inputProductDescriptions"),
                    Map.entry("quantity and unit of measure of the food used", "inputQuantities"),
                    Map.entry("new traceability lot code", "traceabilityLotCode"),
                    Map.entry("location description for where the food was transformed", "locationDescription"),
                    Map.entry("traceability lot code source", "traceabilityLotCodeSource"),
                    Map.entry("date transformation was completed", "date"),
                    Map.entry("product description of the new food", "productDescription"),
                    Map.entry("quantity of the new food", "quantity"),
                    Map.entry("unit of measure of the new food", "unitOfMeasure"),
                    Map.entry("reference document type", "referenceDocumentType"),
                    Map.entry("reference document number", "referenceDocumentNumber")),
            Event.SHIPPING, Map.of(
                    "traceability lot code", "traceabilityLotCode",
                    "quantity", "quantity",
                    "unit of measure", "unitOfMeasure",
                    "product description", "productDescription",
                    "location description for the immediate subsequent recipient", "immediateSubsequentRecipient",
                    "location description for the location from which the food was shipped", "locationDescription",
                    "date shipped", "date",
                    "location description for the traceability lot code source", "traceabilityLotCodeSource",
                    "reference document type", "referenceDocumentType",
                    "reference document number", "referenceDocumentNumber"));

    /**
     * One input of a transformation: {@code quantity} {@code unit} of the lot of code {@code traceabilityLotCode},
     * lotflow's lot {@code lotNumber}.
     */
    public record Input(String traceabilityLotCode, String productDescription, BigDecimal quantity, String unit,
            String lotNumber) {

        /** An input whose traceability lot code is its lotflow lot number (a lot made here). */
        public Input(String traceabilityLotCode, String productDescription, BigDecimal quantity, String unit) {
            this(traceabilityLotCode, productDescription, quantity, unit, traceabilityLotCode);
        }
    }

    /**
     * A lot's traceability lot code (21 CFR 1.1320): for a lot received from a supplier, the code the supplier assigned
     * (its lot number), which a receiver keeps and may not replace (1.1320(b)); for a lot made here, or a received lot
     * recorded without its supplier's lot number, lotflow's lot number. A plain rule.
     */
    public static String traceabilityLotCode(boolean received, String supplierLotNumber, String lotNumber) {
        return received && supplierLotNumber != null && !supplierLotNumber.isBlank() ? supplierLotNumber : lotNumber;
    }

    /**
     * Where that code was assigned (its traceability lot code source): the supplier as recorded for a received lot
     * that keeps its supplier's code (null when the supplier is not recorded: the row then says it lacks the KDE), the
     * plant ({@code plant}) otherwise.
     */
    public static String traceabilityLotCodeSource(boolean received, String supplierLotNumber, String supplier,
            String plant) {
        return received && supplierLotNumber != null && !supplierLotNumber.isBlank() ? supplier : plant;
    }

    /**
     * One critical tracking event with its KDEs; fields an event does not have are null. {@code location}: the
     * plant's location description; {@code locationWithinPlant}: the lot's storage location; {@code lotNumber}:
     * lotflow's lot number of the lot ({@code traceabilityLotCode} is its supplier's code when received).
     * {@code inputsRequired}: a TRANSFORMATION whose inputs are food on the Food Traceability List whether traced or
     * not (a repacking, 21 CFR 1.1350(a)(1)): without inputs, {@code missingKdes} names their KDEs; false for a lot
     * made here, whose untraced inputs are taken to be off the list.
     */
    public record Record(Event event, String traceabilityLotCode, String productDescription, String sku,
            BigDecimal quantity, String unitOfMeasure, LocalDate date, String locationDescription,
            String locationWithinPlant, String traceabilityLotCodeSource, String immediatePreviousSource,
            String supplierLotNumber, String immediateSubsequentRecipient, List<Input> inputs,
            String referenceDocumentType, String referenceDocumentNumber, String carrier, String lotNumber,
            boolean inputsRequired) {

        /** A record whose inputs, if any, are the ones traced ({@code inputsRequired} false). */
        public Record(Event event, String traceabilityLotCode, String productDescription, String sku,
                BigDecimal quantity, String unitOfMeasure, LocalDate date, String locationDescription,
                String locationWithinPlant, String traceabilityLotCodeSource, String immediatePreviousSource,
                String supplierLotNumber, String immediateSubsequentRecipient, List<Input> inputs,
                String referenceDocumentType, String referenceDocumentNumber, String carrier, String lotNumber) {
            this(event, traceabilityLotCode, productDescription, sku, quantity, unitOfMeasure, date,
                    locationDescription, locationWithinPlant, traceabilityLotCodeSource, immediatePreviousSource,
                    supplierLotNumber, immediateSubsequentRecipient, inputs, referenceDocumentType,
                    referenceDocumentNumber, carrier, lotNumber, false);
        }

        /** A record of a lot whose traceability lot code is its lotflow lot number. */
        public Record(Event event, String traceabilityLotCode, String productDescription, String sku,
                BigDecimal quantity, String unitOfMeasure, LocalDate date, String locationDescription,
                String locationWithinPlant, String traceabilityLotCodeSource, String immediatePreviousSource,
                String supplierLotNumber, String immediateSubsequentRecipient, List<Input> inputs,
                String referenceDocumentType, String referenceDocumentNumber, String carrier) {
            this(event, traceabilityLotCode, productDescription, sku, quantity, unitOfMeasure, date,
                    locationDescription, locationWithinPlant, traceabilityLotCodeSource, immediatePreviousSource,
                    supplierLotNumber, immediateSubsequentRecipient, inputs, referenceDocumentType,
                    referenceDocumentNumber, carrier, traceabilityLotCode);
        }
    }

    /** Reference document type of a shipment to a customer. */
    public static final String SALES_ORDER = "Sales order";
    /** Reference document type of goods received back (a customer's return under a recall) or sent back to a supplier. */
    public static final String RETURN_NOTE = "Return note";
    /** Reference document type of goods received back under a recall with no return note (the recall's number). */
    public static final String RECALL = "Recall";

    /**
     * Records by date, then lot code, then the order a lot's events happen in on one day: its receiving from the
     * supplier or its transformation, its shipments to customers, goods received back from them under a recall, what
     * went back to the supplier; then recipient. The records carry a date, not a time (the rule's KDE is the date):
     * this order keeps a day's return after the shipment it returns (re-test 2026-12-06 L1: a return's RECEIVING came
     * before the day's SHIPPING, sorted by event kind).
     */
    public static final Comparator<Record> BY_DATE = Comparator
            .comparing(Record::date, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Record::traceabilityLotCode).thenComparingInt(Fsma204::stage)
            .thenComparing(Record::immediateSubsequentRecipient, Comparator.nullsFirst(Comparator.naturalOrder()));

    /** Where a record stands in its lot's day: 0 received or made, 1 shipped, 2 received back, 3 sent back to the supplier. */
    public static int stage(Record r) {
        boolean back = RETURN_NOTE.equals(r.referenceDocumentType()) || RECALL.equals(r.referenceDocumentType());
        return switch (r.event()) {
            case RECEIVING -> back ? 2 : 0;
            case TRANSFORMATION -> 0;
            case SHIPPING -> SALES_ORDER.equals(r.referenceDocumentType()) ? 1 : 3;
        };
    }

    private Fsma204() {
    }

    /** The cells of a record in {@link #HEADER} order (quantities plain, inputs joined). */
    public static List<Object> cells(Record r) {
        List<Input> inputs = r.inputs() == null ? List.of() : r.inputs();
        List<Object> cells = new ArrayList<>(HEADER.size());
        cells.add(r.event().name());
        cells.add(r.traceabilityLotCode());
        cells.add(r.lotNumber());
        cells.add(r.productDescription());
        cells.add(r.sku());
        cells.add(plain(r.quantity()));
        cells.add(r.unitOfMeasure());
        cells.add(r.date());
        cells.add(r.locationDescription());
        cells.add(r.locationWithinPlant());
        cells.add(r.traceabilityLotCodeSource());
        cells.add(r.immediatePreviousSource());
        cells.add(r.supplierLotNumber());
        cells.add(r.immediateSubsequentRecipient());
        cells.add(joined(inputs.stream().map(Input::traceabilityLotCode).toList()));
        cells.add(joined(inputs.stream().map(Input::lotNumber).toList()));
        cells.add(joined(inputs.stream().map(Input::productDescription).toList()));
        cells.add(joined(inputs.stream().map(i -> plain(i.quantity()) + " " + i.unit()).toList()));
        cells.add(r.referenceDocumentType());
        cells.add(r.referenceDocumentNumber());
        cells.add(r.carrier());
        cells.add(missing(r.event(), cells, r.inputsRequired()));
        return cells;
    }

    /**
     * The KDEs of the row's event that its cells leave empty, in the rule's words, joined with {@code "; "}, or null
     * when the row is whole: a receipt without a delivery reference or a lot made without a production order is
     * said to lack its reference document, not exported as if complete (auditor 2026-12-06 A7). The inputs' KDEs of
     * a transformation without traced inputs are not required (21 CFR 1.1350(a)(1) concerns food on the Food
     * Traceability List used), unless {@code inputsRequired}: a repacking's input is the listed food itself, and a
     * repacked lot without traced inputs lacks them (mass test 27 M1: its row was exported as whole but for the
     * reference document).
     */
    static String missing(Event event, List<Object> cells, boolean inputsRequired) {
        boolean noInputs = event == Event.TRANSFORMATION && !inputsRequired && empty(cells.get(INPUT_CODES));
        List<String> missing = new ArrayList<>();
        for (KdeColumn k : KDE_COLUMNS.get(event)) {
            if (!(noInputs && k.input()) && empty(cells.get(k.index()))) {
                missing.addAll(k.kdes());
            }
        }
        return missing.isEmpty() ? null : String.join("; ", missing);
    }

    /** A column of {@link #HEADER} by index, the KDEs of an event it carries (sorted), and whether it is an input's. */
    private record KdeColumn(int index, List<String> kdes, boolean input) {
    }

    private static final int INPUT_CODES = HEADER.indexOf("inputTraceabilityLotCodes");

    /** Per event, its KDE columns in {@link #HEADER} order: worked out once, not for every row of a large export. */
    private static final Map<Event, List<KdeColumn>> KDE_COLUMNS = java.util.Arrays.stream(Event.values())
            .collect(java.util.stream.Collectors.toUnmodifiableMap(e -> e, e -> HEADER.stream()
                    .map(column -> new KdeColumn(HEADER.indexOf(column), KDES.get(e).entrySet().stream()
                            .filter(k -> k.getValue().equals(column)).map(Map.Entry::getKey).sorted().toList(),
                            column.startsWith("input")))
                    .filter(k -> !k.kdes().isEmpty()).toList()));

    private static boolean empty(Object cell) {
        return cell == null || cell.toString().isBlank();
    }

    /**
     * Writes the spreadsheet: {@code leading} header cells (e.g. {@code recallNumber}) and {@link #HEADER}, then
     * one row per record with {@code leadingValues} first, and flushes it. A large trace is written row by row.
     */
    public static void write(List<Record> records, Writer out, List<String> leading, List<Object> leadingValues) {
        List<String> header = new ArrayList<>(leading);
        header.addAll(HEADER);
        try (CSVPrinter csv = SpreadsheetSafeCsv.printer(out, header.toArray(String[]::new))) {
            for (Record r : records) {
                List<Object> row = new ArrayList<>(leadingValues);
                row.addAll(cells(r));
                SpreadsheetSafeCsv.record(csv, row.toArray());
            }
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String joined(List<String> values) {
        return values.isEmpty() ? null : values.stream().map(v -> v == null ? "" : v)
                .collect(Collectors.joining("; "));
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}
