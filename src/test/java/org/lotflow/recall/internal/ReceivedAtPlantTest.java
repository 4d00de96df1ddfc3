package org.lotflow.recall.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * What the plant received back counts for the customer's notification whatever the case of the customer's name and of
 * the lot's unit, as the notifications group them (auditor 2026-12-07 24b F1: 17.5 drums received of a "Drums" lot were
 * read as "returned by the customer's word but not received at the plant", and the closing asked a justification).
 */
class ReceivedAtPlantTest {

    private static RecallView.ReceivedReturn receipt(String customer, String quantity, String unit) {
        return new RecallView.ReceivedReturn("LOT-1", customer, new BigDecimal(quantity), unit, LocalDate.EPOCH, null,
                "rachel", Instant.EPOCH);
    }

    @Test
    void customerAndUnitAreMatchedWhateverTheirCase() {
        List<RecallView.ReceivedReturn> received = List.of(receipt("Audit Co", "10", "drums"),
                receipt("AUDIT CO", "10", "Drums"), receipt("Beta Co", "7.5", "Drums"), receipt("Audit Co", "3", "kg"));
        assertThat(RecallQueries.received(received, "audit co", "drums")).isEqualByComparingTo("20");
        assertThat(RecallQueries.received(received, "Beta Co", "drums")).isEqualByComparingTo("7.5");
        assertThat(RecallQueries.received(received, "Audit Co", null)).isEqualByComparingTo("23");
        assertThat(RecallQueries.received(received, "Audit Co", "kg")).isEqualByComparingTo("3");
        assertThat(RecallQueries.received(received, "Gamma", "drums")).isEqualByComparingTo("0");
    }
}
