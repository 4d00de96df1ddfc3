package org.lotflow.lot;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.stream.Collectors;

import org.lotflow.history.LotEventTypes;
import org.lotflow.history.LotHistory;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.StateConflict;
import org.lotflow.shared.process.FiguresVersion;
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
 * out-of-specification result rejected), on the stock on hand its form showed ({@link #rejectedStock}: goods received
 * back under a recall not yet closed are left for that recall's closing);</li>
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
    private final org.springframework.beans.factory.ObjectProvider<ReturnsAwaitingRecallClosing> recallReturns;

    public LotDisposal(LotService lots, LotStock stock, LotHistory history,
            org.springframework.context.ApplicationEventPublisher events, org.lotflow.security.CurrentUser currentUser,
            org.springframework.beans.factory.ObjectProvider<ReturnsAwaitingRecallClosing> recallReturns) {
        this.lots = lots;
        this.stock = stock;
        this.history = history;
        this.events = events;
        this.currentUser = currentUser;
        this.recallReturns = recallReturns;
    }

    /**
     * What a REJECTED lot's {@code Confirm disposal} form shows under {@code onHand} and its completion disposes of,
     * as the lot's records stand when it is read ({@link #rejectedStock}): the lot's stock {@code onHand}, of which
     * {@code toDispose} is the rejection's and {@code awaitingRecalls} was received back from customers under recalls
     * not yet closed, left on hand for those recalls' closings ({@link ReturnsAwaitingRecallClosing}); {@code
     * disposedBefore}, what the lot's history disposed of earlier (a recall's closing).
     */
    public record RejectedStock(String lotNumber, BigDecimal onHand, BigDecimal toDispose, String unit,
            java.util.List<ReturnsAwaitingRecallClosing.Held> awaitingRecalls, BigDecimal disposedBefore) {

        /** Nothing is disposed of by the rejection's disposal: its confirmation records that, and no disposal. */
        public boolean nothingToDispose() {
            return toDispose.signum() == 0 && (disposedBefore.signum() > 0 || !awaitingRecalls.isEmpty());
        }

        /** What the form shows, in words: {@code "45 L"}, or what is left for a recall, or why nothing is disposed of. */
        public String inWords() {
            if (awaitingRecalls.isEmpty()) {
                if (onHand.signum() == 0 && disposedBefore.signum() > 0) {
                    // disposed of before (a recall's closing): said, so nobody types a method and a waste reference for
                    // nothing (re-test 2026-12-07 N3); confirming records that nothing was left, no disposal
                    return "nothing: " + plain(disposedBefore) + " " + unit + " were disposed of before (the lot's"
                            + " history says when and how); confirming records that nothing was left, and no disposal";
                }
                return plain(onHand) + " " + unit;
            }
            if (toDispose.signum() == 0) {
                java.util.List<String> numbers = awaitingRecalls.stream()
                        .map(ReturnsAwaitingRecallClosing.Held::recallNumber).toList();
                return "nothing: the " + plain(onHand) + " " + unit + " on hand were received back from customers"
                        + " under " + (numbers.size() == 1 ? "recall " + numbers.get(0) + ", whose closing disposes"
                                : "recalls " + String.join(", ", numbers.subList(0, numbers.size() - 1)) + " and "
                                        + numbers.get(numbers.size() - 1) + ", whose closings dispose")
                        + " of them; confirming records that nothing else was left, and no disposal";
            }
            return plain(toDispose) + " " + unit + " (of the " + plain(onHand) + " " + unit + " on hand: " + recalls()
                    + " stay on hand for the closing of the recall that received them back from customers, which"
                    + " disposes of them)";
        }

        /** "15 L received back under recall RC-2025-006" and so on, for each recall not yet closed. */
        public String recalls() {
            java.util.List<String> each = awaitingRecalls.stream().map(h -> plain(h.quantity()) + " " + unit
                    + " received back under recall " + h.recallNumber()).toList();
            return each.size() == 1 ? each.get(0) : String.join(", ", each.subList(0, each.size() - 1)) + " and "
                    + each.get(each.size() - 1);
        }

        /** The version of {@link #inWords} the form shows and sends back ({@link FiguresVersion}). */
        public String figuresVersion() {
            return FiguresVersion.of(inWords());
        }

        /**
         * {@code onHand} ({@link #inWords}) and {@code figuresVersion} of a {@code Confirm disposal} form (quarantine's
         * and lot release's), shown on create and when the form is read.
         */
        public java.util.Map<String, Object> formValues() {
            return java.util.Map.of("onHand", inWords(), FiguresVersion.SHOWN_AS, figuresVersion());
        }
    }

    /**
     * A REJECTED lot's stock as its {@code Confirm disposal} form shows it now ({@link RejectedStock}): what is on
     * hand, less what recalls not yet closed received back of it, at most all of it (each recall in recall number
     * order, as much as is on hand). Why those returns are left to the recalls: their closing disposes of the lot's
     * stock on hand, with the recall's number, and lists it in the recall's {@code disposals} and closing report
     * beside its {@code returnsReceived} ({@code RecallClosing}); disposed of here, under the rejection's waste
     * manifest, they were destroyed by a signature that never covered them and the recall closed with its returns
     * accounted for nowhere (mass 27 M2). So each quantity is disposed of once, by the record that has it: the
     * rejection what it rejected, the recall what it took back. A recall that closes first disposes of all the lot has
     * on hand but other open recalls' returns ({@link #stockLeaving}), and the rejection's disposal then has nothing
     * left ({@link #confirm}).
     */
    public RejectedStock rejectedStock(Lot lot) {
        return stockLeaving(lot, null);
    }

    /**
     * As {@link #rejectedStock}, for the closing of recall {@code closing} (null: for the rejection's disposal): what
     * the lot has on hand, of which {@code toDispose} leaves now and {@code awaitingRecalls} stays for the closings of
     * the other recalls not yet closed that received it back from customers. Two open recalls of one lot: the first
     * to close disposes of the stock at the plant and of what it took back, not of the other's returns (session 27's
     * note: it disposed of everything on hand, the other recall's returns too).
     */
    public RejectedStock stockLeaving(Lot lot, String closing) {
        java.util.List<ReturnsAwaitingRecallClosing.Held> received = new java.util.ArrayList<>();
        recallReturns.orderedStream().forEach(r -> received.addAll(r.of(lot.getId())));
        received.removeIf(held -> held.recallNumber().equals(closing));
        return leaving(lot, received);
    }

    /**
     * The rule of {@link #stockLeaving} on returns already read: {@code received}, what each recall not yet closed
     * (other than the one closing) received back of the lot. What is on hand is theirs first, up to what they
     * received, in recall number order; the rest leaves now. A rule without the database, for callers that read the
     * returns of many lots at once (a recall's closing form).
     */
    public static RejectedStock leaving(Lot lot, java.util.List<ReturnsAwaitingRecallClosing.Held> received) {
        BigDecimal onHand = lot.quantities().onHand();
        java.util.List<ReturnsAwaitingRecallClosing.Held> awaiting = new java.util.ArrayList<>();
        BigDecimal left = onHand;
        received = new java.util.ArrayList<>(received);
        received.sort(java.util.Comparator.comparing(ReturnsAwaitingRecallClosing.Held::recallNumber));
        for (ReturnsAwaitingRecallClosing.Held held : received) {
            BigDecimal kept = held.quantity().min(left);
            if (kept.signum() > 0) {
                awaiting.add(new ReturnsAwaitingRecallClosing.Held(held.recallNumber(), kept));
                left = left.subtract(kept);
            }
        }
        return new RejectedStock(lot.getLotNumber(), onHand, left, lot.getProduct().getUnit(),
                java.util.List.copyOf(awaiting), lot.quantities().disposed());
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
     *        (400 naming {@code quantity}); a whole number for a product counted in packages or serialised
     *        ({@link org.lotflow.product.WholeUnits}); a serialised product's lot is disposed of whole, all its units on hand
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
        // so many drums, not half of one (audit 28 F2); a lot stored with a fraction before the rule can still be emptied
        org.lotflow.product.WholeUnits.require("quantity", locked.getProduct(), quantity,
                locked.quantities().onHand());
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
     * Locks the REJECTED lot and disposes of its stock on hand as its {@code Confirm disposal} form showed it
     * ({@link #rejectedStock}): everything on hand except what customers sent back under recalls not yet closed, which
     * stays on hand for those recalls' closings. From then on {@code disposed} holds that quantity and {@code onHand}
     * and {@code available} are less by it, in every view. The {@code DISPOSAL_CONFIRMED} history event (by the
     * current user) records {@code method}, {@code reference}, the {@code quantity} disposed of in the product's
     * {@code unit} and the lot's {@code quantities} after it, and, when recall returns stay on hand, {@code
     * leftForRecalls} (each recall's number and quantity) and {@code onHandLeft}. When nothing is the rejection's to
     * dispose of (a recall's closing disposed of the lot before, or all on hand is a recall's returns), a {@code
     * DISPOSAL_NOT_NEEDED} event says so and nothing is disposed of. Returns the quantity disposed of.
     *
     * @param method one of {@link Method} (400 naming {@code disposalMethod} otherwise)
     * @param reference optional, one line of at most {@value #MAX_REFERENCE} characters (400 naming
     *        {@code disposalReference} otherwise)
     * @param figuresShown the {@code figuresVersion} the form showed ({@link RejectedStock#figuresVersion}), required
     *        (400 naming {@code figuresShown}, as the recall's closing asks for it): the disposal is confirmed on the
     *        figure read, and refused (409 naming {@code figuresShown}, with the figure as it now reads) when it changed
     *        since the form was opened (goods received back meanwhile, another disposal); nothing changes
     * @throws StateConflict 409 when the lot is not REJECTED, or while stock of it is still allocated to orders;
     *         nothing changes
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public BigDecimal confirm(Lot lot, String method, String reference, Object figuresShown) {
        Method m = method(method);
        String r = reference(reference);
        String shown = figuresShown(figuresShown);
        Lot locked = lots.lockForChange(lot);
        if (locked.getStatus() != LotStatus.REJECTED) {
            throw new StateConflict("Lot " + locked.getLotNumber() + " is " + locked.getStatus()
                    + ": only a " + LotStatus.REJECTED + " lot is disposed of here").with("lotNumber",
                    locked.getLotNumber());
        }
        RejectedStock now = rejectedStock(locked);
        if (!shown.equals(now.figuresVersion())) {
            // the same refusal through Tasklist and /engine-rest: in words, with the figure as it now reads
            throw new StateConflict("The lot's stock on hand changed since this disposal form was opened (goods"
                    + " received back under a recall, or a disposal recorded meanwhile): it now reads \"" + now.inWords()
                    + "\". Reload the form, check what is to be disposed of and confirm again; nothing was disposed"
                    + " of").with("field", FiguresVersion.SENT_AS).with("lotNumber", locked.getLotNumber())
                    .with("onHand", now.inWords());
        }
        if (now.nothingToDispose()) {
            // disposed of before (a recall's closing disposed of it): no second disposal with another method and
            // reference for nothing (re-test 2026-12-07 F2); all on hand a recall's returns: its closing's (mass 27
            // M2); the confirmation is recorded as what it is
            var event = history.event(locked.getId(), LotEventTypes.DISPOSAL_NOT_NEEDED)
                    .reason(now.awaitingRecalls().isEmpty() ? "Nothing left on hand to dispose of: "
                            + plain(now.disposedBefore()) + " " + now.unit() + " disposed of before (the lot's"
                            + " history says when and how); no disposal recorded"
                            : "Nothing of the rejection's left on hand to dispose of: " + now.recalls() + " stay on"
                                    + " hand for the recall's closing, which disposes of them; no disposal recorded")
                    .detail("quantities", locked.quantities().asMap());
            if (!now.awaitingRecalls().isEmpty()) {
                event.detail("leftForRecalls", leftForRecalls(now));
            }
            event.record();
            return BigDecimal.ZERO;
        }
        return dispose(locked, LotStatus.REJECTED, m, r, null, null, now.awaitingRecalls().isEmpty() ? null : now);
    }

    /** {@code figuresShown} as sent: required text (400 naming it otherwise). */
    private static String figuresShown(Object value) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new InvalidInput(FiguresVersion.SENT_AS, "required: the " + FiguresVersion.SHOWN_AS + " the"
                    + " disposal form showed, so the disposal is confirmed on the stock on hand it showed (the form"
                    + " sends it; read it from GET /engine-rest/task/{id}/form-variables)");
        }
        if (!(value instanceof String s)) {
            throw new InvalidInput(FiguresVersion.SENT_AS, "must be text");
        }
        return s.trim();
    }

    private static java.util.List<java.util.Map<String, Object>> leftForRecalls(RejectedStock now) {
        return now.awaitingRecalls().stream().map(h -> java.util.Map.<String, Object>of("recallNumber",
                h.recallNumber(), "quantity", h.quantity())).toList();
    }

    /**
     * Disposes of what a RECALLED lot still has on hand when its recall closes, as {@link #confirm} does, in the name
     * of {@code by} (the QA manager who signed the closing; the closing runs as a job). The {@code DISPOSAL_CONFIRMED}
     * event names the {@code recallNumber} too. So for a REJECTED lot of the recall's scope that goods came back to
     * under it (the caller decides which: auditor 2026-12-07 F1). A lot that is neither RECALLED nor REJECTED, or has
     * nothing on hand, is left as it is: null. What other recalls not yet closed received back of the lot stays on hand
     * for their closings ({@link #stockLeaving}; null when that is all there is). Otherwise returns the quantity
     * disposed of.
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
        // what other recalls not yet closed received back stays on hand for their closings
        RejectedStock now = stockLeaving(locked, recallNumber);
        if (now.toDispose().signum() == 0) {
            return null;
        }
        return dispose(locked, locked.getStatus(), m, r, recallNumber, by, now.awaitingRecalls().isEmpty() ? null
                : now);
    }

    /** Disposes of a locked lot's stock on hand and records it; 409 unless the lot is {@code required}. */
    private BigDecimal dispose(Lot locked, LotStatus required, Method m, String r, String recallNumber, String by) {
        return dispose(locked, required, m, r, recallNumber, by, null);
    }

    /**
     * As {@link #dispose(Lot, LotStatus, Method, String, String, String)}; {@code leaving}: null to dispose of all on
     * hand, else a REJECTED lot's stock as its form showed it ({@link #rejectedStock}): only the rejection's part is
     * disposed of, what recalls not yet closed received back stays on hand, and the event names them ({@code
     * leftForRecalls}) and what is left ({@code onHandLeft}).
     */
    private BigDecimal dispose(Lot locked, LotStatus required, Method m, String r, String recallNumber, String by,
            RejectedStock leaving) {
        if (m == Method.RETURNED_TO_SUPPLIER && !locked.isReceived()) {
            // a lot made at the plant has no supplier (new user 2026-12-06 P4)
            throw new InvalidInput("disposalMethod", "lot " + locked.getLotNumber() + " was made at the plant, not"
                    + " received: it has no supplier to return it to; choose DESTROYED");
        }
        if (locked.getStatus() != required) {
            throw new StateConflict("Lot " + locked.getLotNumber() + " is " + locked.getStatus()
                    + ": only a " + required + " lot is disposed of here").with("lotNumber", locked.getLotNumber());
        }
        BigDecimal disposed;
        if (leaving == null) {
            disposed = stock.dispose(locked);
        } else {
            disposed = leaving.toDispose();
            stock.dispose(locked, disposed); // 409 while stock is allocated
        }
        var event = history.event(locked.getId(), LotEventTypes.DISPOSAL_CONFIRMED)
                // in the words of the forms, with the reference (new user 2026-12-07 F3: "Disposed of: DESTROYED")
                .reason("Disposed of: " + disposed.stripTrailingZeros().toPlainString() + " "
                        + locked.getProduct().getUnit() + " " + m.inWords() + (r == null ? "" : " (" + r + ")")
                        + (recallNumber == null ? "" : "; recall " + recallNumber)
                        + (leaving == null ? "" : "; " + leaving.recalls() + " left on hand for the recall's closing"))
                .detail("method", m.name()).detail("reference", r)
                .detail("quantity", disposed).detail("unit", locked.getProduct().getUnit());
        if (leaving != null) {
            event.detail("onHandLeft", locked.quantities().onHand()).detail("leftForRecalls", leftForRecalls(leaving));
        }
        event.detail("quantities", locked.quantities().asMap());
        if (recallNumber != null) {
            event.detail("recallNumber", recallNumber);
        }
        if (by != null) {
            event.by(by);
        }
        event.record();
        // its serials leave with it (G6); recall returns left on hand stay with their serials
        if (locked.getProduct().isSerialised() && locked.quantities().onHand().signum() == 0) {
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
