package org.lotflow.shared.input;

import java.math.BigDecimal;

/**
 * A measured value or limit as it was written (new user 2026-12-06 M3; ALCOA "original and accurate", 21 CFR
 * 11.10(a)): "8.0" stays 8.0 on every form, report and certificate, never 8 nor the column's 8.000000. The numeric
 * columns keep the number exactly; a decimals column beside each keeps how many decimals it was written with
 * ({@code V156}). A value recorded before that column existed reads as before: without the column's padding. A plain
 * rule, tested without Spring ({@code DecimalsTest}).
 */
public final class Decimals {

    private Decimals() {
    }

    /** How many decimals {@code written} was written with (0 for a whole number); null for no value. */
    public static Integer of(BigDecimal written) {
        return written == null ? null : Math.max(0, written.scale());
    }

    /**
     * The number as written: {@code stored} with {@code decimals} decimals (exact: only zeros are added or taken away);
     * {@code decimals} null (recorded before they were kept), without trailing zeros and never in exponent form (245,
     * 0.1). Null for no value.
     */
    public static BigDecimal asWritten(BigDecimal stored, Integer decimals) {
        if (stored == null) {
            return null;
        }
        if (decimals != null) {
            BigDecimal written = stored.stripTrailingZeros();
            return written.scale() <= decimals ? written.setScale(decimals) : stored;
        }
        return plain(stored.stripTrailingZeros());
    }

    /** {@code value} never in exponent form (2.5E+2 is 250), its decimals as they are; null for none. */
    public static BigDecimal plain(BigDecimal value) {
        return value == null || value.scale() >= 0 ? value : value.setScale(0);
    }

    /** {@code value} as text, as written: never in exponent form, nothing added or taken away. */
    public static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
