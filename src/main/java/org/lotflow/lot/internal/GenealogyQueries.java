package org.lotflow.lot.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lotflow.lot.Genealogies;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The genealogy SQL behind {@link Genealogies}: one recursive query per direction (the same text on
 * H2 2.x and PostgreSQL). {@code %1$s} is the {@code lot_source} column that points to the lot we came
 * from, {@code %2$s} the one we go to (downstream: from {@code source_lot_id} to {@code lot_id}).
 */
@Repository
public class GenealogyQueries {

    private static final String WALK = """
            WITH RECURSIVE reached (lot_id, depth) AS (
                SELECT l.id, 0 FROM lot l WHERE l.id = ANY(:start)
                UNION
                SELECT s.%2$s, r.depth + 1
                  FROM reached r JOIN lot_source s ON s.%1$s = r.lot_id
                 WHERE r.depth < :maxDepth
            )
            SELECT l.id, l.lot_number, p.sku, p.name, p.unit, l.status, n.depth, l.quantity, l.allocated, l.shipped,
                   l.consumed, l.disposed, l.location, l.manufacture_date, other.lot_number AS linked_lot, e.quantity AS link_qty
              FROM (SELECT lot_id, MIN(depth) AS depth FROM reached GROUP BY lot_id) n
              JOIN lot l ON l.id = n.lot_id
              JOIN product p ON p.id = l.product_id
              LEFT JOIN lot_source e ON e.%2$s = l.id
                   AND e.%1$s IN (SELECT r2.lot_id FROM reached r2)
              LEFT JOIN lot other ON other.id = e.%1$s
             ORDER BY n.depth, l.lot_number, other.lot_number
            """;
    private static final String DOWNSTREAM = WALK.formatted("source_lot_id", "lot_id");
    private static final String UPSTREAM = WALK.formatted("lot_id", "source_lot_id");

    /** How many edges leave the lots reached at the depth bound (more than 0: the walk was cut). */
    private static final String CUT = """
            WITH RECURSIVE reached (lot_id, depth) AS (
                SELECT l.id, 0 FROM lot l WHERE l.id = ANY(:start)
                UNION
                SELECT s.%2$s, r.depth + 1
                  FROM reached r JOIN lot_source s ON s.%1$s = r.lot_id
                 WHERE r.depth < :maxDepth
            )
            SELECT COUNT(*) FROM reached r JOIN lot_source s ON s.%1$s = r.lot_id WHERE r.depth = :maxDepth
            """;
    private static final String DOWNSTREAM_CUT = CUT.formatted("source_lot_id", "lot_id");
    private static final String UPSTREAM_CUT = CUT.formatted("lot_id", "source_lot_id");

    /**
     * The lots no longer fit for use among everything a lot was made from, at any depth ({@link
     * org.lotflow.lot.UnfitSource}: RECALLED or ever recalled, archived since: {@code recalled_once}; held by QA,
     * QUARANTINE; REJECTED), with their status and whether recalled: one recursive
     * query over lot ids alone ({@code UNION} keeps each source lot once, so shared inputs are walked once and
     * the walk ends without a depth bound: a lot is never made from itself).
     */
    private static final String UNFIT_SOURCES = """
            WITH RECURSIVE made_from (lot_id) AS (
                SELECT s.source_lot_id FROM lot_source s WHERE s.lot_id = :lot
                UNION
                SELECT s.source_lot_id FROM made_from m JOIN lot_source s ON s.lot_id = m.lot_id
            )
            SELECT l.lot_number, CASE WHEN l.status = 'ARCHIVED' AND l.archived_from = 'REJECTED' THEN 'REJECTED'
                   ELSE l.status END, l.recalled_once FROM made_from m JOIN lot l ON l.id = m.lot_id
             WHERE l.status IN ('RECALLED', 'QUARANTINE', 'REJECTED') OR l.recalled_once
                OR l.status = 'ARCHIVED' AND l.archived_from = 'REJECTED' ORDER BY l.lot_number
            """;

