package org.lotflow.recall.internal;

import java.util.List;

import org.lotflow.lot.ReturnsAwaitingRecallClosing;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The recall module's answer to {@link ReturnsAwaitingRecallClosing}: what each recall that is not CLOSED received back
 * of a lot ({@code recall_return_receipt}), which its signed closing disposes of with the lot's stock on hand ({@link
 * RecallClosing#close}, {@link RecalledStock}: a REJECTED lot the recall received goods of is disposed of by it too).
 * A rejected lot's own disposal leaves that much on hand for the closing (mass 27 M2), so the recall's {@code
 * disposals} and closing report account for the {@code returnsReceived} it took back.
 */
@Component
class ReturnsAwaitingClosing implements ReturnsAwaitingRecallClosing {

    private final NamedParameterJdbcTemplate jdbc;

    ReturnsAwaitingClosing(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Held> of(long lotId) {
        return jdbc.query("""
                SELECT r.recall_number, SUM(rr.quantity)
                  FROM recall_return_receipt rr JOIN recall r ON r.id = rr.recall_id
                 WHERE rr.lot_id = :lotId AND r.status <> :closed
                 GROUP BY r.recall_number ORDER BY r.recall_number
                """, new MapSqlParameterSource("lotId", lotId).addValue("closed", RecallStatus.CLOSED),
                (rs, i) -> new Held(rs.getString(1), rs.getBigDecimal(2)));
    }
}
