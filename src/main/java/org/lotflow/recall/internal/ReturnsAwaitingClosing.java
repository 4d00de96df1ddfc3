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

    /**
     * What each recall not yet CLOSED other than {@code recallId} received back of each of the lots, by lot id (lots
     * no other recall received any of are left out): the closing of {@code recallId} leaves that on hand ({@link
     * RecalledStock#left}). One query for all the lots.
     */
    java.util.Map<Long, List<Held>> ofOtherRecalls(long recallId, java.util.Collection<Long> lotIds) {
        java.util.Map<Long, List<Held>> byLot = new java.util.HashMap<>();
        if (lotIds.isEmpty()) {
            return byLot;
        }
        jdbc.query("""
                SELECT rr.lot_id, r.recall_number, SUM(rr.quantity)
                  FROM recall_return_receipt rr JOIN recall r ON r.id = rr.recall_id
                 WHERE rr.lot_id = ANY(:lotIds) AND rr.recall_id <> :recallId AND r.status <> :closed
                 GROUP BY rr.lot_id, r.recall_number
                """, new MapSqlParameterSource("lotIds", org.lotflow.shared.IdArray.of(lotIds))
                .addValue("recallId", recallId).addValue("closed", RecallStatus.CLOSED),
                rs -> {
                    byLot.computeIfAbsent(rs.getLong(1), id -> new java.util.ArrayList<>())
                            .add(new Held(rs.getString(2), rs.getBigDecimal(3)));
                });
        return byLot;
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
