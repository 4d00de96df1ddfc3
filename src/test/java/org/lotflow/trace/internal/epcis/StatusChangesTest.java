package org.lotflow.trace.internal.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.lotflow.lot.LotOrigins;
import org.lotflow.lot.LotQuantities;
import org.lotflow.lot.LotStatus;
import org.lotflow.trace.EpcisSchema;

/**
 * A lot's status changes as EPCIS events of their own, without Spring (auditor X3): the receiving keeps its eventID
 * and its disposition whatever the lot's status later; a hold, a release and a recall are OBSERVE events dated when
 * they were recorded, with CBV 2.0 bizSteps and dispositions the schema allows; the document stays valid and in
 * eventTime order.
 */
class StatusChangesTest {

    static final EpcisIds IDS = new EpcisIds("https://id.example.com/plant", "0614141000012", "0614141");
    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

    static LotOrigins.Origin received(String status) {
        BigDecimal q = new BigDecimal("5000");
        return new LotOrigins.Origin(7L, "RM-2025-015", "RM-BASE", "Base oil", "gal", new LotQuantities(q,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO), "Tank farm 2",
                LocalDate.of(2025, 1, 8), LocalDate.of(2025, 1, 9), "RECEIPT", null, "Gulf Coast Base Oils",
                "GCB-24-7781", "BOL-1", status, LocalDate.of(2026, 1, 9), null);
    }

    static StatusChanges.Change change(long id, String at, String from, String to) {
        Instant instant = Instant.parse(at);
        return new StatusChanges.Change(id, 7L, instant, instant.atZone(CHICAGO).toLocalDate(), from, to);
    }

    static final List<StatusChanges.Change> BEFORE_RECALL = List.of(
            change(101, "2025-01-10T15:00:00.123456Z", "PENDING", "RELEASED"),
            change(140, "2025-01-20T16:30:00Z", "RELEASED", "QUARANTINE"),
            change(152, "2025-01-22T14:05:07.5Z", "QUARANTINE", "RELEASED"));

    static final StatusChanges.Change RECALL = change(170, "2025-01-28T15:02:03.004Z", "RELEASED", "RECALLED");

