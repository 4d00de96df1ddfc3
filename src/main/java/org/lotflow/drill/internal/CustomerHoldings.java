package org.lotflow.drill.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What each customer of a drill still holds of each lot: what the shipment ledger shipped it, less what was received
 * back from it at the plant under a recall (each receipt a {@code RETURN_RECEIVED} record in the lot's history,
 * {@code HistoryReports#returnsReceived}; the very records the lot's {@code shipped} is netted by, {@link MassBalance}),
 * less what it destroyed on site by its word in its answers to the recalls, and less what it said it returned beyond
 * what arrived (not at the customer by its word, nor at the plant): the recall module's own rule
 * ({@code StillAtCustomers.left}: shipped less the larger of said-returned and received, less destroyed, per recall),
 * never below 0, so the drill and the recall say the same of where the product is (re-test R1: the drill said a
 * customer that answered "destroyed 10" of 10 pails, then sent 5 back, still held 5). So a lot's still-at-customers plus
 * destroyed-at-customers (plus said-returned-not-received) over all its customers is its {@code shipped}, and on hand +
 * still at customers + destroyed at customers + consumed + disposed is its quantity (auditor finding: 85 on hand + 25
 * at customers of a 100 kg lot); where a customer accounts for more than it was shipped ({@link Holding#beyondShipped},
 * the recall's {@code AccountedBeyondShipped}) or said it returned more than arrived, the drill says so in a finding.
 *
 * <p>A receipt names the customer as the recall recorded it (the first of its shipment records, in that record's
 * case); it is counted against the same customer of the same lot: the one of exactly that name first, then one of the
 * same name in another case (the drill lists names as the ledger wrote them), each up to what it was shipped; what is
 * left over (a receipt beyond what was shipped, which the recall refuses) stays with the first, which then holds 0 and
 * accounts for more than it was shipped. A recall's answer goes to the customer of exactly its name, else the first of
 * the same name in another case. A receipt from no customer the drill lists for that lot is {@link #unmatched}, for a
 * finding; so is an answer. A customer that sent everything back holds 0 and stays listed: it was reached. Only
 * answers for one lot are given here ({@link Answer}): an answer for several lots together says nothing of each
 * (DrillTracing shows it per customer and unit, in words). Quantities in the lot's unit, exact, never rounded. Plain
 * rule, tested without Spring ({@code CustomerHoldingsTest}).
 */
final class CustomerHoldings {

    /** {@code quantity} of lot {@code lotNumber} shipped to {@code customer} (one shipment or their sum). */
    record Shipped(String customer, String lotNumber, BigDecimal quantity) {
    }

    /** {@code quantity} of lot {@code lotNumber} received back at the plant from {@code customer}. */
    record Received(String customer, String lotNumber, BigDecimal quantity) {
    }

    /** A customer and a lot of the drill. */
    record Key(String customer, String lotNumber) {
    }

    /**
     * A customer's answer to recall {@code recallNumber} for lot {@code lotNumber} alone (its notification covers that
     * lot only): what it {@code said} it returned to the plant and {@code destroyed} on site in all, by its word (null:
     * nothing said), and what was {@code received} back from it at the plant under that recall (the recall's count).
     */
    record Answer(String recallNumber, String customer, String lotNumber, BigDecimal said, BigDecimal received,
            BigDecimal destroyed) {

        /** What it said it returned beyond what arrived under the recall; 0 when nothing more. */
        BigDecimal saidNotReceived() {
            BigDecimal stated = said == null ? BigDecimal.ZERO : said;
            BigDecimal arrived = received == null ? BigDecimal.ZERO : received;
            return stated.subtract(arrived).max(BigDecimal.ZERO);
        }
    }

    /**
     * What a customer was shipped of a lot, what came back of it to the plant ({@code received}, every recall's),
     * what it destroyed on site by its word ({@code destroyed}) and what it said it returned beyond what arrived
     * ({@code returnedNotReceived}), in the lot's unit.
     */
    record Holding(BigDecimal shipped, BigDecimal received, BigDecimal destroyed, BigDecimal returnedNotReceived) {

        /** received + destroyed + returned-not-received: what the customer no longer holds, by the records. */
        BigDecimal accounted() {
            return received.add(destroyed).add(returnedNotReceived);
        }

        /**
         * shipped less what is accounted for, never below 0: per recall answer shipped less the larger of what it
         * said it returned and what was received, less what it destroyed ({@code StillAtCustomers.left}).
         */
        BigDecimal stillAtCustomer() {
            return shipped.subtract(accounted()).max(BigDecimal.ZERO);
        }

        /** What is accounted for beyond what was shipped; 0 when the figures agree. */
        BigDecimal beyondShipped() {
            return accounted().subtract(shipped).max(BigDecimal.ZERO);
        }
    }

    private final Map<Key, BigDecimal> shipped = new LinkedHashMap<>();
    private final Map<Key, BigDecimal> received = new LinkedHashMap<>();
    /** per receipt (in the order given), the customer of the drill it is listed under; null: unmatched */
    private final List<String> listedUnder = new ArrayList<>();
    private final List<Received> unmatched = new ArrayList<>();
    private final Map<Key, BigDecimal> destroyed = new LinkedHashMap<>();
    private final Map<Key, BigDecimal> notReceived = new LinkedHashMap<>();
    private final Map<Key, List<Answer>> answers = new LinkedHashMap<>();
    private final List<Answer> unmatchedAnswers = new ArrayList<>();

    private CustomerHoldings() {
    }

    /** The holdings of these shipments once these receipts came back (in the order given, oldest first). */
    static CustomerHoldings of(List<Shipped> shipments, List<Received> receipts) {
        return of(shipments, receipts, List.of());
    }

    /**
     * The holdings of these shipments once these receipts came back and the customers gave these answers (each for
     * one lot; oldest recall first).
     */
    static CustomerHoldings of(List<Shipped> shipments, List<Received> receipts, List<Answer> answers) {
        CustomerHoldings h = new CustomerHoldings();
        shipments.forEach(s -> h.shipped.merge(new Key(s.customer(), s.lotNumber()), s.quantity(), BigDecimal::add));
        for (Received r : receipts) {
            List<Key> candidates = h.candidates(r.customer(), r.lotNumber());
            if (candidates.isEmpty()) {
                h.unmatched.add(r);
                h.listedUnder.add(null);
                continue;
            }
            h.listedUnder.add(candidates.get(0).customer());
            BigDecimal left = r.quantity();
            for (Key k : candidates) {
                BigDecimal room = h.shipped.get(k).subtract(h.received.getOrDefault(k, BigDecimal.ZERO))
                        .max(BigDecimal.ZERO).min(left);
                if (room.signum() > 0) {
                    h.received.merge(k, room, BigDecimal::add);
                    left = left.subtract(room);
                }
            }
            if (left.signum() > 0) {
                h.received.merge(candidates.get(0), left, BigDecimal::add);
            }
        }
        for (Answer a : answers) {
            List<Key> candidates = h.candidates(a.customer(), a.lotNumber());
            if (candidates.isEmpty()) {
                h.unmatchedAnswers.add(a);
                continue;
            }
            Key k = candidates.get(0);
            h.answers.computeIfAbsent(k, x -> new ArrayList<>()).add(a);
            if (a.destroyed() != null) {
                h.destroyed.merge(k, a.destroyed(), BigDecimal::add);
            }
            h.notReceived.merge(k, a.saidNotReceived(), BigDecimal::add);
        }
        return h;
    }

    /**
     * What does not add up of {@code customer}'s holding {@code h} of lot {@code lotNumber} (in {@code unit}), given its
     * answers {@code answers}, one sentence each (none when the figures agree): more accounted for than shipped
     * ("Zed Corp, lot L-1: 15 pails accounted for of 10 shipped (5 received back at the plant, 10 destroyed at the
     * customer by its answer to recall RC-2026-0001): 5 pails more than shipped, one of the figures is wrong"), and each
     * answer that said more returned than arrived at the plant ("... said it returned 8 pails under recall RC-2026-0001,
     * 5 received back at the plant: 3 pails neither at the customer by its word nor at the plant").
     */
    static List<String> findings(String customer, String lotNumber, String unit, Holding h, List<Answer> answers) {
        List<String> findings = new ArrayList<>();
        String u = " " + unit;
        if (h.beyondShipped().signum() > 0) {
            List<String> parts = new ArrayList<>();
            if (h.received().signum() > 0) {
                parts.add(MassBalance.plain(h.received()) + u + " received back at the plant");
            }
            for (Answer a : answers) {
                BigDecimal notReceived = a.saidNotReceived();
                if (notReceived.signum() > 0) {
                    parts.add(MassBalance.plain(notReceived) + u + " said returned beyond what arrived under recall "
                            + a.recallNumber());
                }
                if (a.destroyed() != null && a.destroyed().signum() > 0) {
                    parts.add(MassBalance.plain(a.destroyed()) + u
                            + " destroyed at the customer by its answer to recall " + a.recallNumber());
                }
            }
            findings.add(customer + ", lot " + lotNumber + ": " + MassBalance.plain(h.accounted()) + u
                    + " accounted for of " + MassBalance.plain(h.shipped()) + " shipped (" + String.join(", ", parts)
                    + "): " + MassBalance.plain(h.beyondShipped()) + u
                    + " more than shipped, one of the figures is wrong");
        }
        for (Answer a : answers) {
            BigDecimal notReceived = a.saidNotReceived();
            if (notReceived.signum() > 0) {
                findings.add(customer + ", lot " + lotNumber + ": said it returned " + MassBalance.plain(a.said()) + u
                        + " under recall " + a.recallNumber() + ", " + MassBalance.plain(a.received() == null
                                ? BigDecimal.ZERO : a.received()) + " received back at the plant: "
                        + MassBalance.plain(notReceived) + u + " neither at the customer by its word nor at the plant");
            }
        }
        return findings;
    }

    /** The drill's customers of the lot with the name whatever its case: the exact name first, then by name. */
    private List<Key> candidates(String customer, String lotNumber) {
        return shipped.keySet().stream()
                .filter(k -> k.lotNumber().equals(lotNumber) && fold(k.customer()).equals(fold(customer)))
                .sorted(Comparator.comparing((Key k) -> !k.customer().equals(customer)).thenComparing(Key::customer))
                .toList();
    }

    /** What {@code customer} was shipped of lot {@code lotNumber}, received back and still holds; zeros when none. */
    Holding holding(String customer, String lotNumber) {
        return holding(new Key(customer, lotNumber));
    }

    private Holding holding(Key k) {
        return new Holding(shipped.getOrDefault(k, BigDecimal.ZERO), received.getOrDefault(k, BigDecimal.ZERO),
                destroyed.getOrDefault(k, BigDecimal.ZERO), notReceived.getOrDefault(k, BigDecimal.ZERO));
    }

    /** The answers counted for {@code customer} and lot {@code lotNumber}, in the order given. */
    List<Answer> answers(String customer, String lotNumber) {
        return List.copyOf(answers.getOrDefault(new Key(customer, lotNumber), List.of()));
    }

    /** The answers from no customer the drill lists for their lot. */
    List<Answer> unmatchedAnswers() {
        return List.copyOf(unmatchedAnswers);
    }

    /** The customer of the drill the {@code index}th receipt is listed under (null: none of the lot's customers). */
    String listedUnder(int index) {
        return listedUnder.get(index);
    }

    /** The receipts from no customer the drill lists for their lot. */
    List<Received> unmatched() {
        return List.copyOf(unmatched);
    }

    private static String fold(String name) {
        return name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
    }
}
