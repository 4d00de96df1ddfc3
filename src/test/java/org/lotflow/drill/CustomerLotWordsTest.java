package org.lotflow.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * A drill's customer and lot in words, and a drill stored before returns were counted per customer read back: its
 * customers without {@code receivedBack}, {@code stillAtCustomer} and {@code returnsReceived}, said as "shipped" only.
 */
class CustomerLotWordsTest {

    static MockRecallReport.CustomerLot lot(String shipped, String back, String still) {
        return lot(shipped, back, still, back == null ? null : "0");
    }

    static MockRecallReport.CustomerLot lot(String shipped, String back, String still, String destroyed) {
        return new MockRecallReport.CustomerLot("L-1", "SKU", "kg", new BigDecimal(shipped),
                back == null ? null : new BigDecimal(back), still == null ? null : new BigDecimal(still),
                destroyed == null ? null : new BigDecimal(destroyed));
    }

    @Test
    void shippedReceivedBackAndStillThereInWords() {
        assertThat(lot("17.000", "10.000", "7.000").inWords())
                .isEqualTo("17 kg shipped, 10 kg received back, 7 kg still at the customer");
        assertThat(lot("3", "3", "0").inWords()).isEqualTo("3 kg shipped, all received back");
        assertThat(lot("5", "0", "5").inWords()).isEqualTo("5 kg shipped, none received back");
        assertThat(lot("5", null, null).inWords()).isEqualTo("5 kg shipped");
        // a drill started before destroyed at the customer was reported
        assertThat(lot("3", "3", "0", null).inWords()).isEqualTo("3 kg shipped, all received back");
    }

    /** Re-test R1: what the customer destroyed on site is said, and what is left after it. */
    @Test
    void destroyedAtTheCustomerInWords() {
        assertThat(lot("10", "5", "0", "10").inWords()).isEqualTo("10 kg shipped, 5 kg received back, 10 kg destroyed"
                + " at the customer, none still at the customer");
        assertThat(lot("15", "0", "5", "10").inWords())
                .isEqualTo("15 kg shipped, none received back, 10 kg destroyed at the customer, 5 kg still at the customer");
        assertThat(new MockRecallReport.DestroyedAtCustomer("RC-2026-0001", List.of("L-1"), new BigDecimal("10.000"),
                "pails").inWords()).isEqualTo("10 pails of L-1 destroyed at the customer, by its answer to recall"
                        + " RC-2026-0001");
        assertThat(new MockRecallReport.DestroyedAtCustomer("RC-2026-0002", List.of("L-1", "L-2", "L-3"),
                new BigDecimal("4"), "pails").inWords()).isEqualTo("4 pails of L-1, L-2 and L-3 together destroyed at"
                        + " the customer, by its answer to recall RC-2026-0002, not said lot by lot: counted against no"
                        + " lot's still at the customer");
    }

    /** New user 29 F9: 25 of 30 pails said returned, never received: said as such, not "none still at the customer". */
    @Test
    void saidReturnedButNotReceivedInWords() {
        assertThat(lot("30", "0", "0", "5").inWords()).isEqualTo("30 kg shipped, none received back, 5 kg destroyed at"
                + " the customer, 25 kg said returned but not received, none still at the customer");
        assertThat(lot("30", "10", "5", null).inWords()).isEqualTo("30 kg shipped, 10 kg received back, 15 kg said"
                + " returned but not received, 5 kg still at the customer");
    }

    @Test
    void aDrillStoredBeforeReadsBackWithoutTheNewFigures() throws Exception {
        MockRecallReport.Customer old = new ObjectMapper().readValue("""
                {"customer":"Acme Foods","lots":[{"lotNumber":"L-1","sku":"SKU","unit":"kg","quantity":17}],
                 "shipments":[]}""", MockRecallReport.Customer.class);
        assertThat(old.returnsReceived()).isEqualTo(List.of());
        assertThat(old.destroyedAtCustomer()).isEqualTo(List.of());
        assertThat(old.lots().get(0).destroyedAtCustomer()).isNull();
        assertThat(old.lots().get(0).receivedBack()).isNull();
        assertThat(old.lots().get(0).inWords()).isEqualTo("17 kg shipped");
    }
}
