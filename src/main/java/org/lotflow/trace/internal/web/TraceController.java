package org.lotflow.trace.internal.web;

import org.lotflow.trace.Direction;
import org.lotflow.trace.Trace;
import org.lotflow.trace.TraceService;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVPrinter;
import org.lotflow.shared.SpreadsheetSafeCsv;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/lots/{lotNumber}/trace?direction=downstream|upstream} as JSON, or as CSV with
 * {@code Accept: text/csv} (one row per lot, then one row per shipment; text a spreadsheet would run as
 * a formula starts with an apostrophe, see {@link SpreadsheetSafeCsv}).
 */
@RestController
@RequestMapping("/api/lots/{lotNumber}/trace")
public class TraceController {

    static final String TEXT_CSV = "text/csv";

    private final TraceService traces;

    public TraceController(TraceService traces) {
        this.traces = traces;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public Trace trace(@PathVariable String lotNumber, @RequestParam(required = false) String direction) {
        return traces.trace(lotNumber, Direction.parse(direction));
    }

    @GetMapping(produces = TEXT_CSV)
    public ResponseEntity<String> csv(@PathVariable String lotNumber, @RequestParam(required = false) String direction)
            throws IOException {
        Trace trace = traces.trace(lotNumber, Direction.parse(direction));
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = SpreadsheetSafeCsv.printer(out, "record", "traceOf", "direction", "lotNumber",
                "sku", "productName", "status", "depth", "quantityPath", "customer", "orderNumber", "quantity", "unit",
                "shippedAt")) {
            java.util.Map<String, String> units = new java.util.HashMap<>();
            for (Trace.TracedLot l : trace.lots()) {
                units.put(l.lotNumber(), l.unit());
                SpreadsheetSafeCsv.record(csv, "LOT", trace.lotNumber(), trace.direction(), l.lotNumber(), l.sku(), l.productName(),
                        l.status(), l.depth(), l.quantityPath().stream()
                                .map(k -> plain(k.quantity()) + " " + k.from() + " -> " + k.to())
                                .collect(Collectors.joining("; ")),
                        "", "", plain(l.quantity()), l.unit(), "");
            }
            for (Trace.CustomerShipment s : trace.customers()) {
                SpreadsheetSafeCsv.record(csv, "SHIPMENT", trace.lotNumber(), trace.direction(), s.lotNumber(), "", "", "", "", "",
                        s.customer(), s.orderNumber(), plain(s.quantity()), units.getOrDefault(s.lotNumber(), ""),
                        s.shippedAt());
            }
            if (trace.truncated()) {
                SpreadsheetSafeCsv.record(csv, "TRUNCATED", trace.lotNumber(), trace.direction(), "", "", "", "",
                        trace.maxDepth(), "genealogy continues beyond lotflow.trace.max-depth", "", "", "", "", "");
            }
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(TEXT_CSV + ";charset=UTF-8"))
                .header("X-Lotflow-Trace-Truncated", Boolean.toString(trace.truncated()))
                .header("Content-Disposition", "attachment; filename=\"trace-" + trace.lotNumber() + "-"
                        + trace.direction() + ".csv\"")
                .body(out.toString());
    }

    static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
