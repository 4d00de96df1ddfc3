package org.lotflow.release;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The release module's facts for the seed's quality reports and daily review (issue #13; the reports module
 * reads no {@code lab_result} or {@code oos_investigation} table itself). Read-only.
 */
@Service
public class LabReports {

    private final NamedParameterJdbcTemplate jdbc;

    public LabReports(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One recorded lab value: lot, test round (1 the original analysis, later rounds retests after a
     * laboratory error), test, unit, the value (null: not measured), the specification limits in force when
     * it was recorded (null: no limit), whether it passed, who recorded it and when, and whether its round was
     * invalidated as an assignable laboratory error (its out-of-specification investigation concluded LAB_ERROR: no
     * result on the lot; new user 2026-12-06 U13).
     */
    public record LabValue(Long lotId, int round, String test, String unit, BigDecimal value, BigDecimal min,
            BigDecimal max, boolean passed, String recordedBy, Instant recordedAt, boolean invalidated, String text) {
    }

    /** Every lab value of these lots, by lot, round and test. */
    @Transactional(readOnly = true)
    public List<LabValue> ofLots(java.util.Collection<Long> lotIds) {
        if (lotIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                SELECT r.lot_id, r.test_round, r.test, r.unit, r.result, r.min_value, r.max_value, r.passed,
                       r.recorded_by, r.recorded_at, r.result_text, r.result_decimals, r.min_decimals, r.max_decimals,
                       CASE WHEN o.lab_conclusion = 'LAB_ERROR' THEN TRUE ELSE FALSE END AS invalidated
                  FROM lab_result r
                  LEFT JOIN oos_investigation o ON o.lot_id = r.lot_id AND o.test_round = r.test_round
                 WHERE r.lot_id = ANY(:ids)
                 ORDER BY r.lot_id, r.test_round, r.test""",
                new MapSqlParameterSource("ids", org.lotflow.shared.IdArray.of(lotIds)),
                (rs, i) -> new LabValue(rs.getLong("lot_id"), rs.getInt("test_round"), rs.getString("test"),
                        rs.getString("unit"), asWritten(rs, "result", "result_decimals"),
                        asWritten(rs, "min_value", "min_decimals"), asWritten(rs, "max_value", "max_decimals"),
                        rs.getBoolean("passed"), rs.getString("recorded_by"),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getBoolean("invalidated"),
                        rs.getString("result_text")));
    }

    /** A value or limit as written ({@link org.lotflow.shared.input.Decimals#asWritten}). */
    private static java.math.BigDecimal asWritten(java.sql.ResultSet rs, String column, String decimals)
            throws java.sql.SQLException {
        int d = rs.getInt(decimals);
        return org.lotflow.shared.input.Decimals.asWritten(rs.getBigDecimal(column), rs.wasNull() ? null : d);
    }

    /**
     * One test round of a lot recorded in the range (the time of its last value): passed when every value
     * of the round passed its specification.
     */
    public record Round(Long lotId, int round, boolean passed, Instant recordedAt) {
    }

    /**
     * The test rounds whose last value was recorded in {@code [from, to)}, but those invalidated as an assignable
     * laboratory error (OOS phase I, FDA OOS guidance): such a round is no result on the lot, and a keying error must
     * not lower the plant's pass rate (new user 2026-12-06 L2); its retest is a round of its own.
     */
    @Transactional(readOnly = true)
    public List<Round> rounds(Instant from, Instant to) {
        return jdbc.query("""
                SELECT lot_id, test_round, MIN(CASE WHEN passed THEN 1 ELSE 0 END) AS all_passed,
                       MAX(recorded_at) AS recorded_at
                  FROM lab_result r
                 WHERE recorded_at >= :from AND recorded_at < :to
                   AND NOT EXISTS (SELECT 1 FROM oos_investigation o WHERE o.lot_id = r.lot_id
                                      AND o.test_round = r.test_round AND o.lab_conclusion = 'LAB_ERROR')
                 GROUP BY lot_id, test_round
                 ORDER BY lot_id, test_round""",
                new MapSqlParameterSource("from", from.atOffset(ZoneOffset.UTC))
                        .addValue("to", to.atOffset(ZoneOffset.UTC)),
                (rs, i) -> new Round(rs.getLong("lot_id"), rs.getInt("test_round"), rs.getInt("all_passed") == 1,
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant()));
    }

    /**
     * An out-of-specification investigation completed: decided by a QA manager ({@code decision} REJECT or RELEASE),
     * or concluded in phase I as an assignable laboratory error ({@code decision} LAB_ERROR: the round invalidated, a
     * retest follows); lot, round, decision, when.
     */
    public record OosDecision(Long lotId, int round, String decision, Instant decidedAt) {
    }

    /**
     * The OOS investigations completed in {@code [from, to)}: decided, or concluded as a laboratory error (new user
     * 2026-12-07 F16: those, the ones a lab error rate is made of, were counted nowhere in the daily review).
     */
    @Transactional(readOnly = true)
    public List<OosDecision> oosDecided(Instant from, Instant to) {
        return jdbc.query("""
                SELECT lot_id, test_round, decision, decided_at, id FROM oos_investigation
                 WHERE decided_at >= :from AND decided_at < :to
                UNION ALL
                SELECT lot_id, test_round, 'LAB_ERROR' AS decision, lab_concluded_at AS decided_at, id
                  FROM oos_investigation
                 WHERE lab_conclusion = 'LAB_ERROR' AND decided_at IS NULL
                   AND lab_concluded_at >= :from AND lab_concluded_at < :to
                 ORDER BY 4, 5""",
                new MapSqlParameterSource("from", from.atOffset(ZoneOffset.UTC))
                        .addValue("to", to.atOffset(ZoneOffset.UTC)),
                (rs, i) -> new OosDecision(rs.getLong("lot_id"), rs.getInt("test_round"), rs.getString("decision"),
                        rs.getObject("decided_at", OffsetDateTime.class).toInstant()));
    }
}
