package org.lotflow.history;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lot history's events of some types in a time range, for the seed's reports (issue #13; the reports
 * module reads no {@code lot_event} table itself). One range read of the {@code (type, at)} index (V97). And the
 * disposals and status changes of a set of lots, for the trace's EPCIS documents ({@link #disposals},
 * {@link #statusChanges}).
 */
@Service
public class HistoryReports {

    private final NamedParameterJdbcTemplate jdbc;

    public HistoryReports(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One event: its lot, when, type, and for a status change the statuses before and after. */
    public record Event(long id, Long lotId, Instant at, String type, String userId, String previousStatus,
            String newStatus) {
    }

    /**
     * A disposal of a lot's stock ({@code DISPOSAL_CONFIRMED}, written by the lot module's {@code LotDisposal}): the lot,
     * when it was recorded, {@code method} ({@code DESTROYED} or {@code RETURNED_TO_SUPPLIER}; an old record may say
     * {@code REWORKED}), the optional {@code reference} (waste manifest or return note), the {@code quantity} disposed
     * of in the product's unit, read back exactly, and the {@code recallNumber} when a recall's closing disposed of it.
     */
    public record Disposal(long lotId, Instant at, String method, String reference, java.math.BigDecimal quantity,
            String recallNumber) {
    }

    /**
     * Goods of a recalled lot received back from a customer ({@code RETURN_RECEIVED}, written by the lot module's
     * {@code LotReturns}): the lot, when it was recorded, the day it arrived, the customer, the quantity in the
     * product's unit (read back exactly), the return note (may be null) and the recall's number.
     */
    public record ReturnReceived(long lotId, Instant at, java.time.LocalDate receivedOn, String customer,
            java.math.BigDecimal quantity, String reference, String recallNumber) {
    }

    /**
     * The returned goods received back of these lots, oldest first: for the EPCIS documents of a trace or a recall (a
     * receiving event each). One query with the lots as one array parameter.
     */
    @Transactional(readOnly = true)
    public List<ReturnReceived> returnsReceived(Collection<Long> lotIds) {
        return detailsOf(LotEventTypes.RETURN_RECEIVED, lotIds, HistoryReports::returnReceived);
    }

    private static ReturnReceived returnReceived(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        com.fasterxml.jackson.databind.JsonNode detail = detail(rs.getString("detail"));
        return new ReturnReceived(rs.getLong("lot_id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                java.time.LocalDate.parse(text(detail, "receivedOn")), text(detail, "customer"),
                detail.path("quantity").decimalValue(), text(detail, "reference"), text(detail, "recallNumber"));
    }

    /**
     * The electronic signatures on events of these types of these lots, as the history recorded them at the signing
     * ({@link RecordedSignature}: printed name, time, meaning), oldest first: for a report of signed decisions (the
     * FEFO compliance report's overrides). One query with the lots as one array parameter.
     */
    @Transactional(readOnly = true)
    public List<RecordedSignature> signatures(Collection<Long> lotIds, Collection<String> types) {
        if (lotIds.isEmpty() || types.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                SELECT lot_id, at, type, user_id, user_name, reason, detail
                  FROM lot_event
                 WHERE type IN (:types) AND lot_id = ANY(:ids)
                 ORDER BY at, id""", new MapSqlParameterSource("types", types)
                .addValue("ids", org.lotflow.shared.IdArray.of(lotIds)), (rs, row) -> RecordedSignature.of(
                        new LotHistory.Entry(rs.getObject("at", OffsetDateTime.class).toInstant(), rs.getString("type"),
                                rs.getString("user_id"), rs.getString("user_name"), null, null, rs.getString("reason"),
                                LotHistory.readDetail(rs.getString("detail"))), rs.getLong("lot_id")))
                .stream().filter(java.util.Objects::nonNull).toList();
    }

    /** Quantities read back exactly (120.250 stays a BigDecimal, never a double). */
    private static final com.fasterxml.jackson.databind.ObjectMapper DETAIL = new com.fasterxml.jackson.databind.ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /**
     * The disposals of these lots, oldest first (by time, then record): for the EPCIS documents of a trace or a recall
     * (a destroying or returning event per disposal). One query with the lots as one array parameter, whatever their
     * number (issue #11 target 4).
     */
    @Transactional(readOnly = true)
    public List<Disposal> disposals(Collection<Long> lotIds) {
        return detailsOf(LotEventTypes.DISPOSAL_CONFIRMED, lotIds, HistoryReports::disposal);
    }

    /**
     * The returned goods received back that arrived between {@code from} and {@code to} (both included, their
     * {@code receivedOn}), oldest first: for the FSMA 204 records of a date range. A receipt is recorded on or after
     * the day it arrived, so one range read of the {@code (type, at)} index from {@code from}'s start ({@code zone}).
     */
    @Transactional(readOnly = true)
    public List<ReturnReceived> returnsReceivedBetween(java.time.LocalDate from, java.time.LocalDate to,
            java.time.ZoneId zone) {
        return jdbc.query("""
                SELECT lot_id, at, detail
                  FROM lot_event
                 WHERE type = :type AND at >= :from
                 ORDER BY at, id""", new MapSqlParameterSource("type", LotEventTypes.RETURN_RECEIVED)
                .addValue("from", from.atStartOfDay(zone).toOffsetDateTime()), HistoryReports::returnReceived)
                .stream().filter(r -> !r.receivedOn().isBefore(from) && !r.receivedOn().isAfter(to)).toList();
    }

    /** The records of {@code type} of these lots (lot, time, detail), oldest first, each read by {@code row}. */
    private <T> List<T> detailsOf(String type, Collection<Long> lotIds,
            org.springframework.jdbc.core.RowMapper<T> row) {
        if (lotIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                SELECT lot_id, at, detail
                  FROM lot_event
                 WHERE type = :type AND lot_id = ANY(:ids)
                 ORDER BY at, id""", new MapSqlParameterSource("type", type)
                .addValue("ids", org.lotflow.shared.IdArray.of(lotIds)), row);
    }

    /**
     * The status changes ({@code STATUS_CHANGED}: hold, release, rejection, recall, expiry, depletion, archiving) of
     * these lots, oldest first (by time, then record), each with its record's id (never reused: the history is
     * append-only), when, and the statuses before and after: for the EPCIS documents of a trace or a recall (an event
     * per change, its eventID from the record's id). One query with the lots as one array parameter, read by the
     * {@code (lot_id, id)} index.
     */
    @Transactional(readOnly = true)
    public List<Event> statusChanges(Collection<Long> lotIds) {
        if (lotIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                SELECT id, lot_id, at, type, user_id, previous_status, new_status
                  FROM lot_event
                 WHERE type = :type AND lot_id = ANY(:ids)
                 ORDER BY at, id""", new MapSqlParameterSource("type", LotEventTypes.STATUS_CHANGED)
                .addValue("ids", org.lotflow.shared.IdArray.of(lotIds)), HistoryReports::event);
    }

    /**
     * The disposals recorded at or after {@code from} and before {@code to}, oldest first: for the FSMA 204 records of
     * a date range (a return to the supplier is a shipment). One range read of the {@code (type, at)} index (V97).
     */
    @Transactional(readOnly = true)
    public List<Disposal> disposalsBetween(Instant from, Instant to) {
        return jdbc.query("""
                SELECT lot_id, at, detail
                  FROM lot_event
                 WHERE type = :type AND at >= :from AND at < :to
                 ORDER BY at, id""", new MapSqlParameterSource("type", LotEventTypes.DISPOSAL_CONFIRMED)
                .addValue("from", from.atOffset(ZoneOffset.UTC)).addValue("to", to.atOffset(ZoneOffset.UTC)),
                HistoryReports::disposal);
    }

    private static Disposal disposal(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        com.fasterxml.jackson.databind.JsonNode detail = detail(rs.getString("detail"));
        com.fasterxml.jackson.databind.JsonNode quantity = detail.path("quantity");
        return new Disposal(rs.getLong("lot_id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                text(detail, "method"), text(detail, "reference"),
                quantity.isNumber() ? quantity.decimalValue() : new java.math.BigDecimal(quantity.asText("0")),
                text(detail, "recallNumber"));
    }

    private static com.fasterxml.jackson.databind.JsonNode detail(String json) {
        try {
            return json == null ? DETAIL.createObjectNode() : DETAIL.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a lot event's detail is not JSON", e);
        }
    }

    private static String text(com.fasterxml.jackson.databind.JsonNode detail, String field) {
        com.fasterxml.jackson.databind.JsonNode v = detail.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** The events of these types at or after {@code from} and before {@code to} (null: no end), oldest first. */
    @Transactional(readOnly = true)
    public List<Event> events(Collection<String> types, Instant from, Instant to) {
        return jdbc.query("""
                SELECT id, lot_id, at, type, user_id, previous_status, new_status
                  FROM lot_event
                 WHERE type IN (:types) AND at >= :from
                   AND (CAST(:to AS TIMESTAMP WITH TIME ZONE) IS NULL OR at < :to)
                 ORDER BY at, id""", new MapSqlParameterSource("types", types)
                .addValue("from", from.atOffset(ZoneOffset.UTC))
                .addValue("to", to == null ? null : to.atOffset(ZoneOffset.UTC)),
                HistoryReports::event);
    }

    private static Event event(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Event(rs.getLong("id"), rs.getLong("lot_id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getString("type"), rs.getString("user_id"), rs.getString("previous_status"),
                rs.getString("new_status"));
    }
}
