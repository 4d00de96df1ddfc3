package org.lotflow.recall;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recalls whose scope holds given lots, or that reached given orders' shipments, for other modules' screens (the
 * Console's order pages; new user 2026-12-07 F5: an order shipped from a lot recalled later said nothing about the
 * recall). The same rows as the lot's {@code recalls} in {@code GET /api/lots/{lotNumber}}; codes as the API has them.
 * Read-only; one query per call, however many lots or orders.
 */
@Service
public class LotRecalls {

    /**
     * A recall of a lot: its number, class ({@code CLASS_II}) and status ({@code NOTIFYING}, {@code AWAITING_CLOSE},
     * {@code CLOSED}); {@code action}: {@code RECALLED} when this recall recalled the lot, {@code SKIPPED} when the lot
     * was in its scope but kept its status (a REJECTED lot, one recalled before), {@code note} then saying why.
     */
    public record LotRecall(String recallNumber, String classification, String status, String action, String note) {

        /** Whether this recall recalled the lot (not merely had it in its scope). */
        public boolean recalled() {
            return "RECALLED".equals(action);
        }
    }

    /** A recall that reached an order's shipments: its number, class and status as {@link LotRecall}'s. */
    public record OrderRecall(String recallNumber, String classification, String status) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    public LotRecalls(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The recalls of each of the lots (by lot id), oldest first; a lot in none is not in the map. */
    @Transactional(readOnly = true)
    public Map<Long, List<LotRecall>> ofLots(Collection<Long> lotIds) {
        Map<Long, List<LotRecall>> byLot = new LinkedHashMap<>();
        if (lotIds == null || lotIds.isEmpty()) {
            return byLot;
        }
        jdbc.query("""
                SELECT rl.lot_id, r.recall_number, r.classification, r.status, rl.recalled, rl.note
                  FROM recall_lot rl JOIN recall r ON r.id = rl.recall_id
                 WHERE rl.lot_id IN (:lotIds) ORDER BY rl.lot_id, r.id
                """, Map.of("lotIds", lotIds), rs -> {
                    byLot.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new LotRecall(rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getBoolean(5) ? "RECALLED" : "SKIPPED",
                            rs.getString(6)));
                });
        return byLot;
    }

    /**
     * The lots in the scope of a recall that is not CLOSED (NOTIFYING, AWAITING_CLOSE), by lot id: those recalls'
     * numbers, oldest first; {@code lotIds} null for every such lot. Such a lot is still the recall's work (its
     * customers answer, its goods come back, its closing disposes of them), so archiving leaves it alone (auditor 26b
     * F3: lots archived out of an open recall could no longer take their goods back). One query.
     */
    @Transactional(readOnly = true)
    public Map<Long, List<String>> inOpenRecalls(Collection<Long> lotIds) {
        Map<Long, List<String>> byLot = new LinkedHashMap<>();
        if (lotIds != null && lotIds.isEmpty()) {
            return byLot;
        }
        jdbc.query("""
                SELECT rl.lot_id, r.recall_number FROM recall_lot rl JOIN recall r ON r.id = rl.recall_id
                 WHERE r.status <> 'CLOSED'""" + (lotIds == null ? "" : " AND rl.lot_id = ANY(:lotIds)")
                + " ORDER BY rl.lot_id, r.id", new org.springframework.jdbc.core.namedparam.MapSqlParameterSource(
                        "lotIds", lotIds == null ? null : org.lotflow.shared.IdArray.of(lotIds)), rs -> {
                    byLot.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return byLot;
    }

    /**
     * The recalls whose customers' shipments include each of the orders (by order number as stored), oldest first; an
     * order no recall reached is not in the map.
     */
    @Transactional(readOnly = true)
    public Map<String, List<OrderRecall>> ofOrders(Collection<String> orderNumbers) {
        Map<String, List<OrderRecall>> byOrder = new LinkedHashMap<>();
        if (orderNumbers == null || orderNumbers.isEmpty()) {
            return byOrder;
        }
        jdbc.query("""
                SELECT DISTINCT rs.order_number, r.id, r.recall_number, r.classification, r.status
                  FROM recall_shipment rs JOIN recall r ON r.id = rs.recall_id
                 WHERE rs.order_number IN (:orders) ORDER BY rs.order_number, r.id
                """, Map.of("orders", orderNumbers), rs -> {
                    byOrder.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new OrderRecall(
                            rs.getString(3), rs.getString(4), rs.getString(5)));
                });
        return byOrder;
    }
}
