package org.lotflow.recall.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;
import org.lotflow.shared.InvalidInput;

/**
 * Goods returned by a customer's word but not received at the plant, and the closing's justification they need (new
 * user 2026-12-07 N1: Allied said it returned 25 pails, 20 arrived, and the recall closed "100 % retrieved" without a
 * word; 21 CFR 7.55(a), 7.42(b)(3)), on their own.
 */
class ReturnsNotReceivedTest {

    private static final BiFunction<String, String, BigDecimal> N1_RECEIVED = (customer, unit) -> switch (customer) {
        case "Allied Machining" -> new BigDecimal("20");
        case "Metro Manufacturing" -> new BigDecimal("50");
        default -> BigDecimal.ZERO;
    };

    /** N1: Metro said 50 and 50 arrived; Allied said 25 returned and 5 destroyed of its 30, and 20 arrived. */
    private static List<NotificationStore.NotificationRow> n1() {
        return List.of(row("Metro Manufacturing", "pails", "50", "50", "0"),
                row("Allied Machining", "pails", "30", "25", "5"));
    }

    @Test
    void whatACustomerSaidItReturnedLessWhatArrivedIsNeitherHereNorThere() {
        ReturnsNotReceived missing = ReturnsNotReceived.of(n1(), N1_RECEIVED);
        assertThat(missing.lines()).singleElement().satisfies(l -> {
            assertThat(l.customer()).isEqualTo("Allied Machining");
            assertThat(l.unit()).isEqualTo("pails");
            assertThat(l.quantity()).isEqualByComparingTo("5");
            assertThat(l.quantityReturned()).isEqualByComparingTo("25");
            assertThat(l.quantityReceived()).isEqualByComparingTo("20");
        });
        assertThat(missing.inWords()).isEqualTo("Allied Machining: 5 pails (said 25, received 20)");
        // and nothing is still at a customer by the customer's word: the gap is not hidden there any more
        Effectiveness e = Effectiveness.of(n1(), N1_RECEIVED);
        assertThat(e.stillAtCustomers()).isEmpty();
        assertThat(e.retrievedPercent()).as("the statements, as before").isEqualByComparingTo("100.0");
        assertThat(e.returnsNotReceived()).isEqualTo(missing.lines());
        assertThat(e.summary()).endsWith("; returned by the customer's word but not received at the plant:"
                + " Allied Machining: 5 pails (said 25, received 20)");
    }

    @Test
    void moreOrAsMuchReceivedThanSaidAndCustomersNotReachedLeaveNothing() {
        BiFunction<String, String, BigDecimal> more = (customer, unit) -> customer.startsWith("Allied")
                ? new BigDecimal("30") : new BigDecimal("50");
        assertThat(ReturnsNotReceived.of(n1(), more).isEmpty()).as("received more than said: StillAtCustomers' case")
                .isTrue();
        BiFunction<String, String, BigDecimal> same = (customer, unit) -> customer.startsWith("Allied")
                ? new BigDecimal("25.000") : new BigDecimal("50");
        assertThat(ReturnsNotReceived.of(n1(), same).isEmpty()).isTrue();
        NotificationStore.NotificationRow notReached = new NotificationStore.NotificationRow(7L, "Bayou", "drums",
                new BigDecimal("40"), RecallStatus.NOTIFICATION_DONE, null, false, BigDecimal.ZERO, null, "rachel",
                null, "PHONE", "nobody", null, BigDecimal.ZERO, false);
        assertThat(ReturnsNotReceived.of(List.of(notReached), (c, u) -> BigDecimal.ZERO).isEmpty()).isTrue();
        NotificationStore.NotificationRow open = new NotificationStore.NotificationRow(8L, "Gamma", "kg",
                new BigDecimal("2"), "OPEN", null, null, null, null, null, null, null, null, null, null, null);
        assertThat(ReturnsNotReceived.of(List.of(open), (c, u) -> BigDecimal.ZERO).isEmpty()).isTrue();
    }

