package org.lotflow.order;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.lotflow.lot.LotStock;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the shipment ledger: which customers received which lots, on which order, how much and when
 * (the seed's "who got batch X?"; FSMA 204 shipping key data elements). Quarantine impact assessments,
 * recalls and traces read it; only the order module writes it. Lot numbers come from the lot module
 * ({@link LotStock}), not from its table. A customer is named by its one name ({@code PartyReadings#oneNames}): orders
 * written "ACME Foods" and "Acme Foods" are one customer in every trace, recall and export (re-test Y12).
 */
@Service
public class Deliveries {

    private final NamedParameterJdbcTemplate jdbc;
    private final LotStock lots;
    private final org.lotflow.shared.PartyReadings parties;

    public Deliveries(NamedParameterJdbcTemplate jdbc, LotStock lots, org.lotflow.shared.PartyReadings parties) {
        this.jdbc = jdbc;
        this.lots = lots;
        this.parties = parties;
    }

    /** A shipment of the ledger with the id of its lot (for reading the lot's own facts from the lot module). */
    public record Shipped(Long lotId, Delivery delivery) {
    }

    /**
     * Every shipment shipped between {@code from} and {@code to} (both included), by date, lot id and entry
     * (FSMA 204 shipping events of a date range; the index {@code ix_shipment_shipped_at}). Two queries.
     */
    @Transactional(readOnly = true)
    public List<Shipped> between(LocalDate from, LocalDate to) {
        List<Row> rows = jdbc.query("""
                SELECT s.lot_id, s.customer, (SELECT o.order_number FROM sales_order o WHERE o.id = s.order_id),
                       s.quantity, s.shipped_at, s.carrier, s.id, s.created_at
                  FROM shipment s
                 WHERE s.shipped_at BETWEEN :from AND :to
                 ORDER BY s.shipped_at, s.lot_id, s.id
                """, Map.of("from", from, "to", to), Deliveries::row);
        Map<Long, String> lotNumbers = lots.lotNumbers(rows.stream().map(Row::lotId).distinct().toList());
        Map<String, String> customers = parties.oneNames("customer", rows.stream().map(Row::customer).toList());
        return rows.stream().map(r -> new Shipped(r.lotId(), new Delivery(customers.get(r.customer()), r.orderNumber(),
                lotNumbers.get(r.lotId()), r.quantity(), r.shippedAt(), r.carrier(), r.id(), r.recordedAt())))
                .toList();
    }

    /**
     * When each of these orders was placed (order number to instant; unknown numbers left out): a shipment on an order
     * cannot have left before it (EPCIS dates a shipment known by its day only no earlier; re-test 2026-12-06 N6). One
     * query per 1,000 numbers.
     */
    @Transactional(readOnly = true)
    public Map<String, java.time.Instant> placedAt(Collection<String> orderNumbers) {
        Map<String, java.time.Instant> placed = new java.util.HashMap<>();
        List<String> numbers = orderNumbers.stream().filter(java.util.Objects::nonNull).distinct().toList();
        for (int from = 0; from < numbers.size(); from += 1000) {
            jdbc.query("SELECT order_number, created_at FROM sales_order WHERE order_number IN (:numbers)",
                    Map.of("numbers", numbers.subList(from, Math.min(numbers.size(), from + 1000))),
                    (java.sql.ResultSet rs) -> {
                        placed.put(rs.getString(1), rs.getObject(2, java.time.OffsetDateTime.class).toInstant());
                    });
        }
        return placed;
    }

    private record Row(long lotId, String customer, String orderNumber, BigDecimal quantity,
            LocalDate shippedAt, String carrier, Long id, java.time.Instant recordedAt) {
    }

    private static Row row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        java.time.OffsetDateTime at = rs.getObject(8, java.time.OffsetDateTime.class);
        return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                rs.getObject(5, LocalDate.class), rs.getString(6), rs.getLong(7), at == null ? null : at.toInstant());
    }

    /**
     * Every shipment of the given lots (ids), by lot number, customer, date and entry. Two queries, each
     * with the ids as one array parameter: any number of lots (issue #11). The order number is looked up
     * per line by its key, so the database never joins the whole order table for a few thousand lines.
     */
    @Transactional(readOnly = true)
    public List<Delivery> ofLots(Collection<Long> lotIds) {
        if (lotIds.isEmpty()) {
            return List.of();
        }
        List<Row> rows = jdbc.query("""
                SELECT s.lot_id, s.customer, (SELECT o.order_number FROM sales_order o WHERE o.id = s.order_id),
                       s.quantity, s.shipped_at, s.carrier, s.id, s.created_at
                  FROM shipment s
                 WHERE s.lot_id = ANY(:lotIds)
                 ORDER BY LOWER(s.customer), s.customer, s.shipped_at, s.id
                """, Map.of("lotIds", org.lotflow.shared.IdArray.of(lotIds)), Deliveries::row);
        Map<Long, String> lotNumbers = lots.lotNumbers(rows.stream().map(Row::lotId).toList());
        Map<String, String> customers = parties.oneNames("customer", rows.stream().map(Row::customer).toList());
        return rows.stream()
                .sorted(Comparator.comparing((Row r) -> lotNumbers.get(r.lotId()))) // stable: the database's order within a lot
                .map(r -> new Delivery(customers.get(r.customer()), r.orderNumber(), lotNumbers.get(r.lotId()), r.quantity(),
                        r.shippedAt(), r.carrier(), r.id(), r.recordedAt()))
                .toList();
    }
}
