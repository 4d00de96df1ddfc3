package org.lotflow.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

/** The four-eyes notices come from the rule's own checks: who is barred, and whether another decision stays open. */
class FourEyesNoticesTest {

    /** A rule: the analyst never signs; the maker may refuse but not approve. */
    private static Consumer<String> rule(boolean approving) {
        return signer -> {
            if (signer.equals("sarah")) {
                throw new FourEyesViolation(signer, "recorded the lab results of lot L-1", "decide on it");
            }
            if (approving && signer.equals("mike")) {
                throw new FourEyesViolation(signer, "created lot L-1", "approve its release");
            }
        };
    }

    @Test
    void eachBarredPersonGetsTheRulesSentenceAndWhatStaysOpen() {
        Map<String, String> notices = FourEyesNotices.of(Arrays.asList("sarah", "mike", null, "anna", "sarah", " "),
                rule(true), rule(false), "refuse it");
        assertThat(notices).containsOnlyKeys("sarah", "mike");
        assertThat(notices.get("sarah")).isEqualTo("Four eyes: you recorded the lab results of lot L-1 and may not"
                + " also decide on it; another person of your group must sign this task: leave it to them (Unclaim, if"
                + " you claimed it).");
        assertThat(notices.get("mike")).isEqualTo("Four eyes: you created lot L-1 and may not also approve its"
                + " release; you may still refuse it (another person of your group signs the other decision).");
    }

    @Test
    void anotherRefusalOfTheChecksIsNotANoticeButPropagates() {
        assertThatThrownBy(() -> FourEyesNotices.of(java.util.List.of("x"), p -> {
            throw new StateConflict("no lab results");
        }, null, "refuse it")).isInstanceOf(StateConflict.class);
    }
}
