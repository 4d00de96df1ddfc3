package org.lotflow.quarantine.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lotflow.lot.Lot;
import org.lotflow.lot.LotQuantities;
import org.lotflow.order.Delivery;

/**
 * What a hold affects, as the seed's impact assessment lists it ("Lot Status Update:
 * IL250-2024-089 ... Impact Assessment"): the lot's quantities in the product's {@code unit}, as the
 * lot module's rule gives them ({@link LotQuantities}: {@code quantity} made, {@code onHand} = available +
 * allocated = quantity - shipped - consumed - disposed, {@code available}, {@code allocated} = shipments
 * to hold, {@code shipped} = to investigate, {@code consumed} by other lots, {@code disposed} of) and the
 * customers who already received the lot, in the order of the shipment ledger, each
 * with the total quantity and the shipments (FSMA 204: who received which lot, when), and the lots made from it
 * ({@code madeInto}: lot number, status and quantity consumed, in this lot's unit; audit 26b F2: "Consumed by other
 * lots: 100 kg" never said which, so a QA manager deciding on the held lot did not see which lots its decision reaches;
 * a lot made from a held or REJECTED lot is not released, {@link org.lotflow.lot.SourceLotUnfit}). A plain value,
 * tested without Spring; shown in {@code POST /holds}' answer, the lot view, the history and the forms.
 */
