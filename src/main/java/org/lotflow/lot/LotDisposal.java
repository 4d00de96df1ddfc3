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
 * recall ends once "proper disposition or correction has been made"), as the QA manager's signed closing says;</li>
 * <li>{@link #disposeExpired}: an EXPIRED lot's stock on hand as it is destroyed or returned, in part or whole
 * ({@code POST /api/lots/{lotNumber}/disposals}, the Console's lot page; the seed's expiration management, "Dispose
 * expired inventory"; audit 26 F4: expired stock stayed on hand for ever and its lot was never archived).</li>
 * </ul>
 * The caller of {@link #confirm} and {@link #confirmRecalled} has checked that its process's rejection or recall is
 * the lot's; this records the disposal itself. All three write the same {@code DISPOSAL_CONFIRMED} event.
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
    private final org.lotflow.security.CurrentUser currentUser;

    public LotDisposal(LotService lots, LotStock stock, LotHistory history,
            org.springframework.context.ApplicationEventPublisher events, org.lotflow.security.CurrentUser currentUser) {
        this.lots = lots;
        this.stock = stock;
        this.history = history;
        this.events = events;
        this.currentUser = currentUser;
    }

    /** What {@link #disposeExpired} disposed of ({@code quantity} in {@code unit}) and the lot after it. */
    public record Disposed(Lot lot, BigDecimal quantity, String unit, Method method, String reference) {
    }

    /** The groups who record a disposal: those of the {@code confirmDisposal} task (contract; BPMN candidate groups). */
    static final String[] DISPOSERS = {org.lotflow.security.Groups.QA_MANAGER, org.lotflow.security.Groups.PRODUCTION};

    /**
     * Records the disposal of {@code quantity} of an EXPIRED lot's stock on hand, destroyed or returned to its
     * supplier, as the disposal after a REJECT records it ({@code DISPOSAL_CONFIRMED} by the current user with
     * {@code method}, {@code reference}, {@code quantity}, {@code unit} and the lot's {@code quantities} after it; plus
     * {@code onHandLeft}); the rest stays on hand for a later disposal (a plant destroys drums as the waste contractor
     * takes them). Afterwards {@code disposed} holds it and {@code onHand}/{@code available} are less by it in every
     * view and report (lot API and list, cost impact); once nothing is on hand the lot may be archived after its
     * retention ({@link RetentionRule}). Source: the seed's expiration management, "Dispose expired inventory"; EU GMP
     * 5.61-5.65 (unusable materials are destroyed and that is recorded); audit 26 F4.
     *
     * @param lotNumber the lot, in any case (404 when there is none)
     * @param quantity required, in the product's unit, greater than 0 with at most 3 decimal places, never rounded
     *        (400 naming {@code quantity}); a serialised product's lot is disposed of whole, all its units on hand
     *        (400 naming {@code quantity} otherwise: which units went is not recorded by serial here)
     * @param method {@code DESTROYED} or {@code RETURNED_TO_SUPPLIER} (a received lot only), any case (400 naming
     *        {@code disposalMethod} otherwise)
     * @param reference optional waste manifest or return note, one line of at most {@value #MAX_REFERENCE} characters
     *        (400 naming {@code disposalReference} otherwise)
     * @throws org.lotflow.shared.NotPermitted 403 unless the caller is a member of {@code qa-manager} or
     *         {@code production} in their own right (administrators make no role's records)
     * @throws StateConflict 409 when the lot is not EXPIRED (a REJECTED lot's disposal is its {@code Confirm disposal}
     *         task, a RECALLED lot's its recall's closing), or {@code quantity} exceeds what is on hand (also when a
     *         disposal recorded at the same time took it first: the lot's row lock orders them); nothing changes
     */
    @Transactional
    public Disposed disposeExpired(String lotNumber, BigDecimal quantity, String method, String reference) {
        currentUser.requireToRecord("record a disposal of expired stock", DISPOSERS);
        if (quantity == null) {
            throw new InvalidInput("quantity", "required: how much of the lot's stock on hand was destroyed or"
                    + " returned, in the product's unit");
        }
        org.lotflow.shared.input.InputRules.require("quantity",
                org.lotflow.shared.input.InputRules.quantity(quantity, false));
        Method m = method(method);
        String r = reference(reference);
        Lot locked = lots.lockForChange(lots.get(lotNumber));
        String unit = locked.getProduct().getUnit();
        if (m == Method.RETURNED_TO_SUPPLIER && !locked.isReceived()) {
            throw new InvalidInput("disposalMethod", "lot " + locked.getLotNumber() + " was made at the plant, not"
                    + " received: it has no supplier to return it to; choose DESTROYED");
        }
        if (locked.getStatus() != LotStatus.EXPIRED) {
            throw new StateConflict("Lot " + locked.getLotNumber() + " is " + locked.getStatus() + ": only an EXPIRED"
                    + " lot's stock is disposed of here" + elsewhere(locked.getStatus()) + "; nothing was recorded")
                    .with("lotNumber", locked.getLotNumber()).with("lotStatus", locked.getStatus().name());
        }
        BigDecimal onHand = locked.quantities().onHand();
        if (locked.getProduct().isSerialised() && quantity.compareTo(onHand) < 0) {
            throw new InvalidInput("quantity", "lot " + locked.getLotNumber() + " is of serialised product "
                    + locked.getProduct().getSku() + ": it is disposed of whole, all its " + plain(onHand) + " " + unit
                    + " on hand (which units went is recorded by serial, and serials are not named at disposal)");
        }
        stock.dispose(locked, quantity); // 409 beyond what is on hand
        BigDecimal left = locked.quantities().onHand();
        history.event(locked.getId(), LotEventTypes.DISPOSAL_CONFIRMED)
                .reason("Disposed of expired stock: " + plain(quantity) + " " + unit + " " + m.inWords()
                        + (r == null ? "" : " (" + r + ")") + "; " + (left.signum() == 0 ? "nothing left on hand"
                                : plain(left) + " " + unit + " still on hand"))
                .detail("method", m.name()).detail("reference", r)
                .detail("quantity", quantity).detail("unit", unit).detail("onHandLeft", left)
                .detail("quantities", locked.quantities().asMap()).record();
        if (locked.getProduct().isSerialised()) { // all of it went (above): its serials leave with it (G6)
            events.publishEvent(new LotStockLeft(locked.getId(), LotStockLeft.How.DISPOSED));
        }
        return new Disposed(locked, quantity, unit, m, r);
    }

    /** Where a lot of this status has its disposal recorded, for the refusal's sentence. */
    private static String elsewhere(LotStatus status) {
        return switch (status) {
            case REJECTED -> " (a rejected lot's disposal is confirmed in its Confirm disposal task in Tasklist)";
            case RECALLED -> " (a recalled lot's stock is disposed of when its recall closes)";
            case RELEASED, PENDING, QUARANTINE -> " (a lot becomes EXPIRED on the daily expiry run after its"
                    + " expiration date)";
            default -> "";
        };
    }

    private static String plain(BigDecimal quantity) {
        return quantity.stripTrailingZeros().toPlainString();
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
