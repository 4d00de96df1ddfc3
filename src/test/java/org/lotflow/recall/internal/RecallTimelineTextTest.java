package org.lotflow.recall.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A recall's timeline keeps every entry whole: a closing's entry carries the QA manager's comment, the effectiveness
 * summary, a justification and the disposal of every recalled lot, an opening's the reason and every named lot, so
 * an entry may run past 4,000 characters; the store cut it there without a word (V134).
 */
@ApiTest
class RecallTimelineTextTest {

    @Autowired
    TestClient api;

    @Autowired
    RecallStore store;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anEntryLongerThanFourThousandCharactersIsKeptWhole() {
        String lot = api.releasedLot(api.createProduct("RTXT"), new BigDecimal("10"), "2025-01-10");
        var opened = api.post("rachel", "/api/recalls", Map.of("lots", List.of(lot), "reason", "Label error",
                "classification", "CLASS_III"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String number = opened.json().get("recallNumber").asText();
        long id = jdbc.queryForObject("SELECT id FROM recall WHERE recall_number = ?", Long.class, number);
        String text = "Disposed of: " + "RM-2025-015 3000 gal returned to the supplier (RMA-2025-17); ".repeat(90) + "end.";
        assertThat(text.length()).isGreaterThan(5000);

        store.event(id, Instant.now(), "CLOSED", "jennifer", text);

        JsonNode timeline = api.get("rachel", "/api/recalls/" + number).json().get("timeline");
        assertThat(timeline.get(timeline.size() - 1).get("text").asText()).isEqualTo(text);
    }
}
