package org.lotflow.recall.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.RefusalStatus;

/**
 * The recall's FSMA 204 traceability records on their own: one row per critical tracking event
 * (receiving, creation, transformation and its inputs, shipping), sortable by date, lot or customer.
 */
class RecallExportTest {

    private static RecallStore.LotRow lot(String number, String source, LocalDate made, LocalDate received) {
        return new RecallStore.LotRow(1L, number, "SKU-" + number, "Product " + number, "kg", "RECALLED", 0, true,
                "RELEASED", true, null, new BigDecimal("100.000"), "WH-" + number, made, received, "PO-" + number,
                source);
    }

    private final RecallExport.Data data = new RecallExport.Data("RC-2025-001",
            List.of(lot("RAW", "RECEIPT", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 5)),
                    lot("MIX", "PRODUCTION", LocalDate.of(2025, 2, 1), null),
                    lot("SOLO", "PRODUCTION", LocalDate.of(2025, 1, 20), null)),
            List.of(new RecallStore.EdgeRow("RAW", "MIX", new BigDecimal("40.5"))),
            List.of(new RecallStore.ShipmentRow("=cmd", "SO-1", 2L, "MIX", "SKU-MIX", "Product MIX", "kg", "WH-MIX",
                    new BigDecimal("7"), LocalDate.of(2025, 3, 1), "DHL"),
                    new RecallStore.ShipmentRow("Acme", "SO-2", 2L, "MIX", "SKU-MIX", "Product MIX", "kg", "WH-MIX",
                            new BigDecimal("3"), LocalDate.of(2025, 2, 15), "DHL")));

    private List<CSVRecord> csv(String sort) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(RecallExport.csv(data, sort))).getRecords();
    }

    @Test
    void oneRowPerCriticalTrackingEventByDate() throws IOException {
        List<CSVRecord> rows = csv(null);
        assertThat(rows.get(0).toMap().keySet()).containsExactlyElementsOf(RecallExport.HEADER);
        assertThat(rows).extracting(r -> r.get("event") + " " + r.get("traceabilityLotCode") + " " + r.get("date"))
                .containsExactly("RECEIVING RAW 2025-01-05", "CREATION SOLO 2025-01-20", "TRANSFORMATION MIX 2025-02-01",
                        "TRANSFORMATION_INPUT RAW 2025-02-01", "SHIPPING MIX 2025-02-15", "SHIPPING MIX 2025-03-01");
        CSVRecord input = rows.get(3);
        assertThat(input.get("newTraceabilityLotCode")).isEqualTo("MIX");
        assertThat(input.get("quantity")).isEqualTo("40.5");
        assertThat(input.get("location")).as("where the input was used").isEqualTo("WH-MIX");
        assertThat(input.get("referenceDocumentNumber")).isEqualTo("PO-MIX");
        assertThat(rows.get(0).get("referenceDocumentType")).isEqualTo("Receipt");
        assertThat(rows.get(0).get("quantity")).isEqualTo("100");
        assertThat(rows.get(5).get("customer")).as("a formula is neutralised").isEqualTo("'=cmd");
        assertThat(rows).allMatch(r -> r.get("recallNumber").equals("RC-2025-001"));
    }

    @Test
    void sortedByLotOrCustomer() throws IOException {
        assertThat(csv("lot")).extracting(r -> r.get("traceabilityLotCode"))
                .containsExactly("MIX", "MIX", "MIX", "RAW", "RAW", "SOLO");
        assertThat(csv(" Customer ")).extracting(r -> r.get("customer")).startsWith("'=cmd", "Acme");
    }

    @Test
    void anUnknownSortIs400() {
        InvalidInput refused = catchThrowableOfType(InvalidInput.class, () -> RecallExport.checkSort("price"));
        assertThat(RefusalStatus.of(refused)).isEqualTo(400);
        assertThat(refused.getMessage()).isEqualTo("sort: 'price' is not one of date, lot, customer");
    }
}
