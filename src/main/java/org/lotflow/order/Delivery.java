package org.lotflow.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One shipment of a lot to a customer: the answer to "who got batch X?". {@code shipmentId}: the ledger line's id
 * (for the serials shipped with it, {@code org.lotflow.serial.SerialLedger#ofShipments}), not shown; null when
 * unknown. {@code recordedAt}: the moment the shipment was recorded (its EPCIS event's time when that moment falls on
 * {@code shippedAt} in the plant's zone), not shown; null when unknown.
 */
public record Delivery(String customer, String orderNumber, String lotNumber, BigDecimal quantity,
        LocalDate shippedAt, String carrier, @com.fasterxml.jackson.annotation.JsonIgnore Long shipmentId,
        @com.fasterxml.jackson.annotation.JsonIgnore Instant recordedAt) {

    public Delivery(String customer, String orderNumber, String lotNumber, BigDecimal quantity, LocalDate shippedAt,
            String carrier) {
        this(customer, orderNumber, lotNumber, quantity, shippedAt, carrier, null, null);
    }
}
