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

    /** Lots read and locked in the first step (then 4 times more each step): most orders take one or two lots, and every locked lot is dirty-checked at each flush. */
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
     * until their available stock covers {@code needed} or there are no more. Takes the product's
     * product's lock first.
     */
    public List<Lot> lockCovering(Long productId, BigDecimal needed, LocalDate today, LocalDate shipDate,
            Integer minShelfLifeMonths, Long excludeLotId) {
        lockProduct(productId);
        LocalDate earliest = Fefo.earliestEligibleExpiration(today, shipDate, minShelfLifeMonths);
        Map<Long, Lot> locked = new LinkedHashMap<>();
        int limit = FIRST_STEP;
        while (true) {
            List<Long> ids = lots.fefoCandidateIds(productId, earliest, excludeLotId, limit);
            List<Long> more = ids.stream().filter(id -> !locked.containsKey(id)).sorted().toList();
            if (!more.isEmpty()) {
                lots.lockAll(more).forEach(l -> locked.put(l.getId(), l));
            }
            BigDecimal covered = locked.values().stream()
                    .filter(l -> Fefo.eligible(l, today, shipDate, minShelfLifeMonths))
                    .map(Lot::getAvailable).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (covered.compareTo(needed) >= 0 || ids.size() < limit) {
                List<Lot> inFefoOrder = new ArrayList<>(locked.values());
                inFefoOrder.sort(Fefo.LOT_ORDER);
                return inFefoOrder;
            }
            limit *= 4;
        }
    }
}
