package org.lotflow.trace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.lotflow.trace.EpcisApiTest.BASE;
import static org.lotflow.trace.EpcisApiTest.SGLN;
import static org.lotflow.trace.EpcisApiTest.byId;
import static org.lotflow.trace.EpcisApiTest.events;
import static org.lotflow.trace.EpcisApiTest.facts;
import static org.lotflow.trace.EpcisApiTest.gtinStory;
import static org.lotflow.trace.EpcisApiTest.statusChanges;
import static org.lotflow.trace.EpcisApiTest.valid;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.lotflow.support.ApiTest;
import org.lotflow.support.TestClient;
import org.lotflow.support.TestClient.Response;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * EPCIS events are facts that never change (auditor X3; EPCIS 2.0 section 7.4.1): before and after a recall, a hold
 * and its release, every event already issued is issued again unchanged (same eventID, same disposition), and each
 * status change is an OBSERVE event of its own, its eventTime the instant the lot history recorded it, its bizStep
 * and disposition CBV 2.0's; every document valid against GS1's EPCIS 2.0 JSON Schema ({@link EpcisApiTest#valid}).
 */
@ApiTest
class EpcisStatusChangesApiTest {

    @Autowired
    TestClient api;

    private Response epcis(String user, String path) {
        return EpcisApiTest.epcis(api, user, path);
    }

    /** When lot {@code lot}'s history recorded its change into {@code status}, to the millisecond. */
    private java.time.Instant changedAt(String lot, String status) {
        for (JsonNode e : api.get("mike", "/api/lots/" + lot + "/history").json()) {
            if (e.get("type").asText().equals("STATUS_CHANGED") && e.get("newStatus").asText().equals(status)) {
                return java.time.Instant.parse(e.get("at").asText()).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            }
        }
        throw new AssertionError(lot + " never became " + status);
    }

    /** The status change of lot class {@code epcClass} into {@code status}; exactly one. */
    static JsonNode change(JsonNode doc, String epcClass, String status) {
        List<JsonNode> found = events(doc).stream().filter(EpcisApiTest::isStatusChange)
                .filter(e -> e.get("lotflow:lotStatus").asText().equals(status))
                .filter(e -> e.get("quantityList").get(0).get("epcClass").asText().equals(epcClass)).toList();
        assertThat(found).as(epcClass + " into " + status).hasSize(1);
        return found.get(0);
    }

    @Test
    void aRecallIsAnEventOfItsOwnAndThePastEventsNeverChange() throws IOException {
        EpcisApiTest.GtinStory s = gtinStory(api);
        String rmClass = "https://id.gs1.org/01/" + s.rmGtin14() + "/10/" + s.received();
        String finClass = "https://id.gs1.org/01/" + s.finGtin14() + "/10/" + s.made();
        Map<String, JsonNode> before = byId(valid(epcis("rachel", "/api/traceability/epcis?lot=" + s.made())));
        String receiving = BASE + "/events/lots/" + s.received() + "/receiving";
        assertThat(before.get(receiving).get("disposition").asText()).isEqualTo("in_progress");

        Response opened = api.post("rachel", "/api/recalls", Map.of("lots", List.of(s.received()), "reason",
                "Supplier reports contamination", "classification", "CLASS_I"));
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String recall = opened.json().get("recallNumber").asText();
        JsonNode lotDoc = valid(epcis("rachel", "/api/traceability/epcis?lot=" + s.made()));
        JsonNode scopeDoc = valid(epcis("jennifer", "/api/recalls/" + recall + "/epcis"));
        for (JsonNode doc : new JsonNode[] {lotDoc, scopeDoc}) {
            Map<String, JsonNode> after = byId(doc);
            // every event issued before the recall is issued again unchanged: same eventID, same disposition, same all
            before.forEach((id, event) -> assertThat(after.get(id)).as(id).isEqualTo(event));
            assertThat(after.get(receiving).get("disposition").asText()).isEqualTo("in_progress");
            assertThat(facts(doc)).extracting(EpcisApiTest::summary).hasSize(3).startsWith(
                    "ObjectEvent receiving 2025-01-20T00:00:00.000+00:00",
                    "TransformationEvent commissioning 2025-01-27T00:00:00.000+00:00");
            // the recall's frozen scope dates its shipment as the lot's own document: when it was recorded (Y5)
            assertThat(EpcisApiTest.summary(facts(doc).get(2))).startsWith("ObjectEvent shipping 2025-01-28T")
                    .doesNotEndWith("T00:00:00.000+00:00");
            // the recall: an event of its own, dated when it was recorded
            JsonNode recalled = change(doc, rmClass, "RECALLED");
            assertThat(before).doesNotContainKey(recalled.get("eventID").asText());
            assertThat(recalled.get("eventID").asText()).startsWith(BASE + "/events/lots/" + s.received()
                    + "/status-changes/");
            assertThat(recalled.get("type").asText()).isEqualTo("ObjectEvent");
            assertThat(recalled.get("action").asText()).isEqualTo("OBSERVE");
            assertThat(recalled.get("bizStep").asText()).isEqualTo("holding");
            assertThat(recalled.get("disposition").asText()).isEqualTo("recalled");
            assertThat(java.time.OffsetDateTime.parse(recalled.get("eventTime").asText()).toInstant())
                    .isEqualTo(changedAt(s.received(), "RECALLED"));
            assertThat(recalled.get("bizLocation").get("id").asText()).isEqualTo(SGLN);
            // what was made from it is recalled too, its own event
            assertThat(change(doc, finClass, "RECALLED").get("disposition").asText()).isEqualTo("recalled");
        }
        assertThat(change(lotDoc, rmClass, "RECALLED")).as("the same change, the same event")
                .isEqualTo(change(scopeDoc, rmClass, "RECALLED"));
        assertThat(scopeDoc.get("epcisBody").get("eventList").size()).isEqualTo(before.size() + 2);
    }

    @Test
    void aHoldAndItsReleaseAreEventsOfTheirOwn() throws IOException {
        String lot = api.releasedLot(api.createProduct("EHOLD"), new java.math.BigDecimal("30"), "2025-01-21");
        Map<String, JsonNode> before = byId(valid(epcis("tom", "/api/traceability/epcis?lot=" + lot)));
        assertThat(api.post("jennifer", "/api/lots/" + lot + "/holds", Map.of("reason", "Haze complaint",
                "source", "COMPLAINT")).status()).isEqualTo(202);
        JsonNode held = valid(epcis("tom", "/api/traceability/epcis?lot=" + lot));
        assertThat(statusChanges(held)).containsExactly("inspecting active RELEASED",
                "holding non_sellable_other QUARANTINE");

        JsonNode tasks = api.get("sarah", "/engine-rest/task?processInstanceBusinessKey=" + lot
                + "&taskDefinitionKey=investigateLot").json();
        Response investigated = api.post("sarah", "/engine-rest/task/" + tasks.get(0).get("id").asText()
                + "/submit-form", Map.of("variables", Map.of("findings", Map.of("value", "Retained sample within"
                        + " specification"), "rootCause", Map.of("value", "Customer's storage"),
                        "retainedSampleResults", Map.of("value", "viscosity = 249 cSt\nflashPoint = 224 °C"))));
        assertThat(investigated.status()).as(investigated.toString()).isEqualTo(204);
        Response released = api.post("jennifer", "/api/lots/" + lot + "/disposition", Map.of("decision", "RELEASE",
                "justification", "Retained sample within specification", "password", "jennifer"));
        assertThat(released.status()).as(released.toString()).isEqualTo(200);
        api.executeJobs();

        JsonNode doc = valid(epcis("tom", "/api/traceability/epcis?lot=" + lot));
        assertThat(statusChanges(doc)).containsExactly("inspecting active RELEASED",
                "holding non_sellable_other QUARANTINE", "inspecting active RELEASED");
        Map<String, JsonNode> after = byId(doc);
        before.forEach((id, event) -> assertThat(after.get(id)).as(id).isEqualTo(event));
        byId(held).forEach((id, event) -> assertThat(after.get(id)).as(id).isEqualTo(event));
        String lotClass = BASE + "/lots/" + lot;
        assertThat(java.time.OffsetDateTime.parse(change(doc, lotClass, "QUARANTINE").get("eventTime").asText())
                .toInstant()).isEqualTo(changedAt(lot, "QUARANTINE"));
        assertThat(facts(doc)).hasSize(1);
        assertThat(facts(doc).get(0).get("disposition").asText()).isEqualTo("in_progress");
    }
}
