package org.lotflow.product;

import java.math.BigDecimal;

import org.lotflow.shared.InvalidInput;

/**
 * The one rule for products counted in whole units: a quantity of such a product, entered anywhere, is a whole number
 * (400 naming the field otherwise, nothing changed). A product is counted in whole units when
 * <ul>
 * <li>its unit is a count of packages or pieces ({@link ProductUnits#isPackageCount}: {@code drums}, {@code pails},
 * {@code cases}, {@code pcs}, ...): half a drum is no package a plant ships, and EPCIS writes such a quantity without
 * {@code uom}, as a count of the lot's items (EPCIS 2.0, 7.3.3.3), which 0.5 is not (audit 28 F2: a lot of 0.5 drums,
 * an order of 0.001 drums, allocated and shipped); or</li>
 * <li>it is serialised ({@link Product#isSerialised}): every unit carries one serial (README "Serials within lots";
 * auditor 2026-12-06 G-e, 2026-12-07 F2).</li>
 * </ul>
 * Shapes: {@link #problem} gives the sentence after the field's name, e.g. {@code "IL-250-55GAL is counted in drums: 0.5
 * drums is not a whole number of drums; enter a whole number of drums (nothing is rounded)"}, or for a serialised
 * product in a measure {@code "SN-1 is serialised, one serial per unit: 2.5 kg is not a whole number of units; enter a
 * whole number (nothing is rounded)"}; {@link #require} throws it as {@link InvalidInput}. Used by
 * every entry point of a quantity: a lot's ({@code POST /api/lots}, its {@code sourceLots[i].quantity}), a receipt's
 * lines, an order's, an expired lot's disposal, a recall's answers, returns and return receipts, and the Console's forms
 * that call them (the Tasklist's recall notification form goes through the recall's answers). Continuous measures
 * (kg, L, g, ...) keep their decimals, never rounded. Stored quantities are never rewritten: a lot or shipment recorded
 * with a fraction before this rule is still read as stored, and may still be emptied ({@link #takesFrom}). A plain
 * rule: no Spring, no database; {@code WholeUnitsTest}.
 */
public final class WholeUnits {

    private WholeUnits() {
    }

    /** Whether quantities of {@code product} are whole numbers only (serialised, or counted in packages). */
    public static boolean counted(Product product) {
        return counted(product.isSerialised(), product.getUnit());
    }

    /** Whether quantities in {@code unit}, of a product {@code serialised} or not, are whole numbers only. */
    public static boolean counted(boolean serialised, String unit) {
        return serialised || ProductUnits.isPackageCount(unit);
    }

    /** Whether {@code quantity} is a whole number (2, 2.0, 2.000); null counts as whole (absent is checked elsewhere). */
    public static boolean whole(BigDecimal quantity) {
        return quantity == null || quantity.stripTrailingZeros().scale() <= 0;
    }

    /** Why {@code quantity} of {@code product} is refused (null when it is whole, or the product is a measure). */
    public static String problem(Product product, BigDecimal quantity) {
        return problem(product.getSku(), product.isSerialised(), product.getUnit(), quantity);
    }

    /**
     * Why {@code quantity} in {@code unit} of {@code what} (a SKU, or words such as "what the customer received") is
     * refused: null when it is whole or the unit is a measure of a product not serialised.
     */
    public static String problem(String what, boolean serialised, String unit, BigDecimal quantity) {
        if (whole(quantity) || !counted(serialised, unit)) {
            return null;
        }
        String shown = quantity.stripTrailingZeros().toPlainString();
        if (ProductUnits.isPackageCount(unit)) {
            return what + " is counted in " + unit + (serialised ? ", one serial each" : "") + ": " + shown + " "
                    + unit + " is not a whole number of " + unit + "; enter a whole number of " + unit
                    + " (nothing is rounded)";
        }
        return what + " is serialised, one serial per unit: " + shown + (unit == null ? "" : " " + unit)
                + " is not a whole number of units; enter a whole number (nothing is rounded)";
    }

    /** 400 naming {@code field} when {@code quantity} of {@code product} is not a whole number ({@link #problem}). */
    public static void require(String field, Product product, BigDecimal quantity) {
        String problem = problem(product, quantity);
        if (problem != null) {
            throw new InvalidInput(field, problem);
        }
    }

    /**
     * Whether {@code quantity} may be taken from {@code held}, an amount stored before this rule (a lot's stock on
     * hand, what a customer was shipped): a whole number always; a fraction only when {@code held} is itself a fraction
     * and what is left ({@code held - quantity}) is whole, so that a lot recorded with 2.5 drums before the rule can
     * still be emptied (its 0.5 disposed of, or all 2.5) and nothing stored is rewritten or rounded. Null
     * {@code held}: as {@link #whole}.
     */
    public static boolean takesFrom(BigDecimal quantity, BigDecimal held) {
        return whole(quantity) || held != null && !whole(held) && whole(held.subtract(quantity));
    }

    /**
     * 400 naming {@code field} when {@code quantity} of {@code product}, taken from {@code held} (stored before this
     * rule), is refused: as {@link #require}, but a fraction that leaves a whole number of {@code held} is accepted
     * ({@link #takesFrom}).
     */
    public static void require(String field, Product product, BigDecimal quantity, BigDecimal held) {
        if (!takesFrom(quantity, held)) {
            require(field, product, quantity);
        }
    }
}
