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
import org.lotflow.trace.Fsma204;
import org.lotflow.trace.Fsma204.Event;

/**
 * The recall's FSMA 204 traceability records on their own: one row per critical tracking event (receiving,
 * transformation with its inputs, shipping) after the recall number, sortable by date, lot or customer.
 */
class RecallExportTest {

    private static final String PLANT = "Plant 1, 1 Road, Town";

    private static Fsma204.Record record(Event event, String lot, LocalDate date, String customer,
            List<Fsma204.Input> inputs) {
        return new Fsma204.Record(event, lot, "Product " + lot, "SKU-" + lot, new BigDecimal("100.000"), "kg", date,
                PLANT, "WH-" + lot, PLANT, event == Event.RECEIVING ? "Supplier Inc." : null, null, customer, inputs,
                event == Event.SHIPPING ? "Sales order" : "Production order", "DOC-" + lot, null);
    }

    private final RecallExport.Data data = new RecallExport.Data("RC-2025-001", List.of(
            record(Event.RECEIVING, "RAW", LocalDate.of(2025, 1, 5), null, List.of()),
            record(Event.TRANSFORMATION, "MIX", LocalDate.of(2025, 2, 1), null,
                    List.of(new Fsma204.Input("RAW", "Product RAW", new BigDecimal("40.5"), "kg"),
                            new Fsma204.Input("WATER", "Water", new BigDecimal("2"), "L"))),
            record(Event.TRANSFORMATION, "SOLO", LocalDate.of(2025, 1, 20), null, List.of()),
            record(Event.SHIPPING, "MIX", LocalDate.of(2025, 3, 1), "=cmd", List.of()),
            record(Event.SHIPPING, "MIX", LocalDate.of(2025, 2, 15), "Acme", List.of())));

    private List<CSVRecord> csv(String sort) throws IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(RecallExport.csv(data, sort))).getRecords();
    }

    @Test
    void oneRowPerCriticalTrackingEventByDate() throws IOException {
        List<CSVRecord> rows = csv(null);
        assertThat(rows.get(0).toMap().keySet()).containsExactlyElementsOf(RecallExport.HEADER);
        assertThat(RecallExport.HEADER.subList(1, RecallExport.HEADER.size())).isEqualTo(Fsma204.HEADER);
        assertThat(rows).extracting(r -> r.get("event") + " " + r.get("traceabilityLotCode") + " " + r.get("date"))
                .containsExactly("RECEIVING RAW 2025-01-05", "TRANSFORMATION SOLO 2025-01-20",
                        "TRANSFORMATION MIX 2025-02-01", "SHIPPING MIX 2025-02-15", "SHIPPING MIX 2025-03-01");
        CSVRecord mix = rows.get(2);
        assertThat(mix.get("inputTraceabilityLotCodes")).isEqualTo("RAW; WATER");
        assertThat(mix.get("inputProductDescriptions")).isEqualTo("Product RAW; Water");
        assertThat(mix.get("inputQuantities")).isEqualTo("40.5 kg; 2 L");
        assertThat(rows.get(0).get("immediatePreviousSource")).isEqualTo("Supplier Inc.");
        assertThat(rows.get(0).get("traceabilityLotCodeSource")).isEqualTo(PLANT);
        assertThat(rows.get(0).get("quantity")).isEqualTo("100");
        assertThat(rows.get(4).get("immediateSubsequentRecipient")).as("a formula is neutralised").isEqualTo("'=cmd");
        assertThat(rows).allMatch(r -> r.get("recallNumber").equals("RC-2025-001"));
    }

    @Test
    void sortedByLotOrCustomer() throws IOException {
        assertThat(csv("lot")).extracting(r -> r.get("traceabilityLotCode"))
                .containsExactly("MIX", "MIX", "MIX", "RAW", "SOLO");
        assertThat(csv(" Customer ")).extracting(r -> r.get("immediateSubsequentRecipient"))
                .startsWith("'=cmd", "Acme");
    }

    @Test
    void anUnknownSortIs400() {
        InvalidInput refused = catchThrowableOfType(InvalidInput.class, () -> RecallExport.checkSort("price"));
        assertThat(RefusalStatus.of(refused)).isEqualTo(400);
        assertThat(refused.getMessage()).isEqualTo("sort: 'price' is not one of date, lot, customer");
    }
}
