package org.lotflow.lot;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.lotflow.product.ProductCategory;
import org.lotflow.shared.IdArray;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lots past their retention that are no longer active ({@link RetentionRule}), for the {@code lotArchiving}
 * run: oldest expiration first. The database decides the whole rule (status, nothing on hand, and the expiration
 * before the retention cutoff of the lot's product: one condition per retention in use, the categories' defaults
 * and the products' own, {@link RetentionRule#retentionCutoff}), counts the archivable lots and loads only the
 * first {@code limit} of them. A plant with years of history (hundreds of thousands of depleted lots past
 * retention, archived a review's worth a night) is never read into memory whole (issue #11, a plant's scale).
 *
 * <p>Lots still under other lotflow work (in the scope of a recall that is not CLOSED, with an open hold: the caller
 * names them, {@code keptActive}) are left off the list and its total and counted apart, their first {@code limit}
 * loaded so a review can say why they are not listed (auditor 26b F3: lots archived out of an open recall). The ids
 * go to the database as one array parameter ({@link IdArray}), however many.
 */
@Service
public class ArchivableLots {

    private final NamedParameterJdbcTemplate jdbc;
    private final LotStock stock;
    private final org.lotflow.product.ProductService products;

    public ArchivableLots(NamedParameterJdbcTemplate jdbc, LotStock stock,
            org.lotflow.product.ProductService products) {
        this.jdbc = jdbc;
        this.stock = stock;
        this.products = products;
    }

    /**
     * The result of a search: the first {@code limit} archivable lots (oldest expiration first) and how many in all;
     * apart, the first {@code limit} lots past their retention left off because other work keeps them active, and
     * how many those are.
     */
    public record Head(List<Lot> lots, long total, List<Lot> keptActive, long keptTotal) {

        public Head(List<Lot> lots, long total) {
            this(lots, total, List.of(), 0);
        }
    }

    /** The lots archivable on {@code today} (no lock), the first {@code limit} of them and their total. */
    @Transactional(readOnly = true)
    public Head find(LocalDate today, int limit) {
        return find(today, limit, Set.of());
    }

    /**
     * The lots archivable on {@code today} (no lock), less those with the ids {@code keptActive}: the first
     * {@code limit} of them and their total; and the first {@code limit} of the {@code keptActive} lots the rule would
     * archive, and their total.
     */
    @Transactional(readOnly = true)
    public Head find(LocalDate today, int limit, Collection<Long> keptActive) {
        StringBuilder where = new StringBuilder(" FROM lot l JOIN product p ON p.id = l.product_id WHERE l.status IN (");
        int s = 0;
        for (LotStatus status : RetentionRule.INACTIVE) {
            where.append(s++ == 0 ? "" : ", ").append('\'').append(status.name()).append('\'');
        }
        where.append(") AND l.quantity - l.shipped - l.consumed - l.disposed = 0 AND (");
        MapSqlParameterSource parameters = new MapSqlParameterSource();
        int i = 0;
        for (ProductCategory category : ProductCategory.values()) {
            where.append(i == 0 ? "" : " OR ").append("(p.retention_years IS NULL AND p.category = :c").append(i)
                    .append(" AND l.expiration_date < :cut").append(i).append(')');
            parameters.addValue("c" + i, category.name());
            parameters.addValue("cut" + i, RetentionRule.retentionCutoff(today, category.defaultRetentionYears()));
            i++;
        }
        for (int years : products.ownRetentionYears()) {
            where.append(" OR (p.retention_years = :r").append(i).append(" AND l.expiration_date < :cut").append(i)
                    .append(')');
            parameters.addValue("r" + i, years);
            parameters.addValue("cut" + i, RetentionRule.retentionCutoff(today, years));
            i++;
        }
        where.append(')');
        parameters.addValue("kept", IdArray.of(keptActive == null ? List.of() : keptActive));
        parameters.addValue("limit", limit);
        String listed = where + " AND NOT (l.id = ANY(:kept))";
        String kept = where + " AND l.id = ANY(:kept)";
        boolean anyKept = keptActive != null && !keptActive.isEmpty();
        return new Head(head(listed, parameters, limit), count(listed, parameters),
                anyKept ? head(kept, parameters, limit) : List.of(), anyKept ? count(kept, parameters) : 0);
    }

    private long count(String where, MapSqlParameterSource parameters) {
        Long count = jdbc.queryForObject("SELECT COUNT(*)" + where, parameters, Long.class);
        return count == null ? 0 : count;
    }

    /** The first {@code limit} lots, oldest expiration first, then by id. */
    private List<Lot> head(String where, MapSqlParameterSource parameters, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        List<Long> ids = jdbc.queryForList("SELECT l.id" + where + " ORDER BY l.expiration_date, l.id LIMIT :limit",
                parameters, Long.class);
        Map<Long, Integer> order = new HashMap<>();
        for (int k = 0; k < ids.size(); k++) {
            order.put(ids.get(k), k);
        }
        return stock.findAllById(ids).stream().sorted(Comparator.comparing(l -> order.get(l.getId()))).toList();
    }
}
