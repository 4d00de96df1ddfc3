package org.lotflow.drill.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * What a drill's customers still hold: shipped less received back at the plant, per customer and lot, adding up to
 * the lot's netted shipped figure (auditor finding: 85 on hand + 25 at customers of a 100 kg lot).
 */
class CustomerHoldingsTest {

    static BigDecimal d(String v) {
        return new BigDecimal(v);
    }

    static CustomerHoldings.Shipped shipped(String customer, String lot, String quantity) {
        return new CustomerHoldings.Shipped(customer, lot, d(quantity));
    }

    static CustomerHoldings.Received received(String customer, String lot, String quantity) {
        return new CustomerHoldings.Received(customer, lot, d(quantity));
    }

    @Test
    void whatCameBackIsNoLongerAtTheCustomerAndTheHoldingsAddUpToTheLotsShipped() {
        CustomerHoldings h = CustomerHoldings.of(List.of(shipped("Acme Foods", "L-1", "12"),
                shipped("Bayou", "L-1", "5"), shipped("Acme Foods", "L-1", "5"), shipped("Cedar", "L-1", "3")),
                List.of(received("Acme Foods", "L-1", "10"), received("Cedar", "L-1", "3")));
        CustomerHoldings.Holding acme = h.holding("Acme Foods", "L-1");
        assertThat(acme.shipped()).isEqualByComparingTo("17");
        assertThat(acme.received()).isEqualByComparingTo("10");
        assertThat(acme.stillAtCustomer()).isEqualByComparingTo("7");
        assertThat(h.holding("Bayou", "L-1").received()).isEqualByComparingTo("0");
        assertThat(h.holding("Bayou", "L-1").stillAtCustomer()).isEqualByComparingTo("5");
        // sent everything back: 0 left, still a customer the drill reached
        assertThat(h.holding("Cedar", "L-1").shipped()).isEqualByComparingTo("3");
        assertThat(h.holding("Cedar", "L-1").stillAtCustomer()).isEqualByComparingTo("0");
        // 25 shipped less 13 received back: 12 still out, the lot's shipped
        assertThat(acme.stillAtCustomer().add(d("5")).add(h.holding("Cedar", "L-1").stillAtCustomer()))
                .isEqualByComparingTo("12");
        assertThat(h.listedUnder(0)).isEqualTo("Acme Foods");
        assertThat(h.unmatched()).isEmpty();
    }

    @Test
    void aReceiptCountsAgainstItsOwnLotOnly() {
        CustomerHoldings h = CustomerHoldings.of(List.of(shipped("Acme", "L-1", "10"), shipped("Acme", "L-2", "4")),
                List.of(received("Acme", "L-2", "4")));
        assertThat(h.holding("Acme", "L-1").stillAtCustomer()).isEqualByComparingTo("10");
        assertThat(h.holding("Acme", "L-2").stillAtCustomer()).isEqualByComparingTo("0");
        assertThat(h.holding("Nobody", "L-1").shipped()).isEqualByComparingTo("0");
    }

    @Test
    void aCustomerTheLedgerWroteInTwoCasesTakesItsReceiptsOnItsExactNameFirstThenTheOther() {
        // the recall records the receipt under the first spelling it has; the drill lists both as the ledger wrote them
        CustomerHoldings h = CustomerHoldings.of(List.of(shipped("Acme Foods", "L-1", "10"),
                shipped("ACME FOODS", "L-1", "7")), List.of(received("Acme Foods", "L-1", "12"),
                        received("acme foods", "L-1", "1")));
        assertThat(h.holding("Acme Foods", "L-1").received()).isEqualByComparingTo("10");
        assertThat(h.holding("ACME FOODS", "L-1").received()).isEqualByComparingTo("3");
        assertThat(h.holding("ACME FOODS", "L-1").stillAtCustomer()).isEqualByComparingTo("4");
        assertThat(h.listedUnder(0)).isEqualTo("Acme Foods");
        assertThat(h.listedUnder(1)).isEqualTo("ACME FOODS");
    }

    @Test
    void moreBackThanShippedLeavesNothingAtTheCustomerAndIsAccountedBeyondShippedAndAStrangersReceiptIsUnmatched() {
        CustomerHoldings h = CustomerHoldings.of(List.of(shipped("Acme", "L-1", "5")),
                List.of(received("Acme", "L-1", "6"), received("Delta", "L-1", "2")));
        // never below 0, as the recall counts it; the 1 too many is named, not hidden
        assertThat(h.holding("Acme", "L-1").stillAtCustomer()).isEqualByComparingTo("0");
        assertThat(h.holding("Acme", "L-1").beyondShipped()).isEqualByComparingTo("1");
        assertThat(CustomerHoldings.findings("Acme", "L-1", "kg", h.holding("Acme", "L-1"), List.of()))
                .containsExactly("Acme, lot L-1: 6 kg accounted for of 5 shipped (6 kg received back at the plant): 1 kg"
                        + " more than shipped, one of the figures is wrong");
        assertThat(h.unmatched()).containsExactly(received("Delta", "L-1", "2"));
        assertThat(h.listedUnder(1)).isNull();
    }

