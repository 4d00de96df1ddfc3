package org.lotflow.order;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One shipment of a lot to a customer: the answer to "who got batch X?". */
public record Delivery(String customer, String orderNumber, String lotNumber, BigDecimal quantity,
        LocalDate shippedAt, String carrier) {
}
