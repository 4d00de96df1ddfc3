package org.lotflow.drill.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.lotflow.drill.DrillStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The {@code mock_recall} table: one row per drill, its scope as JSON. */
@Component
class DrillStore {

    /** A drill's row. {@code scope}: the JSON of {@link DrillScope}. */
    record Row(long id, String drillNumber, long lotId, DrillStatus status, Instant startedAt, String startedBy,
            int targetMinutes, String processInstanceId, Boolean traceComplete, String reviewFindings,
            String reviewedBy, Instant reviewedAt, String closeComment, Instant finishedAt, String finishedBy,
            String resultReason, java.math.BigDecimal reconciliationPercent, String scope) {
    }

    private static final String COLUMNS = "id, drill_number, lot_id, status, started_at, started_by, target_minutes,"
            + " process_instance_id, trace_complete, review_findings, reviewed_by, reviewed_at, close_comment,"
            + " finished_at, finished_by, result_reason, reconciliation_percent, scope";

    private final JdbcTemplate jdbc;

    DrillStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(DrillNumber number, long lotId, Instant startedAt, String startedBy, int targetMinutes,
            java.math.BigDecimal reconciliationPercent, String scope) {
        jdbc.update("INSERT INTO mock_recall (drill_number, seq_year, seq, lot_id, status, started_at, started_by,"
                + " target_minutes, reconciliation_percent, scope) VALUES (?, ?, ?, ?, 'IN_PROGRESS', ?, ?, ?, ?, ?)",
                number.toString(), number.year(), number.seq(), lotId, utc(startedAt), startedBy, targetMinutes,
                reconciliationPercent, scope);
    }

    Optional<Row> find(String drillNumber) {
        return jdbc.query("SELECT " + COLUMNS + " FROM mock_recall WHERE drill_number = ?", DrillStore::row,
                drillNumber).stream().findFirst();
    }

    /** The row, locked until the transaction ends (the coordinator's close and the timer queue on it). */
    Optional<Row> lock(String drillNumber) {
        return jdbc.query("SELECT " + COLUMNS + " FROM mock_recall WHERE drill_number = ? FOR UPDATE",
                DrillStore::row, drillNumber).stream().findFirst();
    }

    /** Every drill, newest first, without its scope (the history's list). */
    List<Row> all() {
        return jdbc.query("SELECT " + COLUMNS.replace(", scope", ", NULL AS scope")
                + " FROM mock_recall ORDER BY started_at DESC, id DESC", DrillStore::row);
    }

    /** Binds the process instance to the drill if it has none; 1 when bound. */
    int bindProcess(String drillNumber, String processInstanceId) {
        return jdbc.update("UPDATE mock_recall SET process_instance_id = ? WHERE drill_number = ?"
                + " AND process_instance_id IS NULL", processInstanceId, drillNumber);
    }

    void review(long id, boolean traceComplete, String findings, String by, Instant at) {
        jdbc.update("UPDATE mock_recall SET trace_complete = ?, review_findings = ?, reviewed_by = ?, reviewed_at = ?"
                + " WHERE id = ? AND status = 'IN_PROGRESS'", traceComplete, findings, by, utc(at), id);
    }

    /** Ends an IN_PROGRESS drill; 1 when it was in progress. */
    int finish(long id, DrillStatus status, String reason, String comment, String by, Instant at) {
        return jdbc.update("UPDATE mock_recall SET status = ?, result_reason = ?, close_comment = ?, finished_by = ?,"
                + " finished_at = ? WHERE id = ? AND status = 'IN_PROGRESS'", status.name(), reason, comment, by,
                utc(at), id);
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        boolean complete = rs.getBoolean("trace_complete");
        Boolean traceComplete = rs.wasNull() ? null : complete;
        return new Row(rs.getLong("id"), rs.getString("drill_number"), rs.getLong("lot_id"),
                DrillStatus.valueOf(rs.getString("status")), instant(rs, "started_at"), rs.getString("started_by"),
                rs.getInt("target_minutes"), rs.getString("process_instance_id"), traceComplete,
                rs.getString("review_findings"), rs.getString("reviewed_by"), instant(rs, "reviewed_at"),
                rs.getString("close_comment"), instant(rs, "finished_at"), rs.getString("finished_by"),
                rs.getString("result_reason"), rs.getBigDecimal("reconciliation_percent"), rs.getString("scope"));
    }
}
