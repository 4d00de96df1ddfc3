package org.lotflow.order;

import org.lotflow.order.internal.OrderCancellation;
import org.springframework.stereotype.Service;

/**
 * The order module's API for cancelling an order, for other modules' screens (the Console): the very use case
 * of {@code DELETE /api/orders/{orderNumber}} ({@link OrderCancellation}), refused the same way: 403 for anyone
 * but sales, 404 for an unknown order, 409 for a fully shipped order; cancelling again changes nothing.
 */
@Service
public class OrderCancelling {

    private final OrderCancellation cancellation;

    public OrderCancelling(OrderCancellation cancellation) {
        this.cancellation = cancellation;
    }

    /** Cancels the order: its open allocations go back to stock, a pending override is withdrawn. */
    public OrderView cancel(String orderNumber) {
        return cancellation.cancel(orderNumber);
    }
}