    static CustomerHoldings.Answer answer(String recall, String customer, String lot, String said, String received,
            String destroyed) {
        return new CustomerHoldings.Answer(recall, customer, lot, said == null ? null : d(said),
                received == null ? null : d(received), destroyed == null ? null : d(destroyed));
    }

    /**
     * Re-test R1: what a customer destroyed on site by its answer to a recall is no longer at it, as the recall counts
     * it (StillAtCustomers.left: shipped less the larger of said-returned and received, less destroyed, never below
     * 0); Zed Corp answered "destroyed 10" of 10 pails, then 5 came back: nothing there, 5 more than shipped, named.
     */
    @Test
    void whatTheCustomerDestroyedIsNoLongerThereAsTheRecallCountsItAndMoreThanShippedIsAFinding() {
        CustomerHoldings h = CustomerHoldings.of(
                List.of(shipped("Zed Corp", "L-1", "10"), shipped("Yew Ltd", "L-1", "15"), shipped("Xu", "L-1", "20"),
                        shipped("Wren", "L-1", "12")),
                List.of(received("Zed Corp", "L-1", "5"), received("Xu", "L-1", "4")),
                List.of(answer("RC-1", "Zed Corp", "L-1", "0", "5", "10"), answer("RC-1", "Yew Ltd", "L-1", "0", "0",
                        "15"), answer("RC-1", "Xu", "L-1", "6", "4", "3"),
                        // a second recall: Wren destroyed 2 under each
                        answer("RC-1", "wren", "L-1", "0", "0", "2"), answer("RC-2", "Wren", "L-1", "0", "0", "2")));
        CustomerHoldings.Holding zed = h.holding("Zed Corp", "L-1");
        assertThat(zed.destroyed()).isEqualByComparingTo("10");
        assertThat(zed.stillAtCustomer()).isEqualByComparingTo("0");
        assertThat(zed.beyondShipped()).isEqualByComparingTo("5");
        assertThat(CustomerHoldings.findings("Zed Corp", "L-1", "pails", zed, h.answers("Zed Corp", "L-1")))
                .containsExactly("Zed Corp, lot L-1: 15 pails accounted for of 10 shipped (5 pails received back at"
                        + " the plant, 10 pails destroyed at the customer by its answer to recall RC-1): 5 pails more"
                        + " than shipped, one of the figures is wrong");
        CustomerHoldings.Holding yew = h.holding("Yew Ltd", "L-1");
        assertThat(yew.stillAtCustomer()).isEqualByComparingTo("0");
        assertThat(yew.beyondShipped()).isEqualByComparingTo("0");
        // said 6 returned, 4 arrived: 2 neither there nor here; 20 - max(6, 4) - 3 = 11 still there
        CustomerHoldings.Holding xu = h.holding("Xu", "L-1");
        assertThat(xu.returnedNotReceived()).isEqualByComparingTo("2");
        assertThat(xu.stillAtCustomer()).isEqualByComparingTo("11");
        assertThat(CustomerHoldings.findings("Xu", "L-1", "pails", xu, h.answers("Xu", "L-1"))).containsExactly(
                "Xu, lot L-1: said it returned 6 pails under recall RC-1, 4 received back at the plant: 2 pails"
                        + " neither at the customer by its word nor at the plant");
        // an answer in another case counts for the customer; two recalls' destroyed add up
        CustomerHoldings.Holding wren = h.holding("Wren", "L-1");
        assertThat(wren.destroyed()).isEqualByComparingTo("4");
        assertThat(wren.stillAtCustomer()).isEqualByComparingTo("8");
        assertThat(h.answers("Wren", "L-1")).hasSize(2);
        // with no finding, still at customers + destroyed at customers is the lot's shipped less received back
        assertThat(yew.stillAtCustomer().add(yew.destroyed()).add(wren.stillAtCustomer()).add(wren.destroyed()))
                .isEqualByComparingTo("27");
    }

    @Test
    void anAnswerFromNoCustomerOfTheLotIsUnmatched() {
        CustomerHoldings h = CustomerHoldings.of(List.of(shipped("Acme", "L-1", "5")), List.of(),
                List.of(answer("RC-1", "Acme", "L-2", "0", "0", "5"), answer("RC-1", "Delta", "L-1", null, null, "1")));
        assertThat(h.unmatchedAnswers()).hasSize(2);
        assertThat(h.holding("Acme", "L-1").stillAtCustomer()).isEqualByComparingTo("5");
    }
}
