package org.lotflow.trace;

import org.lotflow.shared.StateConflict;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lotflow.lot.Lot;
import org.lotflow.lot.LotService;
import org.lotflow.order.Deliveries;
import org.lotflow.order.Delivery;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.Groups;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Genealogy trace. Each direction is one recursive query ({@code WITH RECURSIVE}, the same text on
 * H2 2.x and PostgreSQL): the recursive part collects (lot, depth) pairs with {@code UNION}, which
 * drops duplicate pairs, and the outer query keeps each lot once at its smallest depth, so shared
 * inputs (diamonds) are reported once. The shipments of the reached lots are a second query.
 */
@Service
public class TraceService {

    /**
     * The walk for both directions: {@code %1$s} is the genealogy column that points to the lot we
     * came from, {@code %2$s} the one we go to (downstream: from source_lot_id to lot_id).
     */
    private static final String WALK = """
            WITH RECURSIVE reached (lot_id, depth) AS (
                SELECT l.id, 0 FROM lot l WHERE l.id IN (:start)
                UNION
                SELECT s.%2$s, r.depth + 1
                  FROM reached r JOIN lot_source s ON s.%1$s = r.lot_id
                 WHERE r.depth < :maxDepth
            )
            SELECT l.id, l.lot_number, p.sku, p.name, p.unit, l.status, n.depth, l.quantity, l.allocated, l.shipped,
                   l.consumed, l.location, l.manufacture_date, other.lot_number AS linked_lot, e.quantity AS link_qty
              FROM (SELECT lot_id, MIN(depth) AS depth FROM reached GROUP BY lot_id) n
              JOIN lot l ON l.id = n.lot_id
              JOIN product p ON p.id = l.product_id
              LEFT JOIN lot_source e ON e.%2$s = l.id
                   AND e.%1$s IN (SELECT r2.lot_id FROM reached r2)
              LEFT JOIN lot other ON other.id = e.%1$s
             ORDER BY n.depth, l.lot_number, other.lot_number
            """;
    private static final String DOWNSTREAM = WALK.formatted("source_lot_id", "lot_id");
    private static final String UPSTREAM = WALK.formatted("lot_id", "source_lot_id");

    /** Whether the walk stopped at its depth bound with genealogy left beyond it. */
    private static final String CUT = """
            WITH RECURSIVE reached (lot_id, depth) AS (
                SELECT l.id, 0 FROM lot l WHERE l.id IN (:start)
                UNION
                SELECT s.%2$s, r.depth + 1
                  FROM reached r JOIN lot_source s ON s.%1$s = r.lot_id
                 WHERE r.depth < :maxDepth
            )
            SELECT COUNT(*) FROM reached r JOIN lot_source s ON s.%1$s = r.lot_id WHERE r.depth = :maxDepth
            """;
    private static final String DOWNSTREAM_CUT = CUT.formatted("source_lot_id", "lot_id");
    private static final String UPSTREAM_CUT = CUT.formatted("lot_id", "source_lot_id");

    private final NamedParameterJdbcTemplate jdbc;
    private final LotService lots;
    private final Deliveries deliveries;
    private final CurrentUser currentUser;
    private final int maxDepth;

    public TraceService(NamedParameterJdbcTemplate jdbc, LotService lots, Deliveries deliveries,
            CurrentUser currentUser, @Value("${lotflow.trace.max-depth:100}") int maxDepth) {
        this.jdbc = jdbc;
        this.lots = lots;
        this.deliveries = deliveries;
        this.currentUser = currentUser;
        this.maxDepth = maxDepth;
    }

    /** The trace of one lot for the API: any member of a business group may read it. 404 for an unknown lot. */
    @Transactional(readOnly = true)
    public Trace trace(String lotNumber, Direction direction) {
        currentUser.require(Groups.BUSINESS.toArray(String[]::new));
        Lot start = lots.get(lotNumber);
        List<Trace.TracedLot> reached = walk(List.of(start.getId()), direction);
        List<Trace.CustomerShipment> customers = direction == Direction.DOWNSTREAM
                ? shipments(reached.stream().map(Trace.TracedLot::id).toList())
                : List.of();
        return new Trace(start.getLotNumber(), direction.label(), reached, customers,
                isCut(List.of(start.getId()), direction), maxDepth);
    }

