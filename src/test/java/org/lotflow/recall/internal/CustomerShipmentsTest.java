package org.lotflow.recall.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** One notification per customer (21 CFR 7.49): the scope's shipments grouped per customer. */
class CustomerShipmentsTest {

    private static RecallStore.ShipmentRow shipment(String customer, long lotId, String lot, String unit,
            String qty) {
        return new RecallStore.ShipmentRow(customer, "SO-" + lotId, lotId, lot, "SKU-" + unit, "Product " + unit,
                unit, "WH-1", new BigDecimal(qty), LocalDate.of(2025, 3, (int) lotId), "DHL");
    }

    private final CustomerShipments shipments = new CustomerShipments(List.of(shipment("Acme", 2, "L-2", "kg", "4"),
            shipment("Beta", 1, "L-1", "kg", "1.5"), shipment("Acme", 1, "L-1", "kg", "6"),
            shipment("Acme", 3, "L-3", "pcs", "100")));

    @Test
    void oneNotificationPerCustomerWithTheTotalShipped() {
        java.util.SortedMap<String, BigDecimal> perCustomer = CustomerShipments.shippedPerCustomer(List.of(
                new CustomerShipments.Shipped("Zeta", BigDecimal.ONE),
                new CustomerShipments.Shipped("Acme", new BigDecimal("2.5")),
                new CustomerShipments.Shipped("Zeta", new BigDecimal("0.250"))));
        assertThat(perCustomer.keySet()).containsExactly("Acme", "Zeta");
        assertThat(perCustomer.get("Zeta")).isEqualByComparingTo("1.25");
        assertThat(perCustomer.get("Acme")).isEqualByComparingTo("2.5");
        assertThat(CustomerShipments.shippedPerCustomer(List.of())).isEmpty();
    }

    @Test
    void aCustomersLotsUnitsAndDeliveries() {
        assertThat(shipments.of("Acme")).extracting(RecallStore.ShipmentRow::lotNumber)
                .containsExactly("L-2", "L-1", "L-3");
        assertThat(shipments.lotsOf("Acme")).containsExactly(java.util.Map.entry(1L, "L-1"),
                java.util.Map.entry(2L, "L-2"), java.util.Map.entry(3L, "L-3"));
        assertThat(shipments.unitsOf("Acme")).isEqualTo("kg/pcs");
        assertThat(shipments.unitsOf("Beta")).isEqualTo("kg");
        assertThat(shipments.deliveriesOf("Beta"))
                .isEqualTo("- lot **L-1** (Product kg, SKU-kg): 1.5 kg on order SO-1, shipped 2025-03-01");
        assertThat(shipments.deliveriesOf("Acme").lines()).hasSize(3);
        assertThat(shipments.of("Nobody")).isEmpty();
        assertThat(shipments.unitsOf("Nobody")).isEmpty();
    }
}
