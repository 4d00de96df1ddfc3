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
 * Disposing of a REJECTED lot (the seed: "Dispose of unusable products", "Disposition decision - Rework, return, or
 * dispose"; EU GMP Chapter 5: rejected materials are destroyed, returned or reworked, and that is recorded): the
 * {@code confirmDisposal} task after a quarantine disposition REJECT ({@code quarantineInvestigation}) and after a
 * rejection in lab release ({@code lotRelease}: release refused, or an out-of-specification result rejected). The
 * caller has checked that its process's rejection is the lot's; this records the disposal itself.
 */
@Service
public class RejectedLotDisposal {

    /** How a rejected lot left the stock ({@code disposalMethod}; the {@code confirmDisposal} form's choices). */
    public enum Method {
        DESTROYED, RETURNED_TO_SUPPLIER, REWORKED
    }

    /** At most this many characters in a disposal reference (a waste manifest or return note number). */
    public static final int MAX_REFERENCE = 200;

    private final LotService lots;
    private final LotStock stock;
    private final LotHistory history;

    public RejectedLotDisposal(LotService lots, LotStock stock, LotHistory history) {
        this.lots = lots;
        this.stock = stock;
        this.history = history;
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
        if (locked.getStatus() != LotStatus.REJECTED) {
            throw new StateConflict("Lot " + locked.getLotNumber() + " is " + locked.getStatus()
                    + ": only a REJECTED lot is disposed of").with("lotNumber", locked.getLotNumber());
        }
        BigDecimal disposed = stock.dispose(locked);
        history.event(locked.getId(), LotEventTypes.DISPOSAL_CONFIRMED).reason("Disposed of: " + m.name())
                .detail("method", m.name()).detail("reference", r)
                .detail("quantity", disposed).detail("unit", locked.getProduct().getUnit())
                .detail("quantities", locked.quantities().asMap())
                .record();
        return disposed;
    }

    static Method method(String value) {
        String v = value == null ? "" : value.trim();
        for (Method m : Method.values()) {
            if (m.name().equals(v)) {
                return m;
            }
        }
        throw new InvalidInput("disposalMethod", (v.isEmpty() ? "required" : "'" + v + "' is not a disposal method")
                + ": one of " + Arrays.stream(Method.values()).map(Enum::name).collect(Collectors.joining(", ")));
    }

    static String reference(String value) {
        String v = value == null ? null : value.trim();
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (v.length() > MAX_REFERENCE) {
            throw new InvalidInput("disposalReference", "must be at most " + MAX_REFERENCE + " characters, was "
                    + v.length() + " (never cut)");
        }
        // one line of visible text, as every name lotflow keeps: no line or paragraph separators, no direction
        // overrides (re-test 2026-12-06 R5: U+2028 and U+202E were kept)
        String why = org.lotflow.shared.input.InputRules.name(v);
        if (why != null) {
            throw new InvalidInput("disposalReference", why);
        }
        return v;
    }
}
