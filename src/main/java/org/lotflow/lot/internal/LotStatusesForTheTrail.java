package org.lotflow.lot.internal;

import java.util.List;

import org.lotflow.history.BusinessRecords;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** {@link BusinessRecords.LotStatuses} from the {@code lot} table (its primary key), for the audit check. */
@Component
class LotStatusesForTheTrail implements BusinessRecords.LotStatuses {

    private final JdbcTemplate jdbc;

    LotStatusesForTheTrail(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public long maxLotId() {
        Long max = jdbc.queryForObject("SELECT MAX(id) FROM lot", Long.class);
        return max == null ? 0 : max;
    }

    @Override
    public List<BusinessRecords.LotStatusRow> statuses(long fromLotId, long toLotId) {
        return jdbc.query("SELECT id, lot_number, status FROM lot WHERE id >= ? AND id < ? ORDER BY id",
                (rs, n) -> new BusinessRecords.LotStatusRow(rs.getLong(1), rs.getString(2), rs.getString(3)),
                fromLotId, toLotId);
    }
}
