package org.lotflow.recall.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.lotflow.recall.Classification;

/** The notification deadline by recall class, on its own (the BPMN timer and due date read it). */
class RecallDeadlinesTest {

    private final RecallDeadlines deadlines = new RecallDeadlines(Duration.ofHours(24), Duration.ofHours(48),
            Duration.ofHours(72));

    @Test
    void theDeadlineFollowsTheRecallClass() {
        assertThat(deadlines.notifyWithin("CLASS_I")).isEqualTo("PT24H");
        assertThat(deadlines.notifyWithin("CLASS_II")).isEqualTo("PT48H");
        assertThat(deadlines.notifyWithin("CLASS_III")).isEqualTo("PT72H");
        assertThat(deadlines.notifyWithin("bogus")).isEqualTo("PT48H");
        assertThat(deadlines.notifyWithin(null)).as("no class").isEqualTo("PT48H");
    }

    @Test
    void configuredDurationsAreUsedAsGiven() {
        RecallDeadlines fast = new RecallDeadlines(Duration.ofMinutes(90), Duration.ofHours(12), Duration.ofDays(5));
        assertThat(fast.of(Classification.CLASS_I)).isEqualTo(Duration.ofMinutes(90));
        assertThat(fast.notifyWithin("CLASS_I")).isEqualTo("PT1H30M");
        assertThat(fast.notifyWithin("CLASS_III")).isEqualTo("PT120H");
    }
}
