package org.lotflow.trace.internal.epcis;

import java.math.BigDecimal;
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
 */
public record EpcisEvent(Kind kind, LocalDate date, String lotNumber, String eventId, String action, String bizStep,
        String disposition, List<Quantity> inputs, List<Quantity> quantities, List<Party> sources,
        List<Party> destinations, List<Transaction> transactions, Map<String, String> ilmd, boolean bizLocation,
        Map<String, String> extensions) {

    /** An event without extension fields. */
    public EpcisEvent(Kind kind, LocalDate date, String lotNumber, String eventId, String action, String bizStep,
            String disposition, List<Quantity> inputs, List<Quantity> quantities, List<Party> sources,
            List<Party> destinations, List<Transaction> transactions, Map<String, String> ilmd, boolean bizLocation) {
        this(kind, date, lotNumber, eventId, action, bizStep, disposition, inputs, quantities, sources, destinations,
                transactions, ilmd, bizLocation, Map.of());
    }

    /** What happened, in the order events of one day are listed. */
    public enum Kind {
        RECEIVING("ObjectEvent"), COMMISSIONING("ObjectEvent"), TRANSFORMATION("TransformationEvent"),
        SHIPPING("ObjectEvent"), DISPOSAL("ObjectEvent");

        private final String type;

        Kind(String type) {
            this.type = type;
        }

        /** The EPCIS event type. */
        public String type() {
            return type;
        }
    }

    /** A quantity element: {@code quantity} of class {@code epcClass}, in {@code uom} (null: a count of items). */
    public record Quantity(String epcClass, BigDecimal quantity, String uom) {
    }

    /** A source or destination: {@code type} ({@code owning_party}, {@code possessing_party}, {@code location}). */
    public record Party(String type, String id) {
    }

    /** A business transaction: CBV type ({@code po}, {@code prodorder}, {@code desadv}) and its URI. */
    public record Transaction(String type, String id) {
    }

    /** By date, then kind (receiving, commissioning, transformation, shipping, disposal), then lot number, then id. */
    public static final Comparator<EpcisEvent> ORDER = Comparator.comparing(EpcisEvent::date)
            .thenComparing(EpcisEvent::kind).thenComparing(EpcisEvent::lotNumber)
            .thenComparing(EpcisEvent::eventId);
}
