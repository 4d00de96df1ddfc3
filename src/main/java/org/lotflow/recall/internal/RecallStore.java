package org.lotflow.recall.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lotflow.lot.Lot;
import org.lotflow.lot.LotLabel;
import org.lotflow.lot.LotStock;
import org.lotflow.recall.Classification;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The recall tables (V40), read and written with plain SQL. What the rows show of a lot (number,
 * product, quantity, location, dates) comes from the lot module's API ({@link LotStock}), never from its
 * tables (issue 10).
 */
@Repository
class RecallStore {

    private final NamedParameterJdbcTemplate jdbc;
    private final LotStock lotStock;
    RecallStore(NamedParameterJdbcTemplate jdbc, LotStock lotStock) {
        this.jdbc = jdbc;
        this.lotStock = lotStock;
    }

    record RecallRow(Long id, String recallNumber, String classification, String reason, String status,
            String processInstanceId, String effectivenessLevel, String closeComment, Instant openedAt,
            String openedBy, Instant closedAt, String closedBy, String closeRequestedBy,
            String closeRequestedComment, String closeRequestedJustification, String closeJustification,
            String closeRequestedDisposals, String closeDisposals, Instant closeRequestedAt) {
    }

    record LotRow(Long lotId, String lotNumber, String sku, String productName, String unit, String currentStatus,
            int depth, boolean named, String previousStatus, boolean recalled, String note, BigDecimal quantity,
            String location, LocalDate manufactureDate, LocalDate receiptDate, String productionOrder,
            String source) {
    }

    record ShipmentRow(String customer, String orderNumber, Long lotId, String lotNumber, String sku,
            String productName, String unit, String location, BigDecimal quantity, LocalDate shippedAt,
            String carrier, Instant recordedAt, boolean serialised) {
    }

    record EventRow(Instant at, String type, String user, String text) {
    }

    private static OffsetDateTime ts(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private long insert(String sql, MapSqlParameterSource params) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(sql, params, keys, new String[] {"id"});
        return keys.getKey().longValue();
    }

    long insertRecall(String number, Classification classification, String reason, String status, Instant at,
            String by) {
        return insert("""
                INSERT INTO recall (recall_number, classification, reason, status, opened_at, opened_by)
                VALUES (:number, :classification, :reason, :status, :at, :by)
                """, new MapSqlParameterSource().addValue("number", number)
                .addValue("classification", classification.name()).addValue("reason", reason)
                .addValue("status", status).addValue("at", ts(at)).addValue("by", by));
    }

    void insertLot(long recallId, long lotId, int depth, boolean named, String previousStatus, boolean recalled,
            String note) {
        jdbc.update("""
                INSERT INTO recall_lot (recall_id, lot_id, depth, named, previous_status, recalled, note)
                VALUES (:recallId, :lotId, :depth, :named, :previous, :recalled, :note)
                """, new MapSqlParameterSource().addValue("recallId", recallId).addValue("lotId", lotId)
                .addValue("depth", depth).addValue("named", named).addValue("previous", previousStatus)
                .addValue("recalled", recalled).addValue("note", note));
    }

    /** A shipment of the recall's scope to record: {@code quantity} in the lot's unit. */
    record NewShipment(String customer, String orderNumber, long lotId, BigDecimal quantity, LocalDate shippedAt,
            String carrier, Instant recordedAt) {
    }

    /** Records the scope's shipments as JDBC batches of 1,000 rows (a hub lot's recall has tens of thousands). */
    void insertShipments(long recallId, List<NewShipment> shipments) {
        for (int from = 0; from < shipments.size(); from += 1000) {
            jdbc.batchUpdate("""
                    INSERT INTO recall_shipment (recall_id, customer, order_number, lot_id, quantity, shipped_at, carrier,
                                                 recorded_at)
                    VALUES (:recallId, :customer, :order, :lotId, :quantity, :shippedAt, :carrier, :recordedAt)
                    """, shipments.subList(from, Math.min(shipments.size(), from + 1000)).stream()
                    .map(s -> new MapSqlParameterSource().addValue("recallId", recallId)
                            .addValue("customer", s.customer()).addValue("order", s.orderNumber())
                            .addValue("lotId", s.lotId()).addValue("quantity", s.quantity())
                            .addValue("shippedAt", s.shippedAt()).addValue("carrier", s.carrier())
                            .addValue("recordedAt", s.recordedAt() == null ? null
                                    : s.recordedAt().atOffset(java.time.ZoneOffset.UTC)))
                    .toArray(MapSqlParameterSource[]::new));
        }
    }

