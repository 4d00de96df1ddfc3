package org.lotflow.order;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.lotflow.order.internal.OrderStatus;
import org.lotflow.product.ProductService;
import org.lotflow.shared.InvalidInput;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case "find my orders" ({@code GET /api/orders}, the Console's {@code /console/orders}; contract: the Console
 * shows orders; new user's test 2026-12-05 U5: an order was reachable only by its number, and a rejected or recalled
 * lot took allocations away without a list that showed the shortfall). Newest first, paged by a keyset on the order's
 * id (a page costs one index range however deep it is; no count), filtered by customer, product, open orders and
 * orders with a shortfall. The status is the one {@code GET /api/orders/{n}} shows ({@link OrderStatus}).
 */
@Service
public class OrderList {

    /** The default and the largest page. */
    public static final int DEFAULT_PAGE = 50;
    public static final int MAX_PAGE = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final ProductService products;
    private final org.lotflow.lot.LotStock stock;

    public OrderList(NamedParameterJdbcTemplate jdbc, ProductService products, org.lotflow.lot.LotStock stock) {
        this.stock = stock;
        this.jdbc = jdbc;
        this.products = products;
    }

    /**
     * One order in a list: quantities in the product's {@code unit}; {@code allocated} open and shipped allocations;
     * {@code shortfall = quantity - allocated} (what no lot covers now); {@code requiredBy} null means as soon as
     * possible.
     */
    public record Summary(String orderNumber, String status, String customer, String sku, String productName,
            String unit, BigDecimal quantity, BigDecimal allocated, BigDecimal shipped, BigDecimal shortfall,
            LocalDate requiredBy, Instant createdAt, String createdBy, List<HeldLot> lotsNotReleased) {
    }

    /**
     * A lot an order's open allocation rests on that is not RELEASED now (on hold, rejected, recalled, expired): the
     * order cannot ship until it is released again or the order is cancelled (the seed's impact assessment: "hold
     * shipments"; new user 2026-12-07 L8: the list showed such an order as plain ALLOCATED).
     */
    public record HeldLot(String lotNumber, String status) {
    }

    /** A page of orders and the cursor of the next page ({@code null} on the last page). */
    public record Page(List<Summary> items, String nextCursor) {
    }

    /** What a list asks for: all null or false for every order. */
    public record Filter(String customer, String sku, boolean open, boolean shortfall) {
    }

    /**
     * The page of orders after {@code cursor} (the previous page's {@code nextCursor}; null or blank: the first page).
     * {@code customer}: the customer's name exactly, whatever its case; {@code sku}: one product (400 naming
     * {@code sku} when there is none); {@code open}: neither cancelled nor fully shipped; {@code shortfall}: open and
     * not fully allocated. {@code size} 1 to {@value #MAX_PAGE} (400 naming {@code size}); a cursor that is not one
     * of this list is 400 naming {@code cursor}.
     */
    @Transactional(readOnly = true)
    public Page list(Filter filter, String cursor, int size) {
        org.lotflow.shared.input.IdCursor.requireSize(size, MAX_PAGE);
        long before = org.lotflow.shared.input.IdCursor.before(cursor);
        StringBuilder where = new StringBuilder("o.id < :before");
        MapSqlParameterSource p = new MapSqlParameterSource("before", before).addValue("limit", size + 1);
        if (filter.customer() != null && !filter.customer().isBlank()) {
            where.append(" AND UPPER(o.customer) = UPPER(:customer)");
            p.addValue("customer", filter.customer().trim());
        }
        if (filter.sku() != null && !filter.sku().isBlank()) {
            Long productId = products.findBySku(filter.sku().trim()).map(org.lotflow.product.Product::getId)
                    .orElseThrow(() -> new InvalidInput("sku", "no product with SKU '" + filter.sku().trim() + "'"));
            where.append(" AND o.product_id = :product");
            p.addValue("product", productId);
        }
        String having = "";
        if (filter.open() || filter.shortfall()) {
            where.append(" AND o.status <> 'CANCELLED'");
            having = filter.shortfall() ? " HAVING o.quantity > " + OPEN + " + " + SHIPPED
                    : " HAVING o.quantity > " + SHIPPED;
        }
        List<Row> rows = jdbc.query("""
                SELECT o.id, o.order_number, o.customer, o.product_id, o.quantity, o.required_by, o.created_at,
                       o.created_by, o.status, o.override_status,
                       %s AS open_quantity, %s AS shipped_quantity
                  FROM sales_order o
                  LEFT JOIN allocation a ON a.order_id = o.id
                 WHERE %s
                 GROUP BY o.id, o.order_number, o.customer, o.product_id, o.quantity, o.required_by, o.created_at,
                          o.created_by, o.status, o.override_status%s
                 ORDER BY o.id DESC
                 FETCH FIRST :limit ROWS ONLY""".formatted(OPEN, SHIPPED, where, having), p, OrderList::row);
        // the product's facts from the product module, once per product on the page
        java.util.Map<Long, org.lotflow.product.Product> byId = new java.util.HashMap<>();
        java.util.Map<Long, List<HeldLot>> held = lotsNotReleased(rows.stream().limit(size).map(Row::id).toList());
        List<Summary> items = rows.stream().limit(size).map(r -> {
            org.lotflow.product.Product product = byId.computeIfAbsent(r.productId(), products::get);
            return r.summary(product.getSku(), product.getName(), product.getUnit(),
                    held.getOrDefault(r.id(), List.of()));
        }).toList();
        return new Page(items, org.lotflow.shared.input.IdCursor.next(rows, size, Row::id));
    }

