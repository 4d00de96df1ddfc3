package org.lotflow.release.internal;

import java.util.List;

import org.lotflow.history.BusinessRecords;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@link BusinessRecords.LabResults} from the {@code lab_result} table (its unique key by lot), for the audit check. */
@Component
class LabResultsForTheTrail implements BusinessRecords.LabResults {

    private final JdbcTemplate jdbc;

    LabResultsForTheTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<BusinessRecords.LabResultRow> results(long fromLotId, long toLotId) {
        return jdbc.query("SELECT id, lot_id, test_round, test, unit, result, result_text, min_value, max_value, passed"
                + " FROM lab_result WHERE lot_id >= ? AND lot_id < ? ORDER BY lot_id, id",
                (rs, n) -> new BusinessRecords.LabResultRow(rs.getLong(1), rs.getLong(2), rs.getInt(3),
                        rs.getString(4), rs.getString(5), rs.getBigDecimal(6), rs.getString(7), rs.getBigDecimal(8),
                        rs.getBigDecimal(9), rs.getBoolean(10)), fromLotId, toLotId);
    }
}
