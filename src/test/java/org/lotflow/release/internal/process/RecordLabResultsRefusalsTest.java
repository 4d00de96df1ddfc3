package org.lotflow.release.internal.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lotflow.release.Measurement;
import org.lotflow.shared.InvalidInput;

/**
 * Tasklist's lab results are refused in the form's words: the field the analyst typed into ({@code labResults}) and the
 * test of the line, not the API's list ({@code results[0].value}; re-test 2026-12-06 E6). Without Spring.
 */
class RecordLabResultsRefusalsTest {

    private static final List<Measurement> TYPED = List.of(new Measurement("viscosity40C", new BigDecimal("248")),
            new Measurement("flashPoint", new BigDecimal("224.1234567")));

    @Test
    void aRefusalOfTheApisListNamesTheFormsFieldAndTheTest() {
        InvalidInput value = RecordLabResultsListener.asTyped(new InvalidInput("results[1].value",
                "has more than 6 decimals"), TYPED);
        assertThat(value.properties()).containsEntry("field", "labResults");
        assertThat(value.getMessage()).isEqualTo("labResults: the value of flashPoint has more than 6 decimals");
        InvalidInput incomplete = RecordLabResultsListener.asTyped(new InvalidInput("results",
                "incomplete: no result for colour"), TYPED);
        assertThat(incomplete.getMessage()).isEqualTo("labResults: incomplete: no result for colour");
        InvalidInput other = new InvalidInput("labResults", "line 2: 'x' is not a number");
        assertThat(RecordLabResultsListener.asTyped(other, TYPED)).isSameAs(other);
    }
}
