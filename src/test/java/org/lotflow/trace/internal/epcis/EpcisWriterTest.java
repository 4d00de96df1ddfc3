package org.lotflow.trace.internal.epcis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.lotflow.lot.LotOrigins;
import org.lotflow.lot.LotQuantities;
import org.lotflow.trace.EpcisSchema;

/**
 * The document as written, without Spring: times in the plant's zone with its offset on each day (daylight
 * saving time included), quantities never rounded nor written as exponents, valid against GS1's schema.
 */
class EpcisWriterTest {

    static final EpcisIds IDS = new EpcisIds("https://id.example.com/plant", "0614141000012", "0614141");

    static LotOrigins.Origin made(long id, String lot, String quantity, LocalDate date, String unit, String gtin) {
        BigDecimal q = new BigDecimal(quantity);
        return new LotOrigins.Origin(id, lot, "SKU", "Product", unit, new LotQuantities(q, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO), "Zone 1", date, null, "PRODUCTION", "PO-1", null,
                null, null, "RELEASED", date.plusYears(2), gtin);
    }

    private static JsonNode write(List<EpcisEvent> events, ZoneId zone) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EpcisWriter.write(events, IDS, Instant.parse("2025-07-01T12:00:00Z"), zone, out);
        return new ObjectMapper().readTree(out.toByteArray());
    }

    @Test
    void timesAreThePlantsDaysWithTheirOffset() throws Exception {
        List<EpcisEvent> events = EpcisEvents.of(IDS, List.of(made(1, "W-1", "1000", LocalDate.of(2025, 1, 20), "kg",
                null), made(2, "W-2", "12.500", LocalDate.of(2025, 7, 1), "L", "00614141250059")), List.of(),
                List.of(new EpcisEvents.Shipment(2L, "Acme", "SO-1", new BigDecimal("2.50"), LocalDate.of(2025, 7, 2))));
        JsonNode doc = write(events, ZoneId.of("America/Chicago"));
        assertThat(EpcisSchema.errors(doc)).isEmpty();
        assertThat(doc.get("creationDate").asText()).isEqualTo("2025-07-01T07:00:00.000-05:00");
        JsonNode list = doc.get("epcisBody").get("eventList");
        assertThat(list.get(0).get("eventTime").asText()).isEqualTo("2025-01-20T00:00:00.000-06:00");
        assertThat(list.get(0).get("eventTimeZoneOffset").asText()).isEqualTo("-06:00");
        assertThat(list.get(1).get("eventTime").asText()).isEqualTo("2025-07-01T00:00:00.000-05:00");
        assertThat(list.get(1).get("eventTimeZoneOffset").asText()).isEqualTo("-05:00");
        assertThat(list.get(0).get("quantityList").get(0).toString())
                .isEqualTo("{\"epcClass\":\"https://id.example.com/plant/lots/W-1\",\"quantity\":1000,\"uom\":\"KGM\"}");
        assertThat(list.get(1).get("quantityList").get(0).toString()).isEqualTo(
                "{\"epcClass\":\"https://id.gs1.org/01/00614141250059/10/W-2\",\"quantity\":12.5,\"uom\":\"LTR\"}");
        assertThat(list.get(2).get("quantityList").get(0).get("quantity").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(list.get(2).get("eventID").asText()).isEqualTo("https://id.example.com/plant/events/shipments/SO-1/W-2/2025-07-02");
    }

    @Test
    void anEmptyTraceIsAValidDocument() throws Exception {
        JsonNode doc = write(List.of(), ZoneId.of("Europe/Berlin"));
        assertThat(EpcisSchema.errors(doc)).isEmpty();
        assertThat(doc.get("epcisBody").get("eventList")).isEmpty();
        assertThat(doc.get("@context").get(1)).isEqualTo(new ObjectMapper().valueToTree(
                Map.of("lotflow", "https://id.example.com/plant/vocab/")));
    }

    @Test
    void aSecondShipmentOfTheSameOrderLotAndDayGetsItsOwnId() {
        List<EpcisEvent> events = EpcisEvents.of(IDS, List.of(made(1, "W-1", "10", LocalDate.of(2025, 1, 20), "kg",
                null)), List.of(), List.of(
                new EpcisEvents.Shipment(1L, "Acme", "SO-1", BigDecimal.ONE, LocalDate.of(2025, 1, 21)),
                new EpcisEvents.Shipment(1L, "Acme", "SO-1", BigDecimal.TEN, LocalDate.of(2025, 1, 21))));
        assertThat(events).extracting(EpcisEvent::eventId).containsExactly(
                "https://id.example.com/plant/events/lots/W-1/commissioning",
                "https://id.example.com/plant/events/shipments/SO-1/W-1/2025-01-21",
                "https://id.example.com/plant/events/shipments/SO-1/W-1/2025-01-21/2");
    }
}