    @Test
    void keptPerCustomerAndUnitWithWhatArrivedOfThatUnit() {
        List<NotificationStore.NotificationRow> rows = List.of(row("Acme", "pails", "40", "12", "0"),
                row("Acme", "kg", "100", "60", "0"));
        BiFunction<String, String, BigDecimal> received = (customer, unit) -> "kg".equals(unit)
                ? new BigDecimal("59.5") : new BigDecimal("12");
        assertThat(ReturnsNotReceived.of(rows, received).inWords()).isEqualTo("Acme: 0.5 kg (said 60, received 59.5)");
    }

    @Test
    void closingWithReturnsNotReceivedNeedsAJustificationWhateverTheLevel() {
        Effectiveness e = Effectiveness.of(n1(), N1_RECEIVED);
        assertThat(e.level()).isEqualTo("A");
        assertThatThrownBy(() -> ClosingJustification.of(e, "A", null)).isInstanceOf(InvalidInput.class)
                .hasMessage("justification: required: returned by the customer's word but not received at the plant:"
                        + " Allied Machining: 5 pails (said 25, received 20). Say what became of them (for instance"
                        + " still in transit, lost, or miscounted) before the recall closes (21 CFR 7.55)");
        assertThat(ClosingJustification.of(e, "A", "  5 pails lost in transit; carrier claim CL-77 "))
                .isEqualTo("5 pails lost in transit; carrier claim CL-77");
        // once the 5 arrive, nothing needs one, and one given is refused as before
        Effectiveness received = Effectiveness.of(n1(), (customer, unit) -> customer.startsWith("Allied")
                ? new BigDecimal("25") : new BigDecimal("50"));
        assertThat(ClosingJustification.of(received, "A", null)).isNull();
        assertThatThrownBy(() -> ClosingJustification.of(received, "A", "why")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("justification: not needed");
    }

    @Test
    void belowTheTargetOrWithProductStillAtCustomersTheRefusalNamesBoth() {
        List<NotificationStore.NotificationRow> rows = List.of(row("Metro Manufacturing", "pails", "60", "50", "0"),
                row("Allied Machining", "pails", "30", "25", "5"));
        Effectiveness e = Effectiveness.of(rows, N1_RECEIVED);
        assertThatThrownBy(() -> ClosingJustification.of(e, "A", null)).hasMessage("justification: required:"
                + " still at customers, neither returned nor destroyed: Metro Manufacturing: 10 pails; and returned by"
                + " the customer's word but not received at the plant: Allied Machining: 5 pails (said 25, received"
                + " 20). Say what became of it and of them (for instance used or dispensed before the recall reached"
                + " them; still in transit, lost, or miscounted) before the recall closes (21 CFR 7.55)");
        List<NotificationStore.NotificationRow> unacknowledged = List.of(row("Metro Manufacturing", "pails", "50", "50",
                "0"), new NotificationStore.NotificationRow(2L, "Allied Machining", "pails", new BigDecimal("30"),
                        RecallStatus.NOTIFICATION_DONE, null, false, new BigDecimal("25"), null, "rachel", null, "EMAIL",
                        "Lee Park", null, new BigDecimal("5"), true));
        Effectiveness b = Effectiveness.of(unacknowledged, N1_RECEIVED);
        assertThat(b.level()).isEqualTo("B");
        assertThatThrownBy(() -> ClosingJustification.of(b, "A", null)).hasMessage("justification: required: the"
                + " effectiveness check reached level B (1 of 2 customers acknowledged), below the target level A, and"
                + " returned by the customer's word but not received at the plant: Allied Machining: 5 pails (said 25,"
                + " received 20); say why the recall may close anyway");
    }

    private static NotificationStore.NotificationRow row(String customer, String unit, String shipped, String returned,
            String destroyed) {
        return new NotificationStore.NotificationRow((long) (customer + unit).hashCode(), customer, unit,
                new BigDecimal(shipped), RecallStatus.NOTIFICATION_DONE, null, true, new BigDecimal(returned), null,
                "rachel", null, "PHONE", "Jane Roe", null, new BigDecimal(destroyed), true);
    }
}
