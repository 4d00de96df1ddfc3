package org.lotflow.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;
import org.lotflow.recall.RecallReports;

/**
 * The recall impact report says where what arrived at the plant and what a customer said it returned disagree (new
 * user 2026-12-07 L9: "outstanding 0" while 5 of the 25 pails said returned never arrived).
 */
class RecallImpactCheckTest {

    private static RecallReports.CustomerRow row(boolean answered, Boolean reached, String returned, String received) {
        return new RecallReports.CustomerRow(1, "Allied Machining", "pails", new BigDecimal("30"), answered, reached,
                answered && !Boolean.FALSE.equals(reached), true, returned == null ? null : new BigDecimal(returned),
                new BigDecimal("5"), null, new BigDecimal(received));
    }

    @Test
    void saidAndReceivedApartIsSaid() {
        assertThat(RecallImpact.check(row(true, true, "25.000", "20.000")))
                .isEqualTo("said 25 pails returned, 20 pails received at the plant");
        assertThat(RecallImpact.check(row(true, true, "25.000", "25"))).isEmpty();
        assertThat(RecallImpact.check(row(true, true, "0.000", "0"))).isEmpty();
    }

    @Test
    void goodsFromACustomerNotReachedAreSaid() {
        assertThat(RecallImpact.check(row(true, false, null, "3"))).isEqualTo("goods received from a customer recorded"
                + " as not reached");
        assertThat(RecallImpact.check(row(true, false, null, "0"))).isEmpty();
    }

    @Test
    void goodsBeforeTheAnswerAreSaid() {
        assertThat(RecallImpact.check(row(false, null, null, "10"))).isEqualTo("10 pails received at the plant; the"
                + " customer has not answered yet");
        assertThat(RecallImpact.check(row(false, null, null, "0"))).isEmpty();
    }
}
