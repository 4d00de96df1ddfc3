package org.lotflow.recall.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The FDA effectiveness-check levels (21 CFR 7.42(b)(3)) and the recall's totals, on their own. */
class EffectivenessTest {

    @Test
    void levelsFollowTheShareOfCustomersWhoAcknowledged() {
        assertThat(Effectiveness.level(0, 0)).isNull();
        assertThat(Effectiveness.level(10, 10)).isEqualTo("A");
        assertThat(Effectiveness.level(9, 10)).isEqualTo("B");
        assertThat(Effectiveness.level(2, 10)).isEqualTo("B");
        assertThat(Effectiveness.level(1, 10)).as("exactly 10 %").isEqualTo("C");
        assertThat(Effectiveness.level(3, 100)).isEqualTo("C");
        assertThat(Effectiveness.level(2, 100)).as("exactly 2 %").isEqualTo("D");
        assertThat(Effectiveness.level(1, 100)).isEqualTo("D");
        assertThat(Effectiveness.level(0, 100)).isEqualTo("E");
    }

    @Test
    void totalsAndPercentagesComeFromTheNotifications() {
        List<NotificationStore.NotificationRow> rows = new ArrayList<>();
        rows.add(row("Acme", "10", true, "9.5"));
        rows.add(row("Beta", "8", false, "2"));
        rows.add(new NotificationStore.NotificationRow(3L, "Gamma", "kg", new BigDecimal("2"), "OPEN", null, null,
                null, null, null, null, null, null, null, null, null));
        Effectiveness e = Effectiveness.of(rows);
        assertThat(e.customers()).isEqualTo(3);
        assertThat(e.notified()).isEqualTo(2);
        assertThat(e.acknowledged()).isEqualTo(1);
        assertThat(e.acknowledgedPercent()).isEqualByComparingTo("33.3");
        assertThat(e.quantityShipped()).isEqualByComparingTo("20");
        assertThat(e.quantityReturned()).isEqualByComparingTo("11.5");
        assertThat(e.returnedPercent()).isEqualByComparingTo("57.5");
        assertThat(e.quantities()).singleElement().satisfies(q -> {
            assertThat(q.unit()).isEqualTo("kg");
            assertThat(q.shipped()).isEqualByComparingTo("20");
            assertThat(q.returned()).isEqualByComparingTo("11.5");
        });
        assertThat(e.level()).isEqualTo("B");
        assertThat(e.levelMeaning()).startsWith("Level B: the effectiveness checks verified more than 10%");
    }

    /** Audit 2026-12-07 F3, M3: a share never reads 100.0 while anything is left at a customer; otherwise half up. */
    @Test
    void sharesNeverReadAHundredWhileAnythingIsLeft() {
        assertThat(Effectiveness.share(new BigDecimal("999.6"), new BigDecimal("1000"))).isEqualByComparingTo("99.9");
        assertThat(Effectiveness.share(new BigDecimal("1000"), new BigDecimal("1000"))).isEqualByComparingTo("100.0");
        assertThat(Effectiveness.share(new BigDecimal("2"), new BigDecimal("3"))).isEqualByComparingTo("66.7");
        assertThat(Effectiveness.share(BigDecimal.ONE, BigDecimal.ZERO)).isNull();
        assertThat(Effectiveness.percent(1999, 2000)).isEqualByComparingTo("99.9");
        assertThat(Effectiveness.percent(2, 3)).isEqualByComparingTo("66.7");
        assertThat(Effectiveness.percent(3, 3)).isEqualByComparingTo("100.0");

        List<NotificationStore.NotificationRow> rows = new ArrayList<>();
        rows.add(row("Acme", "1000", true, "999.6"));
        Effectiveness e = Effectiveness.of(rows);
        assertThat(e.returnedPercent()).isEqualByComparingTo("99.9");
        assertThat(e.retrievedPercent()).isEqualByComparingTo("99.9");
        assertThat(e.summary()).doesNotContain("100.0 % retrieved").doesNotContain("(100.0 %):");
    }

