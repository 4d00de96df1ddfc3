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
 * API, Tasklist or the engine REST API (a number, 0 up to what was shipped, at most 3 decimals; how and whom the
 * customer was reached, 21 CFR 7.42(b)(3), 7.49, 7.59; returned and destroyed together at most what was shipped).
 */
class NotificationAnswerTest {

    private static final NotificationStore.NotificationRow OPEN = new NotificationStore.NotificationRow(1L, "Acme",
            "kg", new BigDecimal("10"), "OPEN", "task-1", null, null, null, null, null, null, null, null, null, null);

    /** An answer with a valid contact (by telephone, to Jane Roe), no note and nothing destroyed. */
    private static NotificationAnswer check(NotificationStore.NotificationRow n, Object acknowledged,
            Object quantityReturned) {
        return NotificationAnswer.check(n, null, acknowledged, quantityReturned, "PHONE", "Jane Roe", null, null);
    }

    @Test
    void anAnswerWithinWhatWasShippedIsTaken() {
        NotificationAnswer a = check(OPEN, true, 10);
        assertThat(a.acknowledged()).isTrue();
        assertThat(a.quantityReturned()).isEqualByComparingTo("10");
        assertThat(check(OPEN, false, 0.125).quantityReturned()).isEqualByComparingTo("0.125");
        assertThat(check(OPEN, false, new BigDecimal("2.500")).quantityReturned())
                .isEqualByComparingTo("2.5");
        // kept as the record keeps it, 3 decimals, whatever form it came in (a double from Tasklist: re-test R1)
        assertThat(check(OPEN, true, 1.0).quantityReturned().toPlainString()).isEqualTo("1.000");
        assertThat(check(OPEN, true, 0.5).quantityReturned().toPlainString()).isEqualTo("0.500");
        assertThat(check(OPEN, true, new BigDecimal("1E+1")).quantityReturned().toPlainString())
                .isEqualTo("10.000");
    }

    @Test
    void badInputsAre400NamingTheField() {
        assertRefused(400, "acknowledged: required", () -> check(OPEN, null, 1));
        assertRefused(400, "acknowledged: must be true or false", () -> check(OPEN, "yes", 1));
        assertRefused(400, "quantityReturned: required", () -> check(OPEN, true, null));
        assertRefused(400, "quantityReturned: must be a number, was text '3'",
                () -> check(OPEN, true, "3"));
        assertRefused(400, "quantityReturned: must be a number, was Boolean",
                () -> check(OPEN, true, Boolean.TRUE));
        assertRefused(400, "quantityReturned: 11 kg is more than the 10 kg shipped to Acme",
                () -> check(OPEN, true, 11));
        assertRefused(400, "quantityReturned", () -> check(OPEN, true, -1));
        assertRefused(400, "quantityReturned: at most 3 decimals, was 1.2345 (never rounded)",
                () -> check(OPEN, true, 1.2345));
        assertRefused(400, "quantityReturned: 'NaN' is not a number",
                () -> check(OPEN, true, Double.NaN));
    }

    @Test
    void anAnsweredCustomerIs409() {
        NotificationStore.NotificationRow done = new NotificationStore.NotificationRow(1L, "Acme", "kg", new BigDecimal("10"),
                RecallStatus.NOTIFICATION_DONE, "task-1", true, BigDecimal.ONE, null, "rachel", null, "PHONE", "Jane Roe",
                null, BigDecimal.ZERO, true);
        assertRefused(409, "Customer Acme was already notified", () -> check(done, true, 1));
    }

    @Test
    void howAndWhomTheCustomerWasReachedAndWhatItDestroyedAreKept() {
        // the method as one of the codes, on every path (re-test 2026-12-06 R8: " visit " passed the API only)
        assertRefused(400, "contactMethod: ' visit ' is not a contact method", () -> NotificationAnswer.check(OPEN, null, true, 3.5,
                " visit ", "Jane Roe", null, null));
        NotificationAnswer a = NotificationAnswer.check(OPEN, null, true, 3.5, "VISIT", "  Jane Roe, QA manager ",
                "  Ten kg crushed on site,\ncertificate to follow  ", 6.5);
        assertThat(a.contactMethod()).isEqualTo("VISIT");
        assertThat(a.contactPerson()).isEqualTo("Jane Roe, QA manager");
        assertThat(a.note()).isEqualTo("Ten kg crushed on site,\ncertificate to follow");
        assertThat(a.quantityReturned().toPlainString()).isEqualTo("3.500");
        assertThat(a.quantityDestroyed().toPlainString()).isEqualTo("6.500");
        // optional: no note, nothing destroyed (0, with the record's 3 decimals)
        NotificationAnswer plain = NotificationAnswer.check(OPEN, null, false, 0, "LETTER", "Purchasing", " ", null);
        assertThat(plain.note()).isNull();
        assertThat(plain.quantityDestroyed().toPlainString()).isEqualTo("0.000");
        for (String method : NotificationAnswer.CONTACT_METHODS) {
            assertThat(NotificationAnswer.check(OPEN, null, true, 0, method, "x", null, 0).contactMethod()).isEqualTo(method);
        }
        // returned and destroyed up to exactly what was shipped
        assertThat(NotificationAnswer.check(OPEN, null, true, 4, "FAX", "x", null, new BigDecimal("6.000"))
                .quantityDestroyed()).isEqualByComparingTo("6");
        assertThat(NotificationAnswer.check(OPEN, null, true, 0, "EMAIL", "x", "n".repeat(2000), 10).note()).hasSize(2000);
        assertThat(NotificationAnswer.check(OPEN, null, true, 0, "EMAIL", "x".repeat(200), null, 0).contactPerson())
                .hasSize(200);
    }

