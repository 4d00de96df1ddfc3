package org.lotflow.recall.internal;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.StateConflict;
import org.lotflow.shared.input.InputRules;
import org.lotflow.shared.input.PartyNames;

/**
 * A customer's answer to a recall notification (21 CFR 7.49 recall communications; 7.42(b)(3) and 7.59 effectiveness
 * checks; 7.53 status reports: consignees notified, consignees responding; FSMA 204): whether the plant reached the
 * customer at all, how and whom it reached (or tried), whether the customer acknowledged, and what became of the
 * recalled goods it holds, in the unit of what it received. The same rule for the API, Tasklist and the engine REST
 * API. A customer that could not be reached is not notified (nobody there was told) and cannot have acknowledged.
 *
 * @param reached whether the customer was reached (told of the recall); false: the plant tried and could not reach
 *        it, which is recorded with who tried, when and how, but never counts as notified
 * @param acknowledged whether the customer confirmed the recall (false whenever it was not reached)
 * @param quantityReturned what the customer returned to the plant: 0 up to the quantity shipped to it, at most 3
 *        decimals
 * @param contactMethod how it was reached (or tried): one of {@link #CONTACT_METHODS}, "personal visits, telephone
 *        calls, letters, or a combination" (21 CFR 7.42(b)(3))
 * @param contactPerson the person at the customer who was told (or tried): one line of visible text, at most
 *        {@value #MAX_CONTACT_PERSON} characters
 * @param note optional, at most {@value #MAX_NOTE} characters (several lines); null when not given
 * @param quantityDestroyed what the customer destroyed on site: 0 or more, at most 3 decimals (0 when not given);
 *        returned and destroyed together at most the quantity shipped to it
 */
