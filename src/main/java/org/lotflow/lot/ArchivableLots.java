package org.lotflow.lot;

import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.EntityManager;
import org.lotflow.product.ProductCategory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lots past their retention that are no longer active ({@link RetentionRule}), for the {@code lotArchiving}
 * run: oldest expiration first. The database decides the whole rule (status, nothing on hand, and the expiration
 * before the retention cutoff of the lot's product: one condition per retention in use, the categories' defaults
 * and the products' own, {@link RetentionRule#retentionCutoff}), counts the archivable lots and loads only the
 * first {@code limit} of them. A plant with years of history (hundreds of thousands of depleted lots past
 * retention, archived a review's worth a night) is never read into memory whole (issue #11, a plant's scale).
 */
@Service
public class ArchivableLots {

    private final EntityManager em;
    private final org.lotflow.product.ProductService products;

    public ArchivableLots(EntityManager em, org.lotflow.product.ProductService products) {
        this.em = em;
        this.products = products;
    }

    /** The result of a search: the first {@code limit} archivable lots (oldest expiration first) and how many in all. */
    public record Head(List<Lot> lots, long total) {
    }

    /** The lots archivable on {@code today} (no lock), the first {@code limit} of them and their total. */
    @Transactional(readOnly = true)
    public Head find(LocalDate today, int limit) {
        StringBuilder where = new StringBuilder(" where l.status in :statuses"
                + " and l.quantity - l.shipped - l.consumed - l.disposed = 0 and (");
        java.util.Map<String, Object> parameters = new java.util.LinkedHashMap<>();
        parameters.put("statuses", RetentionRule.INACTIVE);
        int i = 0;
        for (ProductCategory category : ProductCategory.values()) {
            where.append(i == 0 ? "" : " or ").append("(l.product.retentionYears is null and l.product.category = :c")
                    .append(i).append(" and l.expirationDate < :cut").append(i).append(')');
            parameters.put("c" + i, category);
            parameters.put("cut" + i, RetentionRule.retentionCutoff(today, category.defaultRetentionYears()));
            i++;
        }
        for (int years : products.ownRetentionYears()) {
            where.append(" or (l.product.retentionYears = :r").append(i).append(" and l.expirationDate < :cut")
                    .append(i).append(')');
            parameters.put("r" + i, years);
            parameters.put("cut" + i, RetentionRule.retentionCutoff(today, years));
            i++;
        }
        where.append(')');
        var count = em.createQuery("select count(l) from Lot l" + where, Long.class);
        var head = em.createQuery("select l from Lot l join fetch l.product" + where + " order by l.expirationDate, l.id",
                Lot.class).setMaxResults(limit);
        parameters.forEach((name, value) -> {
            count.setParameter(name, value);
            head.setParameter(name, value);
        });
        return new Head(head.getResultList(), count.getSingleResult());
    }
}
