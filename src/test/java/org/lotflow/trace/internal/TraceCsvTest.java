package org.lotflow.trace.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.lotflow.trace.Trace;

/** A trace as CSV, on its own: lot rows with their quantity path, shipment rows in the lot's unit, the cut. */
class TraceCsvTest {

    private static Trace.TracedLot lot(String number, int depth, String unit, List<Trace.Link> path) {
        return new Trace.TracedLot((long) depth, number, "SKU", "Product", unit, "RELEASED", depth,
                new BigDecimal("10.500"), BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("10.5"), BigDecimal.ZERO,
                BigDecimal.ZERO, new BigDecimal("10.5"), "WH",
                LocalDate.of(2025, 1, 1), path);
    }

    private static List<CSVRecord> rows(Trace trace) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(TraceCsv.of(trace))).getRecords();
    }

    @Test
    void lotsThenShipmentsThenTheCut() throws IOException {
        Trace trace = new Trace("L-1", "downstream", List.of(lot("L-1", 0, "kg", List.of()),
                lot("L-2", 1, "pcs", List.of(new Trace.Link("L-1", "L-2", new BigDecimal("2.50")),
                        new Trace.Link("L-9", "L-2", BigDecimal.ONE)))),
                List.of(new Trace.CustomerShipment("=HYPERLINK(\"x\")", "L-2", "SO-1", new BigDecimal("3.000"),
                        LocalDate.of(2025, 2, 1), "DHL")), true, 2);
        List<CSVRecord> rows = rows(trace);
        assertThat(rows).extracting(r -> r.get("record")).containsExactly("LOT", "LOT", "SHIPMENT", "TRUNCATED");
        assertThat(rows.get(0).toMap().keySet()).containsExactlyElementsOf(TraceCsv.HEADER);
        assertThat(rows.get(1).get("quantityPath")).isEqualTo("2.5 L-1 -> L-2; 1 L-9 -> L-2");
        assertThat(rows.get(1).get("quantity")).isEqualTo("10.5");
        CSVRecord shipment = rows.get(2);
        assertThat(shipment.get("customer")).as("a formula is neutralised").isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(shipment.get("unit")).as("the unit of the shipped lot").isEqualTo("pcs");
        assertThat(shipment.get("quantity")).isEqualTo("3");
        assertThat(shipment.get("shippedAt")).isEqualTo("2025-02-01");
        assertThat(rows.get(3).get("depth")).isEqualTo("2");
    }

    @Test
    void aWholeTraceHasNoCutRow() throws IOException {
        Trace trace = new Trace("L-1", "upstream", List.of(lot("L-1", 0, "kg", List.of())), List.of(), false, 100);
        assertThat(rows(trace)).extracting(r -> r.get("record")).containsExactly("LOT");
    }
}
