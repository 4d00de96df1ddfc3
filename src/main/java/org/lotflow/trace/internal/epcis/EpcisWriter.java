package org.lotflow.trace.internal.epcis;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * Writes an EPCIS 2.0 {@code EPCISDocument} (JSON-LD, GS1 EPCIS 2.0 section 12 and its JSON Schema) event by
 * event to a stream: {@code @context} (GS1's EPCIS 2.0.0 context, and the prefix {@code lotflow} of lotflow's
 * extension terms), {@code type}, {@code schemaVersion} 2.0, {@code creationDate}, {@code epcisBody.eventList}.
 *
 * <p>lotflow records its events by business date: {@code eventTime} is the start of that day in the plant's zone
 * ({@code lotflow.zone}), {@code eventTimeZoneOffset} that zone's offset on that day ({@code 2025-01-20T00:00:00-06:00},
 * {@code -06:00}). A lot's status change, recorded to the microsecond, has its own instant as {@code eventTime}, to the
 * millisecond, in the plant's zone ({@code 2025-01-28T09:00:01.250+00:00}). Quantities are plain decimals, never
 * rounded ({@code 120.25}); a quantity element without a quantity (the whole lot, EPCIS 2.0 section 7.3.3.3) has
 * {@code epcClass} only.
 */
public final class EpcisWriter {

    /** GS1's JSON-LD context of EPCIS 2.0.0. */
    public static final String CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";

    private static final JsonFactory JSON = new JsonFactory();
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxxx");
    private static final DateTimeFormatter OFFSET = DateTimeFormatter.ofPattern("xxx");

    private EpcisWriter() {
    }

    /** Writes the document of {@code events} made at {@code created}, times in {@code zone}, and flushes it. */
    public static void write(List<EpcisEvent> events, EpcisIds ids, Instant created, ZoneId zone, OutputStream out) {
        try (JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeArrayFieldStart("@context");
            g.writeString(CONTEXT);
            g.writeStartObject();
            g.writeStringField("lotflow", ids.vocabulary());
            g.writeEndObject();
            g.writeEndArray();
            g.writeStringField("type", "EPCISDocument");
            g.writeStringField("schemaVersion", "2.0");
            g.writeStringField("creationDate", TIME.format(created.truncatedTo(ChronoUnit.MILLIS).atZone(zone)));
            g.writeObjectFieldStart("epcisBody");
            g.writeArrayFieldStart("eventList");
            for (EpcisEvent e : events) {
                event(g, e, ids, zone);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
            g.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void event(JsonGenerator g, EpcisEvent e, EpcisIds ids, ZoneId zone) throws IOException {
        OffsetDateTime at = e.time() != null ? e.time().atZone(zone).toOffsetDateTime()
                : e.date().atStartOfDay(zone).toOffsetDateTime();
        g.writeStartObject();
        g.writeStringField("type", e.kind().type());
        g.writeStringField("eventID", e.eventId());
        g.writeStringField("eventTime", TIME.format(at));
        g.writeStringField("eventTimeZoneOffset", OFFSET.format(at));
        boolean transformation = e.kind() == EpcisEvent.Kind.TRANSFORMATION;
        if (transformation) {
            quantities(g, "inputQuantityList", e.inputs());
            quantities(g, "outputQuantityList", e.quantities());
        } else {
            g.writeStringField("action", e.action());
            quantities(g, "quantityList", e.quantities());
        }
        g.writeStringField("bizStep", e.bizStep());
        g.writeStringField("disposition", e.disposition());
        g.writeObjectFieldStart("readPoint");
        g.writeStringField("id", ids.plantLocation());
        g.writeEndObject();
        if (e.bizLocation()) {
            g.writeObjectFieldStart("bizLocation");
            g.writeStringField("id", ids.plantLocation());
            g.writeEndObject();
        }
        if (!e.transactions().isEmpty()) {
            g.writeArrayFieldStart("bizTransactionList");
            for (EpcisEvent.Transaction t : e.transactions()) {
                g.writeStartObject();
                g.writeStringField("type", t.type());
                g.writeStringField("bizTransaction", t.id());
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        parties(g, "sourceList", "source", e.sources());
        parties(g, "destinationList", "destination", e.destinations());
        if (!e.ilmd().isEmpty()) {
            g.writeObjectFieldStart("ilmd");
            for (Map.Entry<String, String> m : e.ilmd().entrySet()) {
                g.writeStringField(m.getKey(), m.getValue());
            }
            g.writeEndObject();
        }
        for (Map.Entry<String, String> x : e.extensions().entrySet()) {
            g.writeStringField(x.getKey(), x.getValue());
        }
        g.writeEndObject();
    }

    private static void quantities(JsonGenerator g, String field, List<EpcisEvent.Quantity> list) throws IOException {
        g.writeArrayFieldStart(field);
        for (EpcisEvent.Quantity q : list) {
            g.writeStartObject();
            g.writeStringField("epcClass", q.epcClass());
            if (q.quantity() != null) {
                g.writeFieldName("quantity");
                g.writeNumber(plain(q.quantity()));
            }
            if (q.uom() != null) {
                g.writeStringField("uom", q.uom());
            }
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void parties(JsonGenerator g, String field, String key, List<EpcisEvent.Party> list)
            throws IOException {
        if (list.isEmpty()) {
            return;
        }
        g.writeArrayFieldStart(field);
        for (EpcisEvent.Party p : list) {
            g.writeStartObject();
            g.writeStringField("type", p.type());
            g.writeStringField(key, p.id());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    /** A quantity as JSON writes it: plain digits ({@code 1000}, {@code 120.25}), never {@code 1E+3}. */
    static String plain(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
    }
}
