package org.lotflow.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The plant's configuration: its GS1 keys are optional, and a wrong one stops the start naming the property. */
class PlantTest {

    @Test
    void keysAreOptional() {
        Plant plant = new Plant("IL Lubricants, Plant 1", "1200 Refinery Road", "", " ");
        assertThat(plant.gln()).isNull();
        assertThat(plant.companyPrefix()).isNull();
        assertThat(plant.description()).isEqualTo("IL Lubricants, Plant 1, 1200 Refinery Road");
    }

    @Test
    void aValidGlnAndItsPrefixAreKept() {
        Plant plant = new Plant("P", "", " 0614141000012 ", "0614141");
        assertThat(plant.gln()).isEqualTo("0614141000012");
        assertThat(plant.companyPrefix()).isEqualTo("0614141");
    }

    @Test
    void wrongKeysStopTheStart() {
        assertThatThrownBy(() -> new Plant("P", "", "0614141000013", null))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("lotflow.plant.gln:")
                .hasMessageContaining("check digit");
        assertThatThrownBy(() -> new Plant("P", "", null, "06141"))
                .hasMessageStartingWith("lotflow.plant.company-prefix:");
        assertThatThrownBy(() -> new Plant("P", "", "0614141000012", "4012345"))
                .hasMessageStartingWith("lotflow.plant.gln:").hasMessageContaining("does not start with");
    }
}
