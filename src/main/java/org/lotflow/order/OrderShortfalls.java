package org.lotflow.order;

import org.lotflow.order.internal.ShortfallAllocation;
import org.springframework.stereotype.Service;

/**
 * The order module's API for allocating an open order's shortfall by FEFO, for other modules' screens (the Console):
 * the very use case of {@code POST /api/orders/{orderNumber}/allocations} ({@link ShortfallAllocation}), refused the
 * same way: 403 for anyone but sales, 404 for an unknown order, 409 for a cancelled order, one waiting for an
 * override decision, one without a shortfall, or when no lot has stock FEFO may take now.
 */
@Service
public class OrderShortfalls {

    private final ShortfallAllocation allocation;

    public OrderShortfalls(ShortfallAllocation allocation) {
        this.allocation = allocation;
    }

    /** Allocates what the order still lacks from the RELEASED lots free now, by FEFO. */
    public OrderView allocate(String orderNumber) {
        return allocation.allocateShortfall(orderNumber);
    }
}
