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

    /**
     * Shipped 10, the customer answered that it destroyed all 10, and 5 were received back from it at the plant: 15
     * of 10 accounted for; flagged beside the disagreement, as the recall's closing flags it.
     */
    @Test
    void moreAccountedForThanShippedIsFlagged() {
        RecallReports.CustomerRow metro = new RecallReports.CustomerRow(1, "Metro Manufacturing", "pails",
                new BigDecimal("10"), true, true, true, true, new BigDecimal("0.000"), new BigDecimal("10.000"), null,
                new BigDecimal("5.000"));
        assertThat(metro.accountedBeyondShipped()).isEqualByComparingTo("5");
        assertThat(metro.stillAtCustomer()).isEqualByComparingTo("0");
        assertThat(RecallImpact.check(metro)).isEqualTo("said 0 pails returned, 5 pails received at the plant; 5 pails"
                + " more accounted for than shipped (returned or received back, plus destroyed): one of the figures is"
                + " wrong");
        // figures that add up: nothing flagged (said 25 and destroyed 5 of 30, 20 received)
        assertThat(row(true, true, "25.000", "20.000").accountedBeyondShipped()).isEqualByComparingTo("0");
        // a customer recorded as not reached said nothing: what came back from it is at most what it got
        assertThat(row(true, false, null, "30").accountedBeyondShipped()).isEqualByComparingTo("0");
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
