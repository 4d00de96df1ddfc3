package org.lotflow.product;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A product's unit is a measure with its UN/CEFACT Recommendation 20 code, a count of packages, or refused: ambiguous
 * ({@code ton}) or unknown, with a sentence saying what to write (auditor finding: 12.5 MT exported as 12.5 items).
 */
class ProductUnitsTest {

    @Test
    void measuresHaveTheirRecommendation20Code() {
        String[][] codes = {
            {"MT", "TNE"}, {"mt", "TNE"}, {"t", "TNE"}, {"tonnes", "TNE"}, {"metric tons", "TNE"},
            {"short ton", "STN"}, {"long tons", "LTN"}, {"kg", "KGM"}, {"KGS", "KGM"}, {"g", "GRM"}, {"mg", "MGM"},
            {"µg", "MC"}, {"mcg", "MC"}, {"lb", "LBR"}, {"lbs", "LBR"}, {"oz", "ONZ"},
            {"L", "LTR"}, {"liters", "LTR"}, {"mL", "MLT"}, {"cl", "CLT"}, {"dL", "DLT"}, {"hl", "HLT"},
            {"kL", "K6"}, {"µL", "4G"}, {"m3", "MTQ"}, {"m³", "MTQ"}, {"dm3", "DMQ"}, {"cm3", "CMQ"}, {"cc", "CMQ"},
            {"gal", "GLL"}, {"gallons", "GLL"}, {"imperial gallon", "GLI"}, {"qt", "QTL"}, {"pints", "PTL"},
            {"fl oz", "OZA"}, {"fl. oz.", "OZA"}, {"FL  OZ", "OZA"}, {"bbl", "BLL"}, {"bbls", "BLL"},
            {"ft3", "FTQ"}, {"cu ft", "FTQ"}, {"m", "MTR"}, {"cm", "CMT"}, {"mm", "MMT"}, {"km", "KMT"},
            {"ft", "FOT"}, {"feet", "FOT"}, {"inches", "INH"}, {"yd", "YRD"}, {"m2", "MTK"}, {"m²", "MTK"},
            {"sq ft", "FTK"}};
        for (String[] unit : codes) {
            assertThat(ProductUnits.measureCode(unit[0])).as(unit[0]).contains(unit[1]);
            assertThat(unit[1]).as("EPCIS 2.0 uom pattern").matches("^[A-Z0-9]{2,3}$");
            assertThat(ProductUnits.problem(unit[0])).as(unit[0]).isNull();
        }
    }

    @Test
    void packageWordsAreCounts() {
        for (String unit : new String[] {"drums", "Drum", "pails", "bags", "boxes", "cases", "cartons", "bottles",
                "cans", "jars", "totes", "IBC", "IBCs", "sacks", "buckets", "tubes", "vials", "ampoules", "blisters",
                "packs", "pallets", "pieces", "pcs", "pc", "units", "each", "ea", "rolls", "sheets", "kits", "tablets",
                "capsules", "bundles", "reels", "cylinders", "kegs", "tins", "pouches", "sachets", "trays"}) {
            assertThat(ProductUnits.isPackageCount(unit)).as(unit).isTrue();
            assertThat(ProductUnits.measureCode(unit)).as(unit).isEmpty();
            assertThat(ProductUnits.problem(unit)).as(unit).isNull();
        }
    }

    @Test
    void aWordNamingSeveralUnitsIsRefusedSayingWhatToWrite() {
        assertThat(ProductUnits.problem("ton")).isEqualTo("'ton' names different weights in different countries:"
                + " write t or MT for metric tonnes (1,000 kg), short ton (2,000 lb) or long ton (2,240 lb)");
        assertThat(ProductUnits.problem("Tons")).startsWith("'Tons' names different weights");
        assertThat(ProductUnits.problem("ounce")).contains("oz for the ounce of weight").contains("fl oz");
        assertThat(ProductUnits.problem("barrels")).contains("bbl").contains("drums");
        for (String unit : new String[] {"ton", "tons", "ounce", "barrel"}) {
            assertThat(ProductUnits.measureCode(unit)).as(unit).isEmpty();
            assertThat(ProductUnits.isPackageCount(unit)).as(unit).isFalse();
        }
    }

    @Test
    void anUnknownUnitIsRefusedNamingUnitsLotflowKnows() {
        assertThat(ProductUnits.problem("xyz")).isEqualTo("lotflow does not know whether 'xyz' is a measure or a"
                + " count of packages, and the traceability records must say which (12.5 t is not 12.5 items): use a"
                + " measure such as kg, g, t (metric tonnes), lb, L, mL, gal (US gallons), m3, or a package word such"
                + " as drums, pails, bags, bottles or pcs");
        for (String unit : new String[] {"tank", "batch", "cwt", "dozen", "kg net", "qq"}) {
            assertThat(ProductUnits.problem(unit)).as(unit).startsWith("lotflow does not know whether '" + unit + "'");
        }
        assertThat(ProductUnits.problem(null)).as("refused by the rule for a missing unit").isNull();
        assertThat(ProductUnits.problem(" ")).isNull();
    }

    @Test
    void theUnitsOfTheDemoAndTheTestsAreKnown() {
        for (String unit : new String[] {"drums", "gal", "pails", "kg", "bottles", "pcs", "packs", "DRUMS"}) {
            assertThat(ProductUnits.problem(unit)).as(unit).isNull();
        }
    }
}
