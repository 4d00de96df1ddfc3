package org.lotflow.lot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.lotflow.product.Product;
import org.lotflow.shared.Refusal;
import org.lotflow.shared.RefusalStatus;
import org.lotflow.shared.StateConflict;

/**
 * A lot's quantities without Spring: giving back or shipping more than is allocated is a 409 that names
 * the lot and both quantities in the product's unit, and changes nothing.
 */
class LotQuantityRulesTest {

    static Lot lotWithAllocated(String allocated) {
        Product product = mock(Product.class);
        when(product.getUnit()).thenReturn("drums");
        Lot lot = new Lot("HC100-2025-001", product, new BigDecimal("400.000"), LocalDate.of(2025, 1, 27), null,
                LocalDate.of(2026, 7, 27), null, null, LotSource.PRODUCTION, Instant.EPOCH, "mike");
        lot.allocate(new BigDecimal(allocated));
        return lot;
    }

    @Test
    void shippingMoreThanIsAllocatedIs409NamingTheLotAndQuantities() {
        Lot lot = lotWithAllocated("30.000");

        Refusal refused = catchThrowableOfType(StateConflict.class, () -> lot.ship(new BigDecimal("50.5")));

        assertThat(RefusalStatus.of(refused)).isEqualTo(409);
        assertThat(refused.getMessage())
                .isEqualTo("Lot HC100-2025-001 has only 30 drums allocated, so 50.5 drums cannot be shipped");
        assertThat(refused.properties()).containsEntry("lotNumber", "HC100-2025-001")
                .containsEntry("allocated", new BigDecimal("30.000")).containsEntry("requested", new BigDecimal("50.5"));
        assertThat(lot.getAllocated()).isEqualByComparingTo("30");
        assertThat(lot.getShipped()).isEqualByComparingTo("0");
    }

    @Test
    void givingBackMoreThanIsAllocatedIs409NamingTheLotAndQuantities() {
        Lot lot = lotWithAllocated("30");

        Refusal refused = catchThrowableOfType(StateConflict.class, () -> lot.deallocate(new BigDecimal("31")));

        assertThat(RefusalStatus.of(refused)).isEqualTo(409);
        assertThat(refused.getMessage()).isEqualTo(
                "Lot HC100-2025-001 has only 30 drums allocated, so 31 drums cannot be given back to available stock");
        assertThat(refused.properties()).containsEntry("lotNumber", "HC100-2025-001");
        assertThat(lot.getAllocated()).isEqualByComparingTo("30");
        assertThat(lot.getAvailable()).isEqualByComparingTo("370");
    }

    @Test
    void upToTheAllocationShipsAndGivesBack() {
        Lot lot = lotWithAllocated("30");
        lot.ship(new BigDecimal("20"));
        lot.deallocate(new BigDecimal("10"));
        assertThat(lot.getAllocated()).isEqualByComparingTo("0");
        assertThat(lot.getShipped()).isEqualByComparingTo("20");
        assertThat(lot.getAvailable()).isEqualByComparingTo("380");
    }
}
