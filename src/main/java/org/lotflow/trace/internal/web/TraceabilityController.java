package org.lotflow.trace.internal.web;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.lotflow.trace.Fsma204;
import org.lotflow.trace.TraceabilityRecords;
import org.lotflow.trace.internal.Fsma204Query;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * {@code /api/traceability} (contract): the FSMA 204 records regulators ask for, for any lot or date range, not
 * only for recalls (21 CFR 1.1455(c)(3)(ii): an electronic sortable spreadsheet within 24 hours of a request),
 * and the GS1 EPCIS 2.0 document of a lot's trace that retailers and pharma partners exchange.
 */
@RestController
@RequestMapping("/api/traceability")
public class TraceabilityController {

    /** EPCIS 2.0's JSON-LD media type. */
    public static final String LD_JSON = "application/ld+json";

    private final TraceabilityRecords records;
    private final org.lotflow.trace.EpcisDocuments epcis;
    private final java.time.Clock clock;
    private final org.lotflow.lot.LotStock lotStock;

    public TraceabilityController(TraceabilityRecords records, org.lotflow.trace.EpcisDocuments epcis,
            java.time.Clock clock, org.lotflow.lot.LotStock lotStock) {
        this.records = records;
        this.epcis = epcis;
        this.clock = clock;
        this.lotStock = lotStock;
    }

    /**
     * The lots received of a supplier lot (the traceability lot code of a received lot, 21 CFR 1.1320(b); trace29
     * F1), by id, or null when {@code supplierLotNumber} is not given. Matched as receipts match it (capitals, spaces
     * and dashes aside), of {@code supplier} when given. 400 naming {@code supplierLotNumber} beside {@code lot} or
     * longer than 64 characters, naming {@code supplier} when longer than 200 or when the code was received from
     * several suppliers and none is named (two suppliers may use one code); 404 when no lot was received of it.
     */
    private List<Long> supplierLot(String lot, String supplierLotNumber, String supplier) {
        String code = supplierLotNumber == null || supplierLotNumber.isBlank() ? null : supplierLotNumber.strip();
        String from = supplier == null || supplier.isBlank() ? null : supplier.strip();
        if (code == null) {
            if (from != null) {
                throw new org.lotflow.shared.InvalidInput("supplier", "is only read with supplierLotNumber (the"
                        + " supplier's lot number, its traceability lot code)");
            }
            return null;
        }
        if (lot != null && !lot.isBlank()) {
            throw new org.lotflow.shared.InvalidInput("supplierLotNumber", "give a lot number or a supplier lot"
                    + " number (with its supplier), not both");
        }
        if (code.length() > 64) {
            throw new org.lotflow.shared.InvalidInput("supplierLotNumber", "must be a supplier lot number of at most"
                    + " 64 characters");
        }
        if (from != null && from.length() > 200) {
            throw new org.lotflow.shared.InvalidInput("supplier", "must be a supplier's name of at most 200 characters");
        }
        List<org.lotflow.lot.LotStock.ReceivedLot> received = lotStock.ofSupplierLot(from, code);
        if (received.isEmpty()) {
            throw new org.lotflow.shared.NotFound("Supplier lot", from == null ? code : code + " of " + from);
        }
        List<String> suppliers = received.stream().map(org.lotflow.lot.LotStock.ReceivedLot::supplier)
                .filter(java.util.Objects::nonNull).map(s -> s.strip()).distinct().sorted().toList();
        if (from == null && suppliers.stream().map(s -> s.toLowerCase(java.util.Locale.ROOT)).distinct().count() > 1) {
            throw new org.lotflow.shared.InvalidInput("supplier", "supplier lot " + code + " was received from "
                    + suppliers.size() + " suppliers (" + String.join("; ", suppliers) + "): name the supplier, as"
                    + " two suppliers may use the same lot code");
        }
        return received.stream().map(org.lotflow.lot.LotStock.ReceivedLot::id).toList();
    }