    @Test
    void aMissingOrBadContactNoteOrDestroyedQuantityIs400NamingTheField() {
        assertRefused(400, "contactMethod: required", () -> NotificationAnswer.check(OPEN, null, true, 1, null, "Jane",
                null, 0));
        assertRefused(400, "contactMethod: required", () -> NotificationAnswer.check(OPEN, null, true, 1, " ", "Jane",
                null, 0));
        assertRefused(400, "contactMethod: 'PIGEON' is not a contact method: one of PHONE, EMAIL, LETTER, FAX, VISIT",
                () -> NotificationAnswer.check(OPEN, null, true, 1, "PIGEON", "Jane", null, 0));
        assertRefused(400, "contactMethod: must be text", () -> NotificationAnswer.check(OPEN, null, true, 1, 3, "Jane",
                null, 0));
        assertRefused(400, "contactPerson: required", () -> NotificationAnswer.check(OPEN, null, true, 1, "PHONE", null,
                null, 0));
        assertRefused(400, "contactPerson: required", () -> NotificationAnswer.check(OPEN, null, true, 1, "PHONE", "   ",
                null, 0));
        assertRefused(400, "contactPerson: at most 200 characters, was 201", () -> NotificationAnswer.check(OPEN, null,
                true, 1, "PHONE", "J".repeat(201), null, 0));
        assertRefused(400, "contactPerson: must be one line of visible text", () -> NotificationAnswer.check(OPEN, null,
                true, 1, "PHONE", "Jane\nRoe", null, 0));
        assertRefused(400, "contactPerson: must be one line of visible text", () -> NotificationAnswer.check(OPEN, null,
                true, 1, "PHONE", "Jane\u200bRoe", null, 0));
        assertRefused(400, "contactPerson: must be text", () -> NotificationAnswer.check(OPEN, null, true, 1, "PHONE", 7,
                null, 0));
        assertRefused(400, "note: at most 2000 characters, was 2001", () -> NotificationAnswer.check(OPEN, null, true, 1,
                "PHONE", "Jane", "n".repeat(2001), 0));
        assertRefused(400, "note: must be text", () -> NotificationAnswer.check(OPEN, null, true, 1, "PHONE", "Jane",
                Boolean.TRUE, 0));
        assertRefused(400, "note", () -> NotificationAnswer.check(OPEN, null, true, 1, "PHONE", "Jane", "a\u0000b", 0));
        assertRefused(400, "quantityDestroyed: must be 0 or more, was -1", () -> NotificationAnswer.check(OPEN, null, true,
                1, "PHONE", "Jane", null, -1));
        assertRefused(400, "quantityDestroyed: at most 3 decimals, was 1.2345 (never rounded)",
                () -> NotificationAnswer.check(OPEN, null, true, 1, "PHONE", "Jane", null, 1.2345));
        assertRefused(400, "quantityDestroyed: must be a number, was text '2'", () -> NotificationAnswer.check(OPEN, null,
                true, 1, "PHONE", "Jane", null, "2"));
        // the sum: in words a QA person reads
        assertRefused(400, "quantityDestroyed: 5 kg returned and 6 kg destroyed is more than the 10 kg shipped to"
                + " Acme", () -> NotificationAnswer.check(OPEN, null, true, 5, "PHONE", "Jane", null, 6));
        assertRefused(400, "quantityDestroyed: 0 kg returned and 10.001 kg destroyed is more than the 10 kg shipped",
                () -> NotificationAnswer.check(OPEN, null, true, 0, "PHONE", "Jane", null, new BigDecimal("10.001")));
        // the quantities are judged before the contact, as before (a returned quantity over what was shipped first)
        assertRefused(400, "quantityReturned: 11 kg is more than the 10 kg shipped", () -> NotificationAnswer.check(
                OPEN, null, true, 11, null, null, null, 5));
    }

    /**
     * "Could not be reached" is its own answer (new user U3; 21 CFR 7.49, 7.53): absent means reached, as every answer
     * meant before; a customer not reached cannot have acknowledged; anything but a Boolean is refused naming it.
     */
    @Test
    void reachedIsABooleanAbsentMeansReachedAndNotReachedNeverAcknowledged() {
        assertThat(NotificationAnswer.check(OPEN, null, true, 1, "PHONE", "Jane", null, 0).reached()).isTrue();
        assertThat(NotificationAnswer.check(OPEN, true, false, 1, "PHONE", "Jane", null, 0).reached()).isTrue();
        NotificationAnswer tried = NotificationAnswer.check(OPEN, false, false, 0, "PHONE", "Reception", null, 0);
        assertThat(tried.reached()).isFalse();
        assertThat(tried.acknowledged()).isFalse();
        assertThat(tried.contactPerson()).isEqualTo("Reception");
        assertRefused(400, "acknowledged: a customer that could not be reached cannot have acknowledged",
                () -> NotificationAnswer.check(OPEN, false, true, 0, "PHONE", "Reception", null, 0));
        for (Object bad : new Object[] {"false", "true", 0, 1L}) {
            assertRefused(400, "reached: must be true or false", () -> NotificationAnswer.check(OPEN, bad, false, 0,
                    "PHONE", "Reception", null, 0));
        }
        // the contact stays required: whom the plant tried to reach, and how
        assertRefused(400, "contactPerson: required", () -> NotificationAnswer.check(OPEN, false, false, 0, "PHONE",
                null, null, 0));
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
