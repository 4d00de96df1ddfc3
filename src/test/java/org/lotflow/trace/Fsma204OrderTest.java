package org.lotflow.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lotflow.trace.Fsma204.Event;
import org.lotflow.trace.Fsma204.Record;

/**
 * The order of a lot's FSMA 204 records on one day ({@link Fsma204#BY_DATE}): the records carry a date only, so
 * a day's events are ordered as they happen to a lot, received or made, shipped, received back under a recall, sent
 * back to the supplier; not by the event's name, which put a return's RECEIVING before the SHIPPING it returns
 * (re-test 2026-12-06 L1).
 */
class Fsma204OrderTest {

    private static final LocalDate DAY = LocalDate.of(2025, 1, 28);

    private static Record record(Event event, String lot, LocalDate date, String previous, String recipient,
            String documentType) {
        return new Record(event, lot, "Hydraulic oil", "IL-250", BigDecimal.TEN, "drum", date, "Plant", null, "Plant",
                previous, null, recipient, List.of(), documentType, "DOC-1", null);
    }

    @Test
    void aLotsDayReadsInTheOrderItsEventsHappen() {
        Record received = record(Event.RECEIVING, "RM-1", DAY, "Supplier Co", null, "Delivery note");
        Record shippedToAcme = record(Event.SHIPPING, "RM-1", DAY, null, "Acme Foods", Fsma204.SALES_ORDER);
        Record shippedToBayou = record(Event.SHIPPING, "RM-1", DAY, null, "Bayou Hydraulics", Fsma204.SALES_ORDER);
        Record backFromAcme = record(Event.RECEIVING, "RM-1", DAY, "Acme Foods", null, Fsma204.RETURN_NOTE);
        Record backWithoutNote = record(Event.RECEIVING, "RM-1", DAY, "Bayou Hydraulics", null, Fsma204.RECALL);
        Record toSupplier = record(Event.SHIPPING, "RM-1", DAY, null, "Supplier Co", Fsma204.RETURN_NOTE);
        Record made = record(Event.TRANSFORMATION, "IL-1", DAY, null, null, "Production order");
        Record madeYesterday = record(Event.TRANSFORMATION, "IL-0", DAY.minusDays(1), null, null, null);

        List<Record> shuffled = new ArrayList<>(List.of(toSupplier, backFromAcme, shippedToBayou, made, received,
                backWithoutNote, shippedToAcme, madeYesterday));
        shuffled.sort(Fsma204.BY_DATE);

        assertThat(shuffled).containsExactly(madeYesterday, made, received, shippedToAcme, shippedToBayou,
                backFromAcme, backWithoutNote, toSupplier);
    }

    @Test
    void aLotMadeHereIsMadeBeforeItShips() {
        Record shipped = record(Event.SHIPPING, "IL-1", DAY, null, "Acme Foods", Fsma204.SALES_ORDER);
        Record made = record(Event.TRANSFORMATION, "IL-1", DAY, null, null, null);
        List<Record> records = new ArrayList<>(List.of(shipped, made));
        records.sort(Fsma204.BY_DATE);
        assertThat(records).containsExactly(made, shipped);
    }
}
