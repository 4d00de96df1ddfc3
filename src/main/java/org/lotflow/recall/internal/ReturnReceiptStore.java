package org.lotflow.recall.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code recall_return_receipt} rows (V155): goods customers sent back under a recall, received at the plant. */
@Repository
class ReturnReceiptStore {

    /** One receipt: {@code quantity} of lot {@code lotId} from {@code customer}, in the lot's unit. */
    record Row(long lotId, String customer, BigDecimal quantity, LocalDate receivedOn, String reference,
            Instant recordedAt, String recordedBy) {
    }

    private final NamedParameterJdbcTemplate jdbc;

    ReturnReceiptStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long recallId, long lotId, String customer, BigDecimal quantity, LocalDate receivedOn,
            String reference, Instant at, String by) {
        jdbc.update("""
                INSERT INTO recall_return_receipt (recall_id, lot_id, customer, quantity, received_on, reference,
                                                   recorded_at, recorded_by)
                VALUES (:recallId, :lotId, :customer, :quantity, :receivedOn, :reference, :at, :by)
                """, new MapSqlParameterSource("recallId", recallId).addValue("lotId", lotId)
                .addValue("customer", customer).addValue("quantity", quantity).addValue("receivedOn", receivedOn)
                .addValue("reference", reference).addValue("at", at.atOffset(ZoneOffset.UTC)).addValue("by", by));
    }

    /**
     * What has come back so far of lot {@code lotId} from {@code customer} (whatever its case), under any recall: a
     * REJECTED lot may be in the scope of several.
     */
    BigDecimal received(long lotId, String customer) {
        BigDecimal sum = jdbc.queryForObject("""
                SELECT SUM(quantity) FROM recall_return_receipt
                 WHERE lot_id = :lotId AND LOWER(customer) = LOWER(:customer)
                """, new MapSqlParameterSource("lotId", lotId).addValue("customer", customer), BigDecimal.class);
        return sum == null ? BigDecimal.ZERO : sum;
    }

    /** The lots the recall has received goods of, each once. */
    List<Long> lotIds(long recallId) {
        return jdbc.queryForList("SELECT DISTINCT lot_id FROM recall_return_receipt WHERE recall_id = :recallId",
                new MapSqlParameterSource("recallId", recallId), Long.class);
    }

    /** The recall's receipts, in the order they were recorded. */
    List<Row> of(long recallId) {
        return jdbc.query("""
                SELECT lot_id, customer, quantity, received_on, reference, recorded_at, recorded_by
                  FROM recall_return_receipt WHERE recall_id = :recallId ORDER BY id
                """, new MapSqlParameterSource("recallId", recallId), (rs, i) -> new Row(rs.getLong(1),
                rs.getString(2), rs.getBigDecimal(3), rs.getObject(4, LocalDate.class), rs.getString(5),
                rs.getObject(6, OffsetDateTime.class).toInstant(), rs.getString(7)));
    }
}
