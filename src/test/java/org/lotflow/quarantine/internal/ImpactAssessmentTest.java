package org.lotflow.quarantine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lotflow.lot.LotQuantities;
import org.lotflow.order.Delivery;

/** The seed's impact assessment of IL250-2024-089, without Spring: quantities, customers, history and forms. */
class ImpactAssessmentTest {

    static final List<Delivery> SEED_DELIVERIES = List.of(
            delivery("Metro Manufacturing", "SO-2024-2156", "30", "2024-11-22"),
            delivery("Industrial Services Inc.", "SO-2024-2201", "15", "2024-12-10"),
            delivery("Metro Manufacturing", "SO-2024-2190", "20", "2024-12-02"));

    static Delivery delivery(String customer, String order, String quantity, String shippedAt) {
        return new Delivery(customer, order, "IL250-2024-089", new BigDecimal(quantity), LocalDate.parse(shippedAt),
                "Regional Transport");
    }

    static ImpactAssessment seedLot(List<Delivery> deliveries, String consumed) {
        // 500 drums made, 150 allocated to an open order, 65 shipped
        return ImpactAssessment.of("drums", new LotQuantities(new BigDecimal("500"), new BigDecimal("150"),
                new BigDecimal("65"), new BigDecimal(consumed), BigDecimal.ZERO), deliveries);
    }

    @Test
    void onHandIsWhatWasMadeLessWhatWasShippedAndConsumed() {
        ImpactAssessment impact = seedLot(SEED_DELIVERIES, "10");
        assertThat(impact.unit()).isEqualTo("drums");
        assertThat(impact.quantity()).isEqualByComparingTo("500");
        assertThat(impact.onHand()).isEqualByComparingTo("425");
        // 500 = 275 available + 150 allocated + 65 shipped + 10 consumed
        assertThat(impact.available()).isEqualByComparingTo("275");
        assertThat(impact.disposed()).isEqualByComparingTo("0");
        assertThat(impact.allocated()).isEqualByComparingTo("150");
        assertThat(impact.shipped()).isEqualByComparingTo("65");
        assertThat(impact.consumed()).isEqualByComparingTo("10");
    }

    @Test
    void customersAreGroupedInLedgerOrderWithTheirTotalsAndShipments() {
        ImpactAssessment impact = seedLot(SEED_DELIVERIES, "0");
        assertThat(impact.customers()).extracting(ImpactAssessment.CustomerImpact::customer)
                .containsExactly("Metro Manufacturing", "Industrial Services Inc.");
        ImpactAssessment.CustomerImpact metro = impact.customers().get(0);
        assertThat(metro.quantity()).isEqualByComparingTo("50");
        assertThat(metro.shipments()).extracting(ImpactAssessment.Shipment::orderNumber)
                .containsExactly("SO-2024-2156", "SO-2024-2190");
        assertThat(metro.shipments().get(0).shippedAt()).isEqualTo(LocalDate.of(2024, 11, 22));
        assertThat(metro.shipments().get(0).carrier()).isEqualTo("Regional Transport");
        assertThat(impact.customers().get(1).quantity()).isEqualByComparingTo("15");
    }

    @Test
    void aLotNobodyReceivedHasNoCustomers() {
        ImpactAssessment impact = seedLot(List.of(), "0");
        assertThat(impact.customers()).isEmpty();
        assertThat(impact.customersMarkdown()).isEqualTo("No customer has received this lot.");
    }

    @Test
    void theHistoryDetailListsQuantitiesAndCustomerTotals() {
        Map<String, Object> detail = seedLot(SEED_DELIVERIES, "0").asDetail();
        assertThat(detail).containsOnlyKeys("quantity", "onHand", "available", "allocated", "shipped", "consumed",
                "disposed", "customers", "madeInto");
        assertThat((BigDecimal) detail.get("onHand")).isEqualByComparingTo("435");
        assertThat(detail.get("customers")).isEqualTo(List.of(
                Map.of("customer", "Metro Manufacturing", "quantity", new BigDecimal("50")),
                Map.of("customer", "Industrial Services Inc.", "quantity", new BigDecimal("15"))));
    }

