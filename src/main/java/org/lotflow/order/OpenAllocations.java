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

    @Override
    public Map<String, Object> contribute(Lot lot) {
        List<Line> open = ofLots(List.of(lot.getId()));
        return open.isEmpty() ? null : Map.of("openAllocations", open.stream()
                .map(l -> Map.of("orderNumber", l.orderNumber(), "customer", l.customer(), "quantity", l.quantity()))
                .toList());
    }
}
