package org.lotflow.order.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lotflow.lot.Lot;
import org.lotflow.lot.LotStock;
import org.lotflow.shared.NotFound;
import org.lotflow.shared.StateConflict;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The module's lock order, in one place. Every write that changes a lot's {@code allocated}/{@code shipped}
 * first takes row locks ({@code SELECT ... FOR UPDATE}) on the lots involved, in ascending id order:
 * allocation takes the product's lock and then only the lots FEFO takes ({@link FefoCandidates}),
 * shipment and cancellation lock the order row first and then the lots of its open allocations. A fixed lock order means concurrent requests
 * queue instead of deadlocking, and behave the same on H2 and PostgreSQL. The lot's {@code @Version}
 * column is a second line of defence (a writer that skipped the lock gets a 409, never a lost update), and
 * the database check {@code allocated + shipped + consumed + disposed <= quantity} a third. Order quantities are
 * derived from the allocations, never stored, so the lot-status reaction (which holds only a lot lock)
 * never needs the order row: no lock cycle. Data read before a lock is taken is read as plain ids, so no
 * stale entity reaches a write.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
public class OrderLocking {

    private final SalesOrderRepository orders;
    private final AllocationRepository allocations;
    private final LotStock lots;

    public OrderLocking(SalesOrderRepository orders, AllocationRepository allocations, LotStock lots) {
        this.orders = orders;
        this.allocations = allocations;
        this.lots = lots;
    }

    /** The order row locked; {@link NotFound} (404) when there is no such order. */
    public SalesOrder order(String orderNumber) {
        return orders.lockByOrderNumber(orderNumber).orElseThrow(() -> new NotFound("Order", orderNumber));
    }

    /** The lots of the order's open allocations, locked in ascending id order, by id. */
    public Map<Long, Lot> lotsOfOpenAllocations(SalesOrder order) {
        List<Long> lotIds = allocations.lotIdsOf(order.getId(), Allocation.Status.OPEN);
        if (lotIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Lot> locked = new LinkedHashMap<>();
        for (Lot l : lots.lockAll(lotIds.stream().sorted().toList())) {
            locked.put(l.getId(), l);
        }
        return locked;
    }

    /**
     * The order of an override process, found by the process's business key and refused (409) unless
     * {@code processInstanceId} is the process bound to it; the row locked when {@code lock}.
     * {@link NotFound} (404) when there is no such order.
     */
    public SalesOrder overrideOrder(String orderNumber, String processInstanceId, boolean lock) {
        SalesOrder order = (orderNumber == null ? java.util.Optional.<SalesOrder>empty()
                : lock ? orders.lockByOrderNumber(orderNumber) : orders.findByOrderNumber(orderNumber))
                .orElseThrow(() -> new NotFound("Order", String.valueOf(orderNumber)));
        if (!order.isOverrideProcess(processInstanceId)) {
            throw new StateConflict("Process " + processInstanceId + " is not the override process of order "
                    + orderNumber).with("orderNumber", orderNumber);
        }
        return order;
    }
}
