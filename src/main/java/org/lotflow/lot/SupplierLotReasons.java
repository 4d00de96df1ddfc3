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

    /**
     * Why QA refused the lot, in the words QA signed (re-test 27 R5: the change of status only says "Release refused by
     * Jennifer Lee"): the reason of its last signed rejection, a refused release ({@code RELEASE_REFUSED}, the
     * approver's comment), a REJECT decision on an out-of-specification result ({@code OOS_DECISION_SIGNED}) or a
     * REJECT disposition of a held lot ({@code DISPOSITION_SIGNED}, its justification); the reason of its (last) change
     * to REJECTED when there is none (a lot rejected some other way).
     */
    @Override
    public String rejection(long lotId) {
        String signed = history.of(lotId).stream().filter(SupplierLotReasons::signedRejection)
                .map(LotHistory.Entry::reason).filter(r -> r != null && !r.isBlank()).reduce((a, b) -> b)
                .orElse(null);
        return signed != null ? signed
                : lastChangeTo(lotId, LotStatus.REJECTED).map(LotHistory.Entry::reason).orElse(null);
    }

    /**
     * The quarantine module's event of a signed disposition ({@code QuarantineEventTypes.DISPOSITION_SIGNED}), named
     * by its text: the quarantine module depends on this one, not the other way round.
     */
    static final String DISPOSITION_SIGNED = "DISPOSITION_SIGNED";

    /** A signed refusal of the lot: a refused release, an OOS REJECT decision, a REJECT disposition. */
    static boolean signedRejection(LotHistory.Entry e) {
        if (LotEventTypes.RELEASE_REFUSED.equals(e.type())) {
            return true;
        }
        boolean decided = LotEventTypes.OOS_DECISION_SIGNED.equals(e.type()) || DISPOSITION_SIGNED.equals(e.type());
        return decided && e.detail() != null && "REJECT".equals(String.valueOf(e.detail().get("decision")));
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
