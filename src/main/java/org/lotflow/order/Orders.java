package org.lotflow.order;

import org.lotflow.order.internal.OrderQueries;
import org.springframework.stereotype.Service;

/**
 * An order as {@code GET /api/orders/{orderNumber}} answers it, for other modules' screens (the Console):
 * status, allocations (lot, quantity, expiration, FEFO or override), shipments and a pending override.
 * 404 ({@link org.lotflow.shared.NotFound}) for an unknown order number.
 */
@Service
public class Orders {

    private final OrderQueries queries;

    public Orders(OrderQueries queries) {
        this.queries = queries;
    }

    public OrderView get(String orderNumber) {
        return queries.get(orderNumber);
    }
}
