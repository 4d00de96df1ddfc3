package org.lotflow.order;

import java.math.BigDecimal;
import java.util.List;

import org.lotflow.order.internal.TallyPeriod;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order module's figures for FEFO compliance reporting (seed chapter, FIFO management report;
 * the reports module no longer reads the {@code allocation} and {@code sales_order} tables): how much of a
 * product was allocated by FEFO and by approved override, and every override request with its decision.
 * Read-only; quantities in the product's unit.
 */
@Service
public class AllocationReports {

    private final NamedParameterJdbcTemplate jdbc;

    public AllocationReports(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The product's allocations (open, shipped and cancelled alike) by how they were chosen: counts and
     * quantities of FEFO allocations and of override allocations.
     */
    public record Split(int fefoAllocations, BigDecimal fefoQuantity, int overrideAllocations,
            BigDecimal overrideQuantity) {
    }

    /**
     * One override request: the order, the requested lot, its status ({@code PENDING}, {@code APPROVED},
     * {@code LOT_UNAVAILABLE}, {@code REFUSED}, {@code WITHDRAWN}), why it was asked for ({@code reason}: the rule it
     * bends; {@code requestReason}: the customer's requirement as sales recorded it), who decided
     * (user id, null while pending) with what comment, and the quantity allocated by it.
     */
    public record OverrideRequest(String orderNumber, String customer, String requestedLot, String status,
            String reason, String decidedBy, String comment, BigDecimal quantityAllocatedByOverride,
            String requestReason) {
    }

    /**
     * How the product's allocations made in {@code [from, to)} were chosen (null bounds: open). Whole UTC days come
     * from the per-day tally ({@code allocation_day_tally}, V119: on PostgreSQL a table the database keeps in the
     * allocation's own transaction, on H2 a view), so all time costs a row per day rather than a row per
     * allocation; a partial first and last day are counted from the allocations, on PostgreSQL from
     * {@code ix_allocation_product_created} (V109) alone ({@link TallyPeriod}).
     *
     * @throws IllegalArgumentException when {@code to} is before {@code from}
     */
    @Transactional(readOnly = true)
    public Split split(Long productId, java.time.Instant from, java.time.Instant to) {
        TallyPeriod period = TallyPeriod.of(from, to);
        Counts counts = new Counts();
        if (period.tally()) {
            // the bounds only when there are some: an always-present optional bound made PostgreSQL's generic plan
            // of the prepared statement misjudge the rows (as in LotReports#productFilter)
            jdbc.query("SELECT fefo, SUM(allocations) AS n, COALESCE(SUM(quantity), 0) AS q"
                    + " FROM allocation_day_tally WHERE product_id = :productId"
                    + (period.firstDay() == null ? "" : " AND allocation_day >= :first")
                    + (period.endDay() == null ? "" : " AND allocation_day < :end") + " GROUP BY fefo",
                    new MapSqlParameterSource("productId", productId).addValue("first", period.firstDay())
                            .addValue("end", period.endDay()), counts);
        }
        for (TallyPeriod.Range range : period.raw()) {
            jdbc.query("SELECT fefo, COUNT(*) AS n, COALESCE(SUM(quantity), 0) AS q"
                    + " FROM allocation WHERE product_id = :productId"
                    + (range.from() == null ? "" : " AND created_at >= :from")
                    + (range.to() == null ? "" : " AND created_at < :to") + " GROUP BY fefo",
                    new MapSqlParameterSource("productId", productId).addValue("from", timestamp(range.from()))
                            .addValue("to", timestamp(range.to())), counts);
        }
        return new Split(counts.fefo, counts.fefoQ, counts.overrides, counts.overrideQ);
    }

    /** Sums of rows {@code (fefo, n, q)}, read by position. */
    private static final class Counts implements org.springframework.jdbc.core.RowCallbackHandler {
        int fefo;
        int overrides;
        BigDecimal fefoQ = BigDecimal.ZERO;
        BigDecimal overrideQ = BigDecimal.ZERO;

        @Override
        public void processRow(java.sql.ResultSet rs) throws java.sql.SQLException {
            int n = Math.toIntExact(rs.getLong(2));
            BigDecimal q = rs.getBigDecimal(3);
            if (rs.getBoolean(1)) {
                fefo = Math.addExact(fefo, n);
                fefoQ = fefoQ.add(q);
            } else {
                overrides = Math.addExact(overrides, n);
                overrideQ = overrideQ.add(q);
            }
        }
    }

    private static java.time.OffsetDateTime timestamp(java.time.Instant at) {
        return at == null ? null : at.atOffset(java.time.ZoneOffset.UTC);
    }

    /** Every override request of the product's orders placed in {@code [from, to)} (null bounds: open), oldest first. */
    @Transactional(readOnly = true)
    public List<OverrideRequest> overrides(Long productId, java.time.Instant from, java.time.Instant to) {
        return jdbc.query("""
                SELECT o.order_number, o.customer, o.requested_lot, o.override_status, o.override_reason,
                       o.override_decided_by, o.override_comment, o.request_reason,
                       (SELECT COALESCE(SUM(a.quantity), 0) FROM allocation a
                         WHERE a.order_id = o.id AND a.fefo = FALSE) AS override_quantity
                  FROM sales_order o
                 WHERE o.product_id = :productId AND o.override_status IS NOT NULL
                   AND o.created_at >= COALESCE(CAST(:from AS TIMESTAMP WITH TIME ZONE), TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00')
                   AND o.created_at < COALESCE(CAST(:to AS TIMESTAMP WITH TIME ZONE), TIMESTAMP WITH TIME ZONE '9999-12-31 00:00:00+00')
                 ORDER BY o.created_at, o.id""", new org.springframework.jdbc.core.namedparam.MapSqlParameterSource(
                "productId", productId).addValue("from", timestamp(from)).addValue("to", timestamp(to)),
                (rs, i) -> new OverrideRequest(
                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getBigDecimal(9), rs.getString(8)));
    }
}
