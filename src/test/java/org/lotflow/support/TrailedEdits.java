package org.lotflow.support;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A state a test sets in the database, with the lot event lotflow would have written for it, so that the audit check
 * (which compares a lot's status and its shipment lines with the trail, audit 29 F2) still finds them agreeing: the
 * tests share one database, and other tests assert that the trail is intact.
 */
public final class TrailedEdits {

    private TrailedEdits() {
    }

    /** Sets the lot's status (and {@code extraSet}, e.g. {@code ", archived_from = 'REJECTED'"}) with its event. */
    public static void status(JdbcTemplate jdbc, String lotNumber, String status, String extraSet) {
        java.util.Map<String, Object> lot = jdbc.queryForMap("SELECT id, status FROM lot WHERE lot_number = ?",
                lotNumber);
        jdbc.update("UPDATE lot SET status = ?" + (extraSet == null ? "" : extraSet) + " WHERE id = ?", status,
                lot.get("id"));
        jdbc.update("INSERT INTO lot_event (lot_id, at, type, user_id, user_name, previous_status, new_status, reason,"
                + " detail) VALUES (?, ?, 'STATUS_CHANGED', 'system', 'system', ?, ?, 'set by a test', NULL)",
                lot.get("id"), at(jdbc), lot.get("status"), status);
        RecordSeals.sealUnsealed(jdbc, lot.get("id"));
    }

    /** The SHIPPED event of a shipment line a test inserted into the ledger itself. */
    public static void shipped(JdbcTemplate jdbc, Object lotId, String orderNumber, String customer,
            BigDecimal quantity, String shippedAt, String carrier) {
        jdbc.update("INSERT INTO lot_event (lot_id, at, type, user_id, user_name, previous_status, new_status, reason,"
                + " detail) VALUES (?, ?, 'SHIPPED', 'tom', 'Tom', NULL, NULL, ?, ?)", lotId,
                at(jdbc), "Shipped to " + customer + " on order " + orderNumber,
                "{\"orderNumber\":" + json(orderNumber) + ",\"customer\":" + json(customer) + ",\"quantity\":"
                        + quantity.toPlainString() + ",\"shippedAt\":" + json(shippedAt)
                        + (carrier == null ? "" : ",\"carrier\":" + json(carrier)) + "}");
        RecordSeals.sealUnsealed(jdbc, lotId);
    }

    /**
     * The time of an event a test writes: just after the trail's latest record, on the clock the test context runs on
     * (the demo day's), never the machine's real time, which would date the trail into the demo day's future (the
     * clock floor then refuses a start: TrailClockFloorTest).
     */
    private static OffsetDateTime at(JdbcTemplate jdbc) {
        OffsetDateTime latest = jdbc.queryForObject("SELECT MAX(at) FROM lot_event", OffsetDateTime.class);
        return latest == null ? OffsetDateTime.now(ZoneOffset.UTC) : latest.plusNanos(1_000);
    }

    private static String json(String s) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(s);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