    private static String fileName(String code) {
        return code.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /**
     * {@code GET /api/traceability/epcis?lot=}: {@code application/ld+json}, a GS1 EPCIS 2.0 {@code EPCISDocument}
     * of the lot's trace, both directions (the same events as {@code /fsma204?lot=}): receipts from suppliers and
     * lots made without inputs as {@code ObjectEvent} ({@code receiving}, {@code commissioning}, action ADD), lots
     * made from others as {@code TransformationEvent} (inputs used, the lot made), shipments as {@code ObjectEvent}
     * ({@code shipping}, action OBSERVE) with source and destination lists; dispositions from the lots' status;
     * class-level identifiers (LGTIN {@code https://id.gs1.org/01/{gtin}/10/{lot}} where the product has a GTIN,
     * {@code {lotflow.epcis.id-base}/lots/{lot}} where it has not); see {@link org.lotflow.trace.EpcisDocuments}.
     * Valid against GS1's EPCIS 2.0 JSON Schema. Header {@code X-Lotflow-Trace-Truncated: true} when the genealogy
     * goes on beyond {@code lotflow.trace.max-depth}. Instead of {@code lot}, {@code supplierLotNumber} (and
     * {@code supplier} when two suppliers used the code): one document of every lot received of that supplier lot,
     * the FSMA 204 traceability lot code (trace29 F1), each event once. Refused with problem+json: 400 naming
     * {@code lot} (none, or longer than 64 characters), {@code supplierLotNumber} or {@code supplier} (see
     * {@link #supplierLot}), 403 outside the business groups, 404 for an unknown lot or supplier lot.
     */
    @GetMapping(value = "/epcis", produces = LD_JSON)
    public ResponseEntity<StreamingResponseBody> epcis(@RequestParam(required = false) String lot,
            @RequestParam(required = false) String supplierLotNumber, @RequestParam(required = false) String supplier) {
        List<Long> ofSupplierLot = supplierLot(lot, supplierLotNumber, supplier);
        String name;
        org.lotflow.trace.EpcisDocuments.Document document;
        if (ofSupplierLot != null) {
            document = epcis.ofLots(ofSupplierLot);
            name = "supplier-lot-" + supplierLotNumber.strip();
        } else {
            org.lotflow.trace.internal.epcis.EpcisQuery query = org.lotflow.trace.internal.epcis.EpcisQuery.of(lot);
            document = epcis.ofLot(query.lot());
            name = query.lot();
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(LD_JSON + ";charset=UTF-8"))
                .header("X-Lotflow-Trace-Truncated", Boolean.toString(document.truncated()))
                .header("Content-Disposition", "inline; filename=\"epcis-" + fileName(name) + ".jsonld\"")
                .body(document::write);
    }

    /**
     * {@code GET /api/traceability/fsma204?lot=&from=&to=}: {@code text/csv}, one row per critical tracking
     * event (RECEIVING, TRANSFORMATION, SHIPPING) with its key data elements, header row {@link Fsma204#HEADER}
     * (see {@link Fsma204} for the KDEs of each event and their columns), by date. {@code lot}: the lot's trace
     * both directions (what it was made from back to the suppliers, what was made from it and who received
     * it); {@code from}/{@code to} (ISO dates, both included): every event of the range (without a lot:
     * {@code from} required, {@code to} today when left out, at most 366 days), or of the lot's trace within
     * it (either end may be left open). Instead of {@code lot}, {@code supplierLotNumber} (and {@code supplier} when
     * two suppliers used the code): the trace of every lot received of that supplier lot, the traceability lot code
     * an FDA request names (21 CFR 1.1320(b), 1.1455(c); trace29 F1), each event once. Header {@code X-Lotflow-Trace-Truncated: true} when the genealogy
     * goes on beyond {@code lotflow.trace.max-depth}. Refused with problem+json: 400 naming {@code lot},
     * {@code from} or {@code to} (none of them given, a range without its first day or longer than 366 days, a
     * date that is not one, {@code to} before {@code from}), {@code supplierLotNumber} or {@code supplier},
     * 403 outside the business groups, 404 for an unknown lot or supplier lot.
     */
    @GetMapping(value = "/fsma204", produces = "text/csv")
    public ResponseEntity<StreamingResponseBody> fsma204(@RequestParam(required = false) String lot,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String supplierLotNumber, @RequestParam(required = false) String supplier) {
        List<Long> ofSupplierLot = supplierLot(lot, supplierLotNumber, supplier);
        // a supplier lot stands for the lot in the query's rules (an end of the range may be left open)
        Fsma204Query query = Fsma204Query.of(ofSupplierLot != null ? supplierLotNumber.strip() : lot, from, to,
                java.time.LocalDate.now(clock));
        TraceabilityRecords.Records found = ofSupplierLot != null
                ? records.ofLots(ofSupplierLot, query.from(), query.to())
                : query.lot() != null ? records.ofLot(query.lot(), query.from(), query.to())
                : records.between(query.fromOrOpen(), query.toOrOpen());
        String name = "fsma204-" + (ofSupplierLot != null ? "supplier-lot-" + fileName(query.lot())
                : query.lot() != null ? fileName(query.lot()) : "events")
                + (query.from() != null ? "-from-" + query.from() : "") + (query.to() != null ? "-to-" + query.to() : "")
                + ".csv";
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header("X-Lotflow-Trace-Truncated", Boolean.toString(found.truncated()))
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .body(out -> Fsma204.write(found.records(),
                        new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16), List.of(),
                        List.of()));
    }
}
