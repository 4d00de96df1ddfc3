package org.lotflow.quarantine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lotflow.lot.LotQuantities;

/** Nothing shipped is nothing to investigate (new user round 24b N6: "Shipped: 0 drums (investigate)"). */
class ImpactNothingShippedTest {

    @Test
    void nothingShippedIsNotToInvestigate() {
        ImpactAssessment none = ImpactAssessment.of("drums", new LotQuantities(new BigDecimal("500"),
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO), List.of());
        assertThat(none.markdown()).contains("- Shipped: 0 drums (none reached a customer)\n")
                .doesNotContain("(investigate)");
        assertThat(ImpactAssessmentTest.seedLot(ImpactAssessmentTest.SEED_DELIVERIES, "0").markdown())
                .contains("- Shipped: 65 drums (investigate)\n");
    }
}
