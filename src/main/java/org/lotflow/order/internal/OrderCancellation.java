package org.lotflow.order.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.lotflow.lot.Lot;
import org.lotflow.order.OrderView;
import org.lotflow.order.internal.process.OverrideProcess;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.Groups;
import org.lotflow.shared.StateConflict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: sales cancels an order ({@code DELETE /api/orders/{orderNumber}}). Its open allocations go
 * back to stock (shipped quantities stay shipped), a pending override is withdrawn and its process
 * ended. Locks the order row, then the lots of its open allocations (see {@link OrderLocking}).
 */
@Service
public class OrderCancellation {

    private final OrderLocking locking;
    private final SalesOrderRepository orders;
    private final AllocationRepository allocations;
    private final Allocator allocator;
    private final OrderQueries queries;
    private final OverrideProcess overrideProcess;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final org.lotflow.lot.LotService lots;
    private final org.lotflow.history.LotHistory history;
    private final OverrideSignatures overrideSignatures;

    public OrderCancellation(OrderLocking locking, SalesOrderRepository orders, AllocationRepository allocations,
            Allocator allocator, OrderQueries queries, OverrideProcess overrideProcess, CurrentUser currentUser,
            Clock clock, org.lotflow.lot.LotService lots, org.lotflow.history.LotHistory history,
            OverrideSignatures overrideSignatures) {
        this.overrideSignatures = overrideSignatures;
        this.lots = lots;
        this.history = history;
        this.locking = locking;
        this.orders = orders;
        this.allocations = allocations;
        this.allocator = allocator;
        this.queries = queries;
        this.overrideProcess = overrideProcess;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Cancels the order, keeping who cancelled it and when on the order ({@code cancelledBy}, {@code cancelledAt}) and,
     * for a pending override, {@code OVERRIDE_WITHDRAWN} in the requested lot's history; cancelling a cancelled order
     * changes nothing. Refusals: 403 for anyone but sales,
     * 404 for an unknown order, 409 for a fully shipped order (nothing to cancel).
     */
    @Transactional
    public OrderView cancel(String orderNumber) {
        currentUser.requireToRecord("cancel an order", Groups.SALES);
        SalesOrder order = locking.order(orderNumber);
        if (order.isCancelled()) {
            return queries.view(order);
        }
        Map<Long, Lot> locked = locking.lotsOfOpenAllocations(order);
        List<Allocation> open = allocations.findByOrderIdAndStatusOrderById(order.getId(), Allocation.Status.OPEN);
        BigDecimal shipped = OrderQueries.sum(
                allocations.findByOrderIdAndStatusOrderById(order.getId(), Allocation.Status.SHIPPED));
        if (open.isEmpty() && !order.isOverridePending() && shipped.compareTo(order.getQuantity()) >= 0) {
            throw new StateConflict("Order " + orderNumber + " is fully shipped; there is nothing to cancel");
        }
        String reason = "Order " + orderNumber + " cancelled by " + currentUser.fullName(currentUser.id());
        for (Allocation a : open) {
            allocator.release(locked.get(a.getLotId()), a, order, reason);
        }
        boolean overridePending = order.isOverridePending();
        // a decision signed a moment ago whose allocation has not run yet (it runs after the signature's commit)
        String signed = order.getOverrideDecision();
        String signedBy = order.getOverrideDecisionBy();
        java.time.Instant signedAt = order.getOverrideDecisionAt();
        order.cancel(clock.instant(), currentUser.id());
        orders.save(order);
        if (overridePending) {
            overrideProcess.withdraw(orderNumber, reason);
            // the requested lot's history closes the request it keeps: who withdrew it, when, on which order
            // (auditor 2026-12-06 F12: OVERRIDE_REQUESTED stayed with nothing after it); a decision already signed is
            // named as signed and not carried out, never as withdrawn undecided (re-test 2026-12-07 R2)
            // a decision signed but not yet carried out is OVERRIDE_NOT_CARRIED_OUT, never a withdrawal (re-test N8)
            var event = history.event(lots.get(order.getRequestedLot()).getId(), signed == null
                    ? org.lotflow.order.OrderEventTypes.OVERRIDE_WITHDRAWN
                    : org.lotflow.order.OrderEventTypes.OVERRIDE_NOT_CARRIED_OUT)
                    .reason(signed == null ? reason : "Override " + signed.toLowerCase(java.util.Locale.ROOT) + " by "
                            + signer(order, signedBy, signedAt) + ", not carried out: "
                            + reason + " before its allocation was made")
                    .detail("orderNumber", orderNumber).detail("customer", order.getCustomer());
            if (signed != null) {
                event.detail("signedDecision", signed).detail("signedBy", signedBy);
            }
            event.record();
        }
        return queries.view(order);
    }

    /**
     * "Anna Kowalski (anna) at 2025-01-28 09:03 UTC, meaning: allocation override approval": the decision's signature
     * as the requested lot's history recorded it (printed name as signed; auditor sig28 H1); the order's columns only
     * when none is recorded.
     */
    private String signer(SalesOrder order, String signedBy, java.time.Instant signedAt) {
        org.lotflow.history.RecordedSignature s = overrideSignatures.of(order);
        if (s != null) {
            return s.nameWithId() + " at " + org.lotflow.shared.process.TaskForm.text(s.at()) + ", meaning: "
                    + s.meaning();
        }
        return signedBy + (signedAt == null ? "" : " at " + org.lotflow.shared.process.TaskForm.text(signedAt));
    }
}
