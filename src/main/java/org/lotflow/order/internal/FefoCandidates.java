package org.lotflow.order.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lotflow.lot.Lot;
import org.lotflow.lot.LotStock;
import org.lotflow.order.Fefo;
import org.lotflow.product.ProductService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lots a FEFO allocation may take, locked, and no more (issue #11: at a million lots, locking every
 * released lot of a SKU made 13 of 16 busy connections wait). Allocations of one product take the
 * product's lock first ({@link #lockProduct}, {@link ProductService#holdLock}), so they run one after another and FEFO stays exact; allocations of different
 * products run side by side. Under that lock the database lists the product's eligible lots in FEFO
 * order ({@link LotStock#fefoCandidateIds}, an index range), only as many as cover the quantity, and
 * those are row-locked in ascending id order and judged again by the rules ({@link Fefo}) as they are
 * under the lock. Writers that do not allocate (shipping, cancelling, a lot's status change) lock lots
 * only; the product's lock is always taken before any lot lock.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class FefoCandidates {

    /** Lots read in the first unlocked read (then 4 times more each read): most orders take one or two lots. */
    static final int FIRST_STEP = 4;

    private final LotStock lots;
    private final ProductService products;

    public FefoCandidates(LotStock lots, ProductService products) {
        this.lots = lots;
        this.products = products;
    }

    /** Takes the product's lock until the transaction ends (see the class comment). */
    public void lockProduct(Long productId) {
        products.holdLock(productId);
    }

    /**
     * The product's lots FEFO may take for {@code needed} (product unit), locked, in FEFO order: the
     * eligible lots of {@link Fefo#eligible} (without {@code excludeLotId}, null: none) from the earliest,
     * until their available stock covers {@code needed} or there are no more. Takes the product's lock first.
     *
     * <p>One ascending lot-lock order (race 28 F3: a second step that locked lots with lower ids than the first deadlocked
     * with a cancellation or shipment locking the same lots in ascending order, and one of the two got a spurious 409).
     * The lots to lock are chosen from an unlocked read of their available stock ({@link LotStock#fefoCandidateStock},
     * growing 4 times each read until it covers {@code needed}), and all of them are locked at once in ascending id
     * order. Under the product's lock no other allocation changes those figures, and a cancellation only gives stock
     * back, so the lots locked cover the order as they are judged under the lock. Only when a writer took stock or
     * eligibility from one of them between the read and the lock (a consumption, a disposal, a hold, on the same lot at
     * that moment) does a further step lock more lots; that further step alone may lock a lower id after a higher one.
     */
    public List<Lot> lockCovering(Long productId, BigDecimal needed, LocalDate today, LocalDate shipDate,
            Integer minShelfLifeMonths, Long excludeLotId) {
        lockProduct(productId);
        LocalDate earliest = Fefo.earliestEligibleExpiration(today, shipDate, minShelfLifeMonths);
        Map<Long, Lot> locked = new LinkedHashMap<>();
        while (true) {
            List<Long> more = toLock(productId, earliest, excludeLotId, needed, locked, today, shipDate,
                    minShelfLifeMonths);
            if (!more.isEmpty()) {
                lots.lockAll(more).forEach(l -> locked.put(l.getId(), l));
            }
            BigDecimal covered = coveredByLocked(locked.values(), today, shipDate, minShelfLifeMonths);
            if (covered.compareTo(needed) >= 0 || more.isEmpty()) {
                List<Lot> inFefoOrder = new ArrayList<>(locked.values());
                inFefoOrder.sort(Fefo.LOT_ORDER);
                return inFefoOrder;
            }
        }
    }

    /**
     * The ids, ascending, of the lots not yet locked that FEFO takes, by an unlocked read of their stock, so that with
     * the locked ones (as they are under the lock) they cover {@code needed}; all of them when they do not.
     */
    private List<Long> toLock(Long productId, LocalDate earliest, Long excludeLotId, BigDecimal needed,
            Map<Long, Lot> locked, LocalDate today, LocalDate shipDate, Integer minShelfLifeMonths) {
        int limit = FIRST_STEP;
        while (true) {
            List<LotStock.StockRead> read = lots.fefoCandidateStock(productId, earliest, excludeLotId, limit);
            BigDecimal covered = BigDecimal.ZERO;
            List<Long> more = new ArrayList<>();
            for (LotStock.StockRead r : read) {
                Lot held = locked.get(r.id());
                if (held == null) {
                    more.add(r.id());
                    covered = covered.add(r.available().max(BigDecimal.ZERO));
                } else if (Fefo.eligible(held, today, shipDate, minShelfLifeMonths)) {
                    covered = covered.add(held.getAvailable());
                }
                if (covered.compareTo(needed) >= 0) {
                    return more.stream().sorted().toList();
                }
            }
            if (read.size() < limit) {
                return more.stream().sorted().toList();
            }
            limit *= 4;
        }
    }

    private static BigDecimal coveredByLocked(java.util.Collection<Lot> locked, LocalDate today, LocalDate shipDate,
            Integer minShelfLifeMonths) {
        return locked.stream().filter(l -> Fefo.eligible(l, today, shipDate, minShelfLifeMonths))
                .map(Lot::getAvailable).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
