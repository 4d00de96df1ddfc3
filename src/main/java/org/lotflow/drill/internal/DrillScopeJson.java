package org.lotflow.drill.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/** A drill's scope as stored on its row ({@code mock_recall.scope}): JSON written and read with the API's mapper. */
@Component
class DrillScopeJson {

    private final ObjectMapper json;

    DrillScopeJson(ObjectMapper json) {
        this.json = json;
    }

    String write(DrillScope scope) {
        try {
            return json.writeValueAsString(scope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the drill's scope could not be written as JSON", e);
        }
    }

    DrillScope read(String text) {
        try {
            return json.readValue(text, DrillScope.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the drill's stored scope could not be read", e);
        }
    }
}
