package org.lotflow.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lotflow.shared.InvalidInput;

/** The form of a certificate number, COA-{yyyy}-{seq:4}, without Spring. */
class CertificateNumberTest {

    @Test
    void theSeedsNumberAndItsNeighbours() {
        assertThat(new CertificateNumber(2025, 234)).hasToString("COA-2025-0234");
        assertThat(new CertificateNumber(2025, 1)).hasToString("COA-2025-0001");
        assertThat(new CertificateNumber(2025, 9999)).hasToString("COA-2025-9999");
    }

    @Test
    void theTenThousandthOfAYearGrowsAFifthDigitAndIsNeverCut() {
        assertThat(new CertificateNumber(2025, 10000)).hasToString("COA-2025-10000");
        assertThat(new CertificateNumber(2025, 123456)).hasToString("COA-2025-123456");
    }

    @Test
    void aNumberReadsBackAsItWasWritten() {
        for (int seq : new int[] {1, 234, 9999, 10000, 2_000_000}) {
            CertificateNumber n = new CertificateNumber(2026, seq);
            assertThat(CertificateNumber.parse("coaNumber", n.toString())).isEqualTo(n);
        }
    }

    @Test
    void malformedNumbersAreRefusedNamingTheField() {
        for (String bad : new String[] {null, "", "COA-25-0001", "COA-2025-001", "COA-2025-0000", "coa-2025-0001",
                "COA-2025-00001", "COA-2025-0001 ", "RC-2025-0001", "COA-2025-12345678901"}) {
            assertThatThrownBy(() -> CertificateNumber.parse("coaNumber", bad)).as(String.valueOf(bad))
                    .isInstanceOf(InvalidInput.class).hasMessageContaining("coaNumber")
                    .hasMessageContaining("COA-yyyy-nnnn");
        }
    }

    @Test
    void impossibleNumbersCannotBeMade() {
        assertThatThrownBy(() -> new CertificateNumber(2025, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CertificateNumber(25, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
