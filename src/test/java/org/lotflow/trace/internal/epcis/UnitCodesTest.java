package org.lotflow.trace.internal.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/**
 * Product units to UN/CEFACT Recommendation 20 codes; package counts have none; a quantity in a unit lotflow does not
 * know is written without a quantity, never as a count (auditor finding: 12.5 MT exported as 12.5 items).
 */
class UnitCodesTest {

    static final String LOT = "https://id.il-lubricants.example/plant-1/lots/AUDMT-2025-001";

    @Test
    void knownUnitsHaveTheirCode() {
        assertThat(UnitCodes.of("kg")).contains("KGM");
        assertThat(UnitCodes.of("KG")).contains("KGM");
        assertThat(UnitCodes.of("L")).contains("LTR");
        assertThat(UnitCodes.of("liters")).contains("LTR");
        assertThat(UnitCodes.of("gal")).contains("GLL");
        assertThat(UnitCodes.of("gallons")).contains("GLL");
        assertThat(UnitCodes.of(" lb ")).contains("LBR");
        assertThat(UnitCodes.of("mL")).contains("MLT");
        assertThat(UnitCodes.of("t")).contains("TNE");
        assertThat(UnitCodes.of("m3")).contains("MTQ");
        assertThat(UnitCodes.of("MT")).as("metric tonnes, the auditor's product").contains("TNE");
        assertThat(UnitCodes.of("oz")).contains("ONZ");
        assertThat(UnitCodes.of("mg")).contains("MGM");
        assertThat(UnitCodes.of("bbl")).contains("BLL");
        assertThat(UnitCodes.of("fl oz")).contains("OZA");
    }

    @Test
    void packagesAreCountsWithoutCode() {
        assertThat(UnitCodes.of("drums")).isEmpty();
        assertThat(UnitCodes.of("pails")).isEmpty();
        assertThat(UnitCodes.of("bags")).isEmpty();
        assertThat(UnitCodes.of("")).isEmpty();
        assertThat(UnitCodes.of(null)).isEmpty();
        assertThat(UnitCodes.quantity(LOT, new BigDecimal("400"), "pails"))
                .isEqualTo(new EpcisEvent.Quantity(LOT, new BigDecimal("400"), null));
        assertThat(UnitCodes.asRecorded("AUDMT-2025-001", new BigDecimal("400"), "pails")).isNull();
    }

    @Test
    void aMeasureIsWrittenWithItsCode() {
        assertThat(UnitCodes.quantity(LOT, new BigDecimal("12.5"), "MT"))
                .isEqualTo(new EpcisEvent.Quantity(LOT, new BigDecimal("12.5"), "TNE"));
        assertThat(UnitCodes.asRecorded("AUDMT-2025-001", new BigDecimal("12.5"), "MT")).isNull();
    }

    @Test
    void aQuantityInAnUnknownUnitIsNeverACount() {
        for (String unit : new String[] {"ton", "tank", "xyz"}) {
            assertThat(UnitCodes.isUnknown(unit)).as(unit).isTrue();
            assertThat(UnitCodes.quantity(LOT, new BigDecimal("12.5"), unit)).as(unit)
                    .isEqualTo(new EpcisEvent.Quantity(LOT, null, null));
        }
        assertThat(UnitCodes.asRecorded("AUDMT-2025-001", new BigDecimal("12.50"), "ton"))
                .isEqualTo("AUDMT-2025-001: 12.5 ton");
        assertThat(UnitCodes.isUnknown("drums")).isFalse();
        assertThat(UnitCodes.isUnknown("kg")).isFalse();
    }

    @Test
    void everyCodeFitsTheSchema() {
        for (String unit : new String[] {"kg", "g", "t", "MT", "lb", "oz", "mg", "mcg", "L", "mL", "cl", "hl", "kl",
            "dm3", "m3", "gal", "qt", "pt", "fl oz", "bbl", "m", "cm", "mm", "ft", "m2", "ft3", "short ton",
            "long ton"}) {
            assertThat(UnitCodes.of(unit).orElseThrow()).as(unit).matches("^[A-Z0-9]{2,3}$");
        }
    }
}