    /**
     * Row locks ({@code SELECT ... FOR UPDATE}, ascending id) on every lot a lot was made from, at any depth: a hold,
     * rejection or recall of a source changes its status under that source's row lock, so a release holding these
     * locks either sees the change once it commits or makes the change wait until the release has committed.
     */
    private static final String LOCK_SOURCES = """
            WITH RECURSIVE made_from (lot_id) AS (
                SELECT s.source_lot_id FROM lot_source s WHERE s.lot_id = :lot
                UNION
                SELECT s.source_lot_id FROM made_from m JOIN lot_source s ON s.lot_id = m.lot_id
            )
            SELECT l.id FROM lot l WHERE l.id IN (SELECT lot_id FROM made_from) ORDER BY l.id FOR UPDATE
            """;

    /** Ids per IN list when reading edges among many lots (PostgreSQL allows 32767 parameters). */
    private static final int CHUNK = 1000;

    private final NamedParameterJdbcTemplate jdbc;

    public GenealogyQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The walk from the start lots: one query; see {@link Genealogies#walk}. */
    public List<Genealogies.ReachedLot> walk(Collection<Long> startIds, boolean downstream, int maxDepth) {
        Map<Long, Row> rows = new LinkedHashMap<>();
        jdbc.query(downstream ? DOWNSTREAM : UPSTREAM, Map.of("start", org.lotflow.shared.IdArray.of(startIds), "maxDepth", maxDepth),
                (ResultSet rs) -> {
                    long id = rs.getLong("id");
                    Row row = rows.get(id);
                    if (row == null) {
                        row = new Row(rs.getLong("id"), rs.getString("lot_number"), rs.getString("sku"),
                                rs.getString("name"), rs.getString("unit"), rs.getString("status"),
                                rs.getInt("depth"), rs.getBigDecimal("quantity"), rs.getBigDecimal("allocated"),
                                rs.getBigDecimal("shipped"), rs.getBigDecimal("consumed"),
                                rs.getBigDecimal("disposed"), rs.getString("location"),
                                rs.getObject("manufacture_date", LocalDate.class), new ArrayList<>());
                        rows.put(id, row);
                    }
                    String linked = rs.getString("linked_lot");
                    if (linked != null) {
                        BigDecimal qty = rs.getBigDecimal("link_qty");
                        row.links().add(downstream ? new Genealogies.Edge(linked, row.lotNumber(), qty)
                                : new Genealogies.Edge(row.lotNumber(), linked, qty));
                    }
                });
        return rows.values().stream().map(Row::reached).toList();
    }

    /**
     * The lots a lot was made from, at any depth, that are not fit for use, by lot number (a REJECTED lot archived
     * since counts as REJECTED: {@code archived_from}, V180); see
     * {@link org.lotflow.lot.LotService#requireFitSources}.
     */
    public List<org.lotflow.lot.UnfitSource> unfitSources(long lotId) {
        return jdbc.query(UNFIT_SOURCES, Map.of("lot", lotId), (rs, i) -> {
            boolean recalled = rs.getBoolean(3) || "RECALLED".equals(rs.getString(2));
            return new org.lotflow.lot.UnfitSource(rs.getString(1), org.lotflow.lot.LotStatus.valueOf(rs.getString(2)),
                    recalled);
        });
    }

    /**
     * Locks the lot's row and then the rows of every lot it was made from, at any depth ({@code SELECT ... FOR
     * UPDATE}, until the transaction ends), then answers {@link #unfitSources}: a recall opening locks its whole scope
     * before it changes statuses, and a hold or rejection locks the source it changes, so under these locks a release
     * either comes first (and the recall, hold or rejection then finds the released lot among those made from it) or
     * sees the change, never neither (a hold committing at the same moment as a child's release). A recall locking the same lots the other way round is a deadlock the database breaks: the loser's
     * request answers 409 and may be sent again.
     */
    public List<org.lotflow.lot.UnfitSource> lockAndFindUnfitSources(long lotId) {
        jdbc.queryForList("SELECT id FROM lot WHERE id = :lot FOR UPDATE", Map.of("lot", lotId), Long.class);
        jdbc.queryForList(LOCK_SOURCES, Map.of("lot", lotId), Long.class);
        return unfitSources(lotId);
    }

    /** The number of edges beyond the depth bound; see {@link Genealogies#continuesBeyond}. */
    public long edgesBeyond(Collection<Long> startIds, boolean downstream, int maxDepth) {
        Long beyond = jdbc.queryForObject(downstream ? DOWNSTREAM_CUT : UPSTREAM_CUT,
                Map.of("start", org.lotflow.shared.IdArray.of(startIds), "maxDepth", maxDepth), Long.class);
        return beyond == null ? 0 : beyond;
    }

    /** Lot number by id of the lots with these ids (those that exist): one query, one array parameter. */
    public Map<Long, String> lotNumbers(Collection<Long> ids) {
        Map<Long, String> numbers = new java.util.HashMap<>();
        jdbc.query("SELECT id, lot_number FROM lot WHERE id = ANY(:ids)",
                Map.of("ids", org.lotflow.shared.IdArray.of(ids)),
                (ResultSet rs) -> {
                    numbers.put(rs.getLong(1), rs.getString(2));
                });
        return numbers;
    }

    /** What lists show of each lot with these ids (those that exist), by id; see {@link org.lotflow.lot.LotStock#labels}. */
    public Map<Long, org.lotflow.lot.LotLabel> labels(Collection<Long> ids) {
        Map<Long, org.lotflow.lot.LotLabel> labels = new java.util.HashMap<>();
        jdbc.query("""
                SELECT l.id, l.lot_number, p.sku, p.name, p.unit, l.location, p.serialised
                  FROM lot l JOIN product p ON p.id = l.product_id WHERE l.id = ANY(:ids)
                """, Map.of("ids", org.lotflow.shared.IdArray.of(ids)), (ResultSet rs) -> {
                    labels.put(rs.getLong(1), new org.lotflow.lot.LotLabel(rs.getLong(1), rs.getString(2),
                            rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getBoolean(7)));
                });
        return labels;
    }

    /** The edges with both ends among the lots; see {@link Genealogies#edgesAmong}. */
    public List<Genealogies.Edge> edgesAmong(Collection<Long> lotIds) {
        Set<Long> among = new HashSet<>(lotIds);
        List<Long> ids = List.copyOf(among);
        List<Genealogies.Edge> edges = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            jdbc.query("""
                    SELECT e.source_lot_id, i.lot_number, o.lot_number, e.quantity
                      FROM lot_source e JOIN lot i ON i.id = e.source_lot_id JOIN lot o ON o.id = e.lot_id
                     WHERE e.lot_id IN (:ids)
                    """, Map.of("ids", chunk), (ResultSet rs) -> {
                        if (among.contains(rs.getLong(1))) {
                            edges.add(new Genealogies.Edge(rs.getString(2), rs.getString(3), rs.getBigDecimal(4)));
                        }
                    });
        }
        edges.sort(Comparator.comparing(Genealogies.Edge::made).thenComparing(Genealogies.Edge::source));
        return edges;
    }

    private record Row(Long id, String lotNumber, String sku, String productName, String unit, String status,
            int depth, BigDecimal quantity, BigDecimal allocated, BigDecimal shipped, BigDecimal consumed,
            BigDecimal disposed, String location, LocalDate manufactureDate, List<Genealogies.Edge> links) {

        Genealogies.ReachedLot reached() {
            return new Genealogies.ReachedLot(id, lotNumber, sku, productName, unit, status, depth,
                    new org.lotflow.lot.LotQuantities(quantity, allocated, shipped, consumed, disposed), location,
                    manufactureDate, List.copyOf(links));
        }
    }
}