record NotificationAnswer(boolean reached, boolean acknowledged, BigDecimal quantityReturned, String contactMethod,
        String contactPerson, String note, BigDecimal quantityDestroyed) {

    /** How a customer may be reached (21 CFR 7.42(b)(3): visits, telephone calls, letters; e-mail and fax). */
    static final java.util.List<String> CONTACT_METHODS = java.util.List.of("PHONE", "EMAIL", "LETTER", "FAX", "VISIT");
    /** The longest contact person lotflow keeps (as a customer name). */
    static final int MAX_CONTACT_PERSON = 200;
    /** The longest note lotflow keeps (as a closing comment). */
    static final int MAX_NOTE = 2000;

    /**
     * Checks an answer against its notification, in this order: {@code reached} absent (true: the customer was told,
     * as every answer meant before V145, so scripts written before still mean what they meant) or a Boolean;
     * {@code acknowledged} a Boolean, and false when the customer was not reached (400 naming {@code acknowledged});
     * {@code quantityReturned} a number (see {@link #decimal}), 0 or more, at most what was shipped; for a customer not
     * reached both may be left out (false, 0: nobody was told, so nobody acknowledged nor returned anything);
     * {@code quantityDestroyed} absent (0) or such a number, and returned plus destroyed at most what was shipped
     * (400 naming {@code quantityDestroyed}); {@code contactMethod} one of {@link #CONTACT_METHODS}, as written;
     * {@code contactPerson} one line of visible text, at most {@value #MAX_CONTACT_PERSON} characters
     * ({@link InputRules#name}); {@code note} absent or text of at most {@value #MAX_NOTE} characters. Otherwise 400
     * naming the field; 409 ({@link StateConflict}) when the customer was already notified, or recorded as not reached
     * and not reached now either.
     */
    static NotificationAnswer check(NotificationStore.NotificationRow n, Object reached, Object acknowledged,
            Object quantityReturned, Object contactMethod, Object contactPerson, Object note, Object quantityDestroyed) {
        return check(n, reached, acknowledged, quantityReturned, contactMethod, contactPerson, note, quantityDestroyed,
                false);
    }

    /**
     * This answer, when what the customer received is counted in whole units ({@code whole}: serialised products, one
     * serial each, or products counted in packages, {@link org.lotflow.product.WholeUnits}) and it says so; 400 naming
     * {@code quantityReturned} or {@code quantityDestroyed} for a fraction of a unit (auditor 2026-12-07 F2: 0.25 of a
     * serialised pump was recorded destroyed and counted; audit 28 F2: half a drum).
     */
    NotificationAnswer inWholeUnits(boolean whole, String unit) {
        requireWhole(whole, unit, "quantityReturned", quantityReturned);
        requireWhole(whole, unit, "quantityDestroyed", quantityDestroyed);
        return this;
    }

    /** 400 naming {@code field} when {@code whole} and {@code quantity} is a fraction of a unit. */
    static void requireWhole(boolean whole, String unit, String field, BigDecimal quantity) {
        if (whole && !org.lotflow.product.WholeUnits.whole(quantity)) {
            throw new InvalidInput(field, Quantities.plain(quantity) + (unit == null ? "" : " " + unit) + " is not a"
                    + " whole number: what the customer received is counted in whole " + (unit == null ? "units"
                            : unit) + " (packages, or serialised units, one serial each); enter a whole number"
                    + (unit == null ? "" : " of " + unit) + " (nothing is rounded)");
        }
    }

    /**
     * {@link #check} of a later contact with a customer recorded as not reached ({@code laterContact}: its notification
     * is done, and an answer that reaches it is taken; auditor 2026-12-06 F9).
     */
    static NotificationAnswer check(NotificationStore.NotificationRow n, Object reached, Object acknowledged,
            Object quantityReturned, Object contactMethod, Object contactPerson, Object note, Object quantityDestroyed,
            boolean laterContact) {
        if (reached != null && !(reached instanceof Boolean)) {
            throw new InvalidInput("reached", org.lotflow.shared.process.Variable.MUST_BE_BOOLEAN);
        }
        boolean told = !Boolean.FALSE.equals(reached);
        if (!told && acknowledged == null) {
            acknowledged = false; // nobody there was told: nothing to acknowledge (new user 2026-12-06 M2)
        }
        if (!told && quantityReturned == null) {
            quantityReturned = BigDecimal.ZERO; // nor anything returned for the recall
        }
        if (!(acknowledged instanceof Boolean ack)) {
            throw new InvalidInput("acknowledged", acknowledged == null ? "required: true or false"
                    : org.lotflow.shared.process.Variable.MUST_BE_BOOLEAN);
        }
        if (ack && !told) {
            // two facts that were one answer (new user U3): "could not be reached" is never "acknowledged"
            throw new InvalidInput("acknowledged", "a customer that could not be reached cannot have acknowledged:"
                    + " false when reached is false");
        }
        BigDecimal returned = decimal("quantityReturned", quantityReturned);
        // one quantity rule for the API, Tasklist and /engine-rest (at most 3 decimals, never rounded)
        InputRules.require("quantityReturned", InputRules.quantity(returned, true));
        String unit = n.unit() == null ? "" : " " + n.unit(); // which unit, when a customer has several (N5)
        if (returned.compareTo(n.quantityShipped()) > 0) {
            throw new InvalidInput("quantityReturned", Quantities.plain(returned) + unit + " is more than the "
                    + Quantities.plain(n.quantityShipped()) + unit + " shipped to " + n.customer() + ": enter 0 to "
                    + Quantities.plain(n.quantityShipped()));
        }
        BigDecimal destroyed = quantityDestroyed == null ? BigDecimal.ZERO.setScale(3)
                : decimal("quantityDestroyed", quantityDestroyed);
        InputRules.require("quantityDestroyed", InputRules.quantity(destroyed, true));
        if (!told && (returned.signum() != 0 || destroyed.signum() != 0)) {
            // nobody there was told: nothing came back because of it (re-test 2026-12-06 N3: figures of an attempt
            // were written to the history and counted nowhere)
            throw new InvalidInput(returned.signum() != 0 ? "quantityReturned" : "quantityDestroyed", "a customer"
                    + " that could not be reached has returned and destroyed nothing for the recall: 0 (record what it"
                    + " sends back once it is reached)");
        }
        if (returned.add(destroyed).compareTo(n.quantityShipped()) > 0) {
            throw new InvalidInput("quantityDestroyed", Quantities.plain(returned) + unit + " returned and "
                    + Quantities.plain(destroyed) + unit + " destroyed is more than the "
                    + Quantities.plain(n.quantityShipped()) + unit + " shipped to " + n.customer()
                    + ": together they are at most " + Quantities.plain(n.quantityShipped()) + unit);
        }
        String method = contactMethod(contactMethod);
        String person = contactPerson(contactPerson);
        String noted = note(note);
        boolean reachedLater = laterContact && n.done() && n.notReached() && told;
        if (n.done() && !reachedLater) {
            // a customer with several units has one notification per unit: say which one was answered (A4); one not
            // reached is said so, never "notified" (auditor 2026-12-06 F9)
            String in = n.unit() == null ? "" : " of what it received in " + n.unit();
            String by = n.notifiedBy() == null ? "" : " by " + n.notifiedBy();
            org.lotflow.shared.Refusal done = n.notReached()
                    ? new StateConflict("Customer " + n.customer() + " was recorded as not reached" + by
                            + (n.unit() == null ? "" : " (for what it received in " + n.unit() + ")")
                            + "; a later contact is recorded when it reaches the customer (reached true)")
                    : new StateConflict("Customer " + n.customer() + " was already notified" + in
                            + (n.notifiedBy() == null ? "" : " (answered by " + n.notifiedBy() + ")"));
            done.with("customer", n.customer());
            throw n.unit() == null ? done : done.with("unit", n.unit());
        }
        return new NotificationAnswer(told, ack, returned, method, person, noted, destroyed);
    }

    /**
     * Whether another attempt follows an answer ({@code tryAgain}): only for a customer not reached, whose notification
     * then stays open and whose task comes back to the recall coordinators (21 CFR 7.49: follow up consignees that do
     * not respond; new user 2026-12-06 F13: a customer not reached had no second attempt). Absent: false (no further
     * attempt: recorded as not reached). 400 naming {@code tryAgain} when it is not true or false, or true for a
     * customer that was reached.
     */
    static boolean tryAgain(Object value, boolean reached) {
        if (value != null && !(value instanceof Boolean)) {
            throw new InvalidInput("tryAgain", org.lotflow.shared.process.Variable.MUST_BE_BOOLEAN);
        }
        if (reached && Boolean.TRUE.equals(value)) {
            // a customer reached and tried again are two answers that cannot both hold (re-test 2026-12-06 N7)
            throw new InvalidInput("tryAgain", "is only for a customer that could not be reached (reached false):"
                    + " this one was reached");
        }
        return !reached && Boolean.TRUE.equals(value);
    }

    private static String contactMethod(Object value) {
        String choices = String.join(", ", CONTACT_METHODS);
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw new InvalidInput("contactMethod", "required: how the customer was reached (or tried), one of "
                    + choices);
        }
        if (!(value instanceof String s)) {
            throw new InvalidInput("contactMethod", "must be text, one of " + choices);
        }
        // one of the codes as written, on every path (re-test 2026-12-06 R8: " Phone " passed the API and not Tasklist)
        String method = s;
        if (!CONTACT_METHODS.contains(method)) {
            throw new InvalidInput("contactMethod", "'" + (s.length() > 40 ? s.substring(0, 40) + "\u2026" : s)
                    + "' is not a contact method: one of " + choices);
        }
        return method;
    }

    private static String contactPerson(Object value) {
        if (value != null && !(value instanceof String)) {
            throw new InvalidInput("contactPerson", "must be text: the person at the customer who was told");
        }
        String person = value == null ? "" : ((String) value).strip();
        if (person.isEmpty()) {
            throw new InvalidInput("contactPerson", "required: the person at the customer who was told (or whom you"
                    + " tried to reach)");
        }
        if (person.length() > MAX_CONTACT_PERSON) {
            throw new InvalidInput("contactPerson", "at most " + MAX_CONTACT_PERSON + " characters, was "
                    + person.length() + " (never cut)");
        }
        // one line of visible text, as every name lotflow keeps
        InputRules.require("contactPerson", PartyNames.problem(person));
        return person;
    }

    private static String note(Object value) {
        if (value != null && !(value instanceof String)) {
            throw new InvalidInput("note", "must be text");
        }
        String note = value == null ? "" : ((String) value).strip();
        if (note.isEmpty()) {
            return null;
        }
        if (note.length() > MAX_NOTE) {
            throw new InvalidInput("note", "at most " + MAX_NOTE + " characters, was " + note.length()
                    + " (never cut)");
        }
        String hidden = org.lotflow.shared.StrictJson.hiddenTextRefusal(note);
        if (hidden != null) {
            throw new InvalidInput("note", hidden);
        }
        return note;
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
