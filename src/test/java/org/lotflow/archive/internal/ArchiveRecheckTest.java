package org.lotflow.archive.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.lotflow.lot.LotStatus;
import org.lotflow.lot.RetentionRule;

/**
 * The judgement under the lock of a lot the review confirmed (auditor 26b F3): open work (a recall not CLOSED, an
 * open hold) or a status changed since the listing keep it; otherwise the retention rule decides. No Spring.
 */
class ArchiveRecheckTest {

    @Test
    void aLotOfAnOpenRecallIsNotArchivedWhateverItsStatus() {
        String why = RetentionRule.keptActiveBy(List.of("RC-2025-002"), null);
        assertThat(why).isEqualTo("in the scope of open recall RC-2025-002 (its returns and closing still to come)");
        assertThat(ArchiveRecheck.refusal(LotStatus.RECALLED, LotStatus.RECALLED, true, why)).isEqualTo(why);
        assertThat(ArchiveRecheck.refusal(LotStatus.REJECTED, null, true, why)).isEqualTo(why);
    }

    @Test
    void aLotRecalledAfterTheReviewListedItIsNotArchived() {
        assertThat(ArchiveRecheck.refusal(LotStatus.RECALLED, LotStatus.DEPLETED, true, null))
                .startsWith("became RECALLED after the review listed it DEPLETED");
    }

    @Test
    void otherwiseTheRetentionRuleDecides() {
        assertThat(ArchiveRecheck.refusal(LotStatus.DEPLETED, LotStatus.DEPLETED, true, null)).isNull();
        assertThat(ArchiveRecheck.refusal(LotStatus.DEPLETED, null, true, null)).as("listed before V178").isNull();
        assertThat(ArchiveRecheck.refusal(LotStatus.DEPLETED, LotStatus.DEPLETED, false, null))
                .isEqualTo(ArchiveRecheck.NO_LONGER);
    }

    @Test
    void theOpenWorkInWords() {
        assertThat(RetentionRule.keptActiveBy(List.of(), null)).isNull();
        assertThat(RetentionRule.keptActiveBy(null, null)).isNull();
        assertThat(RetentionRule.keptActiveBy(List.of("RC-2025-001", "RC-2025-002"), "hold placed 2025-01-20:"
                + " Customer complaint")).isEqualTo("in the scope of open recalls RC-2025-001, RC-2025-002 (its"
                        + " returns and closing still to come); open hold placed 2025-01-20: Customer complaint");
    }
}
