package org.lotflow.recall.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The customer notifications of recalls ({@code recall_notification}, V40, V61, V84, V87, V131, V138, V145), read and
 * written with plain SQL: one row per customer and unit of what it received of a recall's scope
 * ({@link CustomerShipments.Consignee}), in customer and unit order ({@code position} 0, 1, ...), bound
 * to its {@code recallNotification} process when lotflow starts it and to that process's
 * {@code notifyCustomer} task when the task is created.
 */
@Repository
class NotificationStore {

    /**
     * One customer's notification for what it received in one unit: {@code quantityShipped}/{@code quantityReturned}/
     * {@code quantityDestroyed} in {@code unit} (null only for a notification of several units recorded before V131);
     * once answered, how and whom the plant reached ({@code contactMethod}, {@code contactPerson}) and its
     * {@code note} (V138; null for answers recorded before, whose {@code quantityReturned} was "returned or
     * destroyed" in one number, and for no note), and whether the customer was {@code reached} (V145; null while open
     * and for answers recorded before, which count as reached, as they always were). {@code notifiedAt} and
     * {@code notifiedBy}: when and by whom the answer was recorded, the attempt's when the customer was not reached.
     */
    record NotificationRow(Long id, String customer, String unit, BigDecimal quantityShipped, String status,
            String taskId, Boolean acknowledged, BigDecimal quantityReturned, Instant notifiedAt, String notifiedBy,
            Instant escalatedAt, String contactMethod, String contactPerson, String note,
            BigDecimal quantityDestroyed, Boolean reached) {
        /** Whether the notification is answered: the customer told, or the attempt to reach it recorded. */
        boolean done() {
            return RecallStatus.NOTIFICATION_DONE.equals(status);
        }

        /**
         * Whether the customer was told (21 CFR 7.49, 7.53 "consignees notified"): answered and reached (null, an
         * answer recorded before V145, counts as reached).
         */
        boolean notified() {
            return done() && !Boolean.FALSE.equals(reached);
        }

        /** Whether the notification is answered with "could not be reached". */
        boolean notReached() {
            return done() && Boolean.FALSE.equals(reached);
        }

        CustomerShipments.Consignee consignee() {
            return new CustomerShipments.Consignee(customer, unit);
        }
    }

    private final NamedParameterJdbcTemplate jdbc;

    NotificationStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static OffsetDateTime ts(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static NotificationRow row(ResultSet rs, int i) throws SQLException {
        Object ack = rs.getObject("acknowledged");
        Object reached = rs.getObject("reached");
        return new NotificationRow(rs.getLong("id"), rs.getString("customer"), rs.getString("unit"),
                rs.getBigDecimal("quantity_shipped"),
                rs.getString("status"), rs.getString("task_id"), ack == null ? null : rs.getBoolean("acknowledged"),
                rs.getBigDecimal("quantity_returned"), instant(rs, "notified_at"), rs.getString("notified_by"),
                instant(rs, "escalated_at"), rs.getString("contact_method"), rs.getString("contact_person"),
                rs.getString("note"), rs.getBigDecimal("quantity_destroyed"),
                reached == null ? null : rs.getBoolean("reached"));
    }

    /**
     * One OPEN notification per customer and unit, at its place in that order (0, 1, ...), written as
     * JDBC batches (a recall of 13,000 customers is one round trip per 1,000 rows, not 13,000).
     */
    void insertAll(long recallId, SortedMap<CustomerShipments.Consignee, BigDecimal> shippedPerConsignee) {
        MapSqlParameterSource[] rows = new MapSqlParameterSource[shippedPerConsignee.size()];
        int position = 0;
        for (Map.Entry<CustomerShipments.Consignee, BigDecimal> e : shippedPerConsignee.entrySet()) {
            rows[position] = new MapSqlParameterSource().addValue("recallId", recallId)
                    .addValue("customer", e.getKey().customer()).addValue("unit", e.getKey().unit())
                    .addValue("shipped", e.getValue()).addValue("position", position);
            position++;
        }
        for (int from = 0; from < rows.length; from += 1000) {
            jdbc.batchUpdate("""
                    INSERT INTO recall_notification (recall_id, customer, unit, quantity_shipped, status, position)
                    VALUES (:recallId, :customer, :unit, :shipped, 'OPEN', :position)
                    """, java.util.Arrays.copyOfRange(rows, from, Math.min(rows.length, from + 1000)));
        }
    }

    /** Every notification of the recall, in customer and unit order. */
    List<NotificationRow> all(long recallId) {
        return jdbc.query("SELECT * FROM recall_notification WHERE recall_id = :id ORDER BY customer, unit, id",
                Map.of("id", recallId), NotificationStore::row);
    }

    /** How many notifications the recall has (one per customer and unit). */
    int count(long recallId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM recall_notification WHERE recall_id = :id",
                Map.of("id", recallId), Integer.class);
    }

