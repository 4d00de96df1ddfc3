package org.lotflow.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The GS1 check digit rule (General Specifications 7.9.1) on GTINs and GLNs, with GS1's published keys. */
class Gs1KeysTest {

    @Test
    void validGtinsOfEveryLengthPass() {
        // GS1's examples: GTIN-13 4012345000009 (EPCIS), GTIN-14 10614141000415 and 70614141123451 (Digital Link),
        // GTIN-12 614141000036 (GS1 US), GTIN-8 95012346
        for (String gtin : new String[] {"4012345000009", "10614141000415", "70614141123451", "614141000036",
                "95012346", "614141250059"}) {
            assertThat(Gs1Keys.gtinProblem(gtin)).as(gtin).isNull();
        }
    }

    @Test
    void aWrongCheckDigitIsRefusedSayingTheRightOne() {
        assertThat(Gs1Keys.gtinProblem("4012345000008")).contains("check digit is 8").contains("is 9");
        assertThat(Gs1Keys.gtinProblem("614141250058")).contains("is 9");
        assertThat(Gs1Keys.glnProblem("0614141000013")).contains("is 2");
    }

    @Test
    void otherShapesAreRefused() {
        assertThat(Gs1Keys.gtinProblem("40123450000")).contains("11 digits");
        assertThat(Gs1Keys.gtinProblem("401234500000912")).contains("15 digits");
        assertThat(Gs1Keys.gtinProblem("4012345 000009")).contains("not a GTIN");
        assertThat(Gs1Keys.gtinProblem("ABCDEFGH")).contains("not a GTIN");
        assertThat(Gs1Keys.gtinProblem(null)).contains("not a GTIN");
        assertThat(Gs1Keys.glnProblem("061414100001")).contains("13 digits");
        assertThat(Gs1Keys.glnProblem("0614141000012")).isNull();
    }

    @Test
    void gtin14PadsWithZeros() {
        assertThat(Gs1Keys.gtin14("95012346")).isEqualTo("00000095012346");
        assertThat(Gs1Keys.gtin14("614141250059")).isEqualTo("00614141250059");
        assertThat(Gs1Keys.gtin14("4012345000009")).isEqualTo("04012345000009");
        assertThat(Gs1Keys.gtin14("10614141000415")).isEqualTo("10614141000415");
        assertThatThrownBy(() -> Gs1Keys.gtin14("4012345000008")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void checkDigitWeightsFromTheRight() {
        assertThat(Gs1Keys.checkDigit("401234500000")).isEqualTo(9);
        assertThat(Gs1Keys.checkDigit("061414100001")).isEqualTo(2);
        assertThat(Gs1Keys.checkDigit("9501234")).isEqualTo(6);
    }
}
