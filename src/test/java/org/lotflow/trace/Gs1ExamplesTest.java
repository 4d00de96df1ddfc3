package org.lotflow.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The validator setup of {@link EpcisSchema} is right: GS1's own EPCIS 2.0 examples (copied from {@code gs1/EPCIS},
 * see {@code src/test/resources/epcis/PROVENANCE.md}) are valid against GS1's schema, and the same examples made
 * wrong in the ways lotflow could get wrong (a unit that is no UN/CEFACT code, a source that is no URI, an event
 * without its time zone offset, an unknown disposition) are not.
 */
class Gs1ExamplesTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static JsonNode example(String name) throws IOException {
        try (InputStream in = Gs1ExamplesTest.class.getResourceAsStream("/epcis/gs1-examples/" + name)) {
            return JSON.readTree(in);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Example_9.6.4-TransformationEvent.jsonld", "Example_9.6.1-ObjectEventWithDigitalLink.jsonld",
            "Example_9.6.2-ObjectEvent.jsonld"})
    void gs1sExamplesAreValid(String name) throws IOException {
        assertThat(EpcisSchema.errors(example(name))).as(name).isEmpty();
    }

    @Test
    void brokenExamplesAreNot() throws IOException {
        JsonNode good = example("Example_9.6.2-ObjectEvent.jsonld");
        ObjectNode badUom = good.deepCopy();
        ((ObjectNode) event(badUom).withArray("quantityList").get(0)).put("uom", "kg");
        assertThat(EpcisSchema.errors(badUom)).as("uom kg").isNotEmpty();
        ObjectNode badSource = good.deepCopy();
        ((ObjectNode) event(badSource).withArray("sourceList").get(0)).put("source", "Gulf Coast Base Oils, Houston");
        assertThat(EpcisSchema.errors(badSource)).as("a name as source").isNotEmpty();
        ObjectNode noOffset = good.deepCopy();
        event(noOffset).remove("eventTimeZoneOffset");
        assertThat(EpcisSchema.errors(noOffset)).as("no eventTimeZoneOffset").isNotEmpty();
        ObjectNode badDisposition = good.deepCopy();
        event(badDisposition).put("disposition", "quarantined");
        assertThat(EpcisSchema.errors(badDisposition)).as("disposition outside CBV").isNotEmpty();
        ObjectNode badTime = good.deepCopy();
        event(badTime).put("eventTime", "2025-01-20");
        assertThat(EpcisSchema.errors(badTime)).as("a date as eventTime").isNotEmpty();
    }

    private static ObjectNode event(JsonNode document) {
        return (ObjectNode) ((ArrayNode) document.get("epcisBody").get("eventList")).get(0);
    }
}
