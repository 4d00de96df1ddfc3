package org.lotflow.recall.internal;

import org.lotflow.shared.InvalidInput;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVPrinter;
import org.lotflow.shared.SpreadsheetSafeCsv;

/**
 * The recall's traceability records as CSV, one row per critical tracking event with the FSMA 204
 * key data elements: traceability lot code, product description, quantity and unit of measure,
 * location, date, reference document type and number, and the customer (ship-to) of shipments.
 * Events: CREATION (made without traced inputs), RECEIVING (supplier receipt), TRANSFORMATION
 * (a lot made from inputs), TRANSFORMATION_INPUT (an input lot consumed, with the new lot code)
 * and SHIPPING (the shipment ledger). Text a spreadsheet would run as a formula (a customer named
 * {@code =HYPERLINK(...)}) starts with an apostrophe ({@link SpreadsheetSafeCsv}).
 */
public final class RecallExport {

    public static final List<String> HEADER = List.of("recallNumber", "event", "traceabilityLotCode",
            "productDescription", "sku", "quantity", "unit", "location", "date", "referenceDocumentType",
            "referenceDocumentNumber", "customer", "newTraceabilityLotCode");

    /** What the CSV is made of: the scope's lots, the genealogy edges among them, and their shipments. */
    public record Data(String recallNumber, List<RecallStore.LotRow> lots, List<RecallStore.EdgeRow> edges,
            List<RecallStore.ShipmentRow> shipments) {
    }

    record Row(String event, String lot, String product, String sku, BigDecimal quantity, String unit,
            String location, LocalDate date, String refType, String refNumber, String customer, String newLot) {
    }

    private RecallExport() {
    }

    /** Refuses (400 naming {@code sort}) a sort other than date, lot or customer; before anything is read. */
    public static void checkSort(String sort) {
        order(sort);
    }

    static Comparator<Row> order(String sort) {
        Comparator<Row> byDate = Comparator.comparing(Row::date, Comparator.nullsLast(Comparator.naturalOrder()));
        Comparator<Row> byLot = Comparator.comparing(Row::lot);
        Comparator<Row> byCustomer = Comparator.comparing(Row::customer, Comparator.nullsLast(Comparator.naturalOrder()));
        Comparator<Row> byEvent = Comparator.comparing(Row::event);
        String key = sort == null || sort.isBlank() ? "date" : sort.trim().toLowerCase(Locale.ROOT);
        return switch (key) {
            case "date" -> byDate.thenComparing(byLot).thenComparing(byEvent).thenComparing(byCustomer);
            case "lot" -> byLot.thenComparing(byDate).thenComparing(byEvent).thenComparing(byCustomer);
            case "customer" -> byCustomer.thenComparing(byDate).thenComparing(byLot).thenComparing(byEvent);
            default -> throw new InvalidInput("sort", "'" + sort + "' is not one of date, lot, customer");
        };
    }

    static List<Row> rows(Data data) {
        Map<String, RecallStore.LotRow> byNumber = new HashMap<>();
        data.lots().forEach(l -> byNumber.put(l.lotNumber(), l));
        Map<String, Integer> inputs = new HashMap<>();
        data.edges().forEach(e -> inputs.merge(e.output(), 1, Integer::sum));
        List<Row> rows = new ArrayList<>();
        for (RecallStore.LotRow l : data.lots()) {
            String product = l.productName();
            if ("RECEIPT".equals(l.source())) {
                rows.add(new Row("RECEIVING", l.lotNumber(), product, l.sku(), l.quantity(), l.unit(), l.location(),
                        l.receiptDate() != null ? l.receiptDate() : l.manufactureDate(), "Receipt",
                        l.productionOrder(), null, null));
            } else {
                rows.add(new Row(inputs.containsKey(l.lotNumber()) ? "TRANSFORMATION" : "CREATION", l.lotNumber(),
                        product, l.sku(), l.quantity(), l.unit(), l.location(), l.manufactureDate(),
                        "Production order", l.productionOrder(), null, null));
            }
        }
        for (RecallStore.EdgeRow e : data.edges()) {
            RecallStore.LotRow in = byNumber.get(e.input());
            RecallStore.LotRow out = byNumber.get(e.output());
            rows.add(new Row("TRANSFORMATION_INPUT", e.input(), in.productName(), in.sku(), e.quantity(), in.unit(),
                    out.location(), out.manufactureDate(), "Production order", out.productionOrder(), null,
                    e.output()));
        }
        for (RecallStore.ShipmentRow s : data.shipments()) {
            rows.add(new Row("SHIPPING", s.lotNumber(), s.productName(), s.sku(), s.quantity(), s.unit(),
                    s.location(), s.shippedAt(), "Sales order", s.orderNumber(), s.customer(), null));
        }
        return rows;
    }

    /** The CSV of the recall's records in the order {@code sort} names (date, the default; lot; customer). */
    public static String csv(Data data, String sort) {
        Comparator<Row> order = order(sort);
        List<Row> rows = rows(data);
        rows.sort(order);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = SpreadsheetSafeCsv.printer(out, HEADER.toArray(String[]::new))) {
            for (Row r : rows) {
                SpreadsheetSafeCsv.record(csv, data.recallNumber(), r.event(), r.lot(), r.product(), r.sku(),
                        Quantities.plain(r.quantity()), r.unit(), r.location(), r.date(), r.refType(),
                        r.refNumber(), r.customer(), r.newLot());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }
}
