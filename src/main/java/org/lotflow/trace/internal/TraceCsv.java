package org.lotflow.trace.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVPrinter;
import org.lotflow.shared.SpreadsheetSafeCsv;
import org.lotflow.trace.Trace;

/**
 * A trace as CSV (FSMA 204: the records an authority asks for within 24 hours, sortable in a
 * spreadsheet): one {@code LOT} row per traced lot with its quantity path, then one {@code SHIPMENT}
 * row per shipment (in the unit of its lot), then a {@code TRUNCATED} row when the genealogy goes
 * on beyond {@code lotflow.trace.max-depth}. Text a spreadsheet would run as a formula starts with an
 * apostrophe ({@link SpreadsheetSafeCsv}); quantities are plain ({@code 1250.5}).
 */
public final class TraceCsv {

    /** The header row. */
    public static final List<String> HEADER = List.of("record", "traceOf", "direction", "lotNumber", "sku",
            "productName", "status", "depth", "quantityPath", "customer", "orderNumber", "quantity", "unit",
            "shippedAt");

    private TraceCsv() {
    }

    /** The CSV text of the trace, header first. */
    public static String of(Trace trace) {
        StringWriter out = new StringWriter();
        write(trace, out);
        return out.toString();
    }

    /**
     * Writes the CSV of the trace to {@code out} row by row, header first, and flushes it (a hub lot's
     * trace is 100 MB and more of CSV: it is streamed to the client, never held as one text).
     */
    public static void write(Trace trace, java.io.Writer out) {
        try (CSVPrinter csv = SpreadsheetSafeCsv.printer(out, HEADER.toArray(String[]::new))) {
            Map<String, String> units = new HashMap<>();
            for (Trace.TracedLot l : trace.lots()) {
                units.put(l.lotNumber(), l.unit());
                SpreadsheetSafeCsv.record(csv, "LOT", trace.lotNumber(), trace.direction(), l.lotNumber(), l.sku(),
                        l.productName(), l.status(), l.depth(), quantityPath(l), "", "", plain(l.quantity()),
                        l.unit(), "");
            }
            for (Trace.CustomerShipment s : trace.customers()) {
                SpreadsheetSafeCsv.record(csv, "SHIPMENT", trace.lotNumber(), trace.direction(), s.lotNumber(), "",
                        "", "", "", "", s.customer(), s.orderNumber(), plain(s.quantity()),
                        units.getOrDefault(s.lotNumber(), ""), s.shippedAt());
            }
            if (trace.truncated()) {
                SpreadsheetSafeCsv.record(csv, "TRUNCATED", trace.lotNumber(), trace.direction(), "", "", "", "",
                        trace.maxDepth(), "genealogy continues beyond lotflow.trace.max-depth", "", "", "", "", "");
            }
            csv.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The lot's genealogy links, e.g. {@code 2.5 L-1 -> L-2; 1 L-3 -> L-2}. */
    static String quantityPath(Trace.TracedLot lot) {
        return lot.quantityPath().stream().map(k -> plain(k.quantity()) + " " + k.from() + " -> " + k.to())
                .collect(Collectors.joining("; "));
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
