package org.lotflow.order.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

/** The status an order shows, from its row and its allocations. */
class OrderStatusTest {

    static String status(boolean cancelled, boolean pending, String quantity, String open, String shipped) {
        return OrderStatus.of(cancelled, pending, new BigDecimal(quantity), new BigDecimal(open),
                new BigDecimal(shipped));
    }

    @Test
    void theFirstStatusThatAppliesWins() {
        assertThat(status(true, true, "10", "10", "0")).isEqualTo("CANCELLED");
        assertThat(status(false, true, "10", "0", "0")).isEqualTo("OVERRIDE_PENDING");
        assertThat(status(false, false, "10", "0", "10")).isEqualTo("SHIPPED");
        assertThat(status(false, false, "10", "4", "6")).isEqualTo("PARTIALLY_SHIPPED");
        assertThat(status(false, false, "10", "10", "0")).isEqualTo("ALLOCATED");
        assertThat(status(false, false, "10", "4", "0")).isEqualTo("PARTIALLY_ALLOCATED");
        assertThat(status(false, false, "10", "0", "0")).isEqualTo("UNALLOCATED");
    }
}
