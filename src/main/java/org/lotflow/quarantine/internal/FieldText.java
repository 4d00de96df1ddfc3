package org.lotflow.quarantine.internal;

import org.lotflow.shared.InvalidInput;

/**
 * The quarantine's free-text fields (reasons, findings, justifications, notices): trimmed, blank
 * means absent, never cut. A plain rule, tested without Spring.
 */
public final class FieldText {

    /** A reason or justification: at most 2000 characters (the {@code lot_hold} columns). */
    public static final int MAX_TEXT = 2000;
    /** Investigation findings, root cause, retained-sample results: at most 4000 characters. */
    public static final int MAX_LONG_TEXT = 4000;
    /** A reference, a disposal method: at most 200 characters. */
    public static final int MAX_SHORT_TEXT = 200;

    private FieldText() {
    }

    /**
     * The trimmed text, or null when absent and optional.
     *
     * @throws InvalidInput (400, naming {@code field}) when required and absent, or longer than {@code max}
     */
    public static String of(String field, String value, boolean required, int max) {
        String v = value == null ? null : value.trim();
        if (org.lotflow.shared.input.InputRules.blank(v)) {
            // spaces or characters that print as nothing are no text (re-test 2026-12-07 N5)
            if (required) {
                throw new InvalidInput(field, "must not be empty");
            }
            return null;
        }
        if (v.length() > max) {
            throw new InvalidInput(field, "must be at most " + max + " characters");
        }
        return v;
    }
}
