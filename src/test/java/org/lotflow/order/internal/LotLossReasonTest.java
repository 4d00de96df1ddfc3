package org.lotflow.order.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lotflow.lot.LotStatus;

/**
 * Why an allocation of a lost lot is cancelled ({@link LotLossDeallocation#reason}): the lot's status in words, as the
 * order page's lot column says it (new user round 25 N6: "Lot IL250P-2025-002 became RECALLED: Recall RC-2025-001").
 */
class LotLossReasonTest {

    @Test
    void theLostLotsStatusReadsInWords() {
        assertThat(LotLossDeallocation.reason("IL250P-2025-002", LotStatus.RECALLED, "Recall RC-2025-001: base oil"))
                .isEqualTo("Lot IL250P-2025-002 became recalled: Recall RC-2025-001: base oil");
        assertThat(LotLossDeallocation.reason("L-1", LotStatus.REJECTED, null)).isEqualTo("Lot L-1 became rejected");
        assertThat(LotLossDeallocation.reason("L-1", LotStatus.EXPIRED, "Expiration date 2025-01-28"))
                .isEqualTo("Lot L-1 became expired: Expiration date 2025-01-28");
    }
}
