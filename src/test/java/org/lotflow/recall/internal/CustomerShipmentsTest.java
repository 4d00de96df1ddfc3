package org.lotflow.recall.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** One notification per customer and unit (21 CFR 7.49; G2): the scope's shipments grouped per customer and unit. */
class CustomerShipmentsTest {

    private static RecallStore.ShipmentRow shipment(String customer, long lotId, String lot, String unit,
            String qty) {
        return new RecallStore.ShipmentRow(customer, "SO-" + lotId, lotId, lot, "SKU-" + unit, "Product " + unit,
                unit, "WH-1", new BigDecimal(qty), LocalDate.of(2025, 3, (int) lotId), "DHL", null, false);
    }

    private final CustomerShipments shipments = new CustomerShipments(List.of(shipment("Acme", 2, "L-2", "kg", "4"),
            shipment("Beta", 1, "L-1", "kg", "1.5"), shipment("Acme", 1, "L-1", "kg", "6"),
            shipment("Acme", 3, "L-3", "pcs", "100")));

    private static CustomerShipments.Consignee c(String customer, String unit) {
        return new CustomerShipments.Consignee(customer, unit);
    }

    @Test
    void oneNotificationPerCustomerAndUnitWithTheTotalShippedInIt() {
        java.util.SortedMap<CustomerShipments.Consignee, BigDecimal> perConsignee = CustomerShipments
                .shippedPerConsignee(List.of(new CustomerShipments.Shipped("Zeta", "kg", BigDecimal.ONE),
                        new CustomerShipments.Shipped("Acme", "pcs", new BigDecimal("3")),
                        new CustomerShipments.Shipped("Acme", "kg", new BigDecimal("2.5")),
                        new CustomerShipments.Shipped("Zeta", "kg", new BigDecimal("0.250"))));
        assertThat(perConsignee.keySet()).as("pieces and kilograms of one customer are never added (G2)")
                .containsExactly(c("Acme", "kg"), c("Acme", "pcs"), c("Zeta", "kg"));
        assertThat(perConsignee.get(c("Zeta", "kg"))).isEqualByComparingTo("1.25");
        assertThat(perConsignee.get(c("Acme", "kg"))).isEqualByComparingTo("2.5");
        assertThat(perConsignee.get(c("Acme", "pcs"))).isEqualByComparingTo("3");
        assertThat(CustomerShipments.shippedPerConsignee(List.of())).isEmpty();
    }

    @Test
    void whatOneNotificationCountsItsLotsUnitAndDeliveries() {
        assertThat(shipments.of(c("Acme", "kg"))).extracting(RecallStore.ShipmentRow::lotNumber)
                .containsExactly("L-2", "L-1");
        assertThat(shipments.of(c("Acme", "pcs"))).extracting(RecallStore.ShipmentRow::lotNumber)
                .containsExactly("L-3");
        assertThat(shipments.lotsOf(c("Acme", "kg"))).containsExactly(java.util.Map.entry(1L, "L-1"),
                java.util.Map.entry(2L, "L-2"));
        assertThat(shipments.unitOf(c("Acme", "pcs"))).isEqualTo("pcs");
        assertThat(shipments.unitOf(c("Beta", "kg"))).isEqualTo("kg");
        assertThat(shipments.deliveriesOf(c("Beta", "kg")))
                .isEqualTo("- lot **L-1** (Product kg, SKU-kg): 1.5 kg on order SO-1, shipped 2025-03-01");
        assertThat(shipments.deliveriesOf(c("Acme", "kg")).lines()).hasSize(2);
        assertThat(shipments.of(c("Nobody", "kg"))).isEmpty();
    }

    /** A notification recorded before V131 for a customer of several units counts all it received, as then. */
    @Test
    void aNotificationOfSeveralUnitsFromBeforeV131CountsEverythingTheCustomerReceived() {
        assertThat(shipments.of(c("Acme", null))).extracting(RecallStore.ShipmentRow::lotNumber)
                .containsExactly("L-2", "L-1", "L-3");
        assertThat(shipments.unitOf(c("Acme", null))).isEqualTo("kg/pcs");
        assertThat(shipments.lotsOf(c("Acme", null))).hasSize(3);
    }
}
