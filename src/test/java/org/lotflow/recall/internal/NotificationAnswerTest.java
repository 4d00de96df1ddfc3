package org.lotflow.recall.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.math.BigInteger;

import org.junit.jupiter.api.Test;
import org.lotflow.shared.Refusal;
import org.lotflow.shared.RefusalStatus;

/**
 * A customer's answer to a recall notification, on its own: the same rule whether it comes from the
 * API, Tasklist or the engine REST API (a number, 0 up to what was shipped, at most 3 decimals).
 */
class NotificationAnswerTest {

    private static final NotificationStore.NotificationRow OPEN = new NotificationStore.NotificationRow(1L, "Acme",
            "kg", new BigDecimal("10"), "OPEN", "task-1", null, null, null, null, null);

    @Test
    void anAnswerWithinWhatWasShippedIsTaken() {
        NotificationAnswer a = NotificationAnswer.check(OPEN, true, 10);
        assertThat(a.acknowledged()).isTrue();
        assertThat(a.quantityReturned()).isEqualByComparingTo("10");
        assertThat(NotificationAnswer.check(OPEN, false, 0.125).quantityReturned()).isEqualByComparingTo("0.125");
        assertThat(NotificationAnswer.check(OPEN, false, new BigDecimal("2.500")).quantityReturned())
                .isEqualByComparingTo("2.5");
        // kept as the record keeps it, 3 decimals, whatever form it came in (a double from Tasklist: re-test R1)
        assertThat(NotificationAnswer.check(OPEN, true, 1.0).quantityReturned().toPlainString()).isEqualTo("1.000");
        assertThat(NotificationAnswer.check(OPEN, true, 0.5).quantityReturned().toPlainString()).isEqualTo("0.500");
        assertThat(NotificationAnswer.check(OPEN, true, new BigDecimal("1E+1")).quantityReturned().toPlainString())
                .isEqualTo("10.000");
    }

    @Test
    void badInputsAre400NamingTheField() {
        assertRefused(400, "acknowledged: required", () -> NotificationAnswer.check(OPEN, null, 1));
        assertRefused(400, "acknowledged: must be true or false", () -> NotificationAnswer.check(OPEN, "yes", 1));
        assertRefused(400, "quantityReturned: required", () -> NotificationAnswer.check(OPEN, true, null));
        assertRefused(400, "quantityReturned: must be a number, was text '3'",
                () -> NotificationAnswer.check(OPEN, true, "3"));
        assertRefused(400, "quantityReturned: must be a number, was Boolean",
                () -> NotificationAnswer.check(OPEN, true, Boolean.TRUE));
        assertRefused(400, "quantityReturned: 11 kg is more than the 10 kg shipped to Acme",
                () -> NotificationAnswer.check(OPEN, true, 11));
        assertRefused(400, "quantityReturned", () -> NotificationAnswer.check(OPEN, true, -1));
        assertRefused(400, "quantityReturned: at most 3 decimals, was 1.2345 (never rounded)",
                () -> NotificationAnswer.check(OPEN, true, 1.2345));
        assertRefused(400, "quantityReturned: 'NaN' is not a number",
                () -> NotificationAnswer.check(OPEN, true, Double.NaN));
    }

    @Test
    void anAnsweredCustomerIs409() {
        NotificationStore.NotificationRow done = new NotificationStore.NotificationRow(1L, "Acme", "kg", new BigDecimal("10"),
                RecallStatus.NOTIFICATION_DONE, "task-1", true, BigDecimal.ONE, null, "rachel", null);
        assertRefused(409, "Customer Acme was already notified", () -> NotificationAnswer.check(done, true, 1));
    }

    @Test
    void everyNumberTypeTheEngineSendsIsRead() {
        assertThat(NotificationAnswer.decimal("q", 3L)).isEqualByComparingTo("3");
        assertThat(NotificationAnswer.decimal("q", (short) 3)).isEqualByComparingTo("3");
        assertThat(NotificationAnswer.decimal("q", BigInteger.TEN)).isEqualByComparingTo("10");
        assertThat(NotificationAnswer.decimal("q", 0.1f)).isEqualByComparingTo("0.1");
        assertThat(NotificationAnswer.decimal("q", 0.1d)).isEqualByComparingTo("0.1");
    }

    private static void assertRefused(int status, String message, Runnable call) {
        Refusal refused = catchThrowableOfType(Refusal.class, call::run);
        assertThat(refused).as(message).isNotNull();
        assertThat(RefusalStatus.of(refused)).isEqualTo(status);
        assertThat(refused.getMessage()).startsWith(message);
    }
}
