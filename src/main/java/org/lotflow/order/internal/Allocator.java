package org.lotflow.order.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.lotflow.history.LotHistory;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotStock;
import org.lotflow.order.Fefo;
import org.lotflow.order.OrderEventTypes;
import org.lotflow.security.CurrentUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes allocations: reserves lot stock for an order (through the lot module's {@link LotStock}),
 * records the allocation row and the lot's history event, and gives allocations back. The callers hold
 * the row locks of the lots involved (ascending id, see {@link OrderLocking}); every method joins their
 * transaction.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class Allocator {

    private final AllocationRepository allocations;
    private final LotStock lots;
    private final LotHistory history;
    private final CurrentUser currentUser;
    private final Clock clock;

    public Allocator(AllocationRepository allocations, LotStock lots, LotHistory history, CurrentUser currentUser,
            Clock clock) {
        this.allocations = allocations;
        this.lots = lots;
        this.history = history;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Allocates up to {@code needed} of the order from the locked candidates by FEFO under the normal
     * rules ({@link Fefo#allocate}), leaving out the lot {@code excludeLotId} (null: none); returns the
     * allocations it made, in FEFO order (what they do not cover is the order's shortfall).
     */
    public List<Allocation> byFefo(SalesOrder order, List<Lot> lockedCandidates, BigDecimal needed, Long excludeLotId) {
        LocalDate today = LocalDate.now(clock);
        Map<Long, Lot> byId = lockedCandidates.stream().collect(Collectors.toMap(Lot::getId, Function.identity()));
        Fefo.Plan plan = Fefo.allocate(lockedCandidates.stream().map(Fefo.Candidate::of).toList(), needed, today,
                Fefo.shipDate(order.getRequiredBy(), today), order.getMinShelfLifeMonths(), excludeLotId);
        List<Allocation> made = new java.util.ArrayList<>();
        for (Fefo.Take take : plan.takes()) {
            made.add(allocate(order, byId.get(take.lot().id()), take.quantity(), true, null, null, null));
        }
        return made;
    }

    /**
     * Allocates up to {@code needed} of an order that asks for a locked lot needing no override (no eligible lot expires
     * before it: {@link OverrideReason} gave none): that lot first, the rest from the locked candidates by FEFO
     * ({@link Fefo#allocateRequestedFirst}). FEFO allocations ({@code fefo}: true); the requested lot's history says it
     * was the requested one (new user 2026-12-07 F4). Returns the allocations made, the requested lot's first.
     */
    public List<Allocation> requestedFirst(SalesOrder order, Lot lockedRequested, List<Lot> lockedCandidates,
            BigDecimal needed) {
        LocalDate today = LocalDate.now(clock);
        Map<Long, Lot> byId = lockedCandidates.stream().collect(Collectors.toMap(Lot::getId, Function.identity()));
        Fefo.Plan plan = Fefo.allocateRequestedFirst(Fefo.Candidate.of(lockedRequested),
                lockedCandidates.stream().map(Fefo.Candidate::of).toList(), needed, today,
                Fefo.shipDate(order.getRequiredBy(), today), order.getMinShelfLifeMonths());
        List<Allocation> made = new java.util.ArrayList<>();
        for (Fefo.Take take : plan.takes()) {
            boolean requested = take.lot().id().equals(lockedRequested.getId());
            made.add(allocate(order, requested ? lockedRequested : byId.get(take.lot().id()), take.quantity(), true,
                    null, null, null, requested ? "Allocated to order " + order.getOrderNumber() + " by FEFO, the lot"
                            + " the customer requested (no lot FEFO may allocate expires before it)" : null));
        }
        return made;
    }

    /**
     * Allocates {@code quantity} of a locked lot to the order: by FEFO ({@code fefo}) as the acting
     * user, or as an approved override carried out for {@code approvedBy} (history records it as theirs).
     */
    public Allocation allocate(SalesOrder order, Lot lot, BigDecimal quantity, boolean fefo, String approvedBy,
            String overrideReason, String comment) {
        return allocate(order, lot, quantity, fefo, approvedBy, overrideReason, comment, null);
    }

    /** {@link #allocate(SalesOrder, Lot, BigDecimal, boolean, String, String, String)}, the history's reason given. */
    private Allocation allocate(SalesOrder order, Lot lot, BigDecimal quantity, boolean fefo, String approvedBy,
            String overrideReason, String comment, String historyReason) {
        lots.allocate(lot, quantity);
        Allocation a = new Allocation(order.getId(), order.getProductId(), lot.getId(), quantity, fefo, clock.instant(), currentUser.id());
        if (!fefo) {
            // the approval bends the customer's minimum shelf life only when the lot is short of it at the ship date
            // now: else the minimum is judged again at shipping, as for any allocation
            LocalDate today = LocalDate.now(clock);
            LocalDate shipDate = Fefo.shipDate(order.getRequiredBy(), today);
            a.approvedOverride(approvedBy, overrideReason, comment, Fefo.meetsShelfLife(Fefo.Candidate.of(lot),
                    shipDate, order.getMinShelfLifeMonths()) ? null : shipDate);
        }
        a = allocations.save(a);
        // an override's allocation is the approver's decision carried out by the engine: record it as theirs
        history.event(lot.getId(), OrderEventTypes.ALLOCATED).by(fefo ? currentUser.id() : approvedBy)
                .reason(historyReason != null ? historyReason
                        : fefo ? "Allocated to order " + order.getOrderNumber() + " by FEFO"
                        : "Allocated to order " + order.getOrderNumber() + " by override approved by "
                                + currentUser.fullName(approvedBy))
                .detail("orderNumber", order.getOrderNumber()).detail("customer", order.getCustomer())
                .detail("quantity", quantity).detail("fefo", fefo).detail("approvedBy", approvedBy)
                .detail("overrideReason", overrideReason).detail("available", lot.getAvailable()).append();
        return a;
    }

    /** Gives an open allocation of a locked lot back to stock, closed with {@code reason}. */
    public void release(Lot lot, Allocation a, SalesOrder order, String reason) {
        lots.deallocate(lot, a.getQuantity());
        a.cancel(clock.instant(), reason);
        allocations.save(a);
        history.event(lot.getId(), OrderEventTypes.DEALLOCATED).reason(reason)
                .detail("orderNumber", order.getOrderNumber()).detail("quantity", a.getQuantity())
                .detail("available", lot.getAvailable()).record();
    }
}
