package org.lotflow.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

/** {@link EngineQueryMisuse}: the engine's query misuses as 400s naming the condition; anything else stays as it was. */
class EngineQueryMisuseTest {

    private static EngineRefusals.Refusal of(String message) {
        return EngineQueryMisuse.refusal(new ProcessEngineException(message));
    }

    @Test
    void conditionsThatCannotGoTogetherAreNamed() {
        EngineRefusals.Refusal both = of("Invalid query usage: cannot set both candidateUser and candidateGroup");
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.field()).isEqualTo("candidateUser");
        assertThat(both.message()).contains("candidateUser and candidateGroup cannot be used together");
        assertThat(of("Calling latest() can only be used in combination with key(String) and keyLike(String)").field())
                .isEqualTo("latestVersion");
        assertThat(of("Already querying for incident state <open>").field()).isEqualTo("open");
        assertThat(of("Set of process instance ids is empty").message()).startsWith("process instance ids: the list is empty");
        assertThat(of("variableName is null").field()).isEqualTo("sorting");
        assertThat(of("Invalid query usage: something else").message()).startsWith("something else");
    }

    @Test
    void otherEngineFailuresAreNotMisuses() {
        assertThat(of("Cannot find task with id x")).isNull();
        assertThat(of("ENGINE-03005 Execution of 'INSERT' failed")).isNull();
        assertThat(EngineQueryMisuse.refusal(new IllegalStateException("Invalid query usage: x"))).isNull();
    }
}
