package org.lotflow.trace;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The answer to "where did lot X go?" (downstream) or "what is lot X made of?" (upstream):
 * every lot reached, with its shortest distance and the genealogy quantities that link it to the
 * other lots of the trace, and, downstream, every shipment of those lots. {@code truncated} is true
 * when the genealogy goes on deeper than {@code lotflow.trace.max-depth} ({@code maxDepth}): the
 * answer then says it is incomplete instead of silently leaving lots out (a recall refuses to open
 * on such a scope).
 */
public record Trace(String lotNumber, String direction, List<TracedLot> lots, List<CustomerShipment> customers,
        boolean truncated, int maxDepth) {

    /** The unit of a traced lot's quantities (a customer's shipment of it is in that unit), or empty text. */
    public String unitOf(String tracedLotNumber) {
        return lots.stream().filter(l -> l.lotNumber().equals(tracedLotNumber)).map(TracedLot::unit).findFirst()
                .orElse("");
    }

    /**
     * A lot of the trace. Quantities are decimals in the lot's {@code unit}, from the lot module's rule
     * ({@link org.lotflow.lot.LotQuantities}): {@code quantity = available + allocated + shipped + consumed +
     * disposed}, {@code onHand = available + allocated} (0 once the lot is disposed of).
     * {@code quantityPath}: downstream, the quantities of traced lots this lot was made from; upstream, the
     * quantities of this lot that went into traced lots.
     */
    public record TracedLot(@com.fasterxml.jackson.annotation.JsonIgnore Long id, String lotNumber, String sku,
            String productName, String unit, String status, int depth, BigDecimal quantity, BigDecimal shipped,
            BigDecimal consumed, BigDecimal available, BigDecimal allocated, BigDecimal disposed, BigDecimal onHand,
            String location, LocalDate manufactureDate, List<Link> quantityPath) {
    }

    /** One genealogy edge: {@code quantity} of {@code from} went into {@code to}. */
    public record Link(String from, String to, BigDecimal quantity) {
    }

    /**
     * One shipment of a traced lot; {@code serials}: the serial numbers shipped with it (serialised products; left
     * out otherwise); {@code recordedAt}: when the shipment was recorded (not shown; null when unknown).
     */
    public record CustomerShipment(String customer, String lotNumber, String orderNumber, BigDecimal quantity,
            LocalDate shippedAt, String carrier, List<String> serials,
            @com.fasterxml.jackson.annotation.JsonIgnore java.time.Instant recordedAt) {

        public CustomerShipment(String customer, String lotNumber, String orderNumber, BigDecimal quantity,
                LocalDate shippedAt, String carrier) {
            this(customer, lotNumber, orderNumber, quantity, shippedAt, carrier, null, null);
        }
    }
}
