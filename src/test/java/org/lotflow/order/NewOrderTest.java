package org.lotflow.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.RefusalStatus;

/** The order's own fields are checked before anything is read: 400 naming the field. */
class NewOrderTest {

    static final LocalDate TODAY = LocalDate.of(2025, 3, 1);

    static NewOrder order(String number, String quantity, LocalDate requiredBy, Integer minMonths, String lot) {
        return new NewOrder(number, "Acme", "IL-250", quantity == null ? null : new BigDecimal(quantity), requiredBy,
                minMonths, lot, lot == null ? null : "Regulatory requirement");
    }

    static void refused(NewOrder order, String field) {
        assertThatThrownBy(() -> order.validate(TODAY)).isInstanceOfSatisfying(InvalidInput.class, e -> {
            assertThat(e.properties()).containsEntry("field", field);
            assertThat(RefusalStatus.of(e)).isEqualTo(400);
        });
    }

    @Test
    void aWellFormedOrderPasses() {
        assertThatCode(() -> order("SO-2025/001.a", "12.125", TODAY, 18, "IL250-2025-001").validate(TODAY))
                .doesNotThrowAnyException();
        assertThatCode(() -> order("SO-1", "1", null, null, null).validate(TODAY)).doesNotThrowAnyException();
    }

    @Test
    void eachMalformedFieldIsNamed() {
        refused(order(" ", "1", null, null, null), "orderNumber");
        refused(order("-SO", "1", null, null, null), "orderNumber");
        refused(new NewOrder("SO-1", " ", "IL-250", BigDecimal.ONE, null, null), "customer");
        refused(new NewOrder("SO-1", "x".repeat(201), "IL-250", BigDecimal.ONE, null, null), "customer");
        refused(new NewOrder("SO-1", "Acme", null, BigDecimal.ONE, null, null), "sku");
        refused(order("SO-1", null, null, null, null), "quantity");
        refused(order("SO-1", "0", null, null, null), "quantity");
        refused(order("SO-1", "1.0001", null, null, null), "quantity");
        refused(order("SO-1", "1000000000000", null, null, null), "quantity");
        refused(order("SO-1", "1", null, 241, null), "minShelfLifeMonths");
        refused(order("SO-1", "1", null, -1, null), "minShelfLifeMonths");
        refused(order("SO-1", "1", TODAY.minusDays(1), null, null), "requiredBy");
        refused(order("SO-1", "1", null, null, " "), "requestedLot");
        // a requested lot comes with the customer's reason, and a reason only with a requested lot (new user 17 F5)
        refused(new NewOrder("SO-1", "Acme", "IL-250", BigDecimal.ONE, null, null, "L-1", null), "requestReason");
        refused(new NewOrder("SO-1", "Acme", "IL-250", BigDecimal.ONE, null, null, "L-1", "  "), "requestReason");
        refused(new NewOrder("SO-1", "Acme", "IL-250", BigDecimal.ONE, null, null, null, "Regulatory"), "requestReason");
        refused(new NewOrder("SO-1", "Acme", "IL-250", BigDecimal.ONE, null, null, "L-1", "x".repeat(1001)),
                "requestReason");
        assertThat(new NewOrder("SO-1", "Acme", "IL-250", BigDecimal.ONE, null, null, "L-1", " Technical fit \n")
                .requestReasonAsKept()).isEqualTo("Technical fit");
    }

    /** Auditor 2026-12-06 G11: "Cust C" and "Cust  C" were two customers of a recall. */
    @Test
    void aCustomerIsKeptWithOneSpaceBetweenWordsAndItsCase() {
        assertThat(new NewOrder("SO-1", "  Cust   C  ", "IL-250", BigDecimal.ONE, null, null).customerAsKept())
                .isEqualTo("Cust C");
        assertThat(new NewOrder("SO-1", "Metro Manufacturing, 55 Mill St", "IL-250", BigDecimal.ONE, null, null)
                .customerAsKept()).isEqualTo("Metro Manufacturing, 55 Mill St");
    }
}
