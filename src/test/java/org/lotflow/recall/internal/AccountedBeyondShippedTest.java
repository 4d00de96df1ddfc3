package org.lotflow.recall.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;
import org.lotflow.shared.InvalidInput;

/**
 * More accounted for than shipped, and the closing's justification it needs, on their own: Metro was shipped 10 pails,
 * answered that it destroyed all 10, then 5 pails were received back from it at the plant: 15 of 10 accounted for,
 * nothing still at the customer and "100 % retrieved", and only a CHECK remark on the closing form hinted at it. One of
 * the figures is wrong; the QA manager says which before signing (21 CFR 7.55(a), 7.42(b)(3); ALCOA+ accurate).
 */
class AccountedBeyondShippedTest {

    private static final String METRO = "Metro Manufacturing: 5 pails more than shipped (shipped 10, received 5,"
            + " destroyed 10)";

    private static final BiFunction<String, String, BigDecimal> FIVE_FROM_METRO = (customer, unit) ->
            customer.equals("Metro Manufacturing") ? new BigDecimal("5") : BigDecimal.ZERO;

    /** Metro: shipped 10, said 0 returned and 10 destroyed; Allied: shipped 30, said 30 returned, nothing back yet. */
    private static List<NotificationStore.NotificationRow> rows() {
        return List.of(row("Metro Manufacturing", "pails", "10", "0", "10", true),
                row("Allied Machining", "pails", "30", "30", "0", true));
    }

    @Test
    void destroyedOnSiteAndReceivedAtThePlantBeyondWhatWasShipped() {
        AccountedBeyondShipped beyond = AccountedBeyondShipped.of(rows().subList(0, 1), FIVE_FROM_METRO);
        assertThat(beyond.lines()).singleElement().satisfies(l -> {
            assertThat(l.customer()).isEqualTo("Metro Manufacturing");
            assertThat(l.unit()).isEqualTo("pails");
            assertThat(l.quantity()).isEqualByComparingTo("5");
            assertThat(l.quantityShipped()).isEqualByComparingTo("10");
            assertThat(l.quantityReturned()).isEqualByComparingTo("0");
            assertThat(l.quantityReceived()).isEqualByComparingTo("5");
            assertThat(l.quantityDestroyed()).isEqualByComparingTo("10");
        });
        assertThat(beyond.inWords()).isEqualTo(METRO);
        // what the effectiveness said before: nothing left, nothing missing, 100 % retrieved; now the excess beside it
        Effectiveness e = Effectiveness.of(rows().subList(0, 1), FIVE_FROM_METRO);
        assertThat(e.stillAtCustomers()).isEmpty();
        assertThat(e.returnsNotReceived()).isEmpty();
        assertThat(e.retrievedPercent()).isEqualByComparingTo("100.0");
        assertThat(e.accountedBeyondShipped()).isEqualTo(beyond.lines());
        assertThat(e.summary()).endsWith("; more accounted for than shipped (returned or received back, plus"
                + " destroyed): " + METRO);
    }

    @Test
    void figuresThatAddUpLeaveNothing() {
        BiFunction<String, String, BigDecimal> none = (customer, unit) -> BigDecimal.ZERO;
        assertThat(AccountedBeyondShipped.of(rows(), none).isEmpty()).as("destroyed 10 of 10, nothing back").isTrue();
        // said 5 returned and 5 destroyed of 10; 5 (or fewer) arrived: as much as shipped, not more
        List<NotificationStore.NotificationRow> half = List.of(row("Acme", "kg", "10", "5", "5", true));
        assertThat(AccountedBeyondShipped.of(half, (c, u) -> new BigDecimal("5.000")).isEmpty()).isTrue();
        assertThat(AccountedBeyondShipped.of(half, (c, u) -> new BigDecimal("3")).isEmpty()).as("ReturnsNotReceived's"
                + " case").isTrue();
        assertThat(AccountedBeyondShipped.of(half, (c, u) -> new BigDecimal("5.5")).inWords()).isEqualTo("Acme: 0.5 kg"
                + " more than shipped (shipped 10, said returned 5, received 5.5, destroyed 5)");
        // a customer recorded as not reached said nothing: only what came back from it counts, at most what it got
        List<NotificationStore.NotificationRow> notReached = List.of(row("Bayou", "drums", "40", "0", "40", false));
        assertThat(AccountedBeyondShipped.of(notReached, (c, u) -> new BigDecimal("10")).isEmpty()).isTrue();
        NotificationStore.NotificationRow open = new NotificationStore.NotificationRow(8L, "Gamma", "kg",
                new BigDecimal("2"), "OPEN", null, null, null, null, null, null, null, null, null, null, null);
        assertThat(AccountedBeyondShipped.of(List.of(open), (c, u) -> new BigDecimal("2")).isEmpty()).isTrue();
        assertThat(AccountedBeyondShipped.of(List.of(open), (c, u) -> null).isEmpty()).isTrue();
    }

