package org.lotflow.serial.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lotflow.serial.SerialStatus;
import org.lotflow.shared.IdArray;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/**
 * The serial module's table {@code serial_number} (V114): inserts in JDBC batches of {@link #BATCH} rows (a lot of
 * 100,000 units is 100 round trips, not 100,000), lists of serials bound as one array parameter, and the shipment
 * of serials as one conditional update ({@code WHERE status = 'IN_STOCK'}), so a serial ships once whoever races.
 */
@Component
public class SerialStore {

    static final int BATCH = 1000;

    private final NamedParameterJdbcTemplate jdbc;

    public SerialStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One stored serial. */
    public record Row(long id, long productId, long lotId, String serial, SerialStatus status, Instant registeredAt,
            String registeredBy, Long shipmentId, String customer, String orderNumber, LocalDate shippedAt) {
    }

    private static final String COLUMNS = "id, product_id, lot_id, serial, status, registered_at, registered_by, "
            + "shipment_id, customer, order_number, shipped_at";

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp at = rs.getTimestamp(6);
        long shipment = rs.getLong(8);
        return new Row(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                SerialStatus.valueOf(rs.getString(5)), at == null ? null : at.toInstant(), rs.getString(7),
                rs.wasNull() ? null : shipment, rs.getString(9), rs.getString(10),
                rs.getObject(11, LocalDate.class));
    }

    private static SqlArrayValue texts(Collection<String> serials) {
        return new SqlArrayValue("varchar", serials.toArray());
    }

    /** Inserts the serials IN_STOCK in the lot, in batches; a serial the product has already raises the unique key. */
    public void insert(long productId, long lotId, List<String> serials, Instant at, String by) {
        for (int from = 0; from < serials.size(); from += BATCH) {
            List<String> part = serials.subList(from, Math.min(serials.size(), from + BATCH));
            SqlParameterSource[] batch = new SqlParameterSource[part.size()];
            for (int i = 0; i < part.size(); i++) {
                batch[i] = new MapSqlParameterSource("product", productId).addValue("lot", lotId)
                        .addValue("serial", part.get(i)).addValue("at", Timestamp.from(at)).addValue("by", by);
            }
            jdbc.batchUpdate("""
                    INSERT INTO serial_number (product_id, lot_id, serial, status, registered_at, registered_by)
                    VALUES (:product, :lot, :serial, 'IN_STOCK', :at, :by)
                    """, batch);
        }
    }

    /** The product's stored serials among these (compared without case), by the stored serial. */
    public Map<String, Row> find(long productId, Collection<String> serials) {
        Map<String, Row> out = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(serials);
        for (int from = 0; from < all.size(); from += BATCH) {
            // whatever the case: the product's serials are unique upper-cased (V122; auditor 2026-12-05 F4)
            jdbc.query("SELECT " + COLUMNS + " FROM serial_number WHERE product_id = :product"
                    + " AND UPPER(serial) = ANY(:serials)",
                    new MapSqlParameterSource("product", productId).addValue("serials",
                            texts(all.subList(from, Math.min(all.size(), from + BATCH)).stream()
                                    .map(x -> x.toUpperCase(java.util.Locale.ROOT)).toList())),
                    (rs, i) -> row(rs)).forEach(r -> out.put(r.serial(), r));
        }
        return out;
    }

    /** The serial of the product, whatever the case it is typed in (one at most: V122), if any. */
    public Optional<Row> find(long productId, String serial) {
        return jdbc.query("SELECT " + COLUMNS + " FROM serial_number WHERE product_id = :product"
                + " AND UPPER(serial) = :serial", new MapSqlParameterSource("product", productId)
                .addValue("serial", serial.toUpperCase(java.util.Locale.ROOT)), (rs, i) -> row(rs))
                .stream().findFirst();
    }

    /**
     * Every product's serial of this text, whatever its case (one per product at most; auditor 2026-12-06 X1: a serial
     * copied from a complaint in lower case was "does not exist"). On PostgreSQL an index on {@code UPPER(serial)}
     * (V144) finds it among millions.
     */
    public List<Row> findAnyProduct(String serial) {
        return jdbc.query("SELECT " + COLUMNS + " FROM serial_number WHERE UPPER(serial) = :serial ORDER BY product_id",
                Map.of("serial", serial.toUpperCase(java.util.Locale.ROOT)), (rs, i) -> row(rs));
    }

    /** How many serials the lot holds (any status). */
    public long countOfLot(long lotId) {
        Long n = jdbc.queryForObject("SELECT COUNT(*) FROM serial_number WHERE lot_id = :lot", Map.of("lot", lotId),
                Long.class);
        return n == null ? 0 : n;
    }

    /** How many serials of the lot are in each status. */
    public Map<SerialStatus, Long> countsOfLot(long lotId) {
        Map<SerialStatus, Long> out = new LinkedHashMap<>();
        for (SerialStatus s : SerialStatus.values()) {
            out.put(s, 0L);
        }
        jdbc.query("SELECT status, COUNT(*) FROM serial_number WHERE lot_id = :lot GROUP BY status",
                Map.of("lot", lotId), rs -> {
                    out.put(SerialStatus.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return out;
    }

    /** A page of the lot's serials (of a status, or all) after the row id {@code afterId}, in registration order. */
    public List<Row> page(long lotId, SerialStatus status, long afterId, int size) {
        return jdbc.query("SELECT " + COLUMNS + " FROM serial_number WHERE lot_id = :lot AND id > :after"
                + (status == null ? "" : " AND status = :status") + " ORDER BY id FETCH FIRST " + size + " ROWS ONLY",
                new MapSqlParameterSource("lot", lotId).addValue("after", afterId)
                        .addValue("status", status == null ? null : status.name()), (rs, i) -> row(rs));
    }

    /**
     * Marks the serials (row ids) SHIPPED with their shipment, if they are still IN_STOCK; answers how many were:
     * fewer than asked means another shipment took some meanwhile.
     */
    public int markShipped(List<Long> ids, long shipmentId, String customer, String orderNumber, LocalDate shippedAt) {
        int updated = 0;
        for (int from = 0; from < ids.size(); from += BATCH) {
            updated += jdbc.update("""
                    UPDATE serial_number
                       SET status = 'SHIPPED', shipment_id = :shipment, customer = :customer,
                           order_number = :order, shipped_at = :shippedAt
                     WHERE id = ANY(:ids) AND status = 'IN_STOCK'
                    """, new MapSqlParameterSource("shipment", shipmentId).addValue("customer", customer)
                    .addValue("order", orderNumber).addValue("shippedAt", shippedAt)
                    .addValue("ids", IdArray.of(ids.subList(from, Math.min(ids.size(), from + BATCH)))));
        }
        return updated;
    }

    /**
     * Marks the serials (row ids) RETURNED, back from their customer under a recall, if they are still SHIPPED; answers
     * how many were (fewer: another receipt took some meanwhile). Their shipment stays recorded on the row.
     */
    public int markReturned(List<Long> ids) {
        int updated = 0;
        for (int from = 0; from < ids.size(); from += BATCH) {
            updated += jdbc.update("UPDATE serial_number SET status = 'RETURNED' WHERE id = ANY(:ids) AND status = 'SHIPPED'",
                    new MapSqlParameterSource("ids", IdArray.of(ids.subList(from, Math.min(ids.size(), from + BATCH)))));
        }
        return updated;
    }

    /**
     * Marks every serial of the lot still at the plant (IN_STOCK, or RETURNED from a customer) as {@code status}
     * (DISPOSED, CONSUMED); answers how many.
     */
    public int markLeft(long lotId, SerialStatus status) {
        return jdbc.update("UPDATE serial_number SET status = :status WHERE lot_id = :lot AND status IN ('IN_STOCK',"
                + " 'RETURNED')",
                new MapSqlParameterSource("status", status.name()).addValue("lot", lotId));
    }

    /** The serials shipped with each of these shipment lines (the order module's ledger ids), in registration order. */
    public Map<Long, List<String>> ofShipments(Collection<Long> shipmentIds) {
        Map<Long, List<String>> out = new LinkedHashMap<>();
        if (shipmentIds.isEmpty()) {
            return out;
        }
        jdbc.query("SELECT shipment_id, serial FROM serial_number WHERE shipment_id = ANY(:ids) ORDER BY id",
                Map.of("ids", IdArray.of(shipmentIds)), rs -> {
                    out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return out;
    }

    /** The serials of these lots shipped to each customer, by customer, in registration order. */
    public Map<String, List<String>> shippedFrom(Collection<Long> lotIds) {
        Map<String, List<String>> out = new java.util.TreeMap<>();
        if (lotIds.isEmpty()) {
            return out;
        }
        // shipped to the customer, received back since or not: who received which unit stays answerable
        jdbc.query("SELECT customer, serial FROM serial_number WHERE lot_id = ANY(:lots) AND shipment_id IS NOT NULL"
                + " ORDER BY id", Map.of("lots", IdArray.of(lotIds)), rs -> {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return out;
    }
}