public record ImpactAssessment(String unit, BigDecimal quantity, BigDecimal onHand, BigDecimal available,
        BigDecimal allocated, BigDecimal shipped, BigDecimal consumed, BigDecimal disposed,
        List<CustomerImpact> customers, List<MadeInto> madeInto) {

    /** A lot made from the held lot: its number, its status now and the quantity of the held lot it consumed. */
    public record MadeInto(String lotNumber, String status, BigDecimal quantity) {
    }

    /** One shipment of the lot to a customer. */
    public record Shipment(String orderNumber, BigDecimal quantity, LocalDate shippedAt, String carrier) {
    }

    /** A customer who received the lot: total {@code quantity} and the shipments. */
    public record CustomerImpact(String customer, BigDecimal quantity, List<Shipment> shipments) {
    }

    /** The assessment of a lot from its own quantities and the order module's deliveries of it. */
    public static ImpactAssessment of(Lot lot, List<Delivery> deliveries) {
        return of(lot.getProduct().getUnit(), lot.quantities(), deliveries);
    }

    /** The assessment of a lot, its deliveries and the lots made from it. */
    public static ImpactAssessment of(Lot lot, List<Delivery> deliveries, List<MadeInto> madeInto) {
        return of(lot.getProduct().getUnit(), lot.quantities(), deliveries, madeInto);
    }

    /** {@link #of(String, LotQuantities, List, List)} of a lot no other lot was made from. */
    public static ImpactAssessment of(String unit, LotQuantities q, List<Delivery> deliveries) {
        return of(unit, q, deliveries, List.of());
    }

    /**
     * The assessment from the lot's quantities (in {@code unit}) and its deliveries; customers in the
     * order of their first delivery in {@code deliveries}.
     */
    public static ImpactAssessment of(String unit, LotQuantities q, List<Delivery> deliveries,
            List<MadeInto> madeInto) {
        Map<String, List<Delivery>> byCustomer = new LinkedHashMap<>();
        for (Delivery d : deliveries) {
            byCustomer.computeIfAbsent(d.customer(), c -> new ArrayList<>()).add(d);
        }
        List<CustomerImpact> customers = new ArrayList<>();
        byCustomer.forEach((customer, list) -> customers.add(new CustomerImpact(customer,
                list.stream().map(Delivery::quantity).reduce(BigDecimal.ZERO, BigDecimal::add),
                list.stream().map(d -> new Shipment(d.orderNumber(), d.quantity(), d.shippedAt(), d.carrier()))
                        .toList())));
        return new ImpactAssessment(unit, q.quantity(), q.onHand(), q.available(), q.allocated(), q.shipped(),
                q.consumed(), q.disposed(), customers, List.copyOf(madeInto));
    }

    /** The assessment as a small map for the lot history (quantities and customers, without shipments). */
    public Map<String, Object> asDetail() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("quantity", quantity);
        m.put("onHand", onHand);
        m.put("available", available);
        m.put("allocated", allocated);
        m.put("shipped", shipped);
        m.put("consumed", consumed);
        m.put("disposed", disposed);
        m.put("madeInto", madeInto.stream().map(l -> Map.of("lotNumber", l.lotNumber(), "status", l.status(),
                "quantity", l.quantity())).toList());
        m.put("customers", customers.stream().map(c -> Map.of("customer", c.customer(), "quantity", c.quantity()))
                .toList());
        return m;
    }

    /** The assessment as Markdown for the Tasklist forms. */
    public String markdown() {
        return markdown(java.util.function.UnaryOperator.identity());
    }

    /** {@link #markdown()} with {@code escape} applied to every text of a user's (unit, customers, orders). */
    public String markdown(java.util.function.UnaryOperator<String> escape) {
        String unit = escape.apply(this.unit);
        StringBuilder sb = new StringBuilder();
        sb.append("- Total lot quantity: ").append(n(quantity)).append(' ').append(unit).append('\n');
        // held stock is not for sale: its unallocated part is said as such, never as "available" (new user
        // 2026-12-06 N3)
        sb.append("- Remaining on hand: ").append(n(onHand)).append(' ').append(unit).append(" (unallocated ")
                .append(n(available)).append(", not for sale while the lot is held)\n");
        // "shipments on hold" said of nothing allocated read as if something were waiting (known-open list)
        sb.append("- Allocated: ").append(n(allocated)).append(' ').append(unit).append(allocated.signum() > 0
                ? " (their shipments wait until the lot is released)\n" : " (no order waits for this lot)\n");
        // nothing shipped is nothing to investigate (new user round 24b N6: "Shipped: 0 drums (investigate)")
        sb.append("- Shipped: ").append(n(shipped)).append(' ').append(unit)
                .append(shipped.signum() > 0 ? " (investigate)\n" : " (none reached a customer)\n");
        if (consumed.signum() > 0) {
            sb.append("- Consumed by other lots: ").append(n(consumed)).append(' ').append(unit).append('\n');
        }
        // which lots: each is made from the held lot, and is not released while it is held or REJECTED
        for (MadeInto l : madeInto) {
            sb.append("    - used in lot ").append(escape.apply(l.lotNumber())).append(" (").append(l.status())
                    .append("): ").append(n(l.quantity())).append(' ').append(unit).append('\n');
        }
        if (disposed.signum() > 0) {
            sb.append("- Disposed of: ").append(n(disposed)).append(' ').append(unit).append('\n');
        }
        sb.append('\n').append(customersMarkdown(escape));
        return sb.toString();
    }

    /** The customers who received the lot as Markdown, or a sentence saying none did. */
    public String customersMarkdown() {
        return customersMarkdown(java.util.function.UnaryOperator.identity());
    }

    /** {@link #customersMarkdown()} with {@code escape} applied to every text of a user's. */
    public String customersMarkdown(java.util.function.UnaryOperator<String> escape) {
        String unit = escape.apply(this.unit);
        if (customers.isEmpty()) {
            return "No customer has received this lot.";
        }
        StringBuilder sb = new StringBuilder("Customers who received this lot:\n\n");
        for (CustomerImpact c : customers) {
            sb.append("- **").append(escape.apply(c.customer())).append("**: ").append(n(c.quantity())).append(' ').append(unit);
            sb.append(" (");
            for (int i = 0; i < c.shipments().size(); i++) {
                Shipment s = c.shipments().get(i);
                sb.append(i == 0 ? "" : ", ").append(escape.apply(s.orderNumber())).append(" shipped ")
                        .append(escape.apply(String.valueOf(s.shippedAt())));
            }
            sb.append(")\n");
        }
        return sb.toString();
    }

    private static String n(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
