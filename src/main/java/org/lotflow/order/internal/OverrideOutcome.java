package org.lotflow.order.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.lotflow.lot.Lot;
import org.lotflow.lot.LotStatus;
import org.lotflow.lot.LotStock;
import org.lotflow.order.Fefo;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: the engine carries out a signed override decision (service tasks {@code allocateRequestedLot}
 * and {@code allocateByFefo}). The order comes from the business key and the decision from the order
 * row (the QA manager's signature, {@link OverrideDecision}), never from process variables: without the
 * recorded decision it refuses (409) and allocates nothing (issue #8). Locks the order row, then the
 * product's lock and the lots it takes (see {@link OrderLocking}, {@link FefoCandidates}).
 */
@Service
public class OverrideOutcome {

    private final OrderLocking locking;
    private final LotStock lots;
    private final Allocator allocator;
    private final FefoCandidates fefo;
    private final Clock clock;

    private final org.lotflow.history.LotHistory history;

    private final OverrideStanding standing;

    public OverrideOutcome(OrderLocking locking, LotStock lots, Allocator allocator, FefoCandidates fefo,
            Clock clock, org.lotflow.history.LotHistory history, OverrideStanding standing) {
        this.history = history;
        this.standing = standing;
        this.locking = locking;
        this.fefo = fefo;
        this.lots = lots;
        this.allocator = allocator;
        this.clock = clock;
    }

    /**
     * Approved: allocates the requested lot (fefo=false, approved_by), the rest of the order by FEFO.
     * Returns false when the lot no longer has stock (or is no longer released, or is expired today or at the ship
     * date: an override placed before that rule, auditor 2026-12-06 G-f): then the
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
        LocalDate today = LocalDate.now(clock);
        LocalDate shipDate = Fefo.shipDate(order.getRequiredBy(), today);
        fefo.lockProduct(order.getProductId());
        Lot requested = lots.lockAllByLotNumber(List.of(order.getRequestedLot())).stream()
                .filter(l -> l.getProduct().getId().equals(order.getProductId()) && l.getStatus() == LotStatus.RELEASED)
                .findFirst().orElse(null);
        if (requested == null || requested.isExpiredOn(today) || requested.isExpiredOn(shipDate)
                || requested.getAvailable().signum() <= 0) {
            order.decideOverride(OverrideStatus.LOT_UNAVAILABLE, approvedBy, comment);
            BigDecimal found = allocator.byFefo(order, fefo.lockCovering(order.getProductId(), order.getQuantity(),
                    today, shipDate, order.getMinShelfLifeMonths(), null), order.getQuantity(), null).stream()
                    .map(Allocation::getQuantity).reduce(BigDecimal.ZERO, BigDecimal::add);
            // the signed approval is followed in the lot's trail by why it was not carried out and what FEFO found
            // instead, recorded by lotflow, which carried it out (re-test 2026-12-06 H1, M1)
            lots.findByLotNumber(order.getRequestedLot()).ifPresent(l -> history.event(l.getId(),
                    org.lotflow.order.OrderEventTypes.OVERRIDE_NOT_CARRIED_OUT)
                    .by(org.lotflow.security.CurrentUser.SYSTEM)
                    .reason(notCarriedOut(order, requested, l.getStatus().name(), today, shipDate, found,
                            l.getProduct().getUnit()))
                    .detail("orderNumber", order.getOrderNumber()).detail("customer", order.getCustomer())
                    .detail("approvedBy", approvedBy).detail("allocatedByFefo", found).record());
            return false;
        }
        BigDecimal take = requested.getAvailable().min(order.getQuantity());
        // the reason the signature recorded, so the allocation and the signed record agree (re-test 2026-12-07 F5); a
        // decision signed before the reason was kept: read again now
        allocator.allocate(order, requested, take, false, approvedBy, order.getOverrideDecisionReason() != null
                ? order.getOverrideDecisionReason() : standing.reason(order, requested, today, shipDate,
                        "at the decision"), comment);
        order.decideOverride(OverrideStatus.APPROVED, approvedBy, comment);
        BigDecimal rest = order.getQuantity().subtract(take);
        allocator.byFefo(order, fefo.lockCovering(order.getProductId(), rest, today, shipDate,
                order.getMinShelfLifeMonths(), requested.getId()), rest, requested.getId());
        return true;
    }

    /** Why an approved override could not be carried out, in a sentence for the lot's trail and the order. */
    static String notCarriedOut(SalesOrder order, Lot requested, String status, LocalDate today, LocalDate shipDate,
            BigDecimal found, String unit) {
        String why = OverrideStanding.unavailable(requested, status, today, shipDate);
        String fefo = found.signum() == 0 ? "FEFO found nothing to allocate instead: "
                + order.getQuantity().stripTrailingZeros().toPlainString() + " " + unit + " short"
                : "FEFO allocated " + found.stripTrailingZeros().toPlainString() + " of "
                        + order.getQuantity().stripTrailingZeros().toPlainString() + " " + unit + " instead";
        return "The approved override of order " + order.getOrderNumber() + " was not carried out: " + why + "; "
                + fefo;
    }

    /** Refused: the order is allocated by FEFO under the normal rules. A withdrawn override does nothing. */
    @Transactional
    public void applyRefused(String orderNumber, String processInstanceId) {
        SalesOrder order = locking.overrideOrder(orderNumber, processInstanceId, true);
        if (!order.isOverridePending()) {
            return;
        }
        requireDecision(order, OverrideStatus.REFUSED);
        LocalDate today = LocalDate.now(clock);
        List<Lot> candidates = fefo.lockCovering(order.getProductId(), order.getQuantity(), today,
                Fefo.shipDate(order.getRequiredBy(), today), order.getMinShelfLifeMonths(), null);
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
