package org.lotflow.recall.internal;

import java.math.BigDecimal;

/** How the recall writes a quantity in texts, forms and CSV: plain, without trailing zeros ({@code 1250.5}). */
final class Quantities {

    private Quantities() {
    }

    /** The quantity as plain text; empty for none. */
    static String plain(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