    private static Map<String, JsonNode> write(List<EpcisEvent> events) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EpcisWriter.write(events, IDS, Instant.parse("2025-01-28T18:00:00Z"), CHICAGO, out);
        JsonNode doc = new ObjectMapper().readTree(out.toByteArray());
        assertThat(EpcisSchema.errors(doc)).as(doc.toString()).isEmpty();
        Map<String, JsonNode> byId = new java.util.LinkedHashMap<>();
        doc.get("epcisBody").get("eventList").forEach(e -> byId.put(e.get("eventID").asText(), e));
        return byId;
    }

    @Test
    void everyStatusHasACbvBizStepOfTheSchema() throws Exception {
        JsonNode schema;
        try (InputStream in = getClass().getResourceAsStream("/epcis/EPCIS-JSON-Schema.json")) {
            schema = new ObjectMapper().readTree(in);
        }
        List<String> bizSteps = new ArrayList<>();
        schema.get("definitions").get("bizStep").get("anyOf").get(1).get("enum").forEach(s -> bizSteps.add(s.asText()));
        Map<LotStatus, String> expected = new EnumMap<>(LotStatus.class);
        expected.put(LotStatus.QUARANTINE, "holding");
        expected.put(LotStatus.RECALLED, "holding");
        expected.put(LotStatus.EXPIRED, "holding");
        expected.put(LotStatus.RELEASED, "inspecting");
        expected.put(LotStatus.REJECTED, "inspecting");
        expected.put(LotStatus.DEPLETED, "other");
        expected.put(LotStatus.ARCHIVED, "other");
        expected.put(LotStatus.PENDING, "other");
        assertThat(expected.keySet()).containsExactlyInAnyOrder(LotStatus.values());
        for (LotStatus status : LotStatus.values()) {
            assertThat(StatusChanges.bizStep(status)).as(status.name()).isEqualTo(expected.get(status)).isIn(bizSteps);
            assertThat(Dispositions.of(status)).isIn(DispositionsTest.CBV);
        }
    }

    @Test
    void theReceivingKeepsItsIdAndDispositionAndTheRecallIsAnEventOfItsOwn() throws Exception {
        List<StatusChanges.Change> after = new ArrayList<>(BEFORE_RECALL);
        after.add(RECALL);
        Map<String, JsonNode> before = write(EpcisEvents.of(IDS, List.of(received("RELEASED")), List.of(), List.of(),
                List.of(), BEFORE_RECALL));
        Map<String, JsonNode> now = write(EpcisEvents.of(IDS, List.of(received("RECALLED")), List.of(), List.of(),
                List.of(), after));

        String receiving = "https://id.example.com/plant/events/lots/RM-2025-015/receiving";
        assertThat(before.get(receiving)).as("the same event, said the same way, before and after the recall")
                .isEqualTo(now.get(receiving));
        assertThat(now.get(receiving).get("disposition").asText()).isEqualTo("in_progress");
        assertThat(now.get(receiving).get("eventTime").asText()).isEqualTo("2025-01-09T00:00:00.000-06:00");
        before.forEach((id, event) -> assertThat(now.get(id)).as(id + " is never re-issued changed").isEqualTo(event));

        JsonNode recall = now.get("https://id.example.com/plant/events/lots/RM-2025-015/status-changes/170");
        assertThat(recall).as("the recall, an event of its own").isNotNull();
        assertThat(before).doesNotContainKey(recall.get("eventID").asText());
        assertThat(recall.get("type").asText()).isEqualTo("ObjectEvent");
        assertThat(recall.get("action").asText()).isEqualTo("OBSERVE");
        assertThat(recall.get("bizStep").asText()).isEqualTo("holding");
        assertThat(recall.get("disposition").asText()).isEqualTo("recalled");
        assertThat(recall.get("eventTime").asText()).as("when it was recorded, in the plant's zone")
                .isEqualTo("2025-01-28T09:02:03.004-06:00");
        assertThat(recall.get("eventTimeZoneOffset").asText()).isEqualTo("-06:00");
        assertThat(recall.get("quantityList").toString()).as("the whole lot, its quantity unspecified")
                .isEqualTo("[{\"epcClass\":\"https://id.example.com/plant/lots/RM-2025-015\"}]");
        assertThat(recall.get("readPoint").get("id").asText()).isEqualTo("urn:epc:id:sgln:0614141.00001.0");
        assertThat(recall.get("bizLocation").get("id").asText()).isEqualTo("urn:epc:id:sgln:0614141.00001.0");
        assertThat(recall.get("lotflow:previousLotStatus").asText()).isEqualTo("RELEASED");
        assertThat(recall.get("lotflow:lotStatus").asText()).isEqualTo("RECALLED");
        assertThat(recall.has("sourceList") || recall.has("destinationList") || recall.has("ilmd")).isFalse();

        // the hold and its release, in eventTime order after the receiving
        assertThat(now.values()).extracting(e -> e.get("bizStep").asText() + " " + e.get("disposition").asText() + " "
                + e.get("eventTime").asText()).containsExactly(
                        "receiving in_progress 2025-01-09T00:00:00.000-06:00",
                        "inspecting active 2025-01-10T09:00:00.123-06:00",
                        "holding non_sellable_other 2025-01-20T10:30:00.000-06:00",
                        "inspecting active 2025-01-22T08:05:07.500-06:00",
                        "holding recalled 2025-01-28T09:02:03.004-06:00");
    }

    @Test
    void aChangeOnTheDayOfABusinessDateEventComesAfterIt() {
        LotOrigins.Origin lot = received("RELEASED");
        StatusChanges.Change release = change(9, "2025-01-09T23:00:00Z", "PENDING", "RELEASED"); // 17:00 in Chicago
        List<EpcisEvent> events = EpcisEvents.of(IDS, List.of(lot), List.of(), List.of(
                new EpcisEvents.Shipment(7L, "Acme", "SO-1", BigDecimal.TEN, LocalDate.of(2025, 1, 9))), List.of(),
                List.of(release));
        assertThat(events).extracting(EpcisEvent::kind).containsExactly(EpcisEvent.Kind.RECEIVING,
                EpcisEvent.Kind.SHIPPING, EpcisEvent.Kind.STATUS_CHANGE);
        assertThat(events.get(2).eventId()).isEqualTo(IDS.statusChange("RM-2025-015", 9));
    }
}
