package org.lotflow.lot;

import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.EntityManager;
import org.lotflow.product.ProductCategory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lots past their retention that are no longer active ({@link RetentionRule}), for the {@code lotArchiving}
 * run: oldest expiration first. The database narrows by status, by nothing on hand and by the shortest retention any
 * product may have (1 year); the rule itself decides each lot (its product's retention). The narrowed lots are read
 * in one query: at a plant's scale (a million lots) a run reads the inactive lots expired more than a year ago.
 */
@Service
public class ArchivableLots {

    private final EntityManager em;

    public ArchivableLots(EntityManager em) {
        this.em = em;
    }

    /** The result of a search: the first {@code limit} archivable lots (oldest expiration first) and how many in all. */
    public record Head(List<Lot> lots, long total) {
    }

    /** The lots archivable on {@code today} (no lock), the first {@code limit} of them and their total. */
    @Transactional(readOnly = true)
    public Head find(LocalDate today, int limit) {
        LocalDate cutoff = today.minusYears(ProductCategory.MIN_RETENTION_YEARS); // the shortest retention
        List<Lot> inactive = em.createQuery("select l from Lot l join fetch l.product where l.status in :statuses"
                + " and l.expirationDate < :cutoff and l.quantity - l.shipped - l.consumed - l.disposed = 0 order by l.expirationDate, l.id", Lot.class)
                .setParameter("statuses", RetentionRule.INACTIVE).setParameter("cutoff", cutoff).getResultList();
        List<Lot> archivable = inactive.stream().filter(l -> RetentionRule.archivable(l, today)).toList();
        return new Head(archivable.subList(0, Math.min(limit, archivable.size())), archivable.size());
    }
}
