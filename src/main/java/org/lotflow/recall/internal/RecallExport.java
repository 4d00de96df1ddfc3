package org.lotflow.recall.internal;

import org.lotflow.shared.InvalidInput;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.lotflow.shared.SpreadsheetSafeCsv;
import org.lotflow.trace.Fsma204;

/**
 * The recall's traceability records as CSV (FSMA 204, 21 CFR 1.1455(c)(3)(ii), the sortable spreadsheet): one
 * row per critical tracking event of the recall's scope, with its key data elements ({@link Fsma204}: every
 * column but the leading {@code recallNumber}): the RECEIVING of each received lot (supplier = immediate
 * previous source, the plant = traceability lot code source), the TRANSFORMATION of each lot made here (every
 * input with its quantity, the new lot), and the SHIPPING of each shipment recorded when the recall opened
 * (customer = immediate subsequent recipient, sales order). Text a spreadsheet would run as a formula (a
 * customer named {@code =HYPERLINK(...)}) starts with an apostrophe ({@link SpreadsheetSafeCsv}).
 */
public final class RecallExport {

    /** The header row: {@code recallNumber}, then {@link Fsma204#HEADER}. */
    public static final List<String> HEADER;

    static {
        List<String> header = new ArrayList<>();
        header.add("recallNumber");
        header.addAll(Fsma204.HEADER);
        HEADER = List.copyOf(header);
    }

    /** What the CSV is made of: the recall's number and the records of its scope. */
    public record Data(String recallNumber, List<Fsma204.Record> records) {
    }

    private RecallExport() {
    }

    /** Refuses (400 naming {@code sort}) a sort other than date, lot or customer; before anything is read. */
    public static void checkSort(String sort) {
        order(sort);
    }

    static Comparator<Fsma204.Record> order(String sort) {
        Comparator<Fsma204.Record> byDate = Comparator.comparing(Fsma204.Record::date,
                Comparator.nullsLast(Comparator.naturalOrder()));
        Comparator<Fsma204.Record> byLot = Comparator.comparing(Fsma204.Record::traceabilityLotCode);
        // the row's party: who received a shipment, who sent goods back (a customer's returns beside its shipments;
        // re-test 2026-12-07 N8)
        Comparator<Fsma204.Record> byCustomer = Comparator.comparing((Fsma204.Record r) ->
                r.event() == Fsma204.Event.SHIPPING ? r.immediateSubsequentRecipient()
                        : r.event() == Fsma204.Event.RECEIVING ? r.immediatePreviousSource() : null,
                Comparator.nullsLast(Comparator.naturalOrder()));
        // a lot's day in the order its events happen (received or made, shipped, received back, sent back), as the
        // traceability export orders it (re-test 2026-12-07 F1: returns came before the shipment they return)
        Comparator<Fsma204.Record> byEvent = Comparator.comparingInt(Fsma204::stage);
        String key = sort == null || sort.isBlank() ? "date" : sort.trim().toLowerCase(Locale.ROOT);
        return switch (key) {
            case "date" -> byDate.thenComparing(byLot).thenComparing(byEvent).thenComparing(byCustomer);
            case "lot" -> byLot.thenComparing(byDate).thenComparing(byEvent).thenComparing(byCustomer);
            case "customer" -> byCustomer.thenComparing(byDate).thenComparing(byLot).thenComparing(byEvent);
            default -> throw new InvalidInput("sort", "'" + sort + "' is not one of date, lot, customer");
        };
    }

    /** The CSV of the recall's records in the order {@code sort} names (date, the default; lot; customer). */
    public static String csv(Data data, String sort) {
        List<Fsma204.Record> rows = new ArrayList<>(data.records());
        rows.sort(order(sort));
        StringWriter out = new StringWriter();
        Fsma204.write(rows, out, List.of("recallNumber"), List.of(data.recallNumber()));
        return out.toString();
    }
}
