package org.lotflow.trace.internal.epcis;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The UN/CEFACT Recommendation 20 code (EPCIS 2.0 {@code uom}, "2 or 3 upper-case letters or digits") of a
 * product's unit of measure, where lotflow knows one: mass ({@code kg} KGM, {@code g} GRM, {@code t} TNE,
 * {@code lb} LBR), volume ({@code L} LTR, {@code mL} MLT, {@code m3} MTQ, {@code gal} GLL: the US gallon,
 * the plant being in the US), length ({@code m} MTR). Case and a trailing plural {@code s} are ignored
 * ({@code KG}, {@code liters}, {@code gallons}).
 *
 * <p>Any other unit ({@code drums}, {@code pails}, {@code bags}, {@code pcs}, ...) has no code: it counts
 * packages of the product, and EPCIS writes such a quantity without {@code uom}, which by the standard
 * (EPCIS 2.0, 7.3.3.3) is a count of instances of the class: so many drums or pails of the lot. A plain rule:
 * no Spring, no database; {@code UnitCodesTest}.
 */
public final class UnitCodes {

    private static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("kg", "KGM"), Map.entry("kilogram", "KGM"), Map.entry("kgm", "KGM"),
            Map.entry("g", "GRM"), Map.entry("gram", "GRM"),
            Map.entry("t", "TNE"), Map.entry("tonne", "TNE"), Map.entry("metric ton", "TNE"),
            Map.entry("lb", "LBR"), Map.entry("lbs", "LBR"), Map.entry("pound", "LBR"),
            Map.entry("l", "LTR"), Map.entry("liter", "LTR"), Map.entry("litre", "LTR"), Map.entry("ltr", "LTR"),
            Map.entry("ml", "MLT"), Map.entry("milliliter", "MLT"), Map.entry("millilitre", "MLT"),
            Map.entry("m3", "MTQ"), Map.entry("m³", "MTQ"), Map.entry("cubic meter", "MTQ"),
            Map.entry("gal", "GLL"), Map.entry("gallon", "GLL"), Map.entry("us gal", "GLL"),
            Map.entry("m", "MTR"), Map.entry("meter", "MTR"), Map.entry("metre", "MTR"));

    private UnitCodes() {
    }

    /** The UN/CEFACT code of {@code unit}, or empty: a count of packages, written without {@code uom}. */
    public static Optional<String> of(String unit) {
        if (unit == null || unit.isBlank()) {
            return Optional.empty();
        }
        String key = unit.trim().toLowerCase(Locale.ROOT);
        String code = CODES.get(key);
        if (code == null && key.length() > 1 && key.endsWith("s")) {
            code = CODES.get(key.substring(0, key.length() - 1));
        }
        return Optional.ofNullable(code);
    }
}
