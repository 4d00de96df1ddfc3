package org.lotflow.lot;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.lotflow.history.LotEventTypes;
import org.lotflow.history.LotHistory;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.StateConflict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Disposing of a lot's stock on hand, the one use case for the three ways a lot's stock leaves the plant unusable
 * (EU GMP Chapter 5.61-5.65: rejected and recalled materials are destroyed, returned or reworked, and that is
 * recorded; the seed: "Dispose of unusable products", "Disposition decision - Rework, return, or dispose"): destroyed
 * or returned to the supplier; rework is no disposal ({@link #NO_REWORK}):
 * <ul>
 * <li>{@link #confirm}: a REJECTED lot, the {@code confirmDisposal} task after a quarantine disposition REJECT
 * ({@code quarantineInvestigation}) and after a rejection in lab release ({@code lotRelease}: release refused, or an
 * out-of-specification result rejected);</li>
 * <li>{@link #confirmRecalled}: a RECALLED lot's stock still at the plant when its recall closes (21 CFR 7.55(a): a
 * recall ends once "proper disposition or correction has been made"), as the QA manager's signed closing says.</li>
 * </ul>
 * The caller has checked that its process's rejection or recall is the lot's; this records the disposal itself.
 */
@Service
public class LotDisposal {

    /** How a rejected or recalled lot's stock left the plant ({@code disposalMethod}; the forms' choices). */
    public enum Method {
        DESTROYED("destroyed"), RETURNED_TO_SUPPLIER("returned to the supplier");

        private final String words;

        Method(String words) {
            this.words = words;
        }

        /** The method as the forms and the lot's trail say it: "destroyed", "returned to the supplier". */
        public String inWords() {
            return words;
        }
    }

    /**
     * Why rework is no disposal (auditor 2026-12-06 C-c): reworked stock goes into a new lot, which must name this lot
     * as a source so the trace and a later recall reach it; booked as disposed, it re-entered commerce outside the
     * genealogy. Lotflow does not record rework yet: such stock is destroyed or returned to its supplier here.
     */
    static final String NO_REWORK = "rework is not recorded as a disposal: a reworked batch must name this lot as its"
            + " source for the trace and any recall to reach it, which lotflow does not record yet; choose DESTROYED"
            + " (or RETURNED_TO_SUPPLIER for a received lot)";

    /** At most this many characters in a disposal reference (a waste manifest or return note number). */
    public static final int MAX_REFERENCE = 200;

    private final LotService lots;
    private final LotStock stock;
    private final LotHistory history;
    private final org.springframework.context.ApplicationEventPublisher events;

    public LotDisposal(LotService lots, LotStock stock, LotHistory history,
            org.springframework.context.ApplicationEventPublisher events) {
        this.lots = lots;
        this.stock = stock;
        this.history = history;
        this.events = events;
    }

    /**
     * Locks the lot and disposes of everything it has on hand ({@link LotStock#dispose}): from then on it shows 0
     * available and 0 on hand, and {@code disposed} holds that quantity, in every view. The
     * {@code DISPOSAL_CONFIRMED} history event (by the current user) records {@code method}, {@code reference},
     * the {@code quantity} disposed of in the product's {@code unit} and the lot's {@code quantities} after it.
     * Returns the quantity disposed of.
     *
     * @param method one of {@link Method} (400 naming {@code disposalMethod} otherwise)
     * @param reference optional, one line of at most {@value #MAX_REFERENCE} characters (400 naming
     *        {@code disposalReference} otherwise)
     * @throws StateConflict 409 when the lot is not REJECTED, or while stock of it is still allocated to orders;
     *         nothing changes
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public BigDecimal confirm(Lot lot, String method, String reference) {
        Method m = method(method);
        String r = reference(reference);
        Lot locked = lots.lockForChange(lot);
        if (locked.getStatus() == LotStatus.REJECTED && locked.quantities().onHand().signum() == 0
                && locked.quantities().disposed().signum() > 0) {
            // disposed of before (a recall's closing disposed of it): no second disposal with another method and
            // reference for nothing (re-test 2026-12-07 F2); the confirmation is recorded as what it is
            history.event(locked.getId(), LotEventTypes.DISPOSAL_NOT_NEEDED)
                    .reason("Nothing left on hand to dispose of: " + locked.quantities().disposed().stripTrailingZeros()
                            .toPlainString() + " " + locked.getProduct().getUnit() + " disposed of before (the lot's"
                            + " history says when and how); no disposal recorded")
                    .detail("quantities", locked.quantities().asMap()).record();
            return BigDecimal.ZERO;
        }
        return dispose(locked, LotStatus.REJECTED, m, r, null, null);
    }

    /**
     * Disposes of what a RECALLED lot still has on hand when its recall closes, as {@link #confirm} does, in the name
     * of {@code by} (the QA manager who signed the closing; the closing runs as a job). The {@code DISPOSAL_CONFIRMED}
     * event names the {@code recallNumber} too. So for a REJECTED lot of the recall's scope that goods came back to
     * under it (the caller decides which: auditor 2026-12-07 F1). A lot that is neither RECALLED nor REJECTED, or has
     * nothing on hand, is left as it is: null. Otherwise returns the quantity disposed of.
     *
     * @param method one of {@link Method} (400 naming {@code disposalMethod} otherwise)
     * @param reference optional, as for {@link #confirm}
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public BigDecimal confirmRecalled(Lot lot, String method, String reference, String recallNumber, String by) {
        Method m = method(method);
        String r = reference(reference);
        Lot locked = lots.lockForChange(lot);
        if (locked.getStatus() != LotStatus.RECALLED && locked.getStatus() != LotStatus.REJECTED
                || locked.quantities().onHand().signum() == 0) {
            return null;
        }
        return dispose(locked, locked.getStatus(), m, r, recallNumber, by);
    }

    /** Disposes of a locked lot's stock on hand and records it; 409 unless the lot is {@code required}. */
    private BigDecimal dispose(Lot locked, LotStatus required, Method m, String r, String recallNumber, String by) {
        if (m == Method.RETURNED_TO_SUPPLIER && !locked.isReceived()) {
            // a lot made at the plant has no supplier (new user 2026-12-06 P4)
            throw new InvalidInput("disposalMethod", "lot " + locked.getLotNumber() + " was made at the plant, not"
                    + " received: it has no supplier to return it to; choose DESTROYED");
        }
        if (locked.getStatus() != required) {
            throw new StateConflict("Lot " + locked.getLotNumber() + " is " + locked.getStatus()
                    + ": only a " + required + " lot is disposed of here").with("lotNumber", locked.getLotNumber());
        }
        BigDecimal disposed = stock.dispose(locked);
        var event = history.event(locked.getId(), LotEventTypes.DISPOSAL_CONFIRMED)
                // in the words of the forms, with the reference (new user 2026-12-07 F3: "Disposed of: DESTROYED")
                .reason("Disposed of: " + disposed.stripTrailingZeros().toPlainString() + " "
                        + locked.getProduct().getUnit() + " " + m.inWords() + (r == null ? "" : " (" + r + ")")
                        + (recallNumber == null ? "" : "; recall " + recallNumber))
                .detail("method", m.name()).detail("reference", r)
                .detail("quantity", disposed).detail("unit", locked.getProduct().getUnit())
                .detail("quantities", locked.quantities().asMap());
        if (recallNumber != null) {
            event.detail("recallNumber", recallNumber);
        }
        if (by != null) {
            event.by(by);
        }
        event.record();
        if (locked.getProduct().isSerialised()) { // its serials leave with it (G6)
            events.publishEvent(new LotStockLeft(locked.getId(), LotStockLeft.How.DISPOSED));
        }
        return disposed;
    }

    /**
     * {@code disposalMethod} as given (text, trimmed), or 400 naming {@code disposalMethod} with the choices: for
     * callers that check a form's input before the disposal itself (a recall's signed closing).
     */
    public static Method checkMethod(Object value) {
        if (value != null && !(value instanceof String)) {
            throw new InvalidInput("disposalMethod", "must be text: one of " + choices());
        }
        return method((String) value);
    }

    /** {@code disposalReference} as kept (trimmed, null when empty), or 400 naming it: see {@link #confirm}. */
    public static String checkReference(Object value) {
        if (value != null && !(value instanceof String)) {
            throw new InvalidInput("disposalReference", "must be text");
        }
        return reference((String) value);
    }

    private static String choices() {
        return Arrays.stream(Method.values()).map(Enum::name).collect(Collectors.joining(", "));
    }

    static Method method(String value) {
        String v = value == null ? "" : value.trim();
        for (Method m : Method.values()) {
            if (m.name().equalsIgnoreCase(v)) { // in any case, as a lot number (auditor 2026-12-06 C-d)
                return m;
            }
        }
        if (v.equalsIgnoreCase("REWORKED")) {
            throw new InvalidInput("disposalMethod", NO_REWORK);
        }
        throw new InvalidInput("disposalMethod", (v.isEmpty() ? "required" : "'" + v + "' is not a disposal method")
                + ": one of " + choices());
    }

    static String reference(String value) {
        // one line of visible text, as every name lotflow keeps: no line or paragraph separators, no direction
        // overrides (re-test 2026-12-06 R5: U+2028 and U+202E were kept)
        return org.lotflow.shared.input.InputRules.optionalLine("disposalReference", value, MAX_REFERENCE);
    }
}
