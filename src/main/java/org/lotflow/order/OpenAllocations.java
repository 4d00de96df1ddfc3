package org.lotflow.order;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.lotflow.lot.Lot;
import org.lotflow.lot.LotStock;
import org.lotflow.lot.LotViewContributor;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the open allocations of lots: which orders still wait for stock of a lot (impact of a
 * hold or recall). Also shows them in {@code GET /api/lots/{lotNumber}} as {@code openAllocations}.
 */
@Service
public class OpenAllocations implements LotViewContributor {

    private final NamedParameterJdbcTemplate jdbc;
    private final LotStock lots;

    public OpenAllocations(NamedParameterJdbcTemplate jdbc, LotStock lots) {
        this.jdbc = jdbc;
        this.lots = lots;
    }

    /** One open allocation: this order of this customer holds this quantity (product unit) of the lot. */
    public record Line(String lotNumber, String orderNumber, String customer, BigDecimal quantity, boolean fefo) {
    }

    private record Row(long id, long lotId, String orderNumber, String customer, BigDecimal quantity, boolean fefo) {
    }

    /** The open allocations of the given lots (ids), by lot number, then allocation. */
    @Transactional(readOnly = true)
    public List<Line> ofLots(Collection<Long> lotIds) {
        if (lotIds.isEmpty()) {
            return List.of();
        }
        List<Row> rows = jdbc.query("""
                SELECT a.id, a.lot_id, o.order_number, o.customer, a.quantity, a.fefo
                  FROM allocation a
                  JOIN sales_order o ON o.id = a.order_id
                 WHERE a.lot_id = ANY(:lotIds) AND a.status = 'OPEN'
                 ORDER BY a.id""", Map.of("lotIds", org.lotflow.shared.IdArray.of(lotIds)),
                (rs, i) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getBoolean(6)));
        Map<Long, String> lotNumbers = lots.lotNumbers(rows.stream().map(Row::lotId).toList());
        return rows.stream()
                .sorted(Comparator.comparing((Row r) -> lotNumbers.get(r.lotId()))) // stable: by allocation within a lot
                .map(r -> new Line(lotNumbers.get(r.lotId()), r.orderNumber(), r.customer(), r.quantity(), r.fefo()))
                .toList();
    }

    /**
     * An allocation a lot's recall took back: this order of this customer held this quantity (product unit) of the
     * lot until {@code cancelledAt}.
     */
    public record Cancelled(String lotNumber, String orderNumber, String customer, BigDecimal quantity, String unit,
            java.time.Instant cancelledAt) {
    }

    /**
     * The allocations of the given lots (ids) that were cancelled because the lot became RECALLED (a lot is recalled
     * once), by lot number, then allocation: what the recall's scope preview said open orders would lose (new user
     * 2026-12-07 F10: the recall's page did not say which orders lost their stock). Its reason says so ({@link
     * org.lotflow.order.internal.LotLossDeallocation#reason}), the status in words since new user round 25 N6, in
     * capitals before.
     */
    @Transactional(readOnly = true)
    public List<Cancelled> cancelledOnRecall(Collection<Long> lotIds) {
        if (lotIds.isEmpty()) {
            return List.of();
        }
        record Taken(long lotId, String orderNumber, String customer, BigDecimal quantity, java.time.Instant at) {
        }
        List<Taken> rows = jdbc.query("""
                SELECT a.lot_id, o.order_number, o.customer, a.quantity, a.closed_at
                  FROM allocation a
                  JOIN sales_order o ON o.id = a.order_id
                 WHERE a.lot_id = ANY(:lotIds) AND a.status = 'CANCELLED' AND (a.close_reason LIKE 'Lot % became recalled%' OR a.close_reason LIKE 'Lot % became RECALLED%')
                 ORDER BY a.id""", Map.of("lotIds", org.lotflow.shared.IdArray.of(lotIds)),
                (rs, i) -> new Taken(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4),
                        rs.getTimestamp(5) == null ? null : rs.getTimestamp(5).toInstant()));
        Map<Long, org.lotflow.lot.LotLabel> labels = lots.labels(rows.stream().map(Taken::lotId).toList());
        return rows.stream().sorted(Comparator.comparing((Taken r) -> labels.get(r.lotId()).lotNumber()))
                .map(r -> new Cancelled(labels.get(r.lotId()).lotNumber(), r.orderNumber(), r.customer(), r.quantity(),
                        labels.get(r.lotId()).unit(), r.at()))
                .toList();
    }

    /**
     * An allocation an order lost with its lot: the lot (id, number, status now) and the quantity it held. Only a lot's
     * loss (it became rejected, recalled or expired: {@code LotLossDeallocation}) and the order's own cancellation
     * cancel an allocation, and the latter cancels the order: a cancelled allocation of an order not cancelled is one
     * its lot's loss took.
     */
    public record Lost(String orderNumber, long lotId, String lotNumber, String lotStatus, BigDecimal quantity) {
    }

    /**
     * The allocations each of the given orders (numbers as stored) lost with their lots ({@link Lost}), oldest first;
     * a cancelled order, or one that lost none, is not in the map: what the orders list says beside "Not allocated"
     * (new user 28 L6: an order a recall emptied said no more). One query, and one for the lots.
     */
    @Transactional(readOnly = true)
    public Map<String, List<Lost>> lostWithLots(Collection<String> orderNumbers) {
        Map<String, List<Lost>> byOrder = new java.util.LinkedHashMap<>();
        if (orderNumbers == null || orderNumbers.isEmpty()) {
            return byOrder;
        }
        record Taken(String orderNumber, long lotId, BigDecimal quantity) {
        }
        List<Taken> rows = jdbc.query("""
                SELECT o.order_number, a.lot_id, a.quantity
                  FROM allocation a
                  JOIN sales_order o ON o.id = a.order_id
                 WHERE o.order_number IN (:orders) AND a.status = 'CANCELLED' AND o.cancelled_at IS NULL
                 ORDER BY a.id""", Map.of("orders", orderNumbers),
                (rs, i) -> new Taken(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3)));
        if (rows.isEmpty()) {
            return byOrder;
        }
        Map<Long, Lot> byId = new java.util.HashMap<>();
        lots.findAllById(rows.stream().map(Taken::lotId).distinct().toList()).forEach(l -> byId.put(l.getId(), l));
        for (Taken r : rows) {
            Lot lot = byId.get(r.lotId());
            byOrder.computeIfAbsent(r.orderNumber(), k -> new java.util.ArrayList<>()).add(new Lost(r.orderNumber(),
                    r.lotId(), lot.getLotNumber(), lot.getStatus().name(), r.quantity()));
        }
        return byOrder;
    }

    @Override
    public Map<String, Object> contribute(Lot lot) {
        List<Line> open = ofLots(List.of(lot.getId()));
        return open.isEmpty() ? null : Map.of("openAllocations", open.stream()
                .map(l -> Map.of("orderNumber", l.orderNumber(), "customer", l.customer(), "quantity", l.quantity()))
                .toList());
    }
}
