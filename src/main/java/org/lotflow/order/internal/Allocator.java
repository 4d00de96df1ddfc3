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
 * records the allocation row (with the lots a requiredBy made it pass over, V197) and the lot's history event, and gives allocations back. The callers hold
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
        List<Lot> passedOver = passedOverForShipDate(order, today, plan.takes().isEmpty());
        List<Allocation> made = new java.util.ArrayList<>();
        for (Fefo.Take take : plan.takes()) {
            made.add(allocate(order, byId.get(take.lot().id()), take.quantity(), true, null, null, null, null,
                    passedOver));
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
        List<Lot> passedOver = passedOverForShipDate(order, today, plan.takes().isEmpty());
        List<Allocation> made = new java.util.ArrayList<>();
        for (Fefo.Take take : plan.takes()) {
            boolean requested = take.lot().id().equals(lockedRequested.getId());
            made.add(allocate(order, requested ? lockedRequested : byId.get(take.lot().id()), take.quantity(), true,
                    null, null, null, requested ? "Allocated to order " + order.getOrderNumber() + " by FEFO, the lot"
                            + " the customer requested (no lot FEFO may allocate expires before it)" : null,
                    passedOver));
        }
        return made;
    }

    /**
     * Allocates {@code quantity} of a locked lot to the order: by FEFO ({@code fefo}) as the acting
     * user, or as an approved override carried out for {@code approvedBy} (history records it as theirs).
     */
    public Allocation allocate(SalesOrder order, Lot lot, BigDecimal quantity, boolean fefo, String approvedBy,
            String overrideReason, String comment) {
        return allocate(order, lot, quantity, fefo, approvedBy, overrideReason, comment, null, List.of());
    }

    /** Lots read for {@link #passedOverForShipDate}, at most (the first in FEFO order). */
    static final int PASSED_OVER_MAX = 50;

    /**
     * The released lots (at most {@value #PASSED_OVER_MAX}, in FEFO order) that FEFO would allocate to the order for a
     * shipment today but left out only because they expire, or fall short of the customer's minimum shelf life, by the
     * ship date the allocation assumes (the order's requiredBy, later than today). Audit 28 F1: FEFO is judged on the
     * day the goods leave; the allocation records them, and {@code Shipping} refuses a shipment before requiredBy while
     * one of them would still be FEFO's choice. Read without locks (a record of what was passed over; the order's own
     * lots are locked by the caller). Empty when the order assumes no later ship date or nothing was allocated.
     */
    private List<Lot> passedOverForShipDate(SalesOrder order, LocalDate today, boolean nothingAllocated) {
        LocalDate shipDate = Fefo.shipDate(order.getRequiredBy(), today);
        if (nothingAllocated || !shipDate.isAfter(today)) {
            return List.of();
        }
        Integer min = order.getMinShelfLifeMonths();
        LocalDate judgedFrom = Fefo.earliestEligibleExpiration(today, shipDate, min);
        List<Long> ids = lots.fefoCandidateIds(order.getProductId(), Fefo.earliestEligibleExpiration(today, today, min),
                null, PASSED_OVER_MAX);
        return lots.findAllById(ids).stream().filter(l -> l.getExpirationDate().isBefore(judgedFrom))
                .filter(l -> Fefo.eligible(l, today, today, min)).sorted(Fefo.LOT_ORDER).toList();
    }

    /** The first day none of {@code passedOver} may be FEFO's choice any more by its dates: the allocation ships then. */
    static LocalDate shipsFrom(List<Lot> passedOver, Integer minShelfLifeMonths) {
        return passedOver.stream().map(l -> Fefo.firstDayNotEligible(Fefo.Candidate.of(l), minShelfLifeMonths))
                .max(LocalDate::compareTo).orElse(null);
    }

    /** {@link #allocate(SalesOrder, Lot, BigDecimal, boolean, String, String, String)}, the history's reason given. */
    private Allocation allocate(SalesOrder order, Lot lot, BigDecimal quantity, boolean fefo, String approvedBy,
            String overrideReason, String comment, String historyReason, List<Lot> passedOver) {
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
        a.passedOver(passedOver.stream().map(Lot::getId).toList());
        a = allocations.save(a);
        String judged = "";
        if (fefo && !passedOver.isEmpty()) {
            // the exception is said, not hidden: FEFO judged at requiredBy, and when it may ship (audit 28 F1)
            judged = " at its ship date " + order.getRequiredBy() + " (requiredBy), passing over lot(s) "
                    + passedOver.stream().limit(OverrideReason.MAX_LISTED).map(l -> l.getLotNumber() + " (expires "
                            + l.getExpirationDate() + ")").collect(Collectors.joining(", "))
                    + (passedOver.size() > OverrideReason.MAX_LISTED ? " and more" : "")
                    + " that expire before it; it ships before " + order.getRequiredBy() + " only from "
                    + shipsFrom(passedOver, order.getMinShelfLifeMonths()) + ", when FEFO would no longer take them";
        }
        // an override's allocation is the approver's decision carried out by the engine: record it as theirs
        history.event(lot.getId(), OrderEventTypes.ALLOCATED).by(fefo ? currentUser.id() : approvedBy)
                .reason(historyReason != null ? historyReason + judged
                        : fefo ? "Allocated to order " + order.getOrderNumber() + " by FEFO" + judged
                        : "Allocated to order " + order.getOrderNumber() + " by override approved by "
                                + currentUser.fullName(approvedBy))
                .detail("orderNumber", order.getOrderNumber()).detail("customer", order.getCustomer())
                .detail("quantity", quantity).detail("fefo", fefo).detail("approvedBy", approvedBy)
                .detail("overrideReason", overrideReason).detail("available", lot.getAvailable())
                .detail("fefoShipDate", passedOver.isEmpty() ? null : String.valueOf(order.getRequiredBy()))
                .detail("passedOver", passedOver.isEmpty() ? null : passedOver.stream().map(Lot::getLotNumber)
                        .collect(Collectors.joining(", ")))
                .detail("shipsFrom", passedOver.isEmpty() ? null
                        : String.valueOf(shipsFrom(passedOver, order.getMinShelfLifeMonths()))).append();
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
