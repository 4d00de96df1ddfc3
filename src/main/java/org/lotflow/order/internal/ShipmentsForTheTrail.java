package org.lotflow.order.internal;

import java.util.List;

import org.lotflow.history.BusinessRecords;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@link BusinessRecords.Shipments} from the shipment ledger (index {@code ix_shipment_lot}) with each line's order
 * number, for the audit check.
 */
@Component
class ShipmentsForTheTrail implements BusinessRecords.Shipments {

    private final JdbcTemplate jdbc;

    ShipmentsForTheTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<BusinessRecords.ShipmentRow> lines(long fromLotId, long toLotId) {
        return jdbc.query("SELECT s.id, s.lot_id, o.order_number, s.customer, s.quantity, s.shipped_at, s.carrier"
                + " FROM shipment s LEFT JOIN sales_order o ON o.id = s.order_id WHERE s.lot_id >= ? AND s.lot_id < ?"
                + " ORDER BY s.lot_id, s.id", (rs, n) -> new BusinessRecords.ShipmentRow(rs.getLong(1), rs.getLong(2),
                        rs.getString(3), rs.getString(4), rs.getBigDecimal(5),
                        rs.getObject(6, java.time.LocalDate.class), rs.getString(7)), fromLotId, toLotId);
    }
}
