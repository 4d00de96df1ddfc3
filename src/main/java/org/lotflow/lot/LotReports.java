package org.lotflow.lot;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.lotflow.shared.IdArray;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lot module's figures for the seed's reports (issue #13; the reports module reads no {@code lot} table
 * itself): set-based aggregates over all lots, one statement each, and the rows of given lots. Read-only,
 * no locks; quantities are the lot columns as they are ({@link LotQuantities}), in each product's unit.
 */
@Service
public class LotReports {

    private final NamedParameterJdbcTemplate jdbc;

    public LotReports(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** One lot's columns for a report. */
    public record LotRow(Long id, String lotNumber, Long productId, LotStatus status, LocalDate manufactureDate,
            LocalDate expirationDate, Instant createdAt, LotQuantities quantities) {
    }

    /**
     * Lots created before {@code before} of one product and status, split by whether they are expired on
     * {@code day} ({@code expirationDate <= day}): their count, on-hand and available quantities as the lots
     * stand now, and how many lots of them have stock on hand.
     */
    public record StockGroup(Long productId, LotStatus status, boolean expired, long lots, long lotsOnHand,
            BigDecimal onHand, BigDecimal available) {
    }

    private static final String PRODUCT = "/*product*/";

    /**
     * The product condition of a full-pass aggregate, only when a product is asked for. Not the optional-filter
     * idiom {@code (CAST(:productId AS BIGINT) IS NULL OR product_id = :productId)}: with it PostgreSQL's
     * generic plan of the prepared statement (the JDBC driver's from the fifth call on) misjudges the rows and
     * aggregates a million lots in 1.2 s instead of 0.7 s (bench/RESULTS.md).
     */
    private static String productFilter(Long productId) {
        return productId == null ? "" : " AND product_id = :productId";
    }

    /** The current stock of all lots created before {@code before} (optionally of one product), grouped. */
    @Transactional(readOnly = true)
    public List<StockGroup> stock(Long productId, Instant before, LocalDate day) {
        // sums of the columns, subtracted once per group: exact as ever (decimals), and a third faster over a
        // million lots than subtracting per lot; stock_on_hand (V107) is LotQuantities#onHand > 0 per lot
        return jdbc.query("""
                SELECT product_id, status, expired, COUNT(*) AS lots,
                       SUM(CASE WHEN stock_on_hand THEN 1 ELSE 0 END) AS lots_on_hand,
                       COALESCE(SUM(quantity) - SUM(shipped) - SUM(consumed) - SUM(disposed), 0) AS on_hand,
                       COALESCE(SUM(quantity) - SUM(allocated) - SUM(shipped) - SUM(consumed) - SUM(disposed), 0)
                           AS available
                  FROM (SELECT product_id, status, CASE WHEN expiration_date <= :day THEN 1 ELSE 0 END AS expired,
                               stock_on_hand, quantity, allocated, shipped, consumed, disposed
                          FROM lot
                         WHERE created_at < :before/*product*/) t
                 GROUP BY product_id, status, expired""".replace(PRODUCT, productFilter(productId)),
                new MapSqlParameterSource("day", day).addValue("before", utc(before))
                        .addValue("productId", productId),
                (rs, i) -> new StockGroup(rs.getLong("product_id"), LotStatus.valueOf(rs.getString("status")),
                        rs.getInt("expired") == 1, rs.getLong("lots"), rs.getLong("lots_on_hand"),
                        rs.getBigDecimal("on_hand"), rs.getBigDecimal("available")));
    }

    /** The lots with these ids (any order; unknown ids are left out). */
    @Transactional(readOnly = true)
    public List<LotRow> lots(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.query("""
                SELECT id, lot_number, product_id, status, manufacture_date, expiration_date, created_at,
                       quantity, allocated, shipped, consumed, disposed
                  FROM lot WHERE id = ANY(:ids)""", Map.of("ids", IdArray.of(ids)), LotReports::row);
    }

    /** The lots created in {@code [from, to)} (optionally of one product), oldest first. */
    @Transactional(readOnly = true)
    public List<LotRow> created(Long productId, Instant from, Instant to) {
        return jdbc.query("""
                SELECT id, lot_number, product_id, status, manufacture_date, expiration_date, created_at,
                       quantity, allocated, shipped, consumed, disposed
                  FROM lot
                 WHERE created_at >= :from AND created_at < :to
                   AND (CAST(:productId AS BIGINT) IS NULL OR product_id = :productId)
                 ORDER BY created_at, id""", new MapSqlParameterSource("from", utc(from)).addValue("to", utc(to))
                .addValue("productId", productId), LotReports::row);
    }

    /** Ids of the lots created before {@code before} (optionally of one product), at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<Long> idsCreatedBefore(Long productId, Instant before, int limit) {
        return jdbc.queryForList("""
                SELECT id FROM lot
                 WHERE created_at < :before AND (CAST(:productId AS BIGINT) IS NULL OR product_id = :productId)
                 FETCH FIRST :limit ROWS ONLY""", new MapSqlParameterSource("before", utc(before))
                .addValue("productId", productId).addValue("limit", limit), Long.class);
    }

    /**
     * Per source lot, the quantity consumed by lots created at or after {@code since} (genealogy): what a
     * source lot still had on hand before then; only of {@code sourceLots} unless null.
     */
    @Transactional(readOnly = true)
    public Map<Long, BigDecimal> consumedSince(Instant since, Collection<Long> sourceLots) {
        Map<Long, BigDecimal> consumed = new HashMap<>();
        jdbc.query(sourceLots == null ? """
                SELECT s.source_lot_id, SUM(s.quantity) AS q
                  FROM lot_source s JOIN lot l ON l.id = s.lot_id
                 WHERE l.created_at >= :since
                 GROUP BY s.source_lot_id""" : """
                SELECT s.source_lot_id, SUM(CASE WHEN l.created_at >= :since THEN s.quantity ELSE 0 END) AS q
                  FROM lot_source s JOIN lot l ON l.id = s.lot_id
                 WHERE s.source_lot_id = ANY(:ids)
                 GROUP BY s.source_lot_id""", new MapSqlParameterSource("since", utc(since))
                .addValue("ids", IdArray.of(sourceLots == null ? List.of() : sourceLots)),
                rs -> {
                    if (rs.getBigDecimal("q").signum() != 0) {
                        consumed.put(rs.getLong("source_lot_id"), rs.getBigDecimal("q"));
                    }
                });
        return consumed;
    }

    /**
     * Stock on hand ({@code onHand > 0}) of lots not ARCHIVED or DEPLETED, by product, status and the
     * bucket each lot falls in twice: by its manufacture date and by its expiration date. A bucket is the
     * index of the first boundary the date is on or after (boundaries descending for age, ascending for
     * remaining shelf life, see the reports module's rule), or the number of boundaries when none is.
     */
    public record AgingGroup(Long productId, LotStatus status, int ageBucket, int shelfLifeBucket, long lots,
            BigDecimal onHand, BigDecimal available) {
    }

    /**
     * Aging of the stock on hand: {@code manufacturedOnOrAfter} are the age boundaries (a lot is in age
     * bucket i when its manufacture date is on or after the i-th date, the first such i), {@code expiringBefore}
     * the remaining shelf-life boundaries (bucket i when its expiration date is before the i-th date).
     */
    @Transactional(readOnly = true)
    public List<AgingGroup> aging(Long productId, List<LocalDate> manufacturedOnOrAfter,
            List<LocalDate> expiringBefore) {
        MapSqlParameterSource p = new MapSqlParameterSource("productId", productId);
        StringBuilder age = new StringBuilder("CASE");
        for (int i = 0; i < manufacturedOnOrAfter.size(); i++) {
            age.append(" WHEN manufacture_date >= :m").append(i).append(" THEN ").append(i);
            p.addValue("m" + i, manufacturedOnOrAfter.get(i));
        }
        age.append(" ELSE ").append(manufacturedOnOrAfter.size()).append(" END");
        StringBuilder shelf = new StringBuilder("CASE");
        for (int i = 0; i < expiringBefore.size(); i++) {
            shelf.append(" WHEN expiration_date < :e").append(i).append(" THEN ").append(i);
            p.addValue("e" + i, expiringBefore.get(i));
        }
        shelf.append(" ELSE ").append(expiringBefore.size()).append(" END");
        // stock_on_hand (V107) is LotQuantities#onHand > 0; sums of the columns subtracted once per group (exact,
        // and 40 % less time over a million lots than per-lot arithmetic: bench/RESULTS.md)
        return jdbc.query("SELECT product_id, status, age_bucket, shelf_bucket, COUNT(*) AS lots,"
                + " SUM(quantity) - SUM(shipped) - SUM(consumed) - SUM(disposed) AS on_hand,"
                + " SUM(quantity) - SUM(allocated) - SUM(shipped) - SUM(consumed) - SUM(disposed) AS available"
                + " FROM (SELECT product_id, status, " + age + " AS age_bucket, " + shelf + " AS shelf_bucket,"
                + " quantity, allocated, shipped, consumed, disposed"
                + " FROM lot WHERE stock_on_hand"
                + " AND status NOT IN ('ARCHIVED', 'DEPLETED')"
                + productFilter(productId) + ") t"
                + " GROUP BY product_id, status, age_bucket, shelf_bucket", p,
                (rs, i) -> new AgingGroup(rs.getLong("product_id"), LotStatus.valueOf(rs.getString("status")),
                        rs.getInt("age_bucket"), rs.getInt("shelf_bucket"), rs.getLong("lots"),
                        rs.getBigDecimal("on_hand"), rs.getBigDecimal("available")));
    }

    /**
     * Stock lost or at risk, by product and status: lots REJECTED, EXPIRED or RECALLED, or RELEASED,
     * QUARANTINE or PENDING but expired on {@code day} ({@code expired} true), with their quantity on hand
     * (still to dispose of) and their quantity disposed of, optionally only lots expiring in
     * {@code [expiringFrom, expiringTo]}. A loss is a fact of the lot's history, not of its current status (seed:
     * "Cost impact of expired inventory"; auditor 26b F4: the 2025 report went from "60 drums disposed" to nothing
     * once the lots were archived): an ARCHIVED lot counts under the status it was archived from
     * ({@code lot.archived_from}, V180) when that was REJECTED, EXPIRED or RECALLED. One set-based statement over the
     * lot rows, as before: no per-lot parameter, no read of the audit trail.
     */
    public record LossGroup(Long productId, LotStatus status, boolean expired, long lots, BigDecimal onHand,
            BigDecimal disposed, BigDecimal shipped) {
    }

    @Transactional(readOnly = true)
    public List<LossGroup> losses(Long productId, LocalDate day, LocalDate expiringFrom, LocalDate expiringTo) {
        return jdbc.query("""
                SELECT product_id, status, expired, COUNT(*) AS lots,
                       SUM(quantity) - SUM(shipped) - SUM(consumed) - SUM(disposed) AS on_hand,
                       SUM(disposed) AS disposed, SUM(shipped) AS shipped
                  FROM (SELECT product_id, CASE WHEN status = 'ARCHIVED' THEN archived_from ELSE status END AS status,
                               CASE WHEN expiration_date <= :day THEN 1 ELSE 0 END AS expired,
                               quantity, consumed, disposed, shipped
                          FROM lot
                         WHERE ((status IN ('REJECTED', 'EXPIRED', 'RECALLED') OR expiration_date <= :day)
                                 AND status NOT IN ('ARCHIVED', 'DEPLETED')
                                OR status = 'ARCHIVED' AND archived_from IN ('REJECTED', 'EXPIRED', 'RECALLED'))/*product*/
                           AND (CAST(:fromDate AS DATE) IS NULL OR expiration_date >= :fromDate)
                           AND (CAST(:toDate AS DATE) IS NULL OR expiration_date <= :toDate)) t
                 GROUP BY product_id, status, expired""".replace(PRODUCT, productFilter(productId)),
                new MapSqlParameterSource("day", day).addValue("productId", productId)
                        .addValue("fromDate", expiringFrom).addValue("toDate", expiringTo),
                (rs, i) -> new LossGroup(rs.getLong("product_id"), LotStatus.valueOf(rs.getString("status")),
                        rs.getInt("expired") == 1, rs.getLong("lots"), rs.getBigDecimal("on_hand"),
                        rs.getBigDecimal("disposed"), rs.getBigDecimal("shipped")));
    }

    /**
     * A product's rotation figures: what its lots manufactured in the period hold ({@code made}, and of it
     * {@code used}: shipped or consumed since, and {@code disposed}: destroyed, returned or reworked after a rejection
     * or recall, which is no rotation), and its whole stock on hand now (lots not ARCHIVED).
     */
    public record Rotation(Long productId, long lotsMade, BigDecimal made, BigDecimal used, BigDecimal disposed,
            BigDecimal onHand) {
    }

    /** Rotation figures per product (optionally one), for lots manufactured in {@code [from, to]}. */
    @Transactional(readOnly = true)
    public List<Rotation> rotation(Long productId, LocalDate from, LocalDate to) {
        return jdbc.query("""
                SELECT product_id,
                       SUM(CASE WHEN manufacture_date >= :from AND manufacture_date <= :to THEN 1 ELSE 0 END) AS lots_made,
                       COALESCE(SUM(CASE WHEN manufacture_date >= :from AND manufacture_date <= :to
                                         THEN quantity ELSE 0 END), 0) AS made,
                       COALESCE(SUM(CASE WHEN manufacture_date >= :from AND manufacture_date <= :to
                                         THEN shipped + consumed ELSE 0 END), 0) AS used,
                       COALESCE(SUM(CASE WHEN manufacture_date >= :from AND manufacture_date <= :to
                                         THEN disposed ELSE 0 END), 0) AS disposed,
                       COALESCE(SUM(CASE WHEN status <> 'ARCHIVED' THEN quantity ELSE 0 END)
                                - SUM(CASE WHEN status <> 'ARCHIVED' THEN shipped + consumed + disposed ELSE 0 END), 0)
                           AS on_hand
                  FROM lot WHERE TRUE/*product*/
                 GROUP BY product_id""".replace(PRODUCT, productFilter(productId)),
                new MapSqlParameterSource("from", from).addValue("to", to).addValue("productId", productId),
                (rs, i) -> new Rotation(rs.getLong("product_id"), rs.getLong("lots_made"), rs.getBigDecimal("made"),
                        rs.getBigDecimal("used"), rs.getBigDecimal("disposed"), rs.getBigDecimal("on_hand")));
    }

    /**
     * The product's lots made from {@code from} to {@code to} (both included), in order of manufacture (lots made the
     * same day in the order they were entered), at most {@code limit} (the caller asks for one more than it shows to
     * know whether there were more). The index {@code ix_lot_product_made} (V153).
     */
    @Transactional(readOnly = true)
    public List<LotRow> madeOfProduct(Long productId, LocalDate from, LocalDate to, int limit) {
        return jdbc.query("""
                SELECT id, lot_number, product_id, status, manufacture_date, expiration_date, created_at,
                       quantity, allocated, shipped, consumed, disposed
                  FROM lot
                 WHERE product_id = :productId AND manufacture_date >= :from AND manufacture_date <= :to
                 ORDER BY manufacture_date, id
                 FETCH FIRST :limit ROWS ONLY""", new MapSqlParameterSource("from", from).addValue("to", to)
                .addValue("productId", productId).addValue("limit", limit), LotReports::row);
    }

    private static LotRow row(ResultSet rs, int i) throws SQLException {
        return new LotRow(rs.getLong("id"), rs.getString("lot_number"), rs.getLong("product_id"),
                LotStatus.valueOf(rs.getString("status")), rs.getObject("manufacture_date", LocalDate.class),
                rs.getObject("expiration_date", LocalDate.class),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                new LotQuantities(rs.getBigDecimal("quantity"), rs.getBigDecimal("allocated"),
                        rs.getBigDecimal("shipped"), rs.getBigDecimal("consumed"), rs.getBigDecimal("disposed")));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