    /** By order id: the lots of its open allocations that are not RELEASED now, in lot number order. */
    private java.util.Map<Long, List<HeldLot>> lotsNotReleased(List<Long> orderIds) {
        if (orderIds.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<Long, java.util.Set<Long>> lotsOf = new java.util.HashMap<>();
        jdbc.query("SELECT DISTINCT order_id, lot_id FROM allocation WHERE status = 'OPEN' AND order_id IN (:ids)",
                new MapSqlParameterSource("ids", orderIds), (ResultSet rs) -> {
                    lotsOf.computeIfAbsent(rs.getLong(1), k -> new java.util.TreeSet<>()).add(rs.getLong(2));
                });
        if (lotsOf.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<Long, org.lotflow.lot.Lot> lots = new java.util.HashMap<>();
        stock.findAllById(lotsOf.values().stream().flatMap(java.util.Set::stream).distinct().toList())
                .forEach(l -> lots.put(l.getId(), l));
        java.util.Map<Long, List<HeldLot>> held = new java.util.HashMap<>();
        lotsOf.forEach((order, ids) -> {
            List<HeldLot> notReleased = ids.stream().map(lots::get).filter(java.util.Objects::nonNull)
                    .filter(l -> l.getStatus() != org.lotflow.lot.LotStatus.RELEASED)
                    .map(l -> new HeldLot(l.getLotNumber(), l.getStatus().name()))
                    .sorted(java.util.Comparator.comparing(HeldLot::lotNumber)).toList();
            if (!notReleased.isEmpty()) {
                held.put(order, notReleased);
            }
        });
        return held;
    }

    private static final String OPEN = "COALESCE(SUM(CASE WHEN a.status = 'OPEN' THEN a.quantity END), 0)";
    private static final String SHIPPED = "COALESCE(SUM(CASE WHEN a.status = 'SHIPPED' THEN a.quantity END), 0)";

    /** A row before its product's facts are added. */
    private record Row(long id, long productId, String orderNumber, String status, String customer,
            BigDecimal quantity, BigDecimal allocated, BigDecimal shipped, LocalDate requiredBy, Instant createdAt,
            String createdBy) {

        Summary summary(String sku, String productName, String unit, List<HeldLot> lotsNotReleased) {
            return new Summary(orderNumber, status, customer, sku, productName, unit, quantity, allocated, shipped,
                    quantity.subtract(allocated), requiredBy, createdAt, createdBy, lotsNotReleased);
        }
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        BigDecimal quantity = rs.getBigDecimal("quantity");
        BigDecimal open = rs.getBigDecimal("open_quantity");
        BigDecimal shipped = rs.getBigDecimal("shipped_quantity");
        String status = OrderStatus.of("CANCELLED".equals(rs.getString("status")),
                "PENDING".equals(rs.getString("override_status")), quantity, open, shipped);
        java.sql.Date requiredBy = rs.getDate("required_by");
        OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
        BigDecimal allocated = open.add(shipped);
        return new Row(rs.getLong("id"), rs.getLong("product_id"), rs.getString("order_number"), status,
                rs.getString("customer"), quantity, allocated, shipped,
                requiredBy == null ? null : requiredBy.toLocalDate(), created == null ? null : created.toInstant(),
                rs.getString("created_by"));
    }
}
