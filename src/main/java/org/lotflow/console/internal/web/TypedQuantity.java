package org.lotflow.console.internal.web;

import java.math.BigDecimal;

import org.lotflow.shared.InvalidInput;

/**
 * A quantity typed into a Console form's field, read as it appears on the screen: plain digits with a point for
 * decimals, as the API's JSON numbers; not 1E-2, nor Arabic-Indic or full-width digits read as others (re-test
 * 2026-12-06 N4). A plain rule.
 */
final class TypedQuantity {

    private TypedQuantity() {
    }

    /**
     * The quantity typed in {@code field}: {@code whenEmpty} for nothing typed; otherwise the number, or
     * {@link InvalidInput} (400 naming {@code field}): "'x' is not a number: give {@code giveWhat}, in digits with a
     * point for decimals, e.g. 12.5".
     */
    static BigDecimal read(String field, String typed, BigDecimal whenEmpty, String giveWhat) {
        if (typed == null || typed.isBlank()) {
            return whenEmpty;
        }
        if (!typed.trim().matches("[0-9]{1,12}([.][0-9]+)?")) {
            throw new InvalidInput(field, "'" + typed.trim() + "' is not a number: give " + giveWhat + ", in digits"
                    + " with a point for decimals, e.g. 12.5");
        }
        return new BigDecimal(typed.trim());
    }
}
