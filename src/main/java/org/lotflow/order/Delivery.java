package org.lotflow.order;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One shipment of a lot to a customer: the answer to "who got batch X?". {@code shipmentId}: the ledger line's id
 * (for the serials shipped with it, {@code org.lotflow.serial.SerialLedger#ofShipments}), not shown; null when
 * unknown.
 */
public record Delivery(String customer, String orderNumber, String lotNumber, BigDecimal quantity,
        LocalDate shippedAt, String carrier, @com.fasterxml.jackson.annotation.JsonIgnore Long shipmentId) {

    public Delivery(String customer, String orderNumber, String lotNumber, BigDecimal quantity, LocalDate shippedAt,
            String carrier) {
        this(customer, orderNumber, lotNumber, quantity, shippedAt, carrier, null);
    }
}
