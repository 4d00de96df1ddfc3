package org.lotflow.lot.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.lotflow.lot.LotOrigins;
import org.lotflow.lot.LotQuantities;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The SQL behind {@link LotOrigins}: the same text on H2 2.x and PostgreSQL, lots by id as one array
 * parameter ({@code = ANY(:ids)}, never an IN list), date ranges on the indexes of
 * {@code V100__supplier_receipts.sql} ({@code receipt_date}, {@code manufacture_date}).
 */
@Repository
public class OriginQueries {

    private static final String COLUMNS = """
            SELECT l.id, l.lot_number, p.sku, p.name, p.unit, l.quantity, l.allocated, l.shipped, l.consumed,
                   l.disposed, l.location, l.manufacture_date, l.receipt_date, l.source, l.production_order,
                   l.supplier, l.supplier_lot_number, l.delivery_reference, l.status, l.expiration_date, p.gtin
              FROM lot l JOIN product p ON p.id = l.product_id
            """;

    private final NamedParameterJdbcTemplate jdbc;

    public OriginQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** See {@link LotOrigins#of}. */
    public List<LotOrigins.Origin> of(Collection<Long> ids) {
        return jdbc.query(COLUMNS + " WHERE l.id = ANY(:ids) ORDER BY l.id",
                Map.of("ids", org.lotflow.shared.IdArray.of(ids)), OriginQueries::origin);
    }

    /** See {@link LotOrigins#createdBetween}: received lots by receipt date, the others by manufacture date. */
    public void createdBetween(LocalDate from, LocalDate to, Consumer<LotOrigins.Origin> each) {
        Map<String, Object> range = Map.of("from", from, "to", to);
        jdbc.query(COLUMNS + " WHERE l.receipt_date BETWEEN :from AND :to AND l.source = 'RECEIPT'"
                + " ORDER BY l.receipt_date, l.lot_number", range, (ResultSet rs) -> {
                    each.accept(origin(rs, 0));
                });
        jdbc.query(COLUMNS + " WHERE l.manufacture_date BETWEEN :from AND :to AND l.source <> 'RECEIPT'"
                + " ORDER BY l.manufacture_date, l.lot_number", range, (ResultSet rs) -> {
                    each.accept(origin(rs, 0));
                });
    }

    /** See {@link LotOrigins#inputsOf}. */
    public List<LotOrigins.Input> inputsOf(Collection<Long> madeIds) {
        List<LotOrigins.Input> inputs = new ArrayList<>();
        jdbc.query("""
                SELECT e.lot_id, i.lot_number, p.sku, p.name, p.unit, e.quantity, p.gtin,
                       CASE WHEN i.source = 'RECEIPT' THEN i.supplier END,
                       CASE WHEN i.source = 'RECEIPT' THEN i.supplier_lot_number END
                  FROM lot_source e JOIN lot i ON i.id = e.source_lot_id JOIN product p ON p.id = i.product_id
                 WHERE e.lot_id = ANY(:ids)
                 ORDER BY e.lot_id, i.lot_number
                """, Map.of("ids", org.lotflow.shared.IdArray.of(madeIds)), (ResultSet rs) -> {
                    inputs.add(new LotOrigins.Input(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getString(4), rs.getString(5), rs.getBigDecimal(6), rs.getString(7),
                            rs.getString(8), rs.getString(9)));
                });
        return inputs;
    }

    private static LotOrigins.Origin origin(ResultSet rs, int row) throws SQLException {
        return new LotOrigins.Origin(rs.getLong("id"), rs.getString("lot_number"), rs.getString("sku"),
                rs.getString("name"), rs.getString("unit"),
                new LotQuantities(rs.getBigDecimal("quantity"), rs.getBigDecimal("allocated"),
                        rs.getBigDecimal("shipped"), rs.getBigDecimal("consumed"), rs.getBigDecimal("disposed")),
                rs.getString("location"), rs.getObject("manufacture_date", LocalDate.class),
                rs.getObject("receipt_date", LocalDate.class), rs.getString("source"),
                rs.getString("production_order"), rs.getString("supplier"), rs.getString("supplier_lot_number"),
                rs.getString("delivery_reference"), rs.getString("status"),
                rs.getObject("expiration_date", LocalDate.class), rs.getString("gtin"));
    }
}
