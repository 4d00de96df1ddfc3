package org.lotflow.shared.input;

import java.util.regex.Pattern;

import org.lotflow.shared.InvalidInput;

/**
 * A whole number as a person writes it: an optional sign and the digits 0-9, nothing else (no {@code 0x18} or
 * {@code #18}, which Java reads as hexadecimal, no other script's digits, which Java reads as their values: {@code ١٨}
 * is 18). What a query parameter, a Console form field or a page's paging reads (auditor 2026-12-07 F1, F2; re-test
 * 2026-12-07 F3; ALCOA: accurate, 21 CFR 11.10(a)). A plain rule, tested without Spring.
 */
public final class WholeNumbers {

    private static final Pattern WHOLE = Pattern.compile("[-+]?[0-9]+");

    private WholeNumbers() {
    }

    /** Whether {@code text} (blanks around it aside) is written as a whole number: an optional sign, the digits 0-9. */
    public static boolean written(String text) {
        return text != null && WHOLE.matcher(text.strip()).matches();
    }

    /** Why {@code text} is no whole number of the int range (null when it is one). */
    public static String why(String text) {
        return why(text, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** Why {@code text} is no whole number between {@code min} and {@code max} (null when it is one). */
    public static String why(String text, long min, long max) {
        String t = text == null ? "" : text.strip();
        if (!written(t)) {
            return "'" + text + "' is not a whole number: write it with the digits 0-9, e.g. 24";
        }
        try {
            long value = Long.parseLong(t);
            if (value >= min && value <= max) {
                return null;
            }
        } catch (NumberFormatException beyondLong) {
            // falls through: out of range
        }
        return "'" + text + "' is outside the range of whole numbers this field takes";
    }

    /** {@code text} as an int, or {@link InvalidInput} naming {@code field} ({@link #why}). */
    public static int read(String field, String text) {
        String why = why(text);
        if (why != null) {
            throw new InvalidInput(field, why);
        }
        return Integer.parseInt(text.strip());
    }
}
