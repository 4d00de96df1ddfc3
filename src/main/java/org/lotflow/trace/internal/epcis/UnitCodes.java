package org.lotflow.trace.internal.epcis;

import java.math.BigDecimal;
import java.util.Optional;

import org.lotflow.product.ProductUnits;

/**
 * How an EPCIS quantity element writes a quantity in a product's unit, so that it is never read as something it is
 * not (auditor finding: 12.5 {@code MT}, metric tonnes, was exported as 12.5 items):
 * <ul>
 * <li>a measure ({@link ProductUnits#measureCode}): the quantity with its UN/CEFACT Recommendation 20 code as
 * {@code uom} (EPCIS 2.0, 7.3.3.3: "2 or 3 upper-case letters or digits"): {@code kg} KGM, {@code MT} TNE,
 * {@code gal} GLL, ...;</li>
 * <li>a count of packages ({@link ProductUnits#isPackageCount}: {@code drums}, {@code pails}, {@code pcs}): the
 * quantity without {@code uom}, which the standard reads as a count of instances of the class (so many drums of the
 * lot);</li>
 * <li>any other unit, which only a product stored before lotflow refused such units can have (neither a known measure
 * nor a package word: {@code ton}, {@code tank}, {@code batch}): <b>no quantity</b>. Written without
 * {@code uom} it would be read as a count, wrong; refusing the document (409) would leave the plant without its
 * traceability records while a regulator waits for them (FSMA 204 asks for them within 24 hours). The quantity element
 * keeps the lot's class and leaves out {@code quantity} and {@code uom} (allowed: EPCIS 2.0 QuantityElement requires
 * {@code epcClass} only; the lot's class, its quantity unspecified), and the event says the quantity as recorded,
 * in words, in its extension field {@code lotflow:quantityAsRecorded} ({@link #asRecorded}), so a reader loses
 * nothing and is told nothing false.</li>
 * </ul>
 * A plain rule: no Spring, no database; {@code UnitCodesTest}.
 */
public final class UnitCodes {

    /** The event's extension field that gives, in words, the quantities written without a quantity. */
    public static final String AS_RECORDED = "lotflow:quantityAsRecorded";

    private UnitCodes() {
    }

    /**
     * The UN/CEFACT code of {@code unit}, or empty: a count of packages, written without {@code uom}, or a unit
     * lotflow does not know ({@link #isUnknown}).
     */
    public static Optional<String> of(String unit) {
        return ProductUnits.measureCode(unit);
    }

    /** Whether {@code unit} is neither a measure nor a count of packages: its quantity cannot be written. */
    public static boolean isUnknown(String unit) {
        return of(unit).isEmpty() && !ProductUnits.isPackageCount(unit);
    }

    /**
     * A quantity element of {@code epcClass}: {@code quantity} with its unit's code, without {@code uom} for a count of
     * packages, or without quantity when the unit is unknown ({@link #isUnknown}).
     */
    public static EpcisEvent.Quantity quantity(String epcClass, BigDecimal quantity, String unit) {
        if (quantity != null && isUnknown(unit)) {
            return new EpcisEvent.Quantity(epcClass, null, null);
        }
        return new EpcisEvent.Quantity(epcClass, quantity, of(unit).orElse(null));
    }

    /**
     * The words for a quantity written without a quantity ({@link #quantity}), for {@link #AS_RECORDED}:
     * {@code "RM-2025-015: 12.5 MT"}; null when the quantity was written (a known unit, or no quantity).
     */
    public static String asRecorded(String lotNumber, BigDecimal quantity, String unit) {
        if (quantity == null || !isUnknown(unit)) {
            return null;
        }
        return lotNumber + ": " + EpcisWriter.plain(quantity) + (unit == null ? "" : " " + unit);
    }
}
