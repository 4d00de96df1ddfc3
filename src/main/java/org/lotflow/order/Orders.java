package org.lotflow.order;

import org.lotflow.order.internal.OrderQueries;
import org.springframework.stereotype.Service;

/**
 * An order as {@code GET /api/orders/{orderNumber}} answers it, for other modules' screens (the Console):
 * status, allocations (lot, quantity, expiration, FEFO or override), shipments and a pending override; an order
 * number is found whatever the case it is typed in (auditor round 22 L2). 404 ({@link org.lotflow.shared.NotFound}) for an unknown order number.
 */
@Service
public class Orders {

    private final OrderQueries queries;

    public Orders(OrderQueries queries) {
        this.queries = queries;
    }

    /** The order, also when its number is typed in another case; 404 when there is none. */
    public OrderView get(String orderNumber) {
        return queries.get(orderNumber);
    }

    /**
     * The order number as stored for one typed in any case ("so-2025-1345" is SO-2025-1345), or {@code typed} itself
     * when no order has it: what a screen taking the number from its address uses before acting on the order.
     */
    public String storedNumber(String typed) {
        return queries.storedNumber(typed);
    }
}
