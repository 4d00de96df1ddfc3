package org.lotflow.shared.input;

import java.math.BigDecimal;
import java.util.regex.Pattern;

import org.lotflow.shared.InvalidInput;

/**
 * Numbers typed into a form's text (a Console text area's quantities and limits), read as they appear on the screen.
 * A plain rule, tested without Spring ({@code ConsoleRulesTest}).
 */
public final class TypedNumbers {

    private TypedNumbers() {
    }

    /** A number as a person types it: the digits 0-9, a point for decimals, an optional sign; no exponent. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?[0-9]+([.][0-9]+)?");

    /**
     * Why the typed {@code text} is no plain number (null when it is one): {@link BigDecimal} alone reads every
     * script's digits (a Bengali 4 looks like an 8) and exponents ({@code 1e3} is 1000), so a form would keep another
     * number than the one on the screen (auditor 2026-12-06 B4, 2026-12-06 M1; ALCOA: accurate, 21 CFR 11.10(a)).
     */
    public static String why(String text) {
        if (text != null && PLAIN_NUMBER.matcher(text).matches()) {
            return null;
        }
        if (text != null && text.matches("[-+]?[0-9.,]+[eE][-+]?[0-9]+")) {
            return "'" + text + "' is in exponent notation: write it in plain digits, e.g. 1000 or 0.0025";
        }
        return "'" + text + "' is not a number written with the digits 0-9 (a point for decimals)";
    }

    /** {@link #why} read: the number, or {@link InvalidInput} naming {@code field} with {@code where} first. */
    public static BigDecimal read(String field, String where, String text) {
        String why = why(text);
        if (why != null) {
            throw new InvalidInput(field, (where == null ? "" : where + ": ") + why);
        }
        return new BigDecimal(text);
    }
}
