package org.lotflow.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import java.util.Set;
import java.util.TreeSet;

/** The order and expiry forms ask for exactly what their listeners read. */
class OrderFormsTest {

    private static JsonNode form(String id) throws Exception {
        return new ObjectMapper().readTree(Path.of("forms", id + ".form").toFile());
    }

    /** The keys of the form's input fields (text components have none). */
    private static Set<String> inputKeys(JsonNode form) {
        Set<String> keys = new TreeSet<>();
        collect(form.get("components"), keys);
        return keys;
    }

    private static void collect(JsonNode components, Set<String> keys) {
        if (components == null) {
            return;
        }
        for (JsonNode c : components) {
            if (c.hasNonNull("key")) {
                keys.add(c.get("key").asText());
            }
            collect(c.get("components"), keys);
        }
    }

    @Test
    void approveOverrideAsksForTheDecisionAndItsReason() throws Exception {
        // ApproveOverrideListener reads approved and comment
        assertThat(inputKeys(form("approveOverride"))).containsExactly("approved", "comment");
        assertThat(form("approveOverride").toString()).contains("{{overrideReason}}").contains("{{requestedLot}}");
    }

    @Test
    void reviewExpiringLotsAsksForTheReviewNote() throws Exception {
        // ReviewExpiringLotsListener reads reviewNote
        assertThat(inputKeys(form("reviewExpiringLots"))).containsExactly("reviewNote");
        assertThat(form("reviewExpiringLots").toString()).contains("{{expiringLots}}");
    }
}
