package org.lotflow.trace.internal.web;

import org.lotflow.trace.Direction;
import org.lotflow.trace.Trace;
import org.lotflow.trace.TraceService;
import org.lotflow.trace.internal.TraceCsv;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/lots/{lotNumber}/trace?direction=downstream|upstream} as JSON, or as CSV with
 * {@code Accept: text/csv} (one row per lot, then one row per shipment; text a spreadsheet would run as
 * a formula starts with an apostrophe, see {@link TraceCsv}).
 */
@RestController
public class TraceController {

    static final String TEXT_CSV = "text/csv";

    private final TraceService traces;

    public TraceController(TraceService traces) {
        this.traces = traces;
    }

    /**
     * The trace as JSON: {@code {lotNumber, direction, lots:[{lotNumber, sku, productName, unit, status, depth,
     * quantity, shipped, consumed, available, allocated, disposed, onHand, location, manufactureDate,
     * quantityPath}], customers:[...], truncated, maxDepth}}; quantities are decimals in each lot's
     * {@code unit} and balance by {@link org.lotflow.lot.LotQuantities} ({@code quantity = available +
     * allocated + shipped + consumed + disposed}, {@code onHand = available + allocated}). 400 for an unknown
     * direction, 403 outside the business groups, 404 for an unknown lot.
     */
    @GetMapping(value = "/api/lots/{lotNumber}/trace", produces = MediaType.APPLICATION_JSON_VALUE)
    public Trace trace(@PathVariable String lotNumber, @RequestParam(required = false) String direction) {
        return traces.trace(lotNumber, Direction.parse(direction));
    }

    /**
     * {@code GET /api/serials/{serial}/trace?sku=&direction=downstream|upstream} (issue #16: trace and recall work
     * from a serial): {@code {serial:{serial, sku, productName, lotNumber, lotStatus, status, registeredAt,
     * registeredBy, customer?, orderNumber?, shippedAt?}, trace:{...}}}, the trace of the serial's lot as
     * {@code /api/lots/{lotNumber}/trace} answers it (its {@code customers} list the {@code serials} shipped with
     * each shipment). {@code sku} optional while the serial is unique across products (else 400 naming
     * {@code sku}). 400 naming {@code serial}, {@code sku} or for an unknown direction, 403 outside the business
     * groups, 404 for no such serial.
     */
    @GetMapping(value = "/api/serials/{serial}/trace", produces = MediaType.APPLICATION_JSON_VALUE)
    public TraceService.SerialTrace serialTrace(@PathVariable String serial, @RequestParam(required = false) String sku,
            @RequestParam(required = false) String direction) {
        return traces.traceOfSerial(serial, sku, Direction.parse(direction));
    }

    /** The trace as CSV ({@link TraceCsv#HEADER}); same refusals as the JSON answer. */
    @GetMapping(value = "/api/lots/{lotNumber}/trace", produces = TEXT_CSV)
    public ResponseEntity<org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody> csv(
            @PathVariable String lotNumber, @RequestParam(required = false) String direction) {
        Trace trace = traces.trace(lotNumber, Direction.parse(direction));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(TEXT_CSV + ";charset=UTF-8"))
                .header("X-Lotflow-Trace-Truncated", Boolean.toString(trace.truncated()))
                .header("Content-Disposition", "attachment; filename=\"trace-" + trace.lotNumber() + "-"
                        + trace.direction() + ".csv\"")
                .body(out -> {
                    java.io.Writer writer = new java.io.BufferedWriter(
                            new java.io.OutputStreamWriter(out, java.nio.charset.StandardCharsets.UTF_8), 1 << 16);
                    TraceCsv.write(trace, writer);
                });
    }
}
