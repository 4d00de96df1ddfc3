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
 * {@code HistoryReports#returnsReceived}; the very records the lot's {@code shipped} is netted by, {@link MassBalance}).
 * So a lot's still-at-customers over all its customers is its {@code shipped}, and on hand + still at customers +
 * consumed + disposed is its quantity (auditor finding: a drill after a recall's returns showed the lot's returns
 * netted out of {@code shipped} and its customers with their gross shipments, 85 on hand + 25 at customers of a 100 kg
 * lot).
 *
 * <p>A receipt names the customer as the recall recorded it (the first of its shipment records, in that record's
 * case); it is counted against the same customer of the same lot: the one of exactly that name first, then one of the
 * same name in another case (the drill lists names as the ledger wrote them), each up to what it was shipped; what is
 * left over (a receipt beyond what was shipped, which the recall refuses) stays with the first, which then shows less
 * than nothing rather than a figure that does not add up. A receipt from no customer the drill lists for that lot is
 * {@link #unmatched}, for a finding. A customer that sent everything back holds 0 and stays listed: it was reached.
 * Quantities in the lot's unit, exact, never rounded. Plain rule, tested without Spring ({@code CustomerHoldingsTest}).
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

    /** What a customer was shipped of a lot, what came back of it and what it still holds (shipped − received). */
    record Holding(BigDecimal shipped, BigDecimal received) {
        BigDecimal stillAtCustomer() {
            return shipped.subtract(received);
        }
    }

    private final Map<Key, BigDecimal> shipped = new LinkedHashMap<>();
    private final Map<Key, BigDecimal> received = new LinkedHashMap<>();
    /** per receipt (in the order given), the customer of the drill it is listed under; null: unmatched */
    private final List<String> listedUnder = new ArrayList<>();
    private final List<Received> unmatched = new ArrayList<>();

    private CustomerHoldings() {
    }

    /** The holdings of these shipments once these receipts came back (in the order given, oldest first). */
    static CustomerHoldings of(List<Shipped> shipments, List<Received> receipts) {
        CustomerHoldings h = new CustomerHoldings();
        shipments.forEach(s -> h.shipped.merge(new Key(s.customer(), s.lotNumber()), s.quantity(), BigDecimal::add));
        for (Received r : receipts) {
            List<Key> candidates = h.shipped.keySet().stream()
                    .filter(k -> k.lotNumber().equals(r.lotNumber()) && fold(k.customer()).equals(fold(r.customer())))
                    .sorted(Comparator.comparing((Key k) -> !k.customer().equals(r.customer()))
                            .thenComparing(Key::customer))
                    .toList();
            if (candidates.isEmpty()) {
                h.unmatched.add(r);
                h.listedUnder.add(null);
                continue;
            }
            h.listedUnder.add(candidates.get(0).customer());
            BigDecimal left = r.quantity();
            for (Key k : candidates) {
                BigDecimal room = h.holding(k).stillAtCustomer().max(BigDecimal.ZERO).min(left);
                if (room.signum() > 0) {
                    h.received.merge(k, room, BigDecimal::add);
                    left = left.subtract(room);
                }
            }
            if (left.signum() > 0) {
                h.received.merge(candidates.get(0), left, BigDecimal::add);
            }
        }
        return h;
    }

    /** What {@code customer} was shipped of lot {@code lotNumber}, received back and still holds; zeros when none. */
    Holding holding(String customer, String lotNumber) {
        return holding(new Key(customer, lotNumber));
    }

    private Holding holding(Key k) {
        return new Holding(shipped.getOrDefault(k, BigDecimal.ZERO), received.getOrDefault(k, BigDecimal.ZERO));
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
