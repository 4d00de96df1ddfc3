package org.lotflow.recall;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Whether a recall receives a lot's returned goods, by how it took the lot (its scope's action and the lot's status
 * when reached), never by the lot's later status (auditor 26b F3). No Spring.
 */
class ReceivesReturnsTest {

    @Test
    void byHowTheRecallTookTheLot() {
        assertThat(Recalls.receivesReturns("RECALLED", "DEPLETED")).as("recalled by it, archived since or not").isTrue();
        assertThat(Recalls.receivesReturns("SKIPPED", "REJECTED")).as("kept REJECTED, archived since or not").isTrue();
        assertThat(Recalls.receivesReturns("SKIPPED", "ARCHIVED")).as("archived when the recall reached it").isFalse();
        assertThat(Recalls.receivesReturns("SKIPPED", "RECALLED")).as("another recall's").isFalse();
        assertThat(Recalls.receivesReturns("SKIPPED", "PENDING")).isFalse();
    }
}