    /**
     * Auditor 2026-12-06 G2: pails and kilograms were added into one "quantity returned" and one share. A customer
     * that received both has a notification for each: it counts once, acknowledged only when it acknowledged each.
     */
    @Test
    void quantitiesAreAddedWithinAUnitOnlyAndACustomerCountsOnceWhateverItsUnits() {
        List<NotificationStore.NotificationRow> rows = new ArrayList<>();
        rows.add(row("Acme", "pail", "40", true, "12"));
        rows.add(row("Acme", "kg", "100", true, "5"));
        rows.add(row("Beta", "kg", "50", true, "50"));
        rows.add(row("Gamma", "pail", "10", true, "0"));
        rows.add(row("Gamma", "kg", "10", false, "0"));
        Effectiveness e = Effectiveness.of(rows, receivedAsSaid(rows));
        assertThat(e.customers()).isEqualTo(3);
        assertThat(e.notified()).isEqualTo(3);
        assertThat(e.acknowledged()).as("Gamma acknowledged for pails only").isEqualTo(2);
        assertThat(e.level()).isEqualTo("B");
        assertThat(e.quantityShipped()).as("no total across units").isNull();
        assertThat(e.quantityReturned()).isNull();
        assertThat(e.returnedPercent()).isNull();
        assertThat(e.quantities()).extracting(Effectiveness.UnitQuantities::unit).containsExactly("kg", "pail");
        assertThat(e.quantities().get(0).shipped()).isEqualByComparingTo("160");
        assertThat(e.quantities().get(0).returned()).isEqualByComparingTo("55");
        assertThat(e.quantities().get(0).returnedPercent()).isEqualByComparingTo("34.4");
        assertThat(e.quantities().get(1).shipped()).isEqualByComparingTo("50");
        assertThat(e.quantities().get(1).returned()).isEqualByComparingTo("12");
        assertThat(e.quantities().get(1).returnedPercent()).isEqualByComparingTo("24.0");
        assertThat(e.summary()).isEqualTo("Effectiveness B: 2 of 3 customer(s) acknowledged (66.7 %); 55 of 160 kg"
                + " returned (34.4 %): 34.4 % retrieved; 12 of 50 pail returned (24.0 %): 24.0 % retrieved; still at customers (neither returned nor"
                + " destroyed): Acme: 28 pail; Acme: 95 kg; Gamma: 10 pail; Gamma: 10 kg");
        // what is left is per customer and unit, never added across units (Beta returned its 50 kg)
        assertThat(e.stillAtCustomers()).extracting(StillAtCustomers.Line::customer, StillAtCustomers.Line::unit)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Acme", "pail"),
                        org.assertj.core.groups.Tuple.tuple("Acme", "kg"), org.assertj.core.groups.Tuple.tuple("Gamma",
                                "pail"), org.assertj.core.groups.Tuple.tuple("Gamma", "kg"));
    }

    /** Auditor 2026-12-06 A6: a unit nobody answered for yet returned "0" beside "0.000" elsewhere. */
    @Test
    void aUnitWithoutAnswersHasReturnedNothingWithThreeDecimals() {
        Effectiveness e = Effectiveness.of(List.of(new NotificationStore.NotificationRow(1L, "Acme", "kg",
                new BigDecimal("10.000"), "OPEN", null, null, null, null, null, null, null, null, null, null, null)));
        assertThat(e.quantities().get(0).returned().toPlainString()).isEqualTo("0.000");
        assertThat(e.quantityReturned().toPlainString()).isEqualTo("0.000");
        assertThat(e.quantities().get(0).destroyed().toPlainString()).isEqualTo("0.000");
        assertThat(e.quantityDestroyed().toPlainString()).isEqualTo("0.000");
    }

    /**
     * Returned to the plant and destroyed at the customer are two dispositions (21 CFR 7.59): each added within its
     * unit, the returned share as before, the retrieved share counting both; answers recorded before V138 (no
     * destroyed quantity) count as returned only.
     */
    @Test
    void destroyedQuantitiesAreAddedApartAndTheRetrievedShareCountsReturnedAndDestroyed() {
        List<NotificationStore.NotificationRow> rows = new ArrayList<>();
        rows.add(row("Acme", "kg", "100", true, "50", "30"));
        rows.add(row("Beta", "kg", "60", true, "10", "0"));
        rows.add(row("Gamma", "kg", "40", true, "20")); // answered before V138: no destroyed quantity
        Effectiveness e = Effectiveness.of(rows, receivedAsSaid(rows));
        assertThat(e.quantityShipped()).isEqualByComparingTo("200");
        assertThat(e.quantityReturned()).isEqualByComparingTo("80");
        assertThat(e.quantityDestroyed()).isEqualByComparingTo("30");
        assertThat(e.returnedPercent()).isEqualByComparingTo("40.0");
        assertThat(e.retrievedPercent()).isEqualByComparingTo("55.0");
        assertThat(e.quantities()).singleElement().satisfies(q -> {
            assertThat(q.destroyed()).isEqualByComparingTo("30");
            assertThat(q.retrievedPercent()).isEqualByComparingTo("55.0");
        });
        assertThat(e.summary()).isEqualTo("Effectiveness A: 3 of 3 customer(s) acknowledged (100.0 %); 80 of 200 kg"
                + " returned (40.0 %) and 30 kg destroyed at the customers: 55.0 % retrieved; still at customers (neither"
                + " returned nor destroyed): Acme: 20 kg; Beta: 50 kg; Gamma: 20 kg");
    }

    @Test
    void aCheckMeetsItsTargetLevelOrBetterAndARecallWithoutCustomersAlways() {
        Effectiveness b = Effectiveness.of(List.of(row("Acme", "10", true, "10"), row("Beta", "5", false, "0")));
        assertThat(b.level()).isEqualTo("B");
        assertThat(b.meets("A")).isFalse();
        assertThat(b.meets("B")).isTrue();
        assertThat(b.meets("C")).isTrue();
        assertThat(Effectiveness.of(List.of(row("Acme", "10", true, "10"))).meets("A")).isTrue();
        assertThat(Effectiveness.of(List.of()).meets("A")).isTrue();
    }

    /**
     * A customer that could not be reached is not notified (nobody there was told; new user U3, 21 CFR 7.53): counted
     * apart, never acknowledged; an answer recorded before V145 (reached null) counts as notified, as it was.
     */
    @Test
    void aCustomerNotReachedIsNotNotified() {
        NotificationStore.NotificationRow told = row("Acme", "kg", "10", true, "5", "0");
        NotificationStore.NotificationRow before = new NotificationStore.NotificationRow(2L, "Beta", "kg",
                new BigDecimal("4"), RecallStatus.NOTIFICATION_DONE, null, false, new BigDecimal("0"), null, "rachel",
                null, null, null, null, null, null);
        NotificationStore.NotificationRow tried = new NotificationStore.NotificationRow(3L, "Bayou", "kg",
                new BigDecimal("6"), RecallStatus.NOTIFICATION_DONE, null, false, new BigDecimal("0"), null, "rachel",
                null, "PHONE", "Reception", null, new BigDecimal("0"), false);
        assertThat(tried.done()).isTrue();
        assertThat(tried.notified()).isFalse();
        assertThat(before.notified()).isTrue();
        Effectiveness e = Effectiveness.of(List.of(told, before, tried));
        assertThat(e.customers()).isEqualTo(3);
        assertThat(e.notified()).isEqualTo(2);
        assertThat(e.notReached()).isEqualTo(1);
        assertThat(e.acknowledged()).isEqualTo(1);
        assertThat(e.notificationsAnswered()).isEqualTo(3);
        assertThat(e.summary()).contains("1 could not be reached (not notified)");
    }

    /** What the plant received back: what each customer said it returned (no returns unaccounted for). */
    private static java.util.function.BiFunction<String, String, BigDecimal> receivedAsSaid(
            List<NotificationStore.NotificationRow> rows) {
        return (customer, unit) -> rows.stream().filter(n -> n.customer().equals(customer)
                && java.util.Objects.equals(n.unit(), unit) && n.quantityReturned() != null)
                .map(NotificationStore.NotificationRow::quantityReturned).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static NotificationStore.NotificationRow row(String customer, String shipped, boolean ack, String returned) {
        return row(customer, "kg", shipped, ack, returned);
    }

    private static NotificationStore.NotificationRow row(String customer, String unit, String shipped, boolean ack,
            String returned) {
        return new NotificationStore.NotificationRow((long) customer.hashCode(), customer, unit,
                new BigDecimal(shipped), RecallStatus.NOTIFICATION_DONE, null, ack, new BigDecimal(returned), null,
                "rachel", null, null, null, null, null, null);
    }

    private static NotificationStore.NotificationRow row(String customer, String unit, String shipped, boolean ack,
            String returned, String destroyed) {
        return new NotificationStore.NotificationRow((long) customer.hashCode(), customer, unit,
                new BigDecimal(shipped), RecallStatus.NOTIFICATION_DONE, null, ack, new BigDecimal(returned), null,
                "rachel", null, "PHONE", "Jane Roe", null, new BigDecimal(destroyed), true);
    }

    /**
     * New user 2026-12-07 F1: level A ("every customer acknowledged") was signed as "meets the target" with 10,300 of
     * 17,000 bottles still at a hospital pharmacy. What is left is shipped minus returned minus destroyed, per customer
     * and unit; a customer that returned or destroyed all has nothing left; a customer not answered yet holds all.
     */
    @Test
    void whatIsStillAtCustomersIsShippedLessReturnedAndDestroyed() {
        List<NotificationStore.NotificationRow> rows = new ArrayList<>();
        rows.add(row("St. Mary", "bottles", "12000", true, "1500", "200"));
        rows.add(row("Northwind", "bottles", "5000", true, "0", "5000"));
        StillAtCustomers left = StillAtCustomers.of(rows);
        assertThat(left.lines()).singleElement().satisfies(l -> {
            assertThat(l.customer()).isEqualTo("St. Mary");
            assertThat(l.quantity()).isEqualByComparingTo("10300");
        });
        assertThat(left.inWords()).isEqualTo("St. Mary: 10300 bottles");
        assertThat(Effectiveness.of(rows).level()).as("the level counts acknowledgements only").isEqualTo("A");
        assertThat(StillAtCustomers.of(List.of(row("Northwind", "bottles", "5000", true, "4999.5", "0.5"))).isEmpty())
                .isTrue();
        // goods received back at the plant count when more than the customer said (new user 2026-12-07 N6)
        java.util.function.BiFunction<String, String, BigDecimal> received = (customer, unit) -> customer.equals("St. Mary")
                ? new BigDecimal("1500") : BigDecimal.ZERO;
        assertThat(StillAtCustomers.of(rows, received).inWords()).isEqualTo("St. Mary: 10300 bottles");
        assertThat(StillAtCustomers.of(List.of(row("St. Mary", "bottles", "6000", true, "1000", "200")), received)
                .inWords()).as("6000 - 1500 received - 200 destroyed").isEqualTo("St. Mary: 4300 bottles");
        assertThat(Effectiveness.of(List.of(row("St. Mary", "bottles", "6000", true, "1000", "200")), received)
                .stillAtCustomers()).singleElement().satisfies(l -> assertThat(l.quantity()).isEqualByComparingTo("4300"));
    }

    @Test
    void theSharesSayWhatThePlantReceivedBesideTheCustomersWord() {
        // said 20 of 40 returned, 30 received at the plant (new user round 24b N2)
        List<NotificationStore.NotificationRow> rows = List.of(row("Allied", "pails", "40", true, "20", "0"));
        Effectiveness e = Effectiveness.of(rows, (customer, unit) -> new BigDecimal("30"));
        assertThat(e.returnedPercent()).as("the customers' word, as before").isEqualByComparingTo("50.0");
        assertThat(e.quantities().get(0).received()).isEqualByComparingTo("30");
        assertThat(e.summary()).contains("20 of 40 pails returned (50.0 %) by the customers' word (received at the"
                + " plant: 30 pails): 50.0 % retrieved by the customers' word")
                .contains("still at customers (neither returned nor destroyed): Allied: 10 pails");
        assertThat(Effectiveness.of(rows, (customer, unit) -> new BigDecimal("20")).summary())
                .as("nothing to say when the two agree").doesNotContain("customers' word");
    }

    /**
     * New user round 25 N1: drums and pails, 5 pails destroyed: the retrieved share is said of each unit, the pails'
     * 100.0 % never closing the sentence as if it were the recall's, with 20 drums still at a customer.
     */
    @Test
    void eachUnitSaysItsOwnRetrievedShare() {
        Effectiveness e = Effectiveness.of(List.of(row("Precision", "drums", "50", true, "30", "0"),
                row("Metro", "pails", "50", true, "50", "0"), row("Allied", "pails", "30", true, "25", "5")),
                (customer, unit) -> new BigDecimal(java.util.Map.of("Precision", "30", "Metro", "50", "Allied", "25")
                        .get(customer))); // every return received at the plant
        assertThat(e.summary()).isEqualTo("Effectiveness A: 3 of 3 customer(s) acknowledged (100.0 %); 30 of 50 drums"
                + " returned (60.0 %): 60.0 % retrieved; 75 of 80 pails returned (93.8 %) and 5 pails destroyed at the"
                + " customers: 100.0 % retrieved; still at customers (neither returned nor destroyed): Precision: 20"
                + " drums");
    }

    /** Re-test 25 R6: a unit whose figures add up to more than was shipped says its share is only the customers' word. */
    @Test
    void aUnitAccountedBeyondShippedSaysItsShareIsTheCustomersWord() {
        Effectiveness e = Effectiveness.of(List.of(row("Allied", "kg", "10", true, "0", "10")),
                (customer, unit) -> new BigDecimal("3"));
        assertThat(e.summary()).contains("0 of 10 kg returned (0.0 %) by the customers' word (received at the plant: 3"
                + " kg) and 10 kg destroyed at the customers: 100.0 % retrieved by the customers' word, figures that"
                + " disagree with the plant's (see more accounted for than shipped)");
    }
}
