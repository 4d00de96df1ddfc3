package org.lotflow.recall.internal;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.StateConflict;
import org.lotflow.shared.input.InputRules;

/**
 * A customer's answer to a recall notification (21 CFR 7.49; FSMA 204): whether it acknowledged,
 * and how much it returned, in the unit of what it received. The same rule for the API, Tasklist
 * and the engine REST API.
 *
 * @param acknowledged whether the customer confirmed the recall
 * @param quantityReturned 0 up to the quantity shipped to the customer, at most 3 decimals
 */
record NotificationAnswer(boolean acknowledged, BigDecimal quantityReturned) {

    /**
     * Checks an answer against its notification: {@code acknowledged} a Boolean, {@code quantityReturned}
     * a number (see {@link #decimal}), 0 or more and at most what was shipped: otherwise 400 naming the
     * field; 409 ({@link StateConflict}) when the customer was already notified.
     */
    static NotificationAnswer check(NotificationStore.NotificationRow n, Object acknowledged, Object quantityReturned) {
        if (!(acknowledged instanceof Boolean ack)) {
            throw new InvalidInput("acknowledged", acknowledged == null ? "required: true or false"
                    : org.lotflow.shared.process.Variable.MUST_BE_BOOLEAN);
        }
        BigDecimal returned = decimal("quantityReturned", quantityReturned);
        // one quantity rule for the API, Tasklist and /engine-rest (at most 3 decimals, never rounded)
        InputRules.require("quantityReturned", InputRules.quantity(returned, true));
        if (returned.compareTo(n.quantityShipped()) > 0) {
            String unit = n.unit() == null ? "" : " " + n.unit(); // which unit, when a customer has several (N5)
            throw new InvalidInput("quantityReturned", Quantities.plain(returned) + unit + " is more than the "
                    + Quantities.plain(n.quantityShipped()) + unit + " shipped to " + n.customer() + ": enter 0 to "
                    + Quantities.plain(n.quantityShipped()));
        }
        if (n.done()) {
            // a customer with several units has one notification per unit: say which one was answered (A4)
            org.lotflow.shared.Refusal done = new StateConflict("Customer " + n.customer() + " was already notified"
                    + (n.unit() == null ? "" : " of what it received in " + n.unit()) + (n.notifiedBy() == null ? ""
                            : " (answered by " + n.notifiedBy() + ")")).with("customer", n.customer());
            throw n.unit() == null ? done : done.with("unit", n.unit());
        }
        return new NotificationAnswer(ack, returned);
    }

    /**
     * A quantity input: a number (as Tasklist and engine REST send it), at most 3 decimals (contract:
     * more is a 400, never a silent rounding). Text, Booleans and anything else: 400.
     */
    static BigDecimal decimal(String field, Object value) {
        if (value == null) {
            throw new InvalidInput(field, "required: a number, 0 or more");
        }
        BigDecimal d;
        if (value instanceof BigDecimal b) {
            d = b;
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte) {
            d = BigDecimal.valueOf(((Number) value).longValue());
        } else if (value instanceof BigInteger b) {
            d = new BigDecimal(b);
        } else if (value instanceof Double || value instanceof Float) {
            double x = ((Number) value).doubleValue();
            if (!Double.isFinite(x)) {
                throw new InvalidInput(field, "'" + value + "' is not a number");
            }
            d = value instanceof Float f ? new BigDecimal(Float.toString(f)) : BigDecimal.valueOf(x);
        } else {
            throw new InvalidInput(field, "must be a number, was " + (value instanceof String
                    ? "text '" + value + "'" : value.getClass().getSimpleName()));
        }
        if (d.stripTrailingZeros().scale() > 3) {
            throw new InvalidInput(field, "at most 3 decimals, was " + org.lotflow.shared.input.InputRules.shown(d)
                    + " (never rounded)");
        }
        // as the recall's record keeps it (3 decimals) and the history then shows it, whatever form it came in: a
        // Tasklist or /engine-rest answer arrives as a double (1.0), a script's as 1.000 (re-test 2026-12-06 R1)
        return d.setScale(3, java.math.RoundingMode.UNNECESSARY);
    }
}
