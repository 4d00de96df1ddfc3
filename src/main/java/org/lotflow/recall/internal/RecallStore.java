package org.lotflow.recall;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The recall tables (V40), read and written with plain SQL. */
@Repository
class RecallStore {

    private final NamedParameterJdbcTemplate jdbc;

    RecallStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    record RecallRow(Long id, String recallNumber, String classification, String reason, String status,
            String processInstanceId, String effectivenessLevel, String closeComment, Instant openedAt,
            String openedBy, Instant closedAt, String closedBy, String closeRequestedBy,
            String closeRequestedComment) {
    }

    record LotRow(Long lotId, String lotNumber, String sku, String productName, String unit, String currentStatus,
            int depth, boolean named, String previousStatus, boolean recalled, String note, BigDecimal quantity,
            String location, LocalDate manufactureDate, LocalDate receiptDate, String productionOrder,
            String source) {
    }

    record NotificationRow(Long id, String customer, BigDecimal quantityShipped, String status, String taskId,
            Boolean acknowledged, BigDecimal quantityReturned, Instant notifiedAt, String notifiedBy,
            Instant escalatedAt) {
        boolean done() {
            return RecallService.NOTIFICATION_DONE.equals(status);
        }
    }

    record ShipmentRow(String customer, String orderNumber, Long lotId, String lotNumber, String sku,
            String productName, String unit, String location, BigDecimal quantity, LocalDate shippedAt,
            String carrier) {
    }

    record EventRow(Instant at, String type, String user, String text) {
    }

    record EdgeRow(String input, String output, BigDecimal quantity) {
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

    void insertShipment(long recallId, String customer, String orderNumber, long lotId, BigDecimal quantity,
            LocalDate shippedAt, String carrier) {
        jdbc.update("""
                INSERT INTO recall_shipment (recall_id, customer, order_number, lot_id, quantity, shipped_at, carrier)
                VALUES (:recallId, :customer, :order, :lotId, :quantity, :shippedAt, :carrier)
                """, new MapSqlParameterSource().addValue("recallId", recallId).addValue("customer", customer)
                .addValue("order", orderNumber).addValue("lotId", lotId).addValue("quantity", quantity)
                .addValue("shippedAt", shippedAt).addValue("carrier", carrier));
    }

    long insertNotification(long recallId, String customer, BigDecimal shipped) {
        return insert("""
                INSERT INTO recall_notification (recall_id, customer, quantity_shipped, status)
                VALUES (:recallId, :customer, :shipped, 'OPEN')
                """, new MapSqlParameterSource().addValue("recallId", recallId).addValue("customer", customer)
                .addValue("shipped", shipped));
    }

    void event(long recallId, Instant at, String type, String user, String text) {
        jdbc.update("""
                INSERT INTO recall_event (recall_id, at, type, user_id, text) VALUES (:recallId, :at, :type, :user, :text)
                """, new MapSqlParameterSource().addValue("recallId", recallId).addValue("at", ts(at))
                .addValue("type", type).addValue("user", user)
                .addValue("text", text == null || text.length() <= 4000 ? text : text.substring(0, 4000)));
    }

