package org.lotflow.release.internal.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** OOS phase II asks a received lot about its supplier, a lot made here about its manufacture (new user L5). */
class PhaseTwoScopeTest {

    @Test
    void aReceivedLotIsInvestigatedOnItsSuppliersSideNotByABatchRecord() {
        assertThat(InvestigateProductionListener.scope(true)).contains("supplier's certificate of analysis")
                .contains("ask the supplier").doesNotContain("batch record");
        assertThat(InvestigateProductionListener.scope(false)).contains("batch record").contains("operators")
                .doesNotContain("supplier");
    }
}