    void event(long recallId, Instant at, String type, String user, String text) {
        jdbc.update("""
                INSERT INTO recall_event (recall_id, at, type, user_id, text) VALUES (:recallId, :at, :type, :user, :text)
                """, new MapSqlParameterSource().addValue("recallId", recallId).addValue("at", ts(at))
                .addValue("type", type).addValue("user", user)
                .addValue("text", text));
    }

    private static RecallRow recall(ResultSet rs, int i) throws SQLException {
        return new RecallRow(rs.getLong("id"), rs.getString("recall_number"), rs.getString("classification"),
                rs.getString("reason"), rs.getString("status"), rs.getString("process_instance_id"),
                rs.getString("effectiveness_level"), rs.getString("close_comment"), instant(rs, "opened_at"),
                rs.getString("opened_by"), instant(rs, "closed_at"), rs.getString("closed_by"),
                rs.getString("close_requested_by"), rs.getString("close_requested_comment"),
                rs.getString("close_requested_justification"), rs.getString("close_justification"),
                rs.getString("close_requested_disposals"), rs.getString("close_disposals"),
                instant(rs, "close_requested_at"));
    }

    Optional<RecallRow> find(String recallNumber) {
        return jdbc.query("SELECT * FROM recall WHERE recall_number = :n", Map.of("n", recallNumber),
                RecallStore::recall).stream().findFirst();
    }

    RecallRow get(long recallId) {
        return jdbc.queryForObject("SELECT * FROM recall WHERE id = :id", Map.of("id", recallId), RecallStore::recall);
    }

    /**
     * Binds the process instance to the recall of that number if it has none yet: 1 when bound, 0
     * when there is no such recall or it already has a process (one atomic UPDATE).
     */
    int bindProcess(String recallNumber, String processInstanceId) {
        return jdbc.update("UPDATE recall SET process_instance_id = :pi WHERE recall_number = :n"
                + " AND process_instance_id IS NULL", Map.of("pi", processInstanceId, "n", recallNumber));
    }

    /** The recall row, locked until commit (the answers of one recall's customers and its closing queue on it). */
    RecallRow lock(long recallId) {
        return jdbc.queryForObject("SELECT * FROM recall WHERE id = :id FOR UPDATE", Map.of("id", recallId),
                RecallStore::recall);
    }

    /**
     * Records the QA manager's closing decision (with how each recalled lot's stock on hand is disposed of, as JSON;
     * null when nothing was on hand); the report task re-checks it before closing.
     */
    void requestClose(long recallId, String by, String comment, String justification, String disposals, Instant at) {
        jdbc.update("""
                UPDATE recall SET close_requested_by = :by, close_requested_comment = :comment,
                       close_requested_justification = :justification, close_requested_disposals = :disposals,
                       close_requested_at = :at WHERE id = :id
                """, new MapSqlParameterSource().addValue("by", by).addValue("comment", comment)
                .addValue("justification", justification).addValue("disposals", disposals)
                .addValue("at", ts(at)).addValue("id", recallId));
    }

    /** What the closing disposed of, lot by lot (JSON), for the recall's view. */
    void disposed(long recallId, String disposals) {
        jdbc.update("UPDATE recall SET close_disposals = :disposals WHERE id = :id",
                new MapSqlParameterSource().addValue("disposals", disposals).addValue("id", recallId));
    }

