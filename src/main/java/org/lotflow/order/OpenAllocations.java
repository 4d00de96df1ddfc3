package org.lotflow.order;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.lotflow.lot.Lot;
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

    public OpenAllocations(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One open allocation: this order of this customer holds this quantity of the lot. */
    public record Line(String lotNumber, String orderNumber, String customer, BigDecimal quantity, boolean fefo) {
    }

    @Transactional(readOnly = true)
    public List<Line> ofLots(Collection<Long> lotIds) {
        if (lotIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                SELECT l.lot_number, o.order_number, o.customer, a.quantity, a.fefo
                  FROM allocation a
                  JOIN sales_order o ON o.id = a.order_id
                  JOIN lot l ON l.id = a.lot_id
                 WHERE a.lot_id IN (:lotIds) AND a.status = 'OPEN'
                 ORDER BY l.lot_number, a.id""", Map.of("lotIds", lotIds), (rs, i) -> new Line(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getBoolean(5)));
    }

    @Override
    public Map<String, Object> contribute(Lot lot) {
        List<Line> open = ofLots(List.of(lot.getId()));
        return open.isEmpty() ? null : Map.of("openAllocations", open.stream()
                .map(l -> Map.of("orderNumber", l.orderNumber(), "customer", l.customer(), "quantity", l.quantity()))
                .toList());
    }
}
