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
    void moreBackThanShippedShowsAsLessThanNothingAndAStrangersReceiptIsUnmatched() {
        CustomerHoldings h = CustomerHoldings.of(List.of(shipped("Acme", "L-1", "5")),
                List.of(received("Acme", "L-1", "6"), received("Delta", "L-1", "2")));
        // never lost: the sum of the holdings stays the lot's shipped less every matched receipt
        assertThat(h.holding("Acme", "L-1").stillAtCustomer()).isEqualByComparingTo("-1");
        assertThat(h.unmatched()).containsExactly(received("Delta", "L-1", "2"));
        assertThat(h.listedUnder(1)).isNull();
    }
}
