package org.lotflow.order.internal;

import java.math.BigDecimal;

/**
 * The status an order shows ({@code OrderView.status}), derived from its row and its allocations,
 * never stored: CANCELLED, OVERRIDE_PENDING, SHIPPED, PARTIALLY_SHIPPED, ALLOCATED,
 * PARTIALLY_ALLOCATED or UNALLOCATED, the first that applies. A plain rule (no Spring, no database).
 */
public final class OrderStatus {

    private OrderStatus() {
    }

    /**
     * @param quantity what the order asks for (product unit)
     * @param open the quantity of its OPEN allocations
     * @param shipped the quantity of its SHIPPED allocations
     */
    public static String of(boolean cancelled, boolean overridePending, BigDecimal quantity, BigDecimal open,
            BigDecimal shipped) {
        BigDecimal allocated = open.add(shipped);
        if (cancelled) {
            return "CANCELLED";
        }
        if (overridePending) {
            return "OVERRIDE_PENDING";
        }
        if (shipped.compareTo(quantity) >= 0) {
            return "SHIPPED";
        }
        if (shipped.signum() > 0) {
            return "PARTIALLY_SHIPPED";
        }
        if (quantity.subtract(allocated).signum() <= 0) {
            return "ALLOCATED";
        }
        return allocated.signum() > 0 ? "PARTIALLY_ALLOCATED" : "UNALLOCATED";
    }
}
