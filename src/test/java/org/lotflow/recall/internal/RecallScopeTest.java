package org.lotflow.recall.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lotflow.lot.LotStatus;
import org.lotflow.shared.RefusalStatus;
import org.lotflow.shared.StateConflict;

/** Which lots of a recall's scope are recalled, and which named lots refuse the recall. */
class RecallScopeTest {

    @Test
    void releasedQuarantinedExpiredAndDepletedLotsAreRecalled() {
        for (LotStatus s : LotStatus.values()) {
            assertThat(RecallScope.recalls(s)).as(s.name()).isEqualTo(s.canBecome(LotStatus.RECALLED));
        }
        assertThat(RecallScope.recalls(LotStatus.RELEASED)).isTrue();
        assertThat(RecallScope.recalls(LotStatus.QUARANTINE)).isTrue();
        assertThat(RecallScope.recalls(LotStatus.RECALLED)).isFalse();
    }

    @Test
    void aNamedLotAlreadyRecalledIs409UnlessADispositionRecalledIt() {
        StateConflict refused = catchThrowableOfType(StateConflict.class,
                () -> RecallScope.checkNamed("L-1", LotStatus.RECALLED, false, "RC-2025-001"));
        assertThat(RefusalStatus.of(refused)).isEqualTo(409);
        assertThat(refused.getMessage()).isEqualTo("Lot L-1 is already RECALLED (recall RC-2025-001)");
        assertThat(catchThrowableOfType(StateConflict.class,
                () -> RecallScope.checkNamed("L-1", LotStatus.RECALLED, false, null)).getMessage())
                .isEqualTo("Lot L-1 is already RECALLED");
        assertThatCode(() -> RecallScope.checkNamed("L-1", LotStatus.RECALLED, true, "RC-2025-001"))
                .doesNotThrowAnyException();
        assertThatCode(() -> RecallScope.checkNamed("L-1", LotStatus.RELEASED, false, null))
                .doesNotThrowAnyException();
    }

    @Test
    void aNamedLotThatCannotBecomeRecalledIs409() {
        for (LotStatus s : LotStatus.values()) {
            if (s == LotStatus.RECALLED || s == LotStatus.ARCHIVED || s == LotStatus.REJECTED
                    || s.canBecome(LotStatus.RECALLED)) {
                continue;
            }
            StateConflict refused = catchThrowableOfType(StateConflict.class,
                    () -> RecallScope.checkNamed("L-2", s, true, null));
            assertThat(refused).as(s.name()).isNotNull();
            assertThat(RefusalStatus.of(refused)).isEqualTo(409);
            assertThat(refused.getMessage()).startsWith("Lot L-2 is " + s + " and cannot be recalled");
        }
    }

    @Test
    void aRejectedLotMayBeNamedAndStaysRejected() {
        // shipped, then held and rejected: its customers still hold it (auditor 2026-12-05 F19)
        assertThatCode(() -> RecallScope.checkNamed("L-4", LotStatus.REJECTED, false, null)).doesNotThrowAnyException();
        assertThat(RecallScope.recalls(LotStatus.REJECTED)).isFalse();
        assertThatCode(() -> RecallScope.checkNamed("L-5", LotStatus.PENDING, false, null))
                .hasMessageContaining("was never released");
    }

    @Test
    void anArchivedLotMayBeNamedAndStaysArchived() {
        assertThatCode(() -> RecallScope.checkNamed("L-3", LotStatus.ARCHIVED, false, null)).doesNotThrowAnyException();
        assertThat(RecallScope.recalls(LotStatus.ARCHIVED)).isFalse();
        assertThat(RecallScope.skipNote(LotStatus.ARCHIVED, null)).startsWith("ARCHIVED").contains("any customer it reached is notified");
    }

    @Test
    void aSkippedLotSaysWhy() {
        assertThat(RecallScope.skipNote(LotStatus.RECALLED, "RC-2025-004")).isEqualTo("already RECALLED by RC-2025-004");
        assertThat(RecallScope.skipNote(LotStatus.RECALLED, null)).isEqualTo("already RECALLED");
        assertThat(RecallScope.skipNote(LotStatus.PENDING, null)).startsWith("PENDING (never released) lots cannot be"
                + " recalled; it is never released while a lot it was made from is RECALLED: refuse its release");
        assertThat(RecallScope.skipNote(LotStatus.REJECTED, null))
                .isEqualTo("REJECTED (never to be used again): stays rejected; any customer it reached is notified");
    }

    /** Auditor 26b F3: a lot RECALLED by a recall still open and ARCHIVED since is that recall's, not a second's. */
    @Test
    void anArchivedLotOfAnOpenRecallIsRefusedAsAlreadyRecalled() {
        assertThatThrownBy(() -> RecallScope.checkNamed("L-6", LotStatus.ARCHIVED, false, "RC-2025-002"))
                .isInstanceOf(StateConflict.class).hasMessageContaining("already recalled by RC-2025-002");
        assertThat(RecallScope.skipNote(LotStatus.ARCHIVED, "RC-2025-002")).startsWith("already RECALLED by RC-2025-002");
    }
}
