package org.lotflow.trace.internal.epcis;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One event of an EPCIS document, before it is written ({@link EpcisWriter}). {@code quantities}: an
 * ObjectEvent's {@code quantityList}, a TransformationEvent's {@code outputQuantityList}; {@code inputs}: a
 * TransformationEvent's {@code inputQuantityList}. {@code action} is null for a TransformationEvent;
 * {@code bizLocation} false leaves it out (a shipment leaves the plant). {@code extensions}: lotflow's own event fields
 * ({@code lotflow:disposalReference}), written after the standard ones (EPCIS 2.0 section 7.3.6, user extensions).
 * {@code time}: when it happened, for an event lotflow records to the microsecond (a lot's status change; its
 * {@code date} is that instant's day in the plant's zone); null for an event of a business date, whose
 * {@code eventTime} is the start of {@code date} in the plant's zone ({@link EpcisWriter}).
 */
public record EpcisEvent(Kind kind, LocalDate date, String lotNumber, String eventId, String action, String bizStep,
        String disposition, List<Quantity> inputs, List<Quantity> quantities, List<Party> sources,
        List<Party> destinations, List<Transaction> transactions, Map<String, String> ilmd, boolean bizLocation,
        Map<String, String> extensions, Instant time) {

    /** An event without extension fields. */
    public EpcisEvent(Kind kind, LocalDate date, String lotNumber, String eventId, String action, String bizStep,
            String disposition, List<Quantity> inputs, List<Quantity> quantities, List<Party> sources,
            List<Party> destinations, List<Transaction> transactions, Map<String, String> ilmd, boolean bizLocation) {
        this(kind, date, lotNumber, eventId, action, bizStep, disposition, inputs, quantities, sources, destinations,
                transactions, ilmd, bizLocation, Map.of(), null);
    }

    /** What happened, in the order events of one day are listed. */
    public enum Kind {
        RECEIVING("ObjectEvent"), COMMISSIONING("ObjectEvent"), TRANSFORMATION("TransformationEvent"),
        SHIPPING("ObjectEvent"), RETURN_RECEIVING("ObjectEvent"), DISPOSAL("ObjectEvent"),
        STATUS_CHANGE("ObjectEvent");

        private final String type;

        Kind(String type) {
            this.type = type;
        }

        /** The EPCIS event type. */
        public String type() {
            return type;
        }
    }

    /**
     * A quantity element: {@code quantity} of class {@code epcClass}, in {@code uom} (null: a count of items);
     * {@code quantity} null leaves it out: the class as a whole, its quantity unspecified (EPCIS 2.0 section 7.3.3.3,
     * quantity optional; the JSON Schema's {@code quantityElement} requires {@code epcClass} only).
     */
    public record Quantity(String epcClass, BigDecimal quantity, String uom) {
    }

    /** A source or destination: {@code type} ({@code owning_party}, {@code possessing_party}, {@code location}). */
    public record Party(String type, String id) {
    }

    /** A business transaction: CBV type ({@code po}, {@code prodorder}, {@code desadv}) and its URI. */
    public record Transaction(String type, String id) {
    }

    /**
     * By {@code eventTime}: by date, then time (an event of a business date, at the start of its day, first), then
     * kind (receiving, commissioning, transformation, shipping, a return's receiving, disposal, status change), then lot number, then id.
     */
    public static final Comparator<EpcisEvent> ORDER = Comparator.comparing(EpcisEvent::date)
            .thenComparing(EpcisEvent::time, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(EpcisEvent::kind).thenComparing(EpcisEvent::lotNumber)
            .thenComparing(EpcisEvent::eventId);
}
