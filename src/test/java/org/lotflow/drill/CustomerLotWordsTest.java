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
        return new MockRecallReport.CustomerLot("L-1", "SKU", "kg", new BigDecimal(shipped),
                back == null ? null : new BigDecimal(back), still == null ? null : new BigDecimal(still));
    }

    @Test
    void shippedReceivedBackAndStillThereInWords() {
        assertThat(lot("17.000", "10.000", "7.000").inWords())
                .isEqualTo("17 kg shipped, 10 kg received back, 7 kg still at the customer");
        assertThat(lot("3", "3", "0").inWords()).isEqualTo("3 kg shipped, all received back");
        assertThat(lot("5", "0", "5").inWords()).isEqualTo("5 kg shipped, none received back");
        assertThat(lot("5", null, null).inWords()).isEqualTo("5 kg shipped");
    }

    @Test
    void aDrillStoredBeforeReadsBackWithoutTheNewFigures() throws Exception {
        MockRecallReport.Customer old = new ObjectMapper().readValue("""
                {"customer":"Acme Foods","lots":[{"lotNumber":"L-1","sku":"SKU","unit":"kg","quantity":17}],
                 "shipments":[]}""", MockRecallReport.Customer.class);
        assertThat(old.returnsReceived()).isEqualTo(List.of());
        assertThat(old.lots().get(0).receivedBack()).isNull();
        assertThat(old.lots().get(0).inWords()).isEqualTo("17 kg shipped");
    }
}