    @Test
    void theFormsMarkdownShowsQuantitiesWithoutTrailingZerosAndEveryShipment() {
        String markdown = ImpactAssessment.of("kg", new LotQuantities(new BigDecimal("500.000"),
                new BigDecimal("150"), new BigDecimal("64.500"), BigDecimal.ZERO, BigDecimal.ZERO), SEED_DELIVERIES)
                .markdown();
        assertThat(markdown).contains("- Total lot quantity: 500 kg\n")
                .contains("- Remaining on hand: 435.5 kg (unallocated 285.5, not for sale while the lot is held)\n")
                .contains("- Allocated: 150 kg (their shipments wait until the lot is released)\n")
                .contains("- Shipped: 64.5 kg (investigate)\n")
                .doesNotContain("Consumed")
                .contains("- **Metro Manufacturing**: 50 kg (SO-2024-2156 shipped 2024-11-22, SO-2024-2190 shipped "
                        + "2024-12-02)\n")
                .contains("- **Industrial Services Inc.**: 15 kg (SO-2024-2201 shipped 2024-12-10)\n");
    }

    /** Known-open list: "Allocated: 0 (shipments on hold)" spoke of shipments that did not exist. */
    @Test
    void nothingAllocatedSaysNoOrderWaits() {
        String markdown = ImpactAssessment.of("drums", new LotQuantities(new BigDecimal("80"), BigDecimal.ZERO,
                new BigDecimal("20"), BigDecimal.ZERO, BigDecimal.ZERO), List.of()).markdown();
        assertThat(markdown).contains("- Allocated: 0 drums (no order waits for this lot)\n")
                .doesNotContain("on hold").doesNotContain("wait until");
    }

    @Test
    void consumptionByOtherLotsIsShownOnlyWhenThereIsSome() {
        assertThat(seedLot(List.of(), "12.5").markdown()).contains("- Consumed by other lots: 12.5 drums\n")
                .doesNotContain("Disposed");
    }

    /** Audit 26b F2: the lots made from the held lot are named under the consumption line, which stays as it was. */
    @Test
    void theLotsMadeFromTheHeldLotAreNamedWithTheirQuantities() {
        ImpactAssessment impact = ImpactAssessment.of("kg", new LotQuantities(new BigDecimal("200"), BigDecimal.ZERO,
                BigDecimal.ZERO, new BigDecimal("120"), BigDecimal.ZERO), List.of(), List.of(
                        new ImpactAssessment.MadeInto("AFG-2025-005", "PENDING", new BigDecimal("100.000")),
                        new ImpactAssessment.MadeInto("AFG-2025-006", "RELEASED", new BigDecimal("20"))));
        assertThat(impact.markdown()).contains("- Consumed by other lots: 120 kg\n"
                + "    - used in lot AFG-2025-005 (PENDING): 100 kg\n"
                + "    - used in lot AFG-2025-006 (RELEASED): 20 kg\n");
        assertThat(impact.asDetail().get("madeInto")).isEqualTo(List.of(
                Map.of("lotNumber", "AFG-2025-005", "status", "PENDING", "quantity", new BigDecimal("100.000")),
                Map.of("lotNumber", "AFG-2025-006", "status", "RELEASED", "quantity", new BigDecimal("20"))));
    }

    @Test
    void aDisposedLotHasNothingOnHandAndSaysWhatWasDisposedOf() {
        ImpactAssessment impact = ImpactAssessment.of("drums", new LotQuantities(new BigDecimal("500"),
                BigDecimal.ZERO, new BigDecimal("65"), BigDecimal.ZERO, new BigDecimal("435")), List.of());
        assertThat(impact.onHand()).isEqualByComparingTo("0");
        assertThat(impact.available()).isEqualByComparingTo("0");
        assertThat(impact.markdown()).contains("- Remaining on hand: 0 drums (unallocated 0, not for sale while the lot is held)\n")
                .contains("- Disposed of: 435 drums\n");
    }
}
