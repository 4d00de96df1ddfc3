package org.lotflow.recall.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The recall effectiveness check: customers acknowledged, quantities shipped and returned, and
 * the FDA effectiveness-check level (21 CFR 7.42(b)(3)) the acknowledged share of customers
 * reaches: A = 100 %, B = more than 10 % but less than 100 %, C = more than 2 % up to 10 %,
 * D = more than 0 % up to 2 %, E = none. No customers: no level (nothing to check).
 *
 * <p>Customers are counted once each, whatever the units they received: a customer is {@code notified} when each of
 * its notifications (one per unit) is answered and it was reached (told) in each (21 CFR 7.53: consignees notified;
 * an answer recorded before V145 counts as reached), {@code notReached} when one of its answers says it could not be
 * reached (nobody there was told: never notified), and acknowledged when it acknowledged each. Quantities are added only
 * within a unit ({@code quantities}, one entry per unit, by unit); {@code quantityShipped}, {@code quantityReturned},
 * {@code quantityDestroyed}, {@code returnedPercent} and {@code retrievedPercent} are the recall's totals when
 * everything it reached is in one unit, and null when not: pails and kilograms do not add up (auditor 2026-12-06 G2).
 * {@code quantityReturned} is what customers returned to the plant, {@code quantityDestroyed} what they destroyed on
 * site (21 CFR 7.59: what became of the recalled goods); {@code returnedPercent} the share of what was shipped that
 * came back, {@code retrievedPercent} the share that left the market: returned plus destroyed; both by the customers'
 * word, and {@code quantities}' {@code received} what arrived back at the plant in that unit beside it. Answers recorded
 * before the two were kept apart (V138) count their one number as returned. {@code notifications} and
 * {@code notificationsAnswered} count the notifications themselves (one per customer and unit), so a customer half
 * answered shows. Percentages have 1 decimal, rounded half up. {@code stillAtCustomers}: per customer and unit, what
 * was shipped and is neither returned nor destroyed ({@link StillAtCustomers}; closing with any needs a justification,
 * 21 CFR 7.55(a)). {@code returnsNotReceived}: per customer and unit, what the customer said it returned but was not
 * received at the plant ({@link ReturnsNotReceived}: in transit, lost or miscounted; closing with any needs a
 * justification too, 21 CFR 7.55(a), 7.42(b)(3)). {@code accountedBeyondShipped}: per customer and unit, what the
 * larger of what it said it returned and what was received back from it, plus what it said it destroyed, accounts for
 * beyond what it was shipped ({@link AccountedBeyondShipped}: figures that contradict each other, which the shares do
 * not show; closing with any needs a justification saying which figure is right, 21 CFR 7.55(a), 7.42(b)(3)).
 */
