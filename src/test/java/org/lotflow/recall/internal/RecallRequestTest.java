package org.lotflow.recall.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lotflow.recall.Classification;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.RefusalStatus;

/** What a recall is opened with: every refusal is a 400 naming its field, before anything is read. */
class RecallRequestTest {

    @Test
    void aValidRequestIsTrimmedAndClassified() {
        RecallRequest r = RecallRequest.of(List.of("L-1", "L-2"), "  listeria  ", "class_i");
        assertThat(r.lotNumbers()).containsExactly("L-1", "L-2");
        assertThat(r.reason()).isEqualTo("listeria");
        assertThat(r.classification()).isEqualTo(Classification.CLASS_I);
    }

    @Test
    void lotsAreRequiredDistinctAndAtMostOneHundred() {
        assertRefused(() -> RecallRequest.of(null, "x", "CLASS_II"), "lots", "at least one");
        assertRefused(() -> RecallRequest.of(List.of(), "x", "CLASS_II"), "lots", "at least one");
        List<String> many = new ArrayList<>();
        for (int i = 0; i <= RecallRequest.MAX_LOTS; i++) {
            many.add("L-" + i);
        }
        assertRefused(() -> RecallRequest.of(many, "x", "CLASS_II"), "lots", "at most 100");
        assertThat(RecallRequest.of(many.subList(0, 100), "x", "CLASS_II").lotNumbers()).hasSize(100);
        assertRefused(() -> RecallRequest.of(List.of("L-1", " "), "x", "CLASS_II"), "lots[1]", "must not be empty");
        assertRefused(() -> RecallRequest.of(Arrays.asList("L-1", null), "x", "CLASS_II"), "lots[1]", "empty");
        assertRefused(() -> RecallRequest.of(List.of("L-1", "L-2", "L-1"), "x", "CLASS_II"), "lots[2]",
                "listed twice");
    }

    @Test
    void reasonAndClassificationAreChecked() {
        assertRefused(() -> RecallRequest.of(List.of("L-1"), " ", "CLASS_II"), "reason", "must not be empty");
        assertRefused(() -> RecallRequest.of(List.of("L-1"), "x".repeat(2001), "CLASS_II"), "reason",
                "at most 2000");
        assertThat(RecallRequest.of(List.of("L-1"), "x".repeat(2000), "CLASS_II").reason()).hasSize(2000);
        assertRefused(() -> RecallRequest.of(List.of("L-1"), "x", null), "classification", "must be one of");
        assertRefused(() -> RecallRequest.of(List.of("L-1"), "x", "CLASS_IV"), "classification", "is not one of");
    }

    @Test
    void theStartFormsLotsAreTextSeparatedByCommasSemicolonsOrBlanks() {
        assertThat(RecallRequest.ofForm(" L-1, L-2;L-3  L-4 ", "x", "CLASS_III").lotNumbers())
                .containsExactly("L-1", "L-2", "L-3", "L-4");
        assertThat(RecallRequest.lotNumbers("  ")).isEmpty();
        assertThat(RecallRequest.lotNumbers(null)).isEmpty();
        assertRefused(() -> RecallRequest.ofForm(42, "x", "CLASS_II"), "lots", "must be text");
        assertRefused(() -> RecallRequest.ofForm("L-1", 42, "CLASS_II"), "reason", "must be text");
        assertRefused(() -> RecallRequest.ofForm("L-1", "x", 1), "classification", "must be one of");
        assertRefused(() -> RecallRequest.ofForm(null, "x", "CLASS_II"), "lots", "at least one");
    }

    private static void assertRefused(Runnable call, String field, String detail) {
        InvalidInput refused = catchThrowableOfType(InvalidInput.class, call::run);
        assertThat(refused).as(field).isNotNull();
        assertThat(RefusalStatus.of(refused)).isEqualTo(400);
        assertThat(refused.getMessage()).startsWith(field + ": ").contains(detail);
    }
}
