package org.lotflow.lot;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.lotflow.lot.internal.LotRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lot module's stock API: the one place where other modules find lots, lock them for a change and
 * change their quantities (allocated, shipped). No other module writes the {@code lot} table or
 * calls a lot's quantity methods (issue 10; the architecture test keeps it so).
 *
 * <p>Locks are row locks ({@code SELECT ... FOR UPDATE}) taken in ascending lot id order by every
 * writer, so concurrent writers queue and never deadlock. Every method joins the caller's transaction
 * ({@link Propagation#MANDATORY} for the writers: a lock outside a transaction would be released at
 * once). Quantities are in the product's unit; a change that would make a quantity negative or exceed
 * what is available is refused ({@link org.lotflow.shared.StateConflict}, 409) and changes nothing.
 */
@Service
public class LotStock {

    private final LotRepository lots;

    public LotStock(LotRepository lots) {
        this.lots = lots;
    }

    /** The lot with this number, if any (no lock). */
    @Transactional(readOnly = true)
    public Optional<Lot> findByLotNumber(String lotNumber) {
        return lots.findByLotNumber(lotNumber);
    }

    /** The lots with these ids that exist, in no particular order (no lock). */
    @Transactional(readOnly = true)
    public List<Lot> findAllById(Collection<Long> ids) {
        return lots.findAllById(ids);
    }

    /** Locks the lots with these ids, in ascending id order, and returns them as they are under the lock. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Lot> lockAll(Collection<Long> ids) {
        return lots.lockAll(List.copyOf(ids));
    }

    /** Locks the lots with these numbers (those that exist), in ascending id order. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Lot> lockAllByLotNumber(Collection<String> lotNumbers) {
        return lots.lockAllByLotNumber(List.copyOf(lotNumbers));
    }

    /**
     * Locks the released lots of a product in ascending id order (FEFO allocation): every allocator of a
     * SKU locks the same rows in the same order, so concurrent orders queue instead of over-allocating.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Lot> lockReleasedOfProduct(Long productId) {
        return lots.lockReleasedOfProduct(productId);
    }

    /** Reserves {@code quantity} of a locked lot's available stock for an order; 409 when less is available. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void allocate(Lot lot, BigDecimal quantity) {
        lot.allocate(quantity);
        lots.save(lot);
    }

    /** Gives {@code quantity} of a locked lot's allocation back to available stock. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void deallocate(Lot lot, BigDecimal quantity) {
        lot.deallocate(quantity);
        lots.save(lot);
    }

    /** Turns {@code quantity} of a locked lot's allocation into shipped stock. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void ship(Lot lot, BigDecimal quantity) {
        lot.ship(quantity);
        lots.save(lot);
    }
}
