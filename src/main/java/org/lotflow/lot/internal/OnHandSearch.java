package org.lotflow.lot.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotPage;
import org.springframework.stereotype.Component;

/**
 * Pages of lots with stock on hand in FEFO order, for the paged reports (issue #13: the FIFO management report
 * and the expiry alert list of a 1,000,000-lot plant). Keyset paging as {@link LotSearch}: the cursor is a
 * {@link LotCursor}, the next page starts at the row value after it, and each page reads {@code size + 1}
 * entries of a partial index that holds only lots with stock on hand ({@code stock_on_hand}, V107:
 * {@code ix_lot_product_on_hand_fefo}, {@code ix_lot_on_hand_expiry}); the queries repeat the indexes'
 * predicates so the planner may use them.
 */
@Component
public class OnHandSearch {

    private static final String ON_HAND = "stock_on_hand";
    private static final String EXPIRING_STATUSES = "status in ('PENDING', 'RELEASED', 'QUARANTINE', 'EXPIRED')";
    private static final String AFTER =
            " and (expiration_date, manufacture_date, lot_number) > (:afterExpiration, :afterManufacture, :afterLot)";
    private static final String ALLOCATABLE = " from lot where product_id = :product and status = 'RELEASED'"
            + " and stock_available and not released_on_concession and expiration_date > :today";
    private static final String ORDER = " order by expiration_date, manufacture_date, lot_number";

    private final EntityManager em;

    public OnHandSearch(EntityManager em) {
        this.em = em;
    }

    /** A page of the product's lots with stock on hand, any status but ARCHIVED. */
    public LotPage ofProduct(Long productId, int size, String cursor) {
        return page("product_id = :product and " + ON_HAND + " and status <> 'ARCHIVED'", productId, null, size,
                cursor);
    }

    /**
     * A page of the lots with stock on hand in PENDING, RELEASED, QUARANTINE or EXPIRED whose expiration date is
     * on or before {@code until}, of one product ({@code productId}) or all (null).
     */
    public LotPage expiringBy(LocalDate until, Long productId, int size, String cursor) {
        String where = (productId == null ? "" : "product_id = :product and ") + ON_HAND
                + " and " + EXPIRING_STATUSES + " and expiration_date <= :until";
        return page(where, productId, until, size, cursor);
    }

    /** How many lots {@link #expiringBy} pages through (all products). */
    public long countExpiringBy(LocalDate until) {
        return ((Number) em.createNativeQuery("select count(*) from lot where " + ON_HAND + " and " + EXPIRING_STATUSES
                + " and expiration_date <= :until").setParameter("until", until).getSingleResult()).longValue();
    }

    /** What FEFO may allocate of a product today: the lots, their quantity available and the first of them. */
    public record Allocatable(long lots, BigDecimal quantity, String first) {
    }

    /**
     * The product's RELEASED lots with stock available that are not expired on {@code today}
     * ({@code expiration_date > today}; {@code Fefo.eligible} without a shelf-life minimum): how many, their
     * quantity available in total and the first in FEFO order. Read through V96's {@code ix_lot_fefo_available}.
     */
    public Allocatable allocatable(Long productId, LocalDate today) {
        String where = ALLOCATABLE;
        Object[] sums = (Object[]) em.createNativeQuery("select count(*), coalesce(sum(quantity - allocated"
                + " - shipped - consumed - disposed), 0)" + where)
                .setParameter("product", productId).setParameter("today", today).getSingleResult();
        List<?> first = em.createNativeQuery("select lot_number" + where + ORDER + " fetch first 1 rows only")
                .setParameter("product", productId).setParameter("today", today).getResultList();
        return new Allocatable(((Number) sums[0]).longValue(), new BigDecimal(sums[1].toString()),
                first.isEmpty() ? null : (String) first.get(0));
    }

    /** The first lot of {@link #allocatable} alone: one entry of {@code ix_lot_fefo_available}. */
    public String firstAllocatable(Long productId, LocalDate today) {
        List<?> first = em.createNativeQuery("select lot_number" + ALLOCATABLE + ORDER + " fetch first 1 rows only")
                .setParameter("product", productId).setParameter("today", today).getResultList();
        return first.isEmpty() ? null : (String) first.get(0);
    }

    @SuppressWarnings("unchecked")
    private LotPage page(String where, Long productId, LocalDate until, int size, String cursor) {
        LotCursor after = cursor == null ? null : LotCursor.decode(cursor);
        Query query = em.createNativeQuery("select * from lot where " + where + (after == null ? "" : AFTER) + ORDER
                + " fetch first " + (size + 1) + " rows only", Lot.class);
        if (productId != null) {
            query.setParameter("product", productId);
        }
        if (until != null) {
            query.setParameter("until", until);
        }
        if (after != null) {
            query.setParameter("afterExpiration", after.expiration());
            query.setParameter("afterManufacture", after.manufacture());
            query.setParameter("afterLot", after.lotNumber());
        }
        List<Lot> rows = query.getResultList();
        if (rows.size() <= size) {
            return new LotPage(rows, null);
        }
        List<Lot> items = rows.subList(0, size);
        Lot last = items.get(size - 1);
        return new LotPage(items,
                new LotCursor(last.getExpirationDate(), last.getManufactureDate(), last.getLotNumber()).encode());
    }
}