    void updateStatus(long recallId, String status, String level) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", recallId);
        p.put("status", status);
        p.put("level", level);
        jdbc.update("UPDATE recall SET status = :status, effectiveness_level = :level WHERE id = :id", p);
    }

    void close(long recallId, String level, String comment, String justification, Instant at, String by) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", recallId);
        p.put("level", level);
        p.put("comment", comment);
        p.put("justification", justification);
        p.put("at", ts(at));
        p.put("by", by);
        jdbc.update("""
                UPDATE recall SET status = 'CLOSED', effectiveness_level = :level, close_comment = :comment,
                       close_justification = :justification, closed_at = :at, closed_by = :by WHERE id = :id
                """, p);
    }

    /** A lot's row of the recall's scope ({@code recall_lot}). */
    private record Scoped(long lotId, int depth, boolean named, String previous, boolean recalled, String note) {
    }

    private static final String SCOPED = "SELECT lot_id, depth, named, previous_status, recalled, note FROM recall_lot"
            + " WHERE recall_id = :id";

    private static Scoped scoped(ResultSet rs, int i) throws SQLException {
        return new Scoped(rs.getLong(1), rs.getInt(2), rs.getBoolean(3), rs.getString(4), rs.getBoolean(5),
                rs.getString(6));
    }

    /** The lots of the recall's scope, by depth then lot number. */
    List<LotRow> lots(long recallId) {
        return rows(jdbc.query(SCOPED, Map.of("id", recallId), RecallStore::scoped));
    }

    /**
     * The lot of the recall's scope with this number (in any case), if it is one: one lot read, not the whole scope (a
     * received return names one lot of a recall that may have thousands).
     */
    Optional<LotRow> scopeLot(long recallId, String lotNumber) {
        return lotStock.findByLotNumber(lotStock.asStored(List.of(lotNumber)).get(0))
                .flatMap(l -> rows(jdbc.query(SCOPED + " AND lot_id = :lot", Map.of("id", recallId, "lot", l.getId()),
                        RecallStore::scoped)).stream().findFirst());
    }

    /** How many lots the recall's scope has. */
    int scopeSize(long recallId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM recall_lot WHERE recall_id = :id", Map.of("id", recallId),
                Integer.class);
    }

    private List<LotRow> rows(List<Scoped> scoped) {
        Map<Long, Lot> lots = lotsById(scoped.stream().map(Scoped::lotId).toList());
        List<LotRow> rows = new ArrayList<>();
        for (Scoped r : scoped) {
            Lot l = lots.get(r.lotId());
            rows.add(new LotRow(r.lotId(), l.getLotNumber(), l.getProduct().getSku(), l.getProduct().getName(),
                    l.getProduct().getUnit(), l.getStatus().name(), r.depth(), r.named(), r.previous(), r.recalled(),
                    r.note(), l.getQuantity(), l.getLocation(), l.getManufactureDate(), l.getReceiptDate(),
                    l.getProductionOrder(), l.getSource() == null ? null : l.getSource().name()));
        }
        rows.sort(Comparator.comparingInt(LotRow::depth).thenComparing(LotRow::lotNumber));
        return rows;
    }

    /** The lots with these ids, from the lot module, by id. */
    private Map<Long, Lot> lotsById(List<Long> ids) {
        Map<Long, Lot> out = new HashMap<>();
        lotStock.findAllById(ids).forEach(l -> out.put(l.getId(), l));
        return out;
    }

    /** The shipments of the recall's scope, by customer, date, lot number and ledger order. */
    List<ShipmentRow> shipments(long recallId) {
        return shipments(recallId, null);
    }

    /**
     * The shipments of the recall's scope to one customer, whatever its case (null: to every customer), ordered as
     * {@link #shipments(long)}: each notification task reads its own customer's, not the recall's all
     * (issue #11: a recall of 6,000 customers read 6,000 times all its shipments).
     */
    List<ShipmentRow> shipments(long recallId, String customer) {
        record Shipped(long id, String customer, String order, long lotId, BigDecimal quantity, LocalDate at,
                String carrier, Instant recordedAt) {
        }
        List<Shipped> shipped = jdbc.query("""
                SELECT id, customer, order_number, lot_id, quantity, shipped_at, carrier, recorded_at
                  FROM recall_shipment WHERE recall_id = :id
                """ + (customer == null ? "" : " AND LOWER(customer) = LOWER(:customer)"), new MapSqlParameterSource("id", recallId).addValue("customer", customer), (rs, i) -> new Shipped(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getLong(4), rs.getBigDecimal(5), rs.getObject(6, LocalDate.class), rs.getString(7),
                rs.getObject(8, java.time.OffsetDateTime.class) == null ? null
                        : rs.getObject(8, java.time.OffsetDateTime.class).toInstant()));
        Map<Long, LotLabel> lots = lotStock.labels(shipped.stream().map(Shipped::lotId).distinct().toList());
        shipped = new ArrayList<>(shipped);
        shipped.sort(Comparator.comparing(Shipped::customer)
                .thenComparing(Shipped::at, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(s -> lots.get(s.lotId()).lotNumber()).thenComparingLong(Shipped::id));
        return shipped.stream().map(s -> {
            LotLabel l = lots.get(s.lotId());
            return new ShipmentRow(s.customer(), s.order(), s.lotId(), l.lotNumber(), l.sku(), l.productName(),
                    l.unit(), l.location(), s.quantity(), s.at(), s.carrier(), s.recordedAt(), l.serialised());
        }).toList();
    }

    /**
     * Whether all the recall's shipments to {@code customer} (whatever its case) in {@code unit} (any, when null) are
     * of products counted in whole units ({@link org.lotflow.product.WholeUnits}): serialised, one serial each (auditor
     * 2026-12-07 F2), or counted in packages such as drums (audit 28 F2); not when a shipment was recorded with a
     * fraction before the rule (the customer's answer may then name that fraction).
     */
    boolean wholeUnits(long recallId, String customer, String unit) {
        List<ShipmentRow> shipped = shipments(recallId, customer).stream()
                .filter(s -> unit == null || unit.equals(s.unit())).toList();
        return !shipped.isEmpty() && shipped.stream()
                .allMatch(s -> org.lotflow.product.WholeUnits.counted(s.serialised(), s.unit())
                        && org.lotflow.product.WholeUnits.whole(s.quantity()));
    }

    /** The ids of the lots of the recall's scope. */
    List<Long> scopeLotIds(long recallId) {
        return jdbc.queryForList("SELECT lot_id FROM recall_lot WHERE recall_id = :id", Map.of("id", recallId),
                Long.class);
    }

    /** The ids of the lots the recall made RECALLED (not those it skipped). */
    List<Long> recalledLotIds(long recallId) {
        return jdbc.queryForList("SELECT lot_id FROM recall_lot WHERE recall_id = :id AND recalled = TRUE",
                Map.of("id", recallId), Long.class);
    }

    List<EventRow> events(long recallId) {
        return jdbc.query("SELECT at, type, user_id, text FROM recall_event WHERE recall_id = :id ORDER BY id",
                Map.of("id", recallId), (rs, i) -> new EventRow(instant(rs, "at"), rs.getString(2), rs.getString(3),
                        rs.getString(4)));
    }

    /**
     * The recall that is not CLOSED and recalled a lot, if any (the latest): an ARCHIVED lot it took stays its lot
     * (auditor 26b F3: archived while the recall was open, before archiving left such lots alone).
     */
    Optional<String> openRecallOf(long lotId) {
        return jdbc.queryForList("""
                SELECT r.recall_number FROM recall_lot rl JOIN recall r ON r.id = rl.recall_id
                 WHERE rl.lot_id = :lotId AND rl.recalled = TRUE AND r.status <> 'CLOSED' ORDER BY r.id DESC
                """, Map.of("lotId", lotId), String.class).stream().findFirst();
    }

    /** The recall that recalled a lot, if any (the latest). */
    Optional<String> recallOf(long lotId) {
        return jdbc.queryForList("""
                SELECT r.recall_number FROM recall_lot rl JOIN recall r ON r.id = rl.recall_id
                 WHERE rl.lot_id = :lotId AND rl.recalled = TRUE ORDER BY r.id DESC
                """, Map.of("lotId", lotId), String.class).stream().findFirst();
    }
}
