package org.lotflow.order.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.lotflow.lot.Lot;
import org.lotflow.order.Fefo;
import org.lotflow.order.OrderView;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.Groups;
import org.lotflow.shared.StateConflict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: sales allocates an open order's shortfall by FEFO ({@code POST /api/orders/{orderNumber}/allocations}),
 * under its own number. An order takes stock when it is placed, and stock released later does not fill a shortfall by
 * itself: an order placed beyond stock, or one whose allocation a hold's rejection, a recall or an expiry took back,
 * is refilled here from the RELEASED lots free now, by the same FEFO rule as a new order (its ship date and minimum
 * shelf life count, partially if stock is short, never more than a lot holds). Without it the customer's order could
 * only be cancelled and placed again under a new number, away from the customer's own reference (new user
 * 2026-12-06 D5).
 *
 * <p>Refusals, changing nothing: 403 for anyone but sales; 404 for an unknown order; 409 for a cancelled order, an
 * order waiting for a QA manager's override decision (its requested lot is decided there), an order with no shortfall,
 * and when no lot has stock FEFO may take now (the sentence says from which expiration date). Locks the order row,
 * then the product and the lots FEFO takes ({@link OrderLocking}, {@link FefoCandidates}), as placing one does.
 */
@Service
public class ShortfallAllocation {

    private final OrderLocking locking;
    private final AllocationRepository allocations;
    private final FefoCandidates fefoCandidates;
    private final Allocator allocator;
    private final OrderQueries queries;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final org.lotflow.product.ProductService products;

    public ShortfallAllocation(OrderLocking locking, AllocationRepository allocations, FefoCandidates fefoCandidates,
            Allocator allocator, OrderQueries queries, CurrentUser currentUser, Clock clock,
            org.lotflow.product.ProductService products) {
        this.locking = locking;
        this.allocations = allocations;
        this.fefoCandidates = fefoCandidates;
        this.allocator = allocator;
        this.queries = queries;
        this.currentUser = currentUser;
        this.clock = clock;
        this.products = products;
    }

    @Transactional
    public OrderView allocateShortfall(String orderNumber) {
        currentUser.requireToRecord("allocate an order", Groups.SALES);
        SalesOrder order = locking.order(orderNumber);
        String number = order.getOrderNumber();
        if (order.isCancelled()) {
            throw new StateConflict("Order " + number + " is cancelled; there is nothing to allocate");
        }
        if (order.isOverridePending()) {
            throw new StateConflict("Order " + number + " waits for a QA manager's decision on its requested lot"
                    + " (allocationOverride); it is allocated when that is decided");
        }
        List<Allocation> all = allocations.findByOrderIdOrderById(order.getId());
        BigDecimal taken = OrderQueries.sum(all.stream().filter(a -> a.isOpen()
                || a.getStatus() == Allocation.Status.SHIPPED).toList());
        BigDecimal shortfall = order.getQuantity().subtract(taken);
        if (shortfall.signum() <= 0) {
            throw new StateConflict("Order " + number + " has no shortfall: its " + plain(order.getQuantity())
                    + " are allocated or shipped");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate shipDate = Fefo.shipDate(order.getRequiredBy(), today);
        List<Lot> candidates = fefoCandidates.lockCovering(order.getProductId(), shortfall, today, shipDate,
                order.getMinShelfLifeMonths(), null);
        List<Allocation> made = allocator.byFefo(order, candidates, shortfall, null);
        if (made.isEmpty()) {
            throw new StateConflict("No RELEASED lot of " + products.get(order.getProductId()).getSku()
                    + " expiring on or after " + Fefo.earliestEligibleExpiration(today, shipDate,
                            order.getMinShelfLifeMonths()) + ", as order " + number + " needs, has stock free to allocate"
                    + " now; its shortfall stays " + plain(shortfall) + " (lots under lab release, on hold, recalled"
                    + " or expired are never allocated)");
        }
        return queries.view(order);
    }

    private static String plain(BigDecimal quantity) {
        return quantity.signum() == 0 ? "0" : quantity.stripTrailingZeros().toPlainString();
    }
}
