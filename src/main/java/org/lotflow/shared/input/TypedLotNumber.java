package org.lotflow.shared.input;

import org.lotflow.shared.InvalidInput;

/**
 * A lot number typed in a request body, for looking a lot up: trimmed; 400 naming its field when it is missing or
 * longer than any lot number ({@value #MAX} characters, the {@code lot_number} column), its length said and the text
 * not quoted back (auditor 2026-12-07 F4: a million characters were looked up and echoed three times; re-test F5).
 */
public final class TypedLotNumber {

    /** The longest lot number a lot has (the {@code lot_number} column). */
    public static final int MAX = 64;

    private TypedLotNumber() {
    }

    /** {@code value} trimmed; 400 naming {@code field} when missing ({@code missing} says what to give) or too long. */
    public static String of(String field, String value, String missing) {
        String n = value == null ? "" : value.strip();
        if (n.isEmpty()) {
            throw new InvalidInput(field, missing);
        }
        if (n.length() > MAX) {
            throw new InvalidInput(field, "is " + n.length() + " characters long; a lot number has at most " + MAX);
        }
        return n;
    }
}