public record Effectiveness(int customers, int notified, int notReached, int acknowledged, BigDecimal acknowledgedPercent,
        BigDecimal quantityShipped, BigDecimal quantityReturned, BigDecimal quantityDestroyed,
        BigDecimal returnedPercent, BigDecimal retrievedPercent, List<UnitQuantities> quantities,
        int notifications, int notificationsAnswered, String level, String levelMeaning,
        List<StillAtCustomers.Line> stillAtCustomers, List<ReturnsNotReceived.Line> returnsNotReceived,
        List<AccountedBeyondShipped.Line> accountedBeyondShipped) {

    /**
     * What the recall's customers received, returned to the plant and destroyed on site in one unit, and the shares
     * of what was shipped: {@code returnedPercent} returned, {@code retrievedPercent} returned plus destroyed;
     * {@code unit} null only for notifications of several units recorded before V131 (their old sums, kept apart from
     * the others).
     */
    public record UnitQuantities(String unit, BigDecimal shipped, BigDecimal returned, BigDecimal destroyed,
            BigDecimal returnedPercent, BigDecimal retrievedPercent, BigDecimal received) {

        /**
         * Whether the plant received back more than the customers said they returned: the shares count the customers'
         * word (by design), so the page and the summary say what arrived beside them (new user round 24b N2: "50.0 %
         * retrieved" right above "still at customers: 10" with 30 of the 40 back at the plant).
         */
        boolean receivedBeyondWord() {
            return received != null && received.compareTo(returned) > 0;
        }

        /**
         * This unit's figures in words, its retrieved share always said and said of this unit: "30 of 50 drums
         * returned (60.0 %): 60.0 % retrieved", "75 of 80 pails returned (93.8 %) and 5 pails destroyed at the
         * customers: 100.0 % retrieved" (new user round 25 N1: "... and 5 destroyed at the customers (100.0 %
         * retrieved)" closed a sentence about drums and pails, read as the recall's share with 20 drums still out).
         */
        String summary() {
            return summary(false);
        }

        /**
         * {@link #summary()}, the retrieved share said to be by the customers' word where the plant's figures differ
         * from it: more received at the plant than they said, or ({@code accountedBeyond}) more accounted for than
         * shipped in this unit (re-test 2026-12-07 25 R6: "100.0 % retrieved" for a unit whose figures contradict).
         */
        String summary(boolean accountedBeyond) {
            String in = unit == null ? "" : " " + unit;
            return Quantities.plain(returned) + " of " + Quantities.plain(shipped)
                    + (unit == null ? " (several units, recorded before units were kept apart)" : in) + " returned"
                    + (returnedPercent == null ? "" : " (" + returnedPercent + " %)")
                    + (receivedBeyondWord() ? " by the customers' word (received at the plant: "
                            + Quantities.plain(received) + in + ")" : "")
                    + (destroyed.signum() == 0 ? "" : " and " + Quantities.plain(destroyed) + in + " destroyed at the"
                            + " customers")
                    + (retrievedPercent == null ? "" : ": " + retrievedPercent + " % retrieved"
                            + (accountedBeyond ? " by the customers' word, figures that disagree with the plant's (see"
                                    + " more accounted for than shipped)"
                                    : receivedBeyondWord() ? " by the customers' word" : ""));
        }
    }

    static Effectiveness of(List<NotificationStore.NotificationRow> notifications) {
        return of(notifications, (customer, unit) -> BigDecimal.ZERO);
    }

    /**
     * {@link #of(List)} with what was received back at the plant per customer and unit ({@link StillAtCustomers},
     * {@link ReturnsNotReceived}, {@link AccountedBeyondShipped}).
     */
    static Effectiveness of(List<NotificationStore.NotificationRow> notifications,
            java.util.function.BiFunction<String, String, BigDecimal> receivedAt) {
        // customer -> {notified, acknowledged, not reached}
        Map<String, boolean[]> byCustomer = new LinkedHashMap<>();
        Map<String, BigDecimal[]> byUnit = new TreeMap<>(Comparator.nullsFirst(Comparator.naturalOrder()));
        for (NotificationStore.NotificationRow n : notifications) {
            boolean[] c = byCustomer.computeIfAbsent(n.customer(), k -> new boolean[] {true, true, false});
            c[0] &= n.notified();
            c[1] &= Boolean.TRUE.equals(n.acknowledged());
            c[2] |= n.notReached();
            // 3 decimals from the start, as every recorded quantity (A6: 0 beside 0.000)
            BigDecimal[] q = byUnit.computeIfAbsent(n.unit(), k -> new BigDecimal[] {ZERO, ZERO, ZERO, ZERO});
            BigDecimal atPlant = receivedAt.apply(n.customer(), n.unit());
            if (atPlant != null) {
                q[3] = q[3].add(atPlant);
            }
            q[0] = q[0].add(n.quantityShipped());
            if (n.quantityReturned() != null) {
                q[1] = q[1].add(n.quantityReturned());
            }
            if (n.quantityDestroyed() != null) {
                q[2] = q[2].add(n.quantityDestroyed());
            }
        }
        int customers = byCustomer.size();
        int notified = (int) byCustomer.values().stream().filter(c -> c[0]).count();
        int acknowledged = (int) byCustomer.values().stream().filter(c -> c[1]).count();
        int notReached = (int) byCustomer.values().stream().filter(c -> c[2]).count();
        List<UnitQuantities> quantities = new ArrayList<>();
        byUnit.forEach((unit, q) -> quantities.add(new UnitQuantities(unit, q[0], q[1], q[2], share(q[1], q[0]),
                share(q[1].add(q[2]), q[0]), q[3])));
        UnitQuantities total = quantities.size() == 1 && quantities.get(0).unit() != null ? quantities.get(0) : null;
        String level = level(acknowledged, customers);
        return new Effectiveness(customers, notified, notReached, acknowledged, percent(acknowledged, customers),
                total == null ? null : total.shipped(), total == null ? null : total.returned(),
                total == null ? null : total.destroyed(), total == null ? null : total.returnedPercent(),
                total == null ? null : total.retrievedPercent(), List.copyOf(quantities), notifications.size(),
                (int) notifications.stream().filter(NotificationStore.NotificationRow::done).count(), level,
                meaning(level), StillAtCustomers.of(notifications, receivedAt).lines(),
                ReturnsNotReceived.of(notifications, receivedAt).lines(),
                AccountedBeyondShipped.of(notifications, receivedAt).lines());
    }

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(3);

    /**
     * 100 × returned / shipped as every rate of the reports (one
     * decimal, half up, never 100.0 while short): a recall's status report (21 CFR 7.53) never says everything was
     * retrieved while anything is left (audit 2026-12-07 F3, M3: 999.6 of 1000 L read "100.0 % retrieved" beside 0.4 L
     * still at the customer). More than shipped (accounted beyond shipped) reads above 100.
     */
    static BigDecimal share(BigDecimal returned, BigDecimal shipped) {
        if (shipped.signum() == 0) {
            return null;
        }
        BigDecimal share = returned.multiply(HUNDRED).divide(shipped, 1, RoundingMode.HALF_UP);
        return share.compareTo(HUNDRED) >= 0 && returned.compareTo(shipped) < 0 ? ALMOST : share;
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private static final BigDecimal ALMOST = new BigDecimal("99.9");

    /**
     * Whether this check reaches the target level ({@code A} best, {@code E} worst; 21 CFR 7.42(b)(3)):
     * a recall no customer received (no level) always does.
     */
    boolean meets(String target) {
        return level == null || level.compareTo(target) <= 0;
    }

    static String level(int acknowledged, int customers) {
        if (customers == 0) {
            return null;
        }
        if (acknowledged >= customers) {
            return "A";
        }
        if (acknowledged * 10L > customers) {
            return "B";
        }
        if (acknowledged * 50L > customers) {
            return "C";
        }
        return acknowledged > 0 ? "D" : "E";
    }

    /** The check as one sentence, for the recall's timeline and the closing form. */
    String summary() {
        if (customers == 0) {
            return "Effectiveness: no customer received the affected lots";
        }
        return "Effectiveness " + level + ": " + acknowledged + " of " + customers
                + " customer(s) acknowledged (" + acknowledgedPercent + " %); "
                + (notReached == 0 ? "" : notReached + " could not be reached (not notified); ")
                // one unit's figures after another, each with its own retrieved share (new user round 25 N1)
                + quantities.stream().map(q -> q.summary(accountedBeyondShipped.stream().anyMatch(
                        line -> java.util.Objects.equals(line.unit(), q.unit())))).collect(Collectors.joining("; "))
                + (stillAtCustomers.isEmpty() ? "" : "; still at customers (neither returned nor destroyed): "
                        + new StillAtCustomers(stillAtCustomers).inWords())
                + (returnsNotReceived.isEmpty() ? "" : "; returned by the customer's word but not received at the"
                        + " plant: " + new ReturnsNotReceived(returnsNotReceived).inWords())
                + (accountedBeyondShipped.isEmpty() ? "" : "; " + ClosingJustification.BEYOND_SHIPPED + ": "
                        + new AccountedBeyondShipped(accountedBeyondShipped).inWords());
    }

    /**
     * What the level says, in words: 21 CFR 7.42(b)(3) sets the depth of a recall's effectiveness checks as the share
     * of consignees they verify (A: all of them ... E: none); lotflow notifies every customer and counts as verified
     * the ones that acknowledged, so the level is the depth the checks reached. It says nothing of the goods: what is
     * still at customers is {@code stillAtCustomers} (new user 2026-12-07 F2: "Level E: no customer acknowledged" read
     * as a grade, or as "no checks planned").
     */
    static String meaning(String level) {
        if (level == null) {
            return "no customer received the affected lots: nothing to check";
        }
        return switch (level) {
            case "A" -> "Level A: the effectiveness checks verified every customer (all acknowledged the recall)";
            case "B" -> "Level B: the effectiveness checks verified more than 10% but not all of the customers"
                    + " (acknowledged)";
            case "C" -> "Level C: the effectiveness checks verified more than 2% and at most 10% of the customers"
                    + " (acknowledged)";
            case "D" -> "Level D: the effectiveness checks verified at most 2% of the customers (acknowledged)";
            default -> "Level E: the effectiveness checks verified no customer yet (none acknowledged)";
        };
    }

    /** 100 × part / whole as {@link #share}: 1,999 of 2,000 customers is 99.9 %, never 100.0 while one is missing. */
    static BigDecimal percent(int part, int whole) {
        return whole == 0 ? null : share(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
    }
}
