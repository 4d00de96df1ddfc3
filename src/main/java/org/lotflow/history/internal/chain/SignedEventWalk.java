package org.lotflow.history.internal.chain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.lotflow.history.SignedRecords;

/**
 * Keeps the sealed events of the types whose signed content business rows copy ({@link SignedRecords#types()}), in
 * chain order, for the signed-records check after the walk (a plain rule: no Spring, no database; fed by
 * {@link AuditChainStore#walk} beside {@link ChainWalk}, so the chain vouches for what it keeps; re-test N3). Only
 * the details of those types are parsed.
 */
public final class SignedEventWalk {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final Set<String> types;
    private final List<SignedRecords.SignedEvent> events = new ArrayList<>();

    public SignedEventWalk(Set<String> types) {
        this.types = types;
    }

    /** One sealed event at its position (null when the event is gone: the chain walk names that). */
    public void accept(long position, ChainHash.Event event) {
        if (event == null || !types.contains(event.type())) {
            return;
        }
        events.add(new SignedRecords.SignedEvent(position, event.id(), event.lotId(), event.type(), event.at(),
                event.userId(), event.reason(), detail(event.detail())));
    }

    private static Map<String, Object> detail(String json) {
        if (json == null || json.isEmpty()) {
            return Map.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return Map.of(); // a detail that is no JSON records nothing signed (the chain walk vouches for its text)
        }
    }

    /** The events kept, in chain order. */
    public List<SignedRecords.SignedEvent> events() {
        return events;
    }
}
