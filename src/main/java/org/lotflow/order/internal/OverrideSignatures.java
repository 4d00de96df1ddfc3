package org.lotflow.order.internal;

import org.lotflow.history.LotHistory;
import org.lotflow.history.RecordedSignature;
import org.lotflow.lot.LotStock;
import org.lotflow.order.OrderEventTypes;
import org.springframework.stereotype.Component;

/**
 * An order's signed override decision as the requested lot's hash-chained history recorded it
 * ({@code OVERRIDE_APPROVED} or {@code OVERRIDE_REFUSED} of the order: the signer's id, the printed name signed with,
 * the time and the meaning), never the order's {@code override_decided_by} columns nor the signer's current name
 * (auditor sig28 H1, M1, M2; 21 CFR 11.50, 11.70).
 */
@Component
class OverrideSignatures {

    private final LotHistory history;
    private final LotStock lots;

    OverrideSignatures(LotHistory history, LotStock lots) {
        this.history = history;
        this.lots = lots;
    }

    /** The order's latest signed override decision, or null when none is recorded. */
    RecordedSignature of(SalesOrder order) {
        if (order.getRequestedLot() == null) {
            return null;
        }
        Long lotId = lots.findByLotNumber(order.getRequestedLot()).map(org.lotflow.lot.Lot::getId).orElse(null);
        return lotId == null ? null : of(order.getOrderNumber(), history.signatures(lotId,
                OrderEventTypes.OVERRIDE_APPROVED, OrderEventTypes.OVERRIDE_REFUSED));
    }

    /** The latest of these signatures given on {@code orderNumber}'s override, or null. */
    static RecordedSignature of(String orderNumber, java.util.List<RecordedSignature> signatures) {
        RecordedSignature last = null;
        for (RecordedSignature s : signatures) {
            if (orderNumber.equals(s.detailText("orderNumber"))) {
                last = s;
            }
        }
        return last;
    }
}
