package org.lotflow.quarantine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lotflow.lot.Lot;
import org.lotflow.order.Delivery;

/**
 * What a hold affects, as the seed's impact assessment lists it: the lot's quantities (on hand,
 * available, allocated = shipments to hold, shipped = to investigate) and the customers who
 * already received the lot, with quantities.
 */
public record ImpactAssessment(String unit, BigDecimal quantity, BigDecimal onHand, BigDecimal available,
        BigDecimal allocated, BigDecimal shipped, BigDecimal consumed, List<CustomerImpact> customers) {

    public record Shipment(String orderNumber, BigDecimal quantity, LocalDate shippedAt, String carrier) {
    }

    public record CustomerImpact(String customer, BigDecimal quantity, List<Shipment> shipments) {
    }

    static ImpactAssessment of(Lot lot, List<Delivery> deliveries) {
        Map<String, List<Delivery>> byCustomer = new LinkedHashMap<>();
        for (Delivery d : deliveries) {
            byCustomer.computeIfAbsent(d.customer(), c -> new ArrayList<>()).add(d);
        }
        List<CustomerImpact> customers = new ArrayList<>();
        byCustomer.forEach((customer, list) -> customers.add(new CustomerImpact(customer,
                list.stream().map(Delivery::quantity).reduce(BigDecimal.ZERO, BigDecimal::add),
                list.stream().map(d -> new Shipment(d.orderNumber(), d.quantity(), d.shippedAt(), d.carrier()))
                        .toList())));
        return new ImpactAssessment(lot.getProduct().getUnit(), lot.getQuantity(),
                lot.getQuantity().subtract(lot.getShipped()).subtract(lot.getConsumed()), lot.getAvailable(),
                lot.getAllocated(), lot.getShipped(), lot.getConsumed(), customers);
    }

    /** The assessment as a small map for the lot history. */
    Map<String, Object> asDetail() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("quantity", quantity);
        m.put("onHand", onHand);
        m.put("available", available);
        m.put("allocated", allocated);
        m.put("shipped", shipped);
        m.put("customers", customers.stream().map(c -> Map.of("customer", c.customer(), "quantity", c.quantity()))
                .toList());
        return m;
    }

    /** The assessment as Markdown for the Tasklist forms. */
    String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("- Total lot quantity: ").append(n(quantity)).append(' ').append(unit).append('\n');
        sb.append("- Remaining on hand: ").append(n(onHand)).append(' ').append(unit).append(" (available ")
                .append(n(available)).append(")\n");
        sb.append("- Allocated: ").append(n(allocated)).append(' ').append(unit).append(" (shipments on hold)\n");
        sb.append("- Shipped: ").append(n(shipped)).append(' ').append(unit).append(" (investigate)\n");
        if (consumed.signum() > 0) {
            sb.append("- Consumed by other lots: ").append(n(consumed)).append(' ').append(unit).append('\n');
        }
        sb.append('\n').append(customersMarkdown());
        return sb.toString();
    }

    String customersMarkdown() {
        if (customers.isEmpty()) {
            return "No customer has received this lot.";
        }
        StringBuilder sb = new StringBuilder("Customers who received this lot:\n\n");
        for (CustomerImpact c : customers) {
            sb.append("- **").append(c.customer()).append("**: ").append(n(c.quantity())).append(' ').append(unit);
            sb.append(" (");
            for (int i = 0; i < c.shipments().size(); i++) {
                Shipment s = c.shipments().get(i);
                sb.append(i == 0 ? "" : ", ").append(s.orderNumber()).append(" shipped ").append(s.shippedAt());
            }
            sb.append(")\n");
        }
        return sb.toString();
    }

    private static String n(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
