package org.lotflow.drill.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.lotflow.drill.MockRecallReport;

/**
 * A drill lot's mass balance in words (the report and the Tasklist review form): every term that makes it add up
 * (new user 29 F9: "400 pails = on hand 0 + still at customers 50 + destroyed at customers 5 (80 shipped) + consumed 0
 * + disposed 320, difference 0" added up to 375; 25 pails said returned were never received).
 */
class DrillEquationTest {

    private static MockRecallReport.Lot lot(String shipped, String receivedBack) {
        return new MockRecallReport.Lot("IL250P-2025-002", "IL-250-5P", "Lubricant pails", "pails", "RECALLED",
                "MADE_FROM", 1, new BigDecimal("400"), BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal(shipped),
                new BigDecimal(receivedBack), BigDecimal.ZERO, new BigDecimal("320"), BigDecimal.ZERO, BigDecimal.ZERO,
                new BigDecimal("100.0"));
    }

    @Test
    void whatCustomersSaidTheyReturnedAndThePlantNeverReceivedIsATermOfItsOwn() {
        assertThat(DrillReports.shippedInWords(lot("80", "0"), new BigDecimal("50"), new BigDecimal("5")))
                .isEqualTo(" + still at customers 50 + destroyed at customers 5 + said returned, not received 25"
                        + " (80 shipped)");
        // nothing destroyed, part said returned and not received
        assertThat(DrillReports.shippedInWords(lot("80", "0"), new BigDecimal("60"), BigDecimal.ZERO))
                .isEqualTo(" + still at customers 60 + said returned, not received 20 (80 shipped)");
    }

    @Test
    void theTermsStayAsBeforeWhenEverythingIsAccountedFor() {
        assertThat(DrillReports.shippedInWords(lot("80", "0"), new BigDecimal("80"), BigDecimal.ZERO))
                .isEqualTo(" + shipped 80");
        assertThat(DrillReports.shippedInWords(lot("70", "10"), new BigDecimal("65"), new BigDecimal("5")))
                .isEqualTo(" + still at customers 65 + destroyed at customers 5 (80 shipped less 10 received back)");
        // a drill started before customers' holdings were counted
        assertThat(DrillReports.shippedInWords(lot("80", "0"), null, null)).isEqualTo(" + shipped 80");
    }
}
