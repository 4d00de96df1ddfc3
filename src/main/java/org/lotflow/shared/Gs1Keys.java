package org.lotflow.shared;

/**
 * GS1 identification keys lotflow reads: the GTIN of a trade item (GTIN-8, GTIN-12, GTIN-13 or GTIN-14) and
 * the GLN of a location or party (13 digits), each ending in the GS1 check digit (GS1 General Specifications,
 * 7.9.1 "Standard check digit calculation for GS1 data structures": from the right, the digits before the
 * check digit are weighted 3, 1, 3, 1, ...; the check digit brings the weighted sum to a multiple of ten).
 * A plain rule: no Spring, no database; {@code Gs1KeysTest}.
 */
public final class Gs1Keys {

    private Gs1Keys() {
    }

    /**
     * Why {@code text} is not a GTIN, or null when it is one: 8, 12, 13 or 14 digits whose last digit is the
     * check digit of the others.
     */
    public static String gtinProblem(String text) {
        if (text == null || !text.matches("\\d+")) {
            return "'" + text + "' is not a GTIN: write its 8, 12, 13 or 14 digits, nothing else (no spaces)";
        }
        int n = text.length();
        if (n != 8 && n != 12 && n != 13 && n != 14) {
            return "'" + text + "' has " + n + " digits; a GTIN has 8, 12, 13 or 14";
        }
        return checkDigitProblem("GTIN", text);
    }

    /** Why {@code text} is not a GLN, or null when it is one: 13 digits, the last the check digit of the others. */
    public static String glnProblem(String text) {
        if (text == null || !text.matches("\\d{13}")) {
            return "'" + text + "' is not a GLN: a GLN has 13 digits";
        }
        return checkDigitProblem("GLN", text);
    }

    /** The GTIN-14 of a valid GTIN: its digits with leading zeros up to 14 (GTIN-13 {@code 4012345...} -> {@code 04012345...}). */
    public static String gtin14(String gtin) {
        String problem = gtinProblem(gtin);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return "0".repeat(14 - gtin.length()) + gtin;
    }

    /** The check digit of {@code digits} (the key without its check digit). */
    public static int checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            sum += i % 2 == 0 ? 3 * d : d;
        }
        return (10 - sum % 10) % 10;
    }

    private static String checkDigitProblem(String key, String text) {
        int expected = checkDigit(text.substring(0, text.length() - 1));
        int given = text.charAt(text.length() - 1) - '0';
        return expected == given ? null
                : "'" + text + "' is not a valid " + key + ": its check digit is " + given + ", the GS1 check digit of "
                        + text.substring(0, text.length() - 1) + " is " + expected + " (a digit mistyped?)";
    }
}
