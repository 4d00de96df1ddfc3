package org.lotflow.recall.internal.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The notification task's name fits Camunda's 255 characters whatever the customer and unit (re-test 2026-12-06 R1). */
class NotifyCustomerTaskNameTest {

    @Test
    void aCustomersTaskIsNamedAfterItAndItsUnitWhenItHasSeveral() {
        assertThat(NotifyCustomerListener.taskName("Acme Foods", "RC-2025-001", null))
                .isEqualTo("Notify Acme Foods (RC-2025-001)");
        assertThat(NotifyCustomerListener.taskName("Acme Foods", "RC-2025-001", "kg"))
                .isEqualTo("Notify Acme Foods (RC-2025-001): what it received in kg");
    }

    @Test
    void theLongestCustomerAndUnitStillMakeANameOf255WithTheUnitWhole() {
        String customer = "Long Customer " + "x".repeat(186); // 200, as orders accept
        String unit = "intermediate bulk containers 1m3"; // 32, as products accept
        String name = NotifyCustomerListener.taskName(customer, "RC-2025-004", unit);
        assertThat(name).hasSize(NotifyCustomerListener.MAX_TASK_NAME).startsWith("Notify Long Customer xxx")
                .contains("\u2026 (RC-2025-004)").endsWith(": what it received in " + unit);
        assertThat(NotifyCustomerListener.taskName("x".repeat(200), "RC-2025-004", "drums")).doesNotContain("\u2026")
                .hasSizeLessThanOrEqualTo(255);
    }
}