    /**
     * Whether the walk from the start lots stops at {@code lotflow.trace.max-depth} with genealogy
     * left beyond it: the lots past the bound are not in {@link #walk}'s answer.
     */
    @Transactional(readOnly = true)
    public boolean isCut(Collection<Long> startIds, Direction direction) {
        if (startIds.isEmpty()) {
            return false;
        }
        Long beyond = jdbc.queryForObject(direction == Direction.DOWNSTREAM ? DOWNSTREAM_CUT : UPSTREAM_CUT,
                Map.of("start", startIds, "maxDepth", maxDepth), Long.class);
        return beyond != null && beyond > 0;
    }

    /**
     * {@link #walk}, refusing (409) when the genealogy is deeper than the bound: for a recall's
     * scope, where a lot left out would stay shippable and its customers never be told.
     */
    @Transactional(readOnly = true)
    public List<Trace.TracedLot> walkWhole(Collection<Long> startIds, Direction direction) {
        List<Trace.TracedLot> reached = walk(startIds, direction);
        if (isCut(startIds, direction)) {
            throw new StateConflict("The genealogy " + direction.label() + " of these lots is deeper than "
                    + maxDepth + " levels (lotflow.trace.max-depth): a recall would leave the deeper lots and their "
                    + "customers out. Raise lotflow.trace.max-depth and open the recall again.")
                    .with("maxDepth", maxDepth);
        }
        return reached;
    }

    /** Every lot reached from the start lots (depth 0) in one query, each once at its smallest depth. */
    @Transactional(readOnly = true)
    public List<Trace.TracedLot> walk(Collection<Long> startIds, Direction direction) {
        if (startIds.isEmpty()) {
            return List.of();
        }
        Map<Long, Row> rows = new LinkedHashMap<>();
        jdbc.query(direction == Direction.DOWNSTREAM ? DOWNSTREAM : UPSTREAM,
                Map.of("start", startIds, "maxDepth", maxDepth), (ResultSet rs) -> {
                    long id = rs.getLong("id");
                    Row row = rows.get(id);
                    if (row == null) {
                        row = new Row(rs);
                        rows.put(id, row);
                    }
                    String linked = rs.getString("linked_lot");
                    if (linked != null) {
                        BigDecimal qty = rs.getBigDecimal("link_qty");
                        row.links.add(direction == Direction.DOWNSTREAM
                                ? new Trace.Link(linked, row.lotNumber, qty)
                                : new Trace.Link(row.lotNumber, linked, qty));
                    }
                });
        return rows.values().stream().map(Row::toLot).toList();
    }

    /** Every shipment of the given lots (the shipment ledger). */
    @Transactional(readOnly = true)
    public List<Trace.CustomerShipment> shipments(Collection<Long> lotIds) {
        List<Trace.CustomerShipment> out = new ArrayList<>();
        for (Delivery d : deliveries.ofLots(lotIds)) {
            out.add(new Trace.CustomerShipment(d.customer(), d.lotNumber(), d.orderNumber(), d.quantity(),
                    d.shippedAt(), d.carrier()));
        }
        return out;
    }

    private static final class Row {
        final Long id;
        final String lotNumber;
        final String sku;
        final String productName;
        final String unit;
        final String status;
        final int depth;
        final BigDecimal quantity;
        final BigDecimal allocated;
        final BigDecimal shipped;
        final BigDecimal consumed;
        final String location;
        final LocalDate manufactureDate;
        final List<Trace.Link> links = new ArrayList<>();

        Row(ResultSet rs) throws SQLException {
            id = rs.getLong("id");
            lotNumber = rs.getString("lot_number");
            sku = rs.getString("sku");
            productName = rs.getString("name");
            unit = rs.getString("unit");
            status = rs.getString("status");
            depth = rs.getInt("depth");
            quantity = rs.getBigDecimal("quantity");
            allocated = rs.getBigDecimal("allocated");
            shipped = rs.getBigDecimal("shipped");
            consumed = rs.getBigDecimal("consumed");
            location = rs.getString("location");
            manufactureDate = rs.getObject("manufacture_date", LocalDate.class);
        }

        Trace.TracedLot toLot() {
            return new Trace.TracedLot(id, lotNumber, sku, productName, unit, status, depth, quantity, shipped,
                    consumed, quantity.subtract(allocated).subtract(shipped).subtract(consumed), location,
                    manufactureDate, List.copyOf(links));
        }
    }
}
