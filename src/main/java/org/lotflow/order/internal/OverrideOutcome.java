package org.lotflow.order.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.lotflow.lot.Lot;
import org.lotflow.lot.LotStock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: the engine carries out a signed override decision (service tasks {@code allocateRequestedLot}
 * and {@code allocateByFefo}). The order comes from the business key and the decision from the order
 * row (the QA manager's signature, {@link OverrideDecision}), never from process variables: without the
 * recorded decision it refuses (409) and allocates nothing (issue #8). Locks the order row, then the
 * released lots of the SKU (see {@link OrderLocking}).
 */
@Service
public class OverrideOutcome {

    private final OrderLocking locking;
    private final LotStock lots;
    private final Allocator allocator;
    private final Clock clock;

    public OverrideOutcome(OrderLocking locking, LotStock lots, Allocator allocator, Clock clock) {
        this.locking = locking;
        this.lots = lots;
        this.allocator = allocator;
        this.clock = clock;
    }

    /**
     * Approved: allocates the requested lot (fefo=false, approved_by), the rest of the order by FEFO.
     * Returns false when the lot no longer has stock (or is no longer released and unexpired): then the
     * whole order is allocated by FEFO instead (LOT_UNAVAILABLE). A withdrawn or already carried out
     * override does nothing (false).
     */
    @Transactional
    public boolean applyApproved(String orderNumber, String processInstanceId) {
        SalesOrder order = locking.overrideOrder(orderNumber, processInstanceId, true);
        if (!order.isOverridePending()) {
            return false; // withdrawn (order cancelled) or already carried out: nothing to do
        }
        requireDecision(order, OverrideStatus.APPROVED);
        String approvedBy = order.getOverrideDecisionBy();
        String comment = order.getOverrideDecisionComment();
        List<Lot> candidates = lots.lockReleasedOfProduct(order.getProductId());
        Lot requested = candidates.stream().filter(l -> l.getLotNumber().equals(order.getRequestedLot())).findFirst()
                .orElse(null);
        if (requested == null || requested.isExpiredOn(LocalDate.now(clock)) || requested.getAvailable().signum() <= 0) {
            order.decideOverride(OverrideStatus.LOT_UNAVAILABLE, approvedBy, comment);
            allocator.byFefo(order, candidates, order.getQuantity(), null);
            return false;
        }
        BigDecimal take = requested.getAvailable().min(order.getQuantity());
        allocator.allocate(order, requested, take, false, approvedBy, order.getOverrideReason(), comment);
        order.decideOverride(OverrideStatus.APPROVED, approvedBy, comment);
        allocator.byFefo(order, candidates, order.getQuantity().subtract(take), requested.getId());
        return true;
    }

    /** Refused: the order is allocated by FEFO under the normal rules. A withdrawn override does nothing. */
    @Transactional
    public void applyRefused(String orderNumber, String processInstanceId) {
        SalesOrder order = locking.overrideOrder(orderNumber, processInstanceId, true);
        if (!order.isOverridePending()) {
            return;
        }
        requireDecision(order, OverrideStatus.REFUSED);
        List<Lot> candidates = lots.lockReleasedOfProduct(order.getProductId());
        order.decideOverride(OverrideStatus.REFUSED, order.getOverrideDecisionBy(), order.getOverrideDecisionComment());
        allocator.byFefo(order, candidates, order.getQuantity(), null);
    }

    /** The signed decision an outcome task carries out, re-checked on the order row; refused (409) otherwise. */
    private static void requireDecision(SalesOrder order, OverrideStatus expected) {
        if (!expected.name().equals(order.getOverrideDecision()) || order.getOverrideDecisionBy() == null) {
            throw new org.lotflow.shared.StateConflict("Order " + order.getOrderNumber()
                    + " has no signed override decision " + expected + " (recorded: " + order.getOverrideDecision()
                    + "); nothing is allocated").with("orderNumber", order.getOrderNumber());
        }
    }
}
