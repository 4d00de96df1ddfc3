package org.lotflow.order.internal;

import java.util.List;
import java.util.Set;

import org.lotflow.lot.Lot;
import org.lotflow.lot.LotStatus;
import org.lotflow.lot.LotStatusChanged;
import org.lotflow.lot.LotStock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Reaction to a lot's status change: a lot that becomes REJECTED, RECALLED or EXPIRED loses its open
 * allocations, in the transaction of the status change; the orders' shortfall grows by those
 * quantities. QUARANTINE keeps them (they just cannot ship until the lot is released again). Holds only
 * the lot's lock, never an order row (see {@link OrderLocking}).
 */
@Component
public class LotLossDeallocation {

    /** The statuses whose lots may never ship again, so their reservations go back to the orders. */
    static final Set<LotStatus> LOSES_ALLOCATIONS = Set.of(LotStatus.REJECTED, LotStatus.RECALLED, LotStatus.EXPIRED);

    private final SalesOrderRepository orders;
    private final AllocationRepository allocations;
    private final LotStock lots;
    private final Allocator allocator;

    public LotLossDeallocation(SalesOrderRepository orders, AllocationRepository allocations, LotStock lots,
            Allocator allocator) {
        this.orders = orders;
        this.allocations = allocations;
        this.lots = lots;
        this.allocator = allocator;
    }

    /**
     * Why an allocation of a lost lot is cancelled, the order page's words: "Lot X became recalled: " and the status
     * change's own reason, the status in words (new user round 25 N6: "became RECALLED" beside the lot column's
     * "Recalled"). Allocations cancelled before keep their text, the code in capitals ({@link
     * org.lotflow.order.OpenAllocations#cancelledOnRecall} reads both).
     */
    public static String reason(String lotNumber, LotStatus became, String why) {
        return "Lot " + lotNumber + " became " + became.inWords() + (why == null ? "" : ": " + why);
    }

    @EventListener
    public void onLotStatusChanged(LotStatusChanged changed) {
        if (!LOSES_ALLOCATIONS.contains(changed.current())) {
            return;
        }
        if (!allocations.existsByLotIdAndStatus(changed.lotId(), Allocation.Status.OPEN)) {
            return;
        }
        Lot lot = lots.lockAll(List.of(changed.lotId())).get(0);
        String reason = reason(changed.lotNumber(), changed.current(), changed.reason());
        for (Allocation a : allocations.findByLotIdAndStatusOrderById(changed.lotId(), Allocation.Status.OPEN)) {
            SalesOrder order = orders.findById(a.getOrderId()).orElseThrow();
            allocator.release(lot, a, order, reason);
        }
    }
}
