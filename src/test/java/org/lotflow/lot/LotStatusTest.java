package org.lotflow.lot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotflow.lot.LotStatus.*;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LotStatusTest {

    /** The lifecycle, written out independently of the implementation. */
    static final Map<LotStatus, Set<LotStatus>> LEGAL = Map.of(
            PENDING, EnumSet.of(RELEASED, REJECTED, QUARANTINE),
            RELEASED, EnumSet.of(QUARANTINE, EXPIRED, RECALLED, DEPLETED),
            QUARANTINE, EnumSet.of(RELEASED, REJECTED, RECALLED, EXPIRED),
            EXPIRED, EnumSet.of(RECALLED, ARCHIVED),
            DEPLETED, EnumSet.of(RECALLED, ARCHIVED),
            REJECTED, EnumSet.of(ARCHIVED),
            RECALLED, EnumSet.of(ARCHIVED),
            ARCHIVED, EnumSet.noneOf(LotStatus.class));

    @ParameterizedTest
    @EnumSource(LotStatus.class)
    void everyPairIsLegalExactlyWhenTheLifecycleSaysSo(LotStatus from) {
        for (LotStatus to : LotStatus.values()) {
            assertThat(from.canBecome(to)).as(from + " -> " + to).isEqualTo(LEGAL.get(from).contains(to));
        }
    }

    /**
     * A signed quarantine disposition of an open hold takes the lifecycle's steps and one more, EXPIRED -> REJECTED (a
     * lot the expiry run expired while held, before it left held lots in QUARANTINE: audit 26 F3); nothing else.
     */
    @ParameterizedTest
    @EnumSource(LotStatus.class)
    void aSignedDispositionMayTakeOnlyExpiredToRejectedBeyondTheLifecycle(LotStatus from) {
        for (LotStatus to : LotStatus.values()) {
            boolean beyond = from == EXPIRED && to == REJECTED;
            assertThat(from.canBecomeBySignedDisposition(to)).as(from + " -> " + to)
                    .isEqualTo(LEGAL.get(from).contains(to) || beyond);
        }
        assertThat(EXPIRED.canBecome(REJECTED)).as("not by anything else").isFalse();
    }

    @ParameterizedTest
    @EnumSource(LotStatus.class)
    void noStatusBecomesItself(LotStatus status) {
        assertThat(status.canBecome(status)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void rejectedNeverReturnsToReleased() {
        assertThat(REJECTED.canBecome(RELEASED)).isFalse();
        assertThat(RECALLED.canBecome(RELEASED)).isFalse();
        assertThat(EXPIRED.canBecome(RELEASED)).isFalse();
    }
}
