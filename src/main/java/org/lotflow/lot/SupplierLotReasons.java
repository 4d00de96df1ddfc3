package org.lotflow.lot;

import java.util.Optional;

import org.lotflow.history.LotEventTypes;
import org.lotflow.history.LotHistory;
import org.lotflow.lot.internal.SupplierLotRules;

/**
 * The words of the lots' history that {@link SupplierLotRules#sentence} and {@link SupplierLotRules#siblingWords}
 * quote: the recall's number, the rejection's reason, the hold's reason. Read from the lots' history, for a receipt
 * ({@link Receiving}) and for a received lot's release ({@link UnfitMaterial}).
 */
final class SupplierLotReasons implements SupplierLotRules.Reasons {

    /** How a hold's change of status to QUARANTINE begins its reason (the quarantine module's words). */
    private static final String QUALITY_HOLD = "Quality hold: ";

    private final LotHistory history;

    SupplierLotReasons(LotHistory history) {
        this.history = history;
    }

    /** The recall number of the lot's (last) change to RECALLED. */
    @Override
    public String recallNumber(long lotId) {
        return lastChangeTo(lotId, LotStatus.RECALLED).filter(e -> e.detail() != null
                && e.detail().get("recallNumber") != null).map(e -> String.valueOf(e.detail().get("recallNumber")))
                .orElse(null);
    }

    /** The reason of the lot's (last) change to REJECTED: why QA refused it. */
    @Override
    public String rejection(long lotId) {
        return lastChangeTo(lotId, LotStatus.REJECTED).map(LotHistory.Entry::reason).orElse(null);
    }

    /** The reason of the lot's (last) change to QUARANTINE, without its "Quality hold: ": why QA holds it. */
    @Override
    public String hold(long lotId) {
        return lastChangeTo(lotId, LotStatus.QUARANTINE).map(LotHistory.Entry::reason)
                .map(r -> r.startsWith(QUALITY_HOLD) ? r.substring(QUALITY_HOLD.length()) : r).orElse(null);
    }

    private Optional<LotHistory.Entry> lastChangeTo(long lotId, LotStatus status) {
        return history.of(lotId, LotEventTypes.STATUS_CHANGED).stream()
                .filter(e -> status.name().equals(e.newStatus()) && (status == LotStatus.RECALLED
                        || e.reason() != null))
                .reduce((a, b) -> b);
    }
}
