package org.lotflow.order;

import java.util.Collection;
import java.util.List;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the shipment ledger: which customers received which lots, on which order, how much and
 * when. Quarantine impact assessments and recalls read it; only the order module writes it.
 */
@Service
public class Deliveries {

    private final NamedParameterJdbcTemplate jdbc;

    public Deliveries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every shipment of the given lots, by lot number, customer and date. One query. */
    @Transactional(readOnly = true)
    public List<Delivery> ofLots(Collection<Long> lotIds) {
        if (lotIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                SELECT s.customer, o.order_number, l.lot_number, s.quantity, s.shipped_at, s.carrier
                  FROM shipment s
                  JOIN sales_order o ON o.id = s.order_id
                  JOIN lot l ON l.id = s.lot_id
                 WHERE s.lot_id IN (:lotIds)
                 ORDER BY l.lot_number, s.customer, s.shipped_at, s.id
                """, java.util.Map.of("lotIds", lotIds), (rs, i) -> new Delivery(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getBigDecimal(4), rs.getObject(5, java.time.LocalDate.class), rs.getString(6)));
    }
}
