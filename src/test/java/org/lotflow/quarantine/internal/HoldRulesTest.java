package org.lotflow.quarantine.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.lotflow.lot.LotStatus;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.RefusalStatus;
import org.lotflow.shared.StateConflict;
import org.lotflow.lot.LotSource;

/** Which holds may be placed, and what a hold request must say; without Spring. */
class HoldRulesTest {

    @Test
    void aHoldDefaultsToOtherAndItsReferenceIsKeptAsTyped() {
        HoldInput valid = HoldRules.validate(new HoldInput("  Viscosity 5% low  ", null, null));
        assertThat(valid).isEqualTo(new HoldInput("Viscosity 5% low", HoldSource.OTHER, null));
        assertThat(HoldRules.validate(new HoldInput("x", HoldSource.COMPLAINT, "CC-2025-014")))
                .isEqualTo(new HoldInput("x", HoldSource.COMPLAINT, "CC-2025-014"));
        // a reference is searched by: never trimmed, spaces only or at its edges refused (auditor round 22 M1)
        assertThat(field(() -> HoldRules.validate(new HoldInput("x", HoldSource.COMPLAINT, "   ")))).isEqualTo("reference");
        assertThat(field(() -> HoldRules.validate(new HoldInput("x", HoldSource.COMPLAINT, " CC-2025-014 "))))
                .isEqualTo("reference");
    }

    @Test
    void aHoldNeedsAReasonWithinLimits() {
        assertThat(field(() -> HoldRules.validate(null))).isEqualTo("body");
        assertThat(field(() -> HoldRules.validate(new HoldInput(" ", HoldSource.COMPLAINT, null))))
                .isEqualTo("reason");
        assertThat(field(() -> HoldRules.validate(new HoldInput("x".repeat(2001), null, null)))).isEqualTo("reason");
        assertThatCode(() -> HoldRules.validate(new HoldInput("x".repeat(2000), null, null))).doesNotThrowAnyException();
        assertThat(field(() -> HoldRules.validate(new HoldInput("x", null, "r".repeat(201))))).isEqualTo("reference");
    }

    @Test
    void theStartFormsSourceIsOneOfTheTriggers() {
        assertThat(HoldRules.source(null)).isEqualTo(HoldSource.OTHER);
        assertThat(HoldRules.source(" ")).isEqualTo(HoldSource.OTHER);
        assertThat(HoldRules.source(" REGULATOR ")).isEqualTo(HoldSource.REGULATOR);
        assertThat(field(() -> HoldRules.source("RUMOUR"))).isEqualTo("source");
    }

    @Test
    void releasedLotsMayBeHeldWithoutAskingForALabRelease() {
        AtomicBoolean asked = new AtomicBoolean();
        HoldRules.requireHoldable("L-1", LotStatus.RELEASED, false, () -> asked.getAndSet(true));
        assertThat(asked).isFalse();
    }

    @Test
    void pendingLotsMayBeHeldOnlyOutsideTheirLabRelease() {
        HoldRules.requireHoldable("L-1", LotStatus.PENDING, false, () -> false);
        StateConflict refused = catchThrowableOfType(() -> HoldRules.requireHoldable("L-1", LotStatus.PENDING, false,
                () -> true), StateConflict.class);
        assertThat(refused.getMessage()).contains("lab release");
        assertThat(refused.properties()).containsEntry("lotNumber", "L-1").containsEntry("lotStatus", "PENDING");
    }

    @Test
    void aHeldLotIsNotHeldTwice() {
        StateConflict refused = catchThrowableOfType(() -> HoldRules.requireHoldable("L-1", LotStatus.RELEASED, true,
                () -> false), StateConflict.class);
        assertThat(refused.getMessage()).contains("already held");
        assertThat(RefusalStatus.of(refused)).isEqualTo(409);
        assertThat(catchThrowableOfType(() -> HoldRules.requireHoldable("L-1", LotStatus.QUARANTINE, false,
                () -> false), StateConflict.class).getMessage()).contains("already in QUARANTINE");
    }

    @Test
    void lotsThatAreNoLongerStockCannotBeHeld() {
        for (LotStatus status : EnumSet.of(LotStatus.REJECTED, LotStatus.RECALLED, LotStatus.ARCHIVED,
                LotStatus.EXPIRED, LotStatus.DEPLETED)) {
            StateConflict refused = catchThrowableOfType(() -> HoldRules.requireHoldable("L-1", status, false,
                    () -> false), StateConflict.class);
            assertThat(refused.getMessage()).as(status.name()).contains(status + "; it cannot be held");
        }
    }

    private static String field(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        InvalidInput refused = catchThrowableOfType(call, InvalidInput.class);
        assertThat(refused).isNotNull();
        assertThat(RefusalStatus.of(refused)).isEqualTo(400);
        return refused.field();
    }

    @Test
    void onlyAReceivedLotIsHeldOnReceipt() {
        assertThatCode(() -> HoldRules.requireSourceFits("RM-1", HoldSource.RECEIPT, LotSource.RECEIPT))
                .doesNotThrowAnyException();
        for (org.lotflow.lot.LotSource other : EnumSet.complementOf(EnumSet.of(LotSource.RECEIPT))) {
            assertThat(field(() -> HoldRules.requireSourceFits("FG-1", HoldSource.RECEIPT, other))).as(other.name())
                    .isEqualTo("source");
            // audit 26b F2: UNFIT_MATERIAL, like RECALLED_MATERIAL, is lotflow's alone
            assertThat(field(() -> HoldRules.requireSourceFits("FG-1", HoldSource.UNFIT_MATERIAL, other)))
                    .isEqualTo("source");
            for (HoldSource source : EnumSet.complementOf(EnumSet.of(HoldSource.RECEIPT, HoldSource.RECALLED_MATERIAL,
                    HoldSource.UNFIT_MATERIAL))) {
                assertThatCode(() -> HoldRules.requireSourceFits("FG-1", source, other)).doesNotThrowAnyException();
            }
        }
    }

    /** Only lotflow holds a lot for recalled material (a recall stopped its signed release); never a person. */
    @Test
    void nobodyHoldsALotForRecalledMaterialByHand() {
        for (LotSource lotSource : LotSource.values()) {
            assertThat(field(() -> HoldRules.requireSourceFits("FG-1", HoldSource.RECALLED_MATERIAL, lotSource)))
                    .as(lotSource.name()).isEqualTo("source");
        }
        assertThat(org.lotflow.quarantine.Holds.SOURCES).doesNotContain("RECEIPT", "RECALLED_MATERIAL")
                .contains("COMPLAINT", "OTHER");
        // each offered in words, as Tasklist's hold form has them (new user 17 F11)
        assertThat(org.lotflow.quarantine.Holds.SOURCE_WORDS.keySet())
                .containsExactlyInAnyOrderElementsOf(org.lotflow.quarantine.Holds.SOURCES);
        assertThat(org.lotflow.quarantine.Holds.SOURCE_WORDS).containsEntry("COMPLAINT", "Customer complaint");
    }
}
