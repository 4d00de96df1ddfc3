package org.lotflow.history.internal.chain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lotflow.history.BusinessRecords;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reconciles the business records lotflow decides and reports from with the trail (audit 29 F2 and its addendum; 21
 * CFR 11.10(a), (e), EU GMP Annex 11 §9, FSMA 204 shipping KDEs). The chain ({@link ChainWalk}) vouches for the
 * events; this walk compares each record with what its events say and names every disagreement:
 * <ul>
 * <li>{@code lot.status} with the new status of the lot's last event that changed it ({@code CREATED},
 * {@code STATUS_CHANGED}; every status change of lotflow writes one, {@code org.lotflow.lot.LotStatusChange}); a lot
 * without any is named too;</li>
 * <li>each {@code shipment} line with its {@code SHIPPED} event ({@code detail.orderNumber, customer, quantity,
 * shippedAt, carrier}, and since audit 29 {@code shipmentId}): paired by {@code shipmentId} where the event has it,
 * else by order and rank within the lot (both are written in one transaction, in the same order); a line without
 * its event, or an event whose line is gone, is named;</li>
 * <li>each {@code lab_result} row with its round's {@code LAB_RESULTS_RECORDED} event ({@code detail.round} (1 when
 * absent), {@code detail.results[] = {test, value, text, unit, min, max, passed}}): numbers compared by value (an
 * event of before V156 wrote them padded); a row without its event's test, or a test whose row is gone, is named.</li>
 * </ul>
 * Every disagreement is counted; the first {@link #SHOWN} (in lot id order) are named with the table, the row's key,
 * the field, what the trail recorded and what the table holds now. Reads in slices of {@link #SLICE} lot ids: per
 * slice one statement on {@code lot_event} (index {@code ix_lot_event_lot}) and one per owner (its index by lot id),
 * all in one REPEATABLE READ read-only transaction, so a lot changed while the check runs is read as of one moment
 * (the status and its event, a shipment line and its event, are committed together). Events not yet sealed (committed
 * after the check sealed) are read as well: the next check seals them.
 *
 * <p>Measured on the demo data (H2, the test context's demo database plus a few test lots, 52 to 60 records checked,
 * 2026-12-08 00:20 UTC on 2 busy cores): 2 to 44 ms per check, logged with each check. At scale it reads each lot's
 * events once, as the chain walk does (issue #11: a million lots are 100 slices of four statements); not measured at
 * that scale.
 */
@Component
public class BusinessRecordsWalk {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(BusinessRecordsWalk.class);

    /** Lot ids per slice. */
    static final int SLICE = 10_000;
    /** Disagreements named in the answer (all are counted). */
    public static final int SHOWN = 100;

    private static final String SHIPPED = "SHIPPED";
    private static final String LAB = "LAB_RESULTS_RECORDED";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final BusinessRecords.LotStatuses lots;
    private final BusinessRecords.Shipments shipments;
    private final BusinessRecords.LabResults labResults;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;

    public BusinessRecordsWalk(BusinessRecords.LotStatuses lots, BusinessRecords.Shipments shipments,
            BusinessRecords.LabResults labResults, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.lots = lots;
        this.shipments = shipments;
        this.labResults = labResults;
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setReadOnly(true);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    private record Event(long id, long lotId, String type, String newStatus, JsonNode detail) {
    }

    /** Compares every lot, shipment line and lab result with the trail. */
    public BusinessRecords.Reconciliation walk() {
        long started = System.nanoTime();
        BusinessRecords.Reconciliation r = snapshot.execute(status -> {
            Tally tally = new Tally();
            Long maxEventLot = jdbc.queryForObject("SELECT MAX(lot_id) FROM lot_event", Long.class);
            long max = Math.max(lots.maxLotId(), maxEventLot == null ? 0 : maxEventLot);
            for (long from = 0; from <= max; from += SLICE) {
                slice(from, from + SLICE, tally);
            }
            return new BusinessRecords.Reconciliation(tally.checked, tally.count, List.copyOf(tally.first));
        });
        log.info("Business records compared with the audit trail: {} checked, {} disagreeing, in {} ms", r.checked(),
                r.disagreeing(), (System.nanoTime() - started) / 1_000_000);
        if (!r.agrees()) {
            log.warn("Business records disagreeing with the audit trail: {}", summary(r));
        }
        return r;
    }

    /**
     * The disagreements in one line for the record of checks ({@code audit_check.problem}, at most 1,000 characters):
     * how many, and the first named.
     */
    public static String summary(BusinessRecords.Reconciliation r) {
        BusinessRecords.Disagreement d = r.first().get(0);
        String s = r.disagreeing() + " business record(s) disagree with the audit trail; the first: " + d.table() + " "
                + d.key() + ", " + d.field() + " recorded " + d.recorded() + ", found " + d.found();
        return s.length() > 1000 ? s.substring(0, 997) + "..." : s;
    }

    private static final class Tally {
        long checked;
        long count;
        final List<BusinessRecords.Disagreement> first = new ArrayList<>();

        void add(String table, String key, String lotNumber, String field, Object recorded, Object found) {
            count++;
            if (first.size() < SHOWN) {
                first.add(new BusinessRecords.Disagreement(table, key, lotNumber, field, text(recorded), text(found)));
            }
        }
    }

    private void slice(long from, long to, Tally tally) {
        Map<Long, List<Event>> events = new HashMap<>();
        jdbc.query("SELECT id, lot_id, type, new_status, detail FROM lot_event WHERE lot_id >= ? AND lot_id < ?"
                + " AND (new_status IS NOT NULL OR type IN ('" + SHIPPED + "', '" + LAB + "')) ORDER BY lot_id, id",
                rs -> {
                    String type = rs.getString(3);
                    events.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>()).add(new Event(rs.getLong(1),
                            rs.getLong(2), type, rs.getString(4),
                            SHIPPED.equals(type) || LAB.equals(type) ? parse(rs.getString(5)) : null));
                }, from, to);
        Map<Long, String> numbers = new HashMap<>();
        for (BusinessRecords.LotStatusRow lot : lots.statuses(from, to)) {
            numbers.put(lot.lotId(), lot.lotNumber());
            tally.checked++;
            String recorded = null;
            for (Event e : events.getOrDefault(lot.lotId(), List.of())) {
                if (e.newStatus() != null) {
                    recorded = e.newStatus();
                }
            }
            if (!Objects.equals(recorded, lot.status())) {
                tally.add("lot", "lot " + lot.lotNumber(), lot.lotNumber(), "status",
                        recorded == null ? "(no status change in the trail)" : recorded, lot.status());
            }
        }
        shipments(events, shipments.lines(from, to), numbers, tally);
        labResults(events, labResults.results(from, to), numbers, tally);
    }

    private static void shipments(Map<Long, List<Event>> events, List<BusinessRecords.ShipmentRow> rows,
            Map<Long, String> numbers, Tally tally) {
        Map<Long, List<BusinessRecords.ShipmentRow>> byLot = new LinkedHashMap<>();
        rows.forEach(r -> byLot.computeIfAbsent(r.lotId(), k -> new ArrayList<>()).add(r));
        java.util.TreeSet<Long> lotIds = new java.util.TreeSet<>(byLot.keySet());
        events.forEach((lot, list) -> {
            if (list.stream().anyMatch(e -> SHIPPED.equals(e.type()))) {
                lotIds.add(lot);
            }
        });
        for (Long lotId : lotIds) {
            String lotNumber = numbers.get(lotId);
            List<BusinessRecords.ShipmentRow> lines = new ArrayList<>(byLot.getOrDefault(lotId, List.of()));
            List<Event> shipped = new ArrayList<>(events.getOrDefault(lotId, List.of()).stream()
                    .filter(e -> SHIPPED.equals(e.type())).toList());
            tally.checked += lines.size();
            // paired by the line's id where the event names it (recorded since audit 29)
            Map<Long, BusinessRecords.ShipmentRow> byId = new LinkedHashMap<>();
            lines.forEach(l -> byId.put(l.id(), l));
            for (java.util.Iterator<Event> it = shipped.iterator(); it.hasNext();) {
                Event e = it.next();
                if (e.detail() != null && e.detail().hasNonNull("shipmentId")) {
                    BusinessRecords.ShipmentRow line = byId.remove(e.detail().get("shipmentId").asLong());
                    it.remove();
                    if (line == null) {
                        missingLine(e, lotNumber, tally);
                    } else {
                        compare(e, line, lotNumber, tally);
                    }
                }
            }
            lines = new ArrayList<>(byId.values());
            // older events: by order and rank within the lot
            Map<String, List<Event>> eventsByOrder = new LinkedHashMap<>();
            shipped.forEach(e -> eventsByOrder.computeIfAbsent(textOf(e.detail(), "orderNumber"),
                    k -> new ArrayList<>()).add(e));
            for (BusinessRecords.ShipmentRow line : lines) {
                List<Event> candidates = eventsByOrder.getOrDefault(line.orderNumber(), new ArrayList<>());
                if (candidates.isEmpty()) {
                    tally.add("shipment", key(line, lotNumber), lotNumber, "SHIPPED event",
                            "(no SHIPPED event of this lot on order " + line.orderNumber() + " in the trail)",
                            line.customer() + ", " + plain(line.quantity()) + " shipped " + line.shippedAt());
                } else {
                    compare(candidates.remove(0), line, lotNumber, tally);
                }
            }
            eventsByOrder.values().forEach(left -> left.forEach(e -> missingLine(e, lotNumber, tally)));
        }
    }

    private static void missingLine(Event e, String lotNumber, Tally tally) {
        JsonNode d = e.detail();
        tally.add("shipment", "lot " + lotNumber + ", order " + textOf(d, "orderNumber") + " (SHIPPED event " + e.id()
                + ")", lotNumber, "row", textOf(d, "customer") + ", " + textOf(d, "quantity") + " shipped "
                + textOf(d, "shippedAt"), "(no shipment line: it was deleted or moved)");
    }

    private static void compare(Event e, BusinessRecords.ShipmentRow line, String lotNumber, Tally tally) {
        JsonNode d = e.detail();
        if (d == null) {
            return; // an event without detail records no line to compare with
        }
        String key = key(line, lotNumber);
        if (d.has("orderNumber") && !Objects.equals(textOf(d, "orderNumber"), line.orderNumber())) {
            tally.add("shipment", key, lotNumber, "order", textOf(d, "orderNumber"), line.orderNumber());
        }
        if (d.has("customer") && !Objects.equals(textOf(d, "customer"), line.customer())) {
            tally.add("shipment", key, lotNumber, "customer", textOf(d, "customer"), line.customer());
        }
        if (d.has("quantity") && !sameNumber(d.get("quantity"), line.quantity())) {
            tally.add("shipment", key, lotNumber, "quantity", d.get("quantity").decimalValue(), line.quantity());
        }
        if (d.has("shippedAt") && !Objects.equals(textOf(d, "shippedAt"), String.valueOf(line.shippedAt()))) {
            tally.add("shipment", key, lotNumber, "shippedAt", textOf(d, "shippedAt"), line.shippedAt());
        }
        // the carrier is left out of the detail when none was given
        if (!Objects.equals(textOf(d, "carrier"), line.carrier())) {
            tally.add("shipment", key, lotNumber, "carrier", textOf(d, "carrier"), line.carrier());
        }
    }

    private static String key(BusinessRecords.ShipmentRow line, String lotNumber) {
        return "shipment " + line.id() + " (lot " + lotNumber + ", order " + line.orderNumber() + ")";
    }

    private static void labResults(Map<Long, List<Event>> events, List<BusinessRecords.LabResultRow> rows,
            Map<Long, String> numbers, Tally tally) {
        Map<Long, List<BusinessRecords.LabResultRow>> byLot = new LinkedHashMap<>();
        rows.forEach(r -> byLot.computeIfAbsent(r.lotId(), k -> new ArrayList<>()).add(r));
        java.util.TreeSet<Long> lotIds = new java.util.TreeSet<>(byLot.keySet());
        events.forEach((lot, list) -> {
            if (list.stream().anyMatch(e -> LAB.equals(e.type()))) {
                lotIds.add(lot);
            }
        });
        for (Long lotId : lotIds) {
            String lotNumber = numbers.get(lotId);
            // round -> test -> the recorded result (the round's last event)
            Map<Integer, Map<String, JsonNode>> recorded = new LinkedHashMap<>();
            for (Event e : events.getOrDefault(lotId, List.of())) {
                if (!LAB.equals(e.type()) || e.detail() == null || !e.detail().has("results")) {
                    continue;
                }
                int round = e.detail().hasNonNull("round") ? e.detail().get("round").asInt() : 1;
                Map<String, JsonNode> tests = new LinkedHashMap<>();
                e.detail().get("results").forEach(t -> tests.put(t.path("test").asText(), t));
                recorded.put(round, tests);
            }
            for (BusinessRecords.LabResultRow row : byLot.getOrDefault(lotId, List.of())) {
                tally.checked++;
                String key = "lab_result " + row.id() + " (lot " + lotNumber + ", round " + row.round() + ", test "
                        + row.test() + ")";
                Map<String, JsonNode> tests = recorded.get(row.round());
                JsonNode t = tests == null ? null : tests.remove(row.test());
                if (t == null) {
                    tally.add("lab_result", key, lotNumber, "LAB_RESULTS_RECORDED event",
                            "(no such test recorded in round " + row.round() + " in the trail)",
                            row.value() != null ? plain(row.value()) : row.text());
                    continue;
                }
                compareNumber(tally, key, lotNumber, "value", t.get("value"), row.value());
                if (!Objects.equals(textOf(t, "text"), row.text())) {
                    tally.add("lab_result", key, lotNumber, "text", textOf(t, "text"), row.text());
                }
                if (t.has("unit") && !Objects.equals(textOf(t, "unit"), row.unit())) {
                    tally.add("lab_result", key, lotNumber, "unit", textOf(t, "unit"), row.unit());
                }
                compareNumber(tally, key, lotNumber, "min", t.get("min"), row.min());
                compareNumber(tally, key, lotNumber, "max", t.get("max"), row.max());
                if (t.has("passed") && t.get("passed").asBoolean() != row.passed()) {
                    tally.add("lab_result", key, lotNumber, "passed", t.get("passed").asBoolean(), row.passed());
                }
            }
            recorded.forEach((round, tests) -> tests.forEach((test, t) -> tally.add("lab_result", "lot " + lotNumber
                    + ", round " + round + ", test " + test, lotNumber, "row", t.hasNonNull("value")
                            ? plain(t.get("value").decimalValue()) : textOf(t, "text"),
                    "(no lab_result row: it was deleted or moved)")));
        }
    }

    private static void compareNumber(Tally tally, String key, String lotNumber, String field, JsonNode recorded,
            BigDecimal found) {
        if (recorded == null) {
            return; // an older event without the field: nothing recorded to compare with
        }
        if (recorded.isNull() ? found != null : !sameNumber(recorded, found)) {
            tally.add("lab_result", key, lotNumber, field, recorded.isNull() ? null : recorded.decimalValue(), found);
        }
    }

    private static boolean sameNumber(JsonNode recorded, BigDecimal found) {
        return recorded != null && recorded.isNumber() && found != null
                && recorded.decimalValue().compareTo(found) == 0;
    }

    private static String textOf(JsonNode node, String field) {
        return node == null || !node.hasNonNull(field) ? null : node.get(field).isNumber()
                ? plain(node.get(field).decimalValue()) : node.get(field).asText();
    }

    private static JsonNode parse(String detail) {
        if (detail == null) {
            return null;
        }
        try {
            return JSON.readTree(detail);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null; // a detail that is no JSON records nothing to compare (the chain walk vouches for its text)
        }
    }

    private static String plain(BigDecimal n) {
        return n == null ? null : n.stripTrailingZeros().toPlainString();
    }

    private static String text(Object o) {
        return o == null ? null : o instanceof BigDecimal b ? plain(b) : o.toString();
    }
}
