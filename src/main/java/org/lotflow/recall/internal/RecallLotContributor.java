package org.lotflow.recall.internal;

import java.util.List;
import java.util.Map;

import org.lotflow.lot.Lot;
import org.lotflow.lot.LotViewContributor;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Shows the recalls a lot is in under {@code recalls} in {@code GET /api/lots/{lotNumber}}. */
@Component
class RecallLotContributor implements LotViewContributor {

    private final NamedParameterJdbcTemplate jdbc;

    RecallLotContributor(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, Object> contribute(Lot lot) {
        List<Map<String, Object>> recalls = jdbc.query("""
                SELECT r.recall_number, r.status, r.classification, rl.recalled, rl.note
                  FROM recall_lot rl JOIN recall r ON r.id = rl.recall_id
                 WHERE rl.lot_id = :lotId ORDER BY r.id
                """, Map.of("lotId", lot.getId()), (rs, i) -> {
                    Map<String, Object> m = new java.util.LinkedHashMap<>();
                    m.put("recallNumber", rs.getString(1));
                    m.put("status", rs.getString(2));
                    m.put("classification", rs.getString(3));
                    m.put("action", rs.getBoolean(4) ? "RECALLED" : "SKIPPED");
                    if (rs.getString(5) != null) {
                        m.put("note", rs.getString(5));
                    }
                    return m;
                });
        return recalls.isEmpty() ? null : Map.of("recalls", recalls);
    }
}
