package org.lotflow.quarantine;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import org.lotflow.shared.IdArray;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lots whose hold is still open: its {@code quarantineInvestigation} case not complete (no {@code completed_at}:
 * investigation, disposition, or its last steps, informing customers or confirming the disposal, still to do; V89).
 * Such a lot is still QA's work, so archiving leaves it alone (auditor 26b F3). Read-only, one query.
 */
@Service
public class OpenHolds {

    private final NamedParameterJdbcTemplate jdbc;

    public OpenHolds(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The lots with an open hold, by lot id: when that hold was placed and why, in words ("hold placed 2025-01-20:
     * Customer complaint"); {@code lotIds} null for every such lot.
     */
    @Transactional(readOnly = true)
    public Map<Long, String> of(Collection<Long> lotIds) {
        Map<Long, String> byLot = new LinkedHashMap<>();
        if (lotIds != null && lotIds.isEmpty()) {
            return byLot;
        }
        jdbc.query("SELECT lot_id, placed_at, source FROM lot_hold WHERE completed_at IS NULL"
                + (lotIds == null ? "" : " AND lot_id = ANY(:lotIds)") + " ORDER BY lot_id, id",
                new MapSqlParameterSource("lotIds", lotIds == null ? null : IdArray.of(lotIds)), rs -> {
                    java.time.OffsetDateTime placed = rs.getObject(2, java.time.OffsetDateTime.class);
                    byLot.putIfAbsent(rs.getLong(1), "hold placed " + (placed == null ? "" : placed.toLocalDate()
                            + ": ") + Holds.triggerInWords(rs.getString(3)));
                });
        return byLot;
    }
}