    private static RecallRow recall(ResultSet rs, int i) throws SQLException {
        return new RecallRow(rs.getLong("id"), rs.getString("recall_number"), rs.getString("classification"),
                rs.getString("reason"), rs.getString("status"), rs.getString("process_instance_id"),
                rs.getString("effectiveness_level"), rs.getString("close_comment"), instant(rs, "opened_at"),
                rs.getString("opened_by"), instant(rs, "closed_at"), rs.getString("closed_by"),
                rs.getString("close_requested_by"), rs.getString("close_requested_comment"));
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

    /** The recall row, locked until commit (notification tasks of one recall are bound one at a time). */
    RecallRow lock(long recallId) {
        return jdbc.queryForObject("SELECT * FROM recall WHERE id = :id FOR UPDATE", Map.of("id", recallId),
                RecallStore::recall);
    }

    /**
     * Binds the next notification of the recall without a task (customer order) to the task and its
     * subprocess instance; the id bound, or empty when every notification has its task. Call with
     * the recall row locked.
     */
    Optional<Long> bindNextNotification(long recallId, String taskId, String scope) {
        List<Long> free = jdbc.queryForList("""
                SELECT id FROM recall_notification WHERE recall_id = :id AND task_id IS NULL ORDER BY customer, id
                """, Map.of("id", recallId), Long.class);
        for (Long id : free) {
            int bound = jdbc.update("UPDATE recall_notification SET task_id = :task, task_scope = :scope"
                    + " WHERE id = :id AND task_id IS NULL", Map.of("task", taskId, "scope", scope, "id", id));
            if (bound == 1) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    /** The notification of a recall bound to a task, row-locked. */
    Optional<NotificationRow> lockNotificationOfTask(long recallId, String taskId) {
        return jdbc.query("SELECT * FROM recall_notification WHERE recall_id = :r AND task_id = :t FOR UPDATE",
                Map.of("r", recallId, "t", taskId), RecallStore::notification).stream().findFirst();
    }

    /** The notification of a recall whose task runs in that subprocess instance, row-locked. */
    Optional<NotificationRow> lockNotificationOfScope(long recallId, String scope) {
        return jdbc.query("SELECT * FROM recall_notification WHERE recall_id = :r AND task_scope = :s FOR UPDATE",
                Map.of("r", recallId, "s", scope), RecallStore::notification).stream().findFirst();
    }

    /** Records the QA manager's closing decision; the report task re-checks it before closing. */
    void requestClose(long recallId, String by, String comment, Instant at) {
        jdbc.update("""
                UPDATE recall SET close_requested_by = :by, close_requested_comment = :comment,
                       close_requested_at = :at WHERE id = :id
                """, new MapSqlParameterSource().addValue("by", by).addValue("comment", comment)
                .addValue("at", ts(at)).addValue("id", recallId));
    }

    void updateStatus(long recallId, String status, String level) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", recallId);
        p.put("status", status);
        p.put("level", level);
        jdbc.update("UPDATE recall SET status = :status, effectiveness_level = :level WHERE id = :id", p);
    }

    void close(long recallId, String level, String comment, Instant at, String by) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", recallId);
        p.put("level", level);
        p.put("comment", comment);
        p.put("at", ts(at));
        p.put("by", by);
        jdbc.update("""
                UPDATE recall SET status = 'CLOSED', effectiveness_level = :level, close_comment = :comment,
                       closed_at = :at, closed_by = :by WHERE id = :id
                """, p);
    }

    List<LotRow> lots(long recallId) {
        return jdbc.query("""
                SELECT rl.lot_id, l.lot_number, p.sku, p.name, p.unit, l.status, rl.depth, rl.named, rl.previous_status,
                       rl.recalled, rl.note, l.quantity, l.location, l.manufacture_date, l.receipt_date,
                       l.production_order, l.source
                  FROM recall_lot rl JOIN lot l ON l.id = rl.lot_id JOIN product p ON p.id = l.product_id
                 WHERE rl.recall_id = :id
                 ORDER BY rl.depth, l.lot_number
                """, Map.of("id", recallId), (rs, i) -> new LotRow(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getBoolean(8), rs.getString(9),
                rs.getBoolean(10), rs.getString(11), rs.getBigDecimal(12), rs.getString(13),
                rs.getObject(14, LocalDate.class), rs.getObject(15, LocalDate.class), rs.getString(16),
                rs.getString(17)));
    }

    private static NotificationRow notification(ResultSet rs, int i) throws SQLException {
        Object ack = rs.getObject("acknowledged");
        return new NotificationRow(rs.getLong("id"), rs.getString("customer"), rs.getBigDecimal("quantity_shipped"),
                rs.getString("status"), rs.getString("task_id"), ack == null ? null : rs.getBoolean("acknowledged"),
                rs.getBigDecimal("quantity_returned"), instant(rs, "notified_at"), rs.getString("notified_by"),
                instant(rs, "escalated_at"));
    }

    List<NotificationRow> notifications(long recallId) {
        return jdbc.query("SELECT * FROM recall_notification WHERE recall_id = :id ORDER BY customer, id",
                Map.of("id", recallId), RecallStore::notification);
    }

    List<Long> notificationIds(long recallId) {
        return jdbc.queryForList("SELECT id FROM recall_notification WHERE recall_id = :id ORDER BY customer, id",
                Map.of("id", recallId), Long.class);
    }

    /** One notification, row-locked so concurrent completions of the same customer queue. */
    NotificationRow lockNotification(long notificationId) {
        return jdbc.queryForObject("SELECT * FROM recall_notification WHERE id = :id FOR UPDATE",
                Map.of("id", notificationId), RecallStore::notification);
    }

    void recordNotification(long notificationId, boolean acknowledged, BigDecimal returned, Instant at, String by) {
        jdbc.update("""
                UPDATE recall_notification SET status = 'DONE', acknowledged = :ack, quantity_returned = :returned,
                       notified_at = :at, notified_by = :by WHERE id = :id
                """, new MapSqlParameterSource().addValue("ack", acknowledged).addValue("returned", returned)
                .addValue("at", ts(at)).addValue("by", by).addValue("id", notificationId));
    }

    void escalated(long notificationId, Instant at) {
        jdbc.update("UPDATE recall_notification SET escalated_at = :at WHERE id = :id",
                new MapSqlParameterSource().addValue("at", ts(at)).addValue("id", notificationId));
    }

    List<ShipmentRow> shipments(long recallId) {
        return jdbc.query("""
                SELECT s.customer, s.order_number, s.lot_id, l.lot_number, p.sku, p.name, p.unit, l.location,
                       s.quantity, s.shipped_at, s.carrier
                  FROM recall_shipment s JOIN lot l ON l.id = s.lot_id JOIN product p ON p.id = l.product_id
                 WHERE s.recall_id = :id
                 ORDER BY s.customer, s.shipped_at, l.lot_number, s.id
                """, Map.of("id", recallId), (rs, i) -> new ShipmentRow(rs.getString(1), rs.getString(2),
                rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getBigDecimal(9), rs.getObject(10, LocalDate.class), rs.getString(11)));
    }

    /** The genealogy edges between lots of the recall's scope (transformations). */
    List<EdgeRow> edges(long recallId) {
        return jdbc.query("""
                SELECT i.lot_number, o.lot_number, e.quantity
                  FROM lot_source e
                  JOIN recall_lot ri ON ri.lot_id = e.source_lot_id AND ri.recall_id = :id
                  JOIN recall_lot ro ON ro.lot_id = e.lot_id AND ro.recall_id = :id
                  JOIN lot i ON i.id = e.source_lot_id JOIN lot o ON o.id = e.lot_id
                 ORDER BY o.lot_number, i.lot_number
                """, Map.of("id", recallId), (rs, i) -> new EdgeRow(rs.getString(1), rs.getString(2),
                rs.getBigDecimal(3)));
    }

    List<EventRow> events(long recallId) {
        return jdbc.query("SELECT at, type, user_id, text FROM recall_event WHERE recall_id = :id ORDER BY id",
                Map.of("id", recallId), (rs, i) -> new EventRow(instant(rs, "at"), rs.getString(2), rs.getString(3),
                        rs.getString(4)));
    }

    /** The recall that recalled a lot, if any (the latest). */
    Optional<String> recallOf(long lotId) {
        return jdbc.queryForList("""
                SELECT r.recall_number FROM recall_lot rl JOIN recall r ON r.id = rl.recall_id
                 WHERE rl.lot_id = :lotId AND rl.recalled = TRUE ORDER BY r.id DESC
                """, Map.of("lotId", lotId), String.class).stream().findFirst();
    }
}
