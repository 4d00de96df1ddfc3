package org.lotflow.order.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lotflow.lot.Lot;
import org.lotflow.lot.LotStatus;
import org.lotflow.lot.LotStock;
import org.lotflow.order.Fefo;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The older stock a shipment would leave behind: FEFO judged on the day the goods leave, counting the older lots' stock
 * held by other open orders as well as their free stock (re-test N4).
 *
 * <p>The rule's source: seed chapter, "Expiration and FIFO Management": "Oldest lots ship first", "Rotation enforcement -
 * System prevents newer lot allocation when older lots available", "Override authority: Quality Manager only"; EU GDP
 * 2013/C 343/01, 5.5: "Stock should be rotated according to the first expiry, first out (FEFO) principle. Exceptions
 * should be documented". Audit 28 F1 already judges FEFO again at shipment for the lots an allocation passed over for
 * its {@code requiredBy} ({@code allocation_passed_over}); this judges every older lot.
 *
 * <p>Why held stock counts. An allocation reserves stock; it does not make it leave. Judged on free stock only, a sales
 * user could ship a newer lot early by placing a throw-away order that takes the older lot's free stock, shipping the
 * real order, and cancelling the throw-away order: the older lot's stock came back, and the newer lot had left ahead of
 * it with nothing recorded (re-test N4). The same goes for a throw-away order placed <i>before</i> the real one (the
 * real one is then allocated the newer lot with nothing passed over) and cancelled before or after the shipment. Until
 * the older lot leaves it stays behind in the warehouse, whoever holds it, so the goods that leave first take it: of two
 * open orders, the one holding the older lot ships first, or they change lots.
 *
 * <p>Why every holder counts, not only one whose {@code requiredBy} falls after the ship date (the other choice
 * considered): a need date is whatever sales typed, so a throw-away order dated today would again let the newer lot
 * leave; and the refusal is taken on the lot's own row ({@code allocated} and free stock read at one moment), which is
 * race-free without locking lots beyond the order's own (the shipment's lock order stays as {@link OrderLocking} says),
 * whereas a rule per holder would read the holders' allocations and the lot at two moments. An honest user meets it
 * only when the older lot's order has not shipped yet, and the answer names that order: ship it first.
 *
 * <p>Not judged: allocations made by a QA manager's approved override ({@code fefo} false: the signed exception), and
 * lots that are not eligible for this order on the ship date ({@link Fefo#eligible}: released, not on a concession,
 * unexpired, the customer's minimum shelf life met), and lots that expire the same day as the allocated one (a tie, no
 * FEFO rule: {@link Fefo#skippedFor}). A shipment dated in the past is judged on today, as expiry is.
 */
@Component
public class OlderStockLeftBehind {

    /** Older lots read, at most (the first in FEFO order): enough to name the first and count the others. */
    static final int READ_MAX = 50;

    /** Orders holding the older lot named in the refusal, at most (the others are counted). */
    static final int HOLDERS_NAMED = 5;

    private final LotStock lots;
    private final AllocationRepository allocations;
    private final SalesOrderRepository orders;

    public OlderStockLeftBehind(LotStock lots, AllocationRepository allocations, SalesOrderRepository orders) {
        this.lots = lots;
        this.allocations = allocations;
        this.orders = orders;
    }

    /**
     * {@link #refusal} for shipping the order's open allocations today, read without any lock (the Console's order page
     * offers <i>Ship</i> only when it would not be refused); null for an unknown order or nothing open.
     */
    @Transactional(readOnly = true)
    public String refusalToday(String orderNumber, LocalDate today) {
        SalesOrder order = orders.findByOrderNumber(orderNumber).orElse(null);
        if (order == null) {
            return null;
        }
        List<Allocation> open = allocations.findByOrderIdAndStatusOrderById(order.getId(), Allocation.Status.OPEN);
        if (open.isEmpty()) {
            return null;
        }
        Map<Long, Lot> byId = new LinkedHashMap<>();
        lots.findAllById(open.stream().map(Allocation::getLotId).toList()).forEach(l -> byId.put(l.getId(), l));
        return refusal(order, open, byId, today, today);
    }

    /**
     * Why shipping the order's {@code open} allocations (their lots in {@code lotsById}) on {@code date} would leave
     * older stock behind, in a sales clerk's words with the ways out, or null when it would not. The sentence names the
     * newer lot, the first older lot (its expiry, its free stock, the open orders holding it and how much each) and how
     * many more older lots there are. Reads without locks (see the class comment), in the caller's transaction.
     */
    public String refusal(SalesOrder order, List<Allocation> open, Map<Long, Lot> lotsById, LocalDate today,
            LocalDate date) {
        Lot newest = open.stream().filter(Allocation::isFefo).map(a -> lotsById.get(a.getLotId()))
                .max(Fefo.LOT_ORDER).orElse(null);
        if (newest == null) {
            return null;
        }
        Map<Long, BigDecimal> own = new LinkedHashMap<>();
        open.forEach(a -> own.merge(a.getLotId(), a.getQuantity(), BigDecimal::add));
        LocalDate judged = date.isBefore(today) ? today : date;
        Integer min = order.getMinShelfLifeMonths();
        List<Behind> behind = new ArrayList<>();
        for (LotStock.StockOnHandRead r : lots.olderStockOnHand(order.getProductId(),
                Fefo.earliestEligibleExpiration(today, judged, min), newest.getExpirationDate(), READ_MAX)) {
            BigDecimal held = r.allocated().subtract(own.getOrDefault(r.id(), BigDecimal.ZERO)).max(BigDecimal.ZERO);
            BigDecimal free = r.available().max(BigDecimal.ZERO);
            Fefo.Candidate c = new Fefo.Candidate(r.id(), r.lotNumber(), LotStatus.RELEASED, r.manufactureDate(),
                    r.expirationDate(), free.add(held));
            if (Fefo.eligible(c, today, judged, min)) {
                behind.add(new Behind(r, free, held));
            }
        }
        if (behind.isEmpty()) {
            return null;
        }
        Behind first = behind.get(0);
        List<Object[]> holders = first.held().signum() > 0
                ? allocations.openHoldersOf(List.of(first.lot().id()), order.getId())
                : List.of();
        List<String> heldBy = new ArrayList<>(holders.stream().limit(HOLDERS_NAMED).map(h -> quantity(h[3])
                + " held by open order " + h[1] + (h[2] == null ? " (no requiredBy)" : " (requiredBy " + h[2] + ")"))
                .toList());
        if (holders.size() > HOLDERS_NAMED) {
            heldBy.add("more held by " + (holders.size() - HOLDERS_NAMED) + " more open order(s)");
        }
        List<String> parts = new ArrayList<>();
        if (first.free().signum() > 0) {
            parts.add(first.free().stripTrailingZeros().toPlainString() + " available");
        }
        parts.addAll(heldBy);
        if (parts.isEmpty() || (heldBy.isEmpty() && first.held().signum() > 0)) {
            parts.add(first.held().stripTrailingZeros().toPlainString() + " held by other open orders");
        }
        String newer = newest.getLotNumber();
        String sentence = "it would send lot " + newer + " (expires " + newest.getExpirationDate() + ") while older"
                + " lot " + first.lot().lotNumber() + " (expires " + first.lot().expirationDate() + ": "
                + String.join(", ", parts) + ")" + (behind.size() > 1 ? " and " + (behind.size() - 1)
                        + " more older lot(s)" : "")
                + " stays behind. First expiry, first out (FEFO) sends the older lot first, whichever order holds it:"
                + " stock an order holds has not left, and comes back if that order is cancelled.";
        List<String> ways = new ArrayList<>();
        // placed again with a requiredBy the older lot does not reach, FEFO would pass it over again (audit 28 F1)
        String again = order.getRequiredBy() != null && !Fefo.eligible(new Fefo.Candidate(first.lot().id(),
                first.lot().lotNumber(), LotStatus.RELEASED, first.lot().manufactureDate(),
                first.lot().expirationDate(), BigDecimal.ONE), today, Fefo.shipDate(order.getRequiredBy(), today), min)
                        ? " without requiredBy" : "";
        if (!holders.isEmpty()) {
            String named = holders.size() == 1 ? "order " + holders.get(0)[1] : "the orders holding it";
            ways.add("ship " + named + " first (the older lot leaves with " + (holders.size() == 1 ? "it" : "them")
                    + ")");
            ways.add("for this order to leave first, cancel " + named + " and this one, place this one again" + again
                    + " (FEFO then allocates it the older lot) and then " + (holders.size() == 1 ? "the other"
                            : "the others") + " again");
        }
        if (first.free().signum() > 0) {
            ways.add("cancel this order and place it again" + again + ", so that FEFO allocates the older lot");
            ways.add("if the customer needs lot " + newer + ", place the order again asking for it (requestedLot),"
                    + " for a QA manager to approve the exception");
        }
        return sentence + " Either " + String.join("; or ", ways);
    }

    private static String quantity(Object o) {
        return (o instanceof BigDecimal b ? b : new BigDecimal(o.toString())).stripTrailingZeros().toPlainString();
    }

    private record Behind(LotStock.StockOnHandRead lot, BigDecimal free, BigDecimal held) {
    }
}
