package org.lotflow.shared.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.Date;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.junit.jupiter.api.Test;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.RefusalStatus;

/** Typed process variables without Spring or an engine: a value of another type is a 400 naming the variable. */
class VariableTest {

    static final Variable<Boolean> APPROVED = Variable.bool("approved");

    @Test
    void aBooleanInputThatIsNotTrueOrFalseIsRefusedInLotflowsOneWording() {
        VariableScope task = mock(VariableScope.class);
        when(task.getVariable("approved")).thenReturn("yes");

        InvalidInput refused = catchThrowableOfType(InvalidInput.class, () -> APPROVED.get(task));

        assertThat(RefusalStatus.of(refused)).isEqualTo(400);
        assertThat(refused.field()).isEqualTo("approved");
        assertThat(refused.getMessage()).isEqualTo("approved: " + Variable.MUST_BE_BOOLEAN)
                .isEqualTo("approved: must be true or false (a Boolean)");
    }

    @Test
    void aBooleanIsReadAsItIs() {
        VariableScope task = mock(VariableScope.class);
        when(task.getVariable("approved")).thenReturn(Boolean.TRUE);
        assertThat(APPROVED.get(task)).isTrue();
        assertThat(APPROVED.get(mock(VariableScope.class))).as("unset").isNull();
    }

    static final Variable<Date> DUE_AT = Variable.date("decisionDueAt");
    static final Variable<String> DECISION = Variable.text("decision");

    @Test
    void startVariablesAreGivenByTheirTypedNamesInOrder() {
        Date due = new Date(0);
        assertThat(Variable.values(DUE_AT.with(due), DECISION.with("RELEASE"), APPROVED.with(null)))
                .containsExactly(java.util.Map.entry("decisionDueAt", due), java.util.Map.entry("decision", "RELEASE"),
                        new java.util.AbstractMap.SimpleEntry<>("approved", null));
        assertThat(Variable.values()).isEmpty();
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aValueOfAnotherTypeOrAVariableGivenTwiceIsAProgrammingError() {
        Variable raw = DUE_AT;
        assertThatThrownBy(() -> raw.with("tomorrow")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("decisionDueAt is a Date, not a String");
        assertThatThrownBy(() -> Variable.values(DECISION.with("RELEASE"), DECISION.with("REJECT")))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("decision is given twice");
    }
}