    @Test
    void keptPerCustomerAndUnitNamingWhatTheCustomerSaid() {
        List<NotificationStore.NotificationRow> rows = List.of(row("Acme", "pails", "10", "3", "7", true),
                row("Acme", "kg", "100", "60", "40", true));
        BiFunction<String, String, BigDecimal> received = (customer, unit) -> "pails".equals(unit)
                ? new BigDecimal("5") : new BigDecimal("60");
        assertThat(AccountedBeyondShipped.of(rows, received).inWords()).isEqualTo("Acme: 2 pails more than shipped"
                + " (shipped 10, said returned 3, received 5, destroyed 7)");
        assertThat(AccountedBeyondShipped.beyond(new BigDecimal("10"), null, null, null)).isEqualByComparingTo("-10");
        assertThat(AccountedBeyondShipped.beyond(new BigDecimal("10"), new BigDecimal("6"), new BigDecimal("4"),
                new BigDecimal("6"))).isEqualByComparingTo("2");
    }

    @Test
    void closingWithMoreAccountedForThanShippedNeedsAJustificationOfWhichFigureIsRight() {
        Effectiveness e = Effectiveness.of(rows().subList(0, 1), FIVE_FROM_METRO);
        assertThat(e.level()).isEqualTo("A");
        assertThatThrownBy(() -> ClosingJustification.of(e, "A", null)).isInstanceOf(InvalidInput.class)
                .hasMessage("justification: required: more accounted for than shipped (returned or received back, plus"
                        + " destroyed): " + METRO + ". Say which figure is right where more is accounted for than was"
                        + " shipped (for instance the quantity the customer said it destroyed, or the goods received"
                        + " back at the plant: miscounted, or another customer's) before the recall closes (21 CFR"
                        + " 7.55)");
        String why = "Metro destroyed 5 (certificate DC-12 corrected); the 5 received were counted right";
        assertThat(ClosingJustification.of(e, "A", why)).isEqualTo(why);
        assertThat(ClosingJustification.goodsOut(new StillAtCustomers(e.stillAtCustomers()),
                new ReturnsNotReceived(e.returnsNotReceived()), new AccountedBeyondShipped(e.accountedBeyondShipped())))
                .isEqualTo(" with more accounted for than shipped (" + METRO + ")");
        // with returns not received elsewhere too, and below the target: the refusal names every line
        Effectiveness both = Effectiveness.of(rows(), FIVE_FROM_METRO);
        assertThatThrownBy(() -> ClosingJustification.of(both, "A", null)).hasMessage("justification: required:"
                + " returned by the customer's word but not received at the plant: Allied Machining: 30 pails (said 30,"
                + " received 0); and more accounted for than shipped (returned or received back, plus destroyed): "
                + METRO + ". Say what became of them (for instance still in transit, lost, or miscounted), and which"
                + " figure is right where more is accounted for than was shipped (for instance the quantity the"
                + " customer said it destroyed, or the goods received back at the plant: miscounted, or another"
                + " customer's) before the recall closes (21 CFR 7.55)");
        Effectiveness below = Effectiveness.of(List.of(rows().get(0), row("Allied Machining", "pails", "30", "0", "0",
                null)), FIVE_FROM_METRO);
        assertThat(below.level()).isEqualTo("B");
        assertThatThrownBy(() -> ClosingJustification.of(below, "A", null)).hasMessageContaining("below the target"
                + " level A, and still at customers, neither returned nor destroyed: Allied Machining: 30 pails; and"
                + " more accounted for than shipped (returned or received back, plus destroyed): " + METRO
                + "; say why the recall may close anyway, and which figure is right");
        // once the figures agree (the 5 received were Allied's, recorded again under it), none is needed
        Effectiveness agreed = Effectiveness.of(rows().subList(0, 1), (c, u) -> BigDecimal.ZERO);
        assertThat(ClosingJustification.of(agreed, "A", null)).isNull();
        assertThatThrownBy(() -> ClosingJustification.of(agreed, "A", why)).hasMessageContaining("justification: not"
                + " needed").hasMessageContaining("no customer accounts for more than it was shipped");
    }

    /** An answered notification; {@code reached} false: the customer could not be reached, null: not acknowledged. */
    private static NotificationStore.NotificationRow row(String customer, String unit, String shipped, String returned,
            String destroyed, Boolean reached) {
        return new NotificationStore.NotificationRow((long) (customer + unit).hashCode(), customer, unit,
                new BigDecimal(shipped), RecallStatus.NOTIFICATION_DONE, null, reached != null && reached,
                new BigDecimal(returned), null, "rachel", null, "PHONE", "Jane Roe", null, new BigDecimal(destroyed),
                reached == null ? Boolean.TRUE : reached);
    }
}
