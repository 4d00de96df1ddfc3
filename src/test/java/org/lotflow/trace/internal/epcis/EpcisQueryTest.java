package org.lotflow.trace.internal.epcis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.lotflow.shared.InvalidInput;

class EpcisQueryTest {

    @Test
    void aLotIsRequired() {
        assertThat(EpcisQuery.of(" RM-2025-015 ").lot()).isEqualTo("RM-2025-015");
        assertThatThrownBy(() -> EpcisQuery.of(null)).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> EpcisQuery.of("  ")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> EpcisQuery.of("L".repeat(65))).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("64");
    }
}
