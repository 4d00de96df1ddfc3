package org.lotflow.order.internal;

import org.lotflow.shared.NotPermitted;
import org.lotflow.shared.StateConflict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: the start of {@code allocationOverride}, asked for by {@link org.lotflow.order.OrderPlacement}
 * when a requested lot breaks FEFO or the shelf-life minimum. Binds the process to its order, so every
 * later step acts only for that order and that process (issue #8: facts never come from variables).
 */
@Service
public class OverrideRequest {

    private final SalesOrderRepository orders;

    public OverrideRequest(SalesOrderRepository orders) {
        this.orders = orders;
    }

    /**
     * Binds the process instance to the order whose number is its business key. The contract lets only
     * an order that asks for an exception start the process, so a start is refused ({@link NotPermitted},
     * 403, nothing started) unless placement has just asked for an override of that order in this
     * transaction, and refused ({@link StateConflict}, 409) for an order that already has its process. The
     * order row is locked, so two starts cannot both bind it; a user cannot forge this, because the row is
     * only written by lotflow.
     */
    @Transactional
    public void bindProcess(String orderNumber, String processInstanceId) {
        SalesOrder order = orderNumber == null ? null : orders.lockByOrderNumber(orderNumber).orElse(null);
        if (order == null || !order.isOverridePending()) {
            throw new NotPermitted("allocationOverride is started only by an order that asks for an exception "
                    + "to FEFO or shelf-life rules (POST /api/orders with requestedLot); "
                    + (orderNumber == null ? "no order number was given as business key"
                            : "order '" + orderNumber + "' has no pending override request"));
        }
        if (order.getOverrideProcessInstanceId() != null || order.getOverrideDecision() != null) {
            throw new StateConflict("Order " + orderNumber + " already has its allocationOverride process")
                    .with("orderNumber", orderNumber);
        }
        order.bindOverrideProcess(processInstanceId);
        orders.save(order);
    }
}
