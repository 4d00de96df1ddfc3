package org.lotflow.trace.internal.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Product units to UN/CEFACT Recommendation 20 codes; package counts have none. */
class UnitCodesTest {

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
    }

    @Test
    void packagesAreCountsWithoutCode() {
        assertThat(UnitCodes.of("drums")).isEmpty();
        assertThat(UnitCodes.of("pails")).isEmpty();
        assertThat(UnitCodes.of("bags")).isEmpty();
        assertThat(UnitCodes.of("")).isEmpty();
        assertThat(UnitCodes.of(null)).isEmpty();
    }

    @Test
    void everyCodeFitsTheSchema() {
        for (String unit : new String[] {"kg", "g", "t", "lb", "L", "mL", "m3", "gal", "m"}) {
            assertThat(UnitCodes.of(unit).orElseThrow()).as(unit).matches("^[A-Z0-9]{2,3}$");
        }
    }
}