    /** How many notifications of the recall are not answered yet. */
    int open(long recallId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM recall_notification WHERE recall_id = :id AND status <> '"
                + RecallStatus.NOTIFICATION_DONE + "'", Map.of("id", recallId), Integer.class);
    }

    /** How many notifications of the recall have no process yet (neither started nor, for older recalls, a task). */
    int unstarted(long recallId) {
        return jdbc.queryForObject("""
                SELECT COUNT(*) FROM recall_notification
                 WHERE recall_id = :id AND process_instance_id IS NULL AND task_id IS NULL
                """, Map.of("id", recallId), Integer.class);
    }

    /** The ids of the first {@code limit} notifications without a process, in customer order. */
    List<Long> nextUnstarted(long recallId, int limit) {
        return jdbc.queryForList("""
                SELECT id FROM recall_notification
                 WHERE recall_id = :id AND process_instance_id IS NULL AND task_id IS NULL
                 ORDER BY position, id FETCH FIRST :limit ROWS ONLY
                """, new MapSqlParameterSource("id", recallId).addValue("limit", limit), Long.class);
    }

    /** The ids of the notifications at positions {@code from} (inclusive) to {@code to} (exclusive) without a process. */
    List<Long> unstartedAt(long recallId, int from, int to) {
        return jdbc.queryForList("""
                SELECT id FROM recall_notification
                 WHERE recall_id = :id AND position >= :from AND position < :to
                   AND process_instance_id IS NULL AND task_id IS NULL
                 ORDER BY position
                """, new MapSqlParameterSource("id", recallId).addValue("from", from).addValue("to", to), Long.class);
    }

    /** Binds the notification to the process lotflow just started for it; false if it has one already. */
    boolean bindProcess(long notificationId, String processInstanceId) {
        return jdbc.update("UPDATE recall_notification SET process_instance_id = :pi WHERE id = :id"
                + " AND process_instance_id IS NULL", Map.of("pi", processInstanceId, "id", notificationId)) == 1;
    }

    /**
     * Frees the notification for its next task after an attempt that reached nobody and is tried again (its process
     * loops back to {@code notifyCustomer}, whose create listener binds the new task).
     */
    void unbindTask(long notificationId, String taskId) {
        jdbc.update("UPDATE recall_notification SET task_id = NULL WHERE id = :id AND task_id = :task",
                Map.of("id", notificationId, "task", taskId));
    }

    /** Whether the notification bound to that {@code recallNotification} process is still open (not answered). */
    boolean openOfProcess(long recallId, String processInstanceId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM recall_notification WHERE recall_id = :r"
                + " AND process_instance_id = :pi AND status <> 'DONE'", Map.of("r", recallId, "pi", processInstanceId),
                Integer.class) > 0;
    }

    /** The notification of a recall bound to that {@code recallNotification} process, row-locked. */
    Optional<NotificationRow> lockOfProcess(long recallId, String processInstanceId) {
        return jdbc.query("SELECT * FROM recall_notification WHERE recall_id = :r AND process_instance_id = :pi"
                + " FOR UPDATE", Map.of("r", recallId, "pi", processInstanceId), NotificationStore::row).stream()
                .findFirst();
    }

    /** The task of the notification of a recall bound to that {@code recallNotification} process, if it has one. */
    Optional<String> taskOfProcess(long recallId, String processInstanceId) {
        return jdbc.queryForList("SELECT task_id FROM recall_notification WHERE recall_id = :r AND process_instance_id"
                + " = :pi AND task_id IS NOT NULL", Map.of("r", recallId, "pi", processInstanceId), String.class)
                .stream().findFirst();
    }

    /** Whether a notification of the recall is bound to that {@code recallNotification} process. */
    boolean isBound(long recallId, String processInstanceId) {
        return !jdbc.queryForList("SELECT id FROM recall_notification WHERE recall_id = :r AND process_instance_id = :pi",
                Map.of("r", recallId, "pi", processInstanceId), Long.class).isEmpty();
    }

    /**
     * The notifications of the recall for that customer, whatever its capitals (one per unit it received), by unit;
     * none if not its customer. Capitals are compared as the customer's name is kept everywhere else ({@link
     * org.lotflow.shared.PartyReadings#sameText}: "STRASSE GMBH" is "Straße GmbH", "IZMIR" is "İzmir"; auditor
     * 2026-12-06 F2), first by SQL's simple lower case, then, found no other way, among the recall's customers.
     */
    List<NotificationRow> ofCustomer(long recallId, String customer) {
        List<NotificationRow> rows = jdbc.query("SELECT * FROM recall_notification WHERE recall_id = :r"
                + " AND LOWER(customer) = LOWER(:c) ORDER BY unit, id", Map.of("r", recallId, "c", customer),
                NotificationStore::row);
        if (!rows.isEmpty()) {
            return rows;
        }
        List<String> named = jdbc.queryForList("SELECT DISTINCT customer FROM recall_notification WHERE recall_id = :r",
                Map.of("r", recallId), String.class).stream()
                .filter(known -> org.lotflow.shared.PartyReadings.sameText(known, customer)).toList();
        return named.isEmpty() ? List.of() : jdbc.query("SELECT * FROM recall_notification WHERE recall_id = :r"
                + " AND customer IN (:c) ORDER BY unit, id", Map.of("r", recallId, "c", named), NotificationStore::row);
    }

    /** How many customers the recall has (a customer that received two units has two notifications). */
    int customers(long recallId) {
        return jdbc.queryForObject("SELECT COUNT(DISTINCT customer) FROM recall_notification WHERE recall_id = :id",
                Map.of("id", recallId), Integer.class);
    }

    /** Binds the notification to its task; false if it has a task. */
    boolean bindTask(long notificationId, String taskId) {
        return jdbc.update("UPDATE recall_notification SET task_id = :task WHERE id = :id AND task_id IS NULL",
                Map.of("task", taskId, "id", notificationId)) == 1;
    }

    /** The notification of a recall bound to a task, row-locked. */
    Optional<NotificationRow> lockOfTask(long recallId, String taskId) {
        return jdbc.query("SELECT * FROM recall_notification WHERE recall_id = :r AND task_id = :t FOR UPDATE",
                Map.of("r", recallId, "t", taskId), NotificationStore::row).stream().findFirst();
    }

    /**
     * The notification of a recall whose task runs in that subprocess instance, row-locked: recalls
     * opened before V87 ran every customer in one multi-instance subprocess of {@code lotRecall}.
     */
    Optional<NotificationRow> lockOfScope(long recallId, String scope) {
        return jdbc.query("SELECT * FROM recall_notification WHERE recall_id = :r AND task_scope = :s FOR UPDATE",
                Map.of("r", recallId, "s", scope), NotificationStore::row).stream().findFirst();
    }

    /**
     * Records the customer's answer (checked, {@link NotificationAnswer}), whether it was reached included;
     * quantities in the lots' unit, as given.
     */
    void record(long notificationId, NotificationAnswer answer, Instant at, String by) {
        writeAnswer(notificationId, answer, at, by, "");
    }

    /** Writes the answer as the notification's, where the row also meets {@code condition}; the rows written. */
    private int writeAnswer(long notificationId, NotificationAnswer answer, Instant at, String by, String condition) {
        return jdbc.update("""
                UPDATE recall_notification SET status = 'DONE', reached = :reached, acknowledged = :ack,
                       quantity_returned = :returned,
                       quantity_destroyed = :destroyed, contact_method = :method, contact_person = :person,
                       note = :note, notified_at = :at, notified_by = :by WHERE id = :id
                """ + condition, new MapSqlParameterSource().addValue("ack", answer.acknowledged())
                .addValue("reached", answer.reached())
                .addValue("returned", answer.quantityReturned()).addValue("destroyed", answer.quantityDestroyed())
                .addValue("method", answer.contactMethod()).addValue("person", answer.contactPerson())
                .addValue("note", answer.note()).addValue("at", ts(at)).addValue("by", by)
                .addValue("id", notificationId));
    }

    /**
     * Records a later contact that reached a customer recorded as not reached ({@link #record}'s columns), only while
     * it is still recorded so: false when another contact was recorded first (the caller's 409). One conditional write,
     * so of several at once one is taken whatever the database's row locking (re-test 2026-12-06 N1: two were).
     */
    boolean recordReachedLater(long notificationId, NotificationAnswer answer, Instant at, String by) {
        return writeAnswer(notificationId, answer, at, by, " AND status = 'DONE' AND reached = FALSE") == 1;
    }

    /** Sets what the customer returned and destroyed in all (returns recorded after its answer, {@link RecallReturns}). */
    void addReturns(long notificationId, BigDecimal totalReturned, BigDecimal totalDestroyed) {
        jdbc.update("UPDATE recall_notification SET quantity_returned = :returned, quantity_destroyed = :destroyed"
                + " WHERE id = :id", new MapSqlParameterSource().addValue("returned", totalReturned)
                .addValue("destroyed", totalDestroyed).addValue("id", notificationId));
    }

    /** Marks the notification as escalated to QA managers at that time. */
    void escalated(long notificationId, Instant at) {
        jdbc.update("UPDATE recall_notification SET escalated_at = :at WHERE id = :id",
                new MapSqlParameterSource().addValue("at", ts(at)).addValue("id", notificationId));
    }
}
