package org.lotflow.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.lotflow.shared.IdArray;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order module's facts for the seed's daily review and management reports (issue #13; the reports module
 * reads no {@code allocation}, {@code sales_order} or {@code shipment} table itself). Read-only; quantities
 * in the product's unit. The time ranges are read through V97's indexes.
 */
@Service
public class OrderReports {

    private final NamedParameterJdbcTemplate jdbc;

    public OrderReports(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One allocation made in the range: its order (number, product, customer, the order's minimum remaining
     * shelf life in months, null when it asked for none), the lot, quantity, whether FEFO chose the lot
     * (false: an approved override), when.
     */
    public record AllocationRow(long id, String orderNumber, Long productId, String customer,
            Integer minShelfLifeMonths, Long lotId, BigDecimal quantity, boolean fefo, Instant createdAt) {
    }

    /**
     * The allocations created in {@code [from, to)} for orders that ask for a minimum remaining shelf life,
     * optionally of one product's orders, oldest first.
     */
    @Transactional(readOnly = true)
    public List<AllocationRow> allocationsWithShelfLifeMinimum(Long productId, Instant from, Instant to) {
        return jdbc.query("""
                SELECT a.id, o.order_number, o.product_id, o.customer, o.min_shelf_life_months, a.lot_id,
                       a.quantity, a.fefo, a.created_at
                  FROM allocation a JOIN sales_order o ON o.id = a.order_id
                 WHERE a.created_at >= :from AND a.created_at < :to AND o.min_shelf_life_months IS NOT NULL
                   AND (CAST(:productId AS BIGINT) IS NULL OR o.product_id = :productId)
                 ORDER BY a.created_at, a.id""", range(from, to).addValue("productId", productId),
                (rs, i) -> new AllocationRow(rs.getLong("id"), rs.getString("order_number"), rs.getLong("product_id"),
                        rs.getString("customer"), (Integer) rs.getObject("min_shelf_life_months", Integer.class),
                        rs.getLong("lot_id"), rs.getBigDecimal("quantity"), rs.getBoolean("fefo"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()));
    }

    /** The allocations made in a range: how many, how many FEFO chose, and for how many orders. */
    public record AllocationCounts(long allocations, long fefoAllocations, long orders) {
    }

    /** Counts of the allocations created in {@code [from, to)}, optionally of one product's orders. */
    @Transactional(readOnly = true)
    public AllocationCounts allocationCounts(Long productId, Instant from, Instant to) {
        return jdbc.queryForObject("""
                SELECT COUNT(*) AS n, COALESCE(SUM(CASE WHEN a.fefo THEN 1 ELSE 0 END), 0) AS fefo,
                       COUNT(DISTINCT a.order_id) AS orders
                  FROM allocation a JOIN sales_order o ON o.id = a.order_id
                 WHERE a.created_at >= :from AND a.created_at < :to
                   AND (CAST(:productId AS BIGINT) IS NULL OR o.product_id = :productId)""",
                range(from, to).addValue("productId", productId),
                (rs, i) -> new AllocationCounts(rs.getLong("n"), rs.getLong("fefo"), rs.getLong("orders")));
    }

    /**
     * Per lot, how much more is allocated now than was at {@code at}: allocations made since and still
     * open, less allocations open at {@code at} that have been shipped or cancelled since. Subtracting it
     * from a lot's allocated quantity gives what was allocated then. Only of {@code lots} unless null (the
     * whole ledger since {@code at}, through the time indexes; else every allocation of the lots, through the
     * lot index, so the planner never reads the time indexes for a few lots).
     */
    @Transactional(readOnly = true)
    public Map<Long, BigDecimal> allocatedSince(Instant at, Collection<Long> lots) {
        Map<Long, BigDecimal> delta = new HashMap<>();
        jdbc.query(lots == null ? """
                SELECT lot_id, SUM(CASE WHEN created_at >= :at AND status = 'OPEN' THEN quantity
                                        WHEN created_at < :at AND closed_at >= :at THEN -quantity
                                        ELSE 0 END) AS delta
                  FROM allocation
                 WHERE created_at >= :at OR closed_at >= :at
                 GROUP BY lot_id""" : """
                SELECT lot_id, SUM(CASE WHEN created_at >= :at AND status = 'OPEN' THEN quantity
                                        WHEN created_at < :at AND closed_at >= :at THEN -quantity
                                        ELSE 0 END) AS delta
                  FROM allocation
                 WHERE lot_id = ANY(:ids)
                 GROUP BY lot_id""", new MapSqlParameterSource("at", at.atOffset(ZoneOffset.UTC))
                .addValue("ids", IdArray.of(lots == null ? List.of() : lots)),
                rs -> {
                    if (rs.getBigDecimal("delta").signum() != 0) {
                        delta.merge(rs.getLong("lot_id"), rs.getBigDecimal("delta"), BigDecimal::add);
                    }
                });
        return delta;
    }

    /** Per lot, the quantity shipped by shipments recorded at or after {@code at}; only of {@code lots} unless null. */
    @Transactional(readOnly = true)
    public Map<Long, BigDecimal> shippedSince(Instant at, Collection<Long> lots) {
        Map<Long, BigDecimal> shipped = new HashMap<>();
        jdbc.query(lots == null ? """
                SELECT lot_id, SUM(quantity) AS q FROM shipment WHERE created_at >= :at GROUP BY lot_id""" : """
                SELECT lot_id, SUM(CASE WHEN created_at >= :at THEN quantity ELSE 0 END) AS q FROM shipment
                 WHERE lot_id = ANY(:ids) GROUP BY lot_id""",
                new MapSqlParameterSource("at", at.atOffset(ZoneOffset.UTC))
                        .addValue("ids", IdArray.of(lots == null ? List.of() : lots)),
                rs -> {
                    if (rs.getBigDecimal("q").signum() != 0) {
                        shipped.put(rs.getLong("lot_id"), rs.getBigDecimal("q"));
                    }
                });
        return shipped;
    }

    /** Per product, the quantity shipped with a ship date in {@code [from, to]} and the number of shipment lines. */
    public record Shipped(Long productId, BigDecimal quantity, long lines) {
    }

    /** What each product shipped in the date range (ship dates, inclusive). */
    @Transactional(readOnly = true)
    public List<Shipped> shipped(Long productId, LocalDate from, LocalDate to) {
        return jdbc.query("""
                SELECT o.product_id, SUM(s.quantity) AS q, COUNT(*) AS lines
                  FROM shipment s JOIN sales_order o ON o.id = s.order_id
                 WHERE s.shipped_at >= :from AND s.shipped_at <= :to
                   AND (CAST(:productId AS BIGINT) IS NULL OR o.product_id = :productId)
                 GROUP BY o.product_id""",
                new MapSqlParameterSource("from", from).addValue("to", to).addValue("productId", productId),
                (rs, i) -> new Shipped(rs.getLong("product_id"), rs.getBigDecimal("q"), rs.getLong("lines")));
    }

    private static MapSqlParameterSource range(Instant from, Instant to) {
        return new MapSqlParameterSource("from", from.atOffset(ZoneOffset.UTC)).addValue("to", to.atOffset(ZoneOffset.UTC));
    }
}
