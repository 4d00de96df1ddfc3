package org.lotflow.product;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a product's unit means, so that a quantity of its lots is never read as something else (auditor finding: a
 * product in {@code MT}, metric tonnes, was exported to EPCIS as 12.5 items). A unit is one of:
 * <ul>
 * <li>a <b>measure</b>, with its UN/CEFACT Recommendation 20 code (EPCIS 2.0 {@code uom}, "2 or 3 upper-case letters
 * or digits"): mass {@code kg} KGM, {@code g} GRM, {@code mg} MGM, {@code µg}/{@code mcg} MC, {@code t}/{@code MT}/
 * {@code tonne} TNE, {@code short ton} STN (2,000 lb), {@code long ton} LTN (2,240 lb), {@code lb} LBR, {@code oz}
 * ONZ (avoirdupois); volume {@code L} LTR, {@code mL} MLT, {@code cL} CLT, {@code dL} DLT, {@code hL} HLT,
 * {@code kL} K6, {@code µL} 4G, {@code m3} MTQ, {@code dm3} DMQ, {@code cm3}/{@code cc} CMQ, {@code gal} GLL (the US
 * gallon, the plant being in the US; {@code imperial gallon} GLI), {@code qt} QTL and {@code pt} PTL (US liquid quart
 * and pint; Rec 20's former QT and PT are deprecated), {@code fl oz} OZA (US fluid ounce), {@code bbl} BLL (the US
 * barrel of 42 gallons, petroleum), {@code ft3} FTQ, {@code in3} INQ, {@code yd3} YDQ; length {@code m} MTR,
 * {@code cm} CMT, {@code mm} MMT, {@code km} KMT, {@code ft} FOT, {@code in} INH, {@code yd} YRD; area {@code m2}
 * MTK, {@code cm2} CMK, {@code ft2} FTK;</li>
 * <li>a <b>count of packages</b> or pieces ({@link #PACKAGES}: {@code drums}, {@code pails}, {@code bags},
 * {@code bottles}, {@code IBC}, {@code pcs}, {@code each}, {@code tablets}, ...): EPCIS writes its quantity without
 * {@code uom}, a count of instances of the lot's class (EPCIS 2.0, 7.3.3.3);</li>
 * <li><b>ambiguous</b> ({@code ton}, {@code ounce}, {@code barrel}): refused, for a silent choice could be the wrong
 * one; the sentence names the units to write instead;</li>
 * <li><b>unknown</b>: refused, with a sentence naming units lotflow knows.</li>
 * </ul>
 * Case, a trailing full stop and the space between words are ignored, and so is a plural {@code s} or {@code es}
 * ({@code KG}, {@code liters}, {@code boxes}, {@code fl. oz}); the codes were checked against Recommendation 20's
 * code list. {@code POST /api/products} and the Console's new-product form refuse an ambiguous or unknown unit (400
 * naming {@code unit}, {@link #problem}); a product stored before this rule may still have one, and the EPCIS export
 * writes such a quantity as unspecified ({@code trace}'s {@code UnitCodes}). A plain rule: no Spring, no database;
 * {@code ProductUnitsTest}.
 */
public final class ProductUnits {

    /** Measures by the unit as read ({@link #key}): their UN/CEFACT Recommendation 20 code. */
    private static final Map<String, String> MEASURES = Map.ofEntries(
            // mass
            Map.entry("kg", "KGM"), Map.entry("kgm", "KGM"), Map.entry("kilo", "KGM"), Map.entry("kilogram", "KGM"),
            Map.entry("kilogramme", "KGM"),
            Map.entry("g", "GRM"), Map.entry("gr", "GRM"), Map.entry("gram", "GRM"), Map.entry("gramme", "GRM"),
            Map.entry("mg", "MGM"), Map.entry("milligram", "MGM"),
            Map.entry("µg", "MC"), Map.entry("μg", "MC"), Map.entry("ug", "MC"), Map.entry("mcg", "MC"),
            Map.entry("microgram", "MC"),
            Map.entry("t", "TNE"), Map.entry("mt", "TNE"), Map.entry("tonne", "TNE"), Map.entry("metric ton", "TNE"),
            Map.entry("metric tonne", "TNE"),
            Map.entry("short ton", "STN"), Map.entry("us ton", "STN"),
            Map.entry("long ton", "LTN"), Map.entry("uk ton", "LTN"), Map.entry("imperial ton", "LTN"),
            Map.entry("lb", "LBR"), Map.entry("lbs", "LBR"), Map.entry("pound", "LBR"),
            Map.entry("oz", "ONZ"),
            // volume
            Map.entry("l", "LTR"), Map.entry("liter", "LTR"), Map.entry("litre", "LTR"), Map.entry("ltr", "LTR"),
            Map.entry("ml", "MLT"), Map.entry("milliliter", "MLT"), Map.entry("millilitre", "MLT"),
            Map.entry("cl", "CLT"), Map.entry("centiliter", "CLT"), Map.entry("centilitre", "CLT"),
            Map.entry("dl", "DLT"), Map.entry("deciliter", "DLT"), Map.entry("decilitre", "DLT"),
            Map.entry("hl", "HLT"), Map.entry("hectoliter", "HLT"), Map.entry("hectolitre", "HLT"),
            Map.entry("kl", "K6"), Map.entry("kiloliter", "K6"), Map.entry("kilolitre", "K6"),
            Map.entry("µl", "4G"), Map.entry("μl", "4G"), Map.entry("ul", "4G"), Map.entry("microliter", "4G"),
            Map.entry("microlitre", "4G"),
            Map.entry("m3", "MTQ"), Map.entry("m³", "MTQ"), Map.entry("cubic meter", "MTQ"),
            Map.entry("cubic metre", "MTQ"),
            Map.entry("dm3", "DMQ"), Map.entry("dm³", "DMQ"), Map.entry("cubic decimeter", "DMQ"),
            Map.entry("cubic decimetre", "DMQ"),
            Map.entry("cm3", "CMQ"), Map.entry("cm³", "CMQ"), Map.entry("cc", "CMQ"),
            Map.entry("cubic centimeter", "CMQ"), Map.entry("cubic centimetre", "CMQ"),
            Map.entry("gal", "GLL"), Map.entry("gallon", "GLL"), Map.entry("us gal", "GLL"),
            Map.entry("us gallon", "GLL"),
            Map.entry("imp gal", "GLI"), Map.entry("imperial gallon", "GLI"), Map.entry("uk gallon", "GLI"),
            Map.entry("qt", "QTL"), Map.entry("quart", "QTL"), Map.entry("us quart", "QTL"),
            Map.entry("pt", "PTL"), Map.entry("pint", "PTL"), Map.entry("us pint", "PTL"),
            Map.entry("fl oz", "OZA"), Map.entry("floz", "OZA"), Map.entry("fluid ounce", "OZA"),
            Map.entry("us fl oz", "OZA"),
            Map.entry("bbl", "BLL"), Map.entry("us barrel", "BLL"), Map.entry("oil barrel", "BLL"),
            Map.entry("ft3", "FTQ"), Map.entry("ft³", "FTQ"), Map.entry("cu ft", "FTQ"), Map.entry("cubic foot", "FTQ"),
            Map.entry("cubic feet", "FTQ"),
            Map.entry("in3", "INQ"), Map.entry("in³", "INQ"), Map.entry("cu in", "INQ"),
            Map.entry("cubic inch", "INQ"),
            Map.entry("yd3", "YDQ"), Map.entry("yd³", "YDQ"), Map.entry("cu yd", "YDQ"),
            Map.entry("cubic yard", "YDQ"),
            // length
            Map.entry("m", "MTR"), Map.entry("meter", "MTR"), Map.entry("metre", "MTR"),
            Map.entry("cm", "CMT"), Map.entry("centimeter", "CMT"), Map.entry("centimetre", "CMT"),
            Map.entry("mm", "MMT"), Map.entry("millimeter", "MMT"), Map.entry("millimetre", "MMT"),
            Map.entry("km", "KMT"), Map.entry("kilometer", "KMT"), Map.entry("kilometre", "KMT"),
            Map.entry("ft", "FOT"), Map.entry("foot", "FOT"), Map.entry("feet", "FOT"),
            Map.entry("in", "INH"), Map.entry("inch", "INH"),
            Map.entry("yd", "YRD"), Map.entry("yard", "YRD"),
            // area
            Map.entry("m2", "MTK"), Map.entry("m²", "MTK"), Map.entry("sq m", "MTK"), Map.entry("square meter", "MTK"),
            Map.entry("square metre", "MTK"),
            Map.entry("cm2", "CMK"), Map.entry("cm²", "CMK"), Map.entry("square centimeter", "CMK"),
            Map.entry("square centimetre", "CMK"),
            Map.entry("ft2", "FTK"), Map.entry("ft²", "FTK"), Map.entry("sq ft", "FTK"),
            Map.entry("square foot", "FTK"), Map.entry("square feet", "FTK"));

    /**
     * Words for a count of packages or pieces, singular (a plural {@code s} or {@code es} is read as the same word):
     * their quantity is so many of them.
     */
    public static final Set<String> PACKAGES = Set.of(
            "drum", "pail", "bag", "box", "case", "carton", "bottle", "can", "jar", "tote", "ibc", "sack", "bucket",
            "tube", "vial", "ampoule", "ampule", "blister", "blister pack", "pack", "packet", "package", "pkg", "pk",
            "pallet", "piece", "pc", "pce", "unit", "each", "ea", "item", "roll", "sheet", "kit", "tablet", "capsule",
            "bundle", "reel", "cylinder", "keg", "tin", "pouch", "sachet", "tray", "crate", "carboy", "canister",
            "cartridge", "jerrican", "jerrycan", "jug", "bin", "bale", "cask", "syringe", "container", "bulk bag",
            "big bag", "fibc", "spool", "coil", "strip", "set");

    /** Words that name different units in different places or trades: the sentence of each names what to write. */
    private static final Map<String, String> AMBIGUOUS = Map.of(
            "ton", "names different weights in different countries: write t or MT for metric tonnes (1,000 kg),"
                    + " short ton (2,000 lb) or long ton (2,240 lb)",
            "ounce", "is either a weight or a volume: write oz for the ounce of weight (avoirdupois) or fl oz for the"
                    + " US fluid ounce",
            "barrel", "is either a volume or a package: write bbl for the US barrel of 42 gallons (petroleum), or"
                    + " drums or kegs for a count of barrel-shaped packages");

    /** Examples named by the sentence refusing an unknown unit. */
    private static final List<String> EXAMPLES = List.of("kg", "g", "t (metric tonnes)", "lb", "L", "mL",
            "gal (US gallons)", "m3");

    private ProductUnits() {
    }

    /** The UN/CEFACT Recommendation 20 code of a measure; empty for a count of packages or a unit lotflow does not know. */
    public static Optional<String> measureCode(String unit) {
        return Optional.ofNullable(find(MEASURES::get, unit));
    }

    /** Whether {@code unit} counts packages or pieces ({@link #PACKAGES}): its quantity is so many of them. */
    public static boolean isPackageCount(String unit) {
        return find(word -> PACKAGES.contains(word) ? word : null, unit) != null;
    }

    /**
     * Why {@code unit} cannot be a product's unit (a sentence a QA person understands, after "unit: "), or null when it
     * is a measure or a count of packages lotflow knows. Null or blank: null (refused by the rules for a missing
     * unit).
     */
    public static String problem(String unit) {
        if (unit == null || unit.isBlank()) {
            return null;
        }
        String ambiguous = find(AMBIGUOUS::get, unit);
        if (ambiguous != null) {
            return "'" + unit.trim() + "' " + ambiguous;
        }
        if (measureCode(unit).isPresent() || isPackageCount(unit)) {
            return null;
        }
        return "lotflow does not know whether '" + unit.trim() + "' is a measure or a count of packages, and the"
                + " traceability records must say which (12.5 t is not 12.5 items): use a measure such as "
                + String.join(", ", EXAMPLES) + ", or a package word such as drums, pails, bags, bottles or pcs";
    }

    /** {@code table}'s entry for {@code unit}, as written or without a plural {@code s} or {@code es}; else null. */
    private static <T> T find(java.util.function.Function<String, T> table, String unit) {
        if (unit == null || unit.isBlank()) {
            return null;
        }
        String key = key(unit);
        T found = table.apply(key);
        if (found == null && key.length() > 1 && key.endsWith("s")) {
            found = table.apply(key.substring(0, key.length() - 1));
        }
        if (found == null && key.length() > 2 && key.endsWith("es")) {
            found = table.apply(key.substring(0, key.length() - 2));
        }
        return found;
    }

    /** The unit as the tables spell it: lower case, full stops and spaces between words as one space, trimmed. */
    static String key(String unit) {
        return unit.toLowerCase(Locale.ROOT).replace('.', ' ').trim().replaceAll("\\s+", " ");
    }
}
