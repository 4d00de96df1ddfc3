package org.lotflow.recall.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lotflow.trace.Fsma204;
import org.lotflow.trace.Fsma204.Event;
import org.lotflow.trace.Fsma204.Record;

/**
 * The recall's export orders a lot's day as the traceability export does (re-test 2026-12-07 F1): shipped before
 * received back, whatever the sort asked for.
 */
class RecallExportOrderTest {

    private static Record record(Event event, String previous, String recipient, String documentType) {
        return new Record(event, "PMP-1", "Pump", "PMP", BigDecimal.ONE, "pcs", LocalDate.of(2025, 1, 28), "Plant",
                null, "Plant", previous, null, recipient, List.of(), documentType, "DOC", null);
    }

    @Test
    void aReturnComesAfterTheShipmentItReturnsInEverySort() {
        Record made = record(Event.TRANSFORMATION, null, null, null);
        Record shipped = record(Event.SHIPPING, null, "Mercy Hospital", Fsma204.SALES_ORDER);
        Record back = record(Event.RECEIVING, "Mercy Hospital", null, Fsma204.RETURN_NOTE);
        for (String sort : List.of("date", "lot")) {
            List<Record> rows = new ArrayList<>(List.of(back, shipped, made));
            rows.sort(RecallExport.order(sort));
            assertThat(rows).as(sort).containsExactly(made, shipped, back);
        }
        // by customer: a customer's returns beside its shipments (re-test 2026-12-07 N8)
        Record toAcme = record(Event.SHIPPING, null, "Acme", Fsma204.SALES_ORDER);
        List<Record> rows = new ArrayList<>(List.of(back, toAcme, shipped, made));
        rows.sort(RecallExport.order("customer"));
        assertThat(rows).containsExactly(toAcme, shipped, back, made);
    }
}
