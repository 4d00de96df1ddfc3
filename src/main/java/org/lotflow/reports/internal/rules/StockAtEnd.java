package org.lotflow.reports.internal.rules;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.lotflow.lot.LotQuantities;
import org.lotflow.lot.LotStatus;

/**
 * One lot's place in the daily review's inventory (seed: "Active lots: 4 lots, Total inventory: 1,710 drums,
 * Available for allocation: 1,710 drums, Quarantined lots: 0"), and how a lot's figures are taken back to the
 * end of a past day:
 * <ul>
 * <li><b>active</b>: PENDING, RELEASED or QUARANTINE, not expired on the day ({@code expirationDate > day})
 * and with stock on hand; it counts in {@code activeLots} and its on-hand quantity in
 * {@code totalInventory};</li>
 * <li><b>available</b>: a RELEASED lot not expired on the day adds its available quantity to
 * {@code availableInventory} (what FEFO could allocate);</li>
 * <li><b>quarantined</b>: a QUARANTINE lot with stock on hand counts in {@code quarantinedLots};</li>
 * <li><b>expired on hand</b>: a lot past its expiration date on the day ({@code expirationDate <= day}) while PENDING,
 * RELEASED or QUARANTINE, or EXPIRED, with stock on hand: it counts in {@code expiredLots} and its on-hand quantity
 * in {@code expiredInventory}, stock on the floor that must be segregated and disposed of, in no active figure
 * (audit28 F3). Rejected and recalled stock is not counted here: it awaits its own disposition or recall closing.</li>
 * </ul>
 * Back to the end of the day: the status before the first status change after it, the quantities less what
 * was allocated (net), shipped (net of goods received back from customers under a recall), consumed and disposed of
 * after it. A plain rule, tested without Spring.
 */
public record StockAtEnd(LotStatus status, boolean expired, BigDecimal onHand, BigDecimal available) {

    public static StockAtEnd now(LotStatus status, LocalDate expiration, LocalDate day, LotQuantities q) {
        return new StockAtEnd(status, !expiration.isAfter(day), q.onHand(), q.available());
    }

    /**
     * The lot as it stood at the end of the day, from its current figures and what happened after.
     *
     * @param statusThen the status before the first status change after the day (null: none since)
     * @param allocatedSince net allocation since (allocations made and still open, less allocations open then
     *        and closed since)
     * @param disposedSince the lot was disposed of after the day
     */
    public static StockAtEnd then(LotStatus current, LotStatus statusThen, LocalDate expiration, LocalDate day,
            LotQuantities q, BigDecimal allocatedSince, BigDecimal shippedSince, BigDecimal consumedSince,
            boolean disposedSince) {
        BigDecimal disposed = disposedSince ? BigDecimal.ZERO : q.disposed();
        BigDecimal onHand = q.quantity().subtract(q.shipped().subtract(shippedSince))
                .subtract(q.consumed().subtract(consumedSince)).subtract(disposed);
        BigDecimal available = onHand.subtract(q.allocated().subtract(allocatedSince));
        return new StockAtEnd(statusThen == null ? current : statusThen, !expiration.isAfter(day), onHand,
                available.signum() < 0 ? BigDecimal.ZERO : available);
    }

    public boolean active() {
        return !expired && onHand.signum() > 0
                && (status == LotStatus.PENDING || status == LotStatus.RELEASED || status == LotStatus.QUARANTINE);
    }

    public boolean allocatable() {
        return !expired && status == LotStatus.RELEASED;
    }

    /** Of a shape that counts as expired stock, whatever its quantities ({@code expiredLots}). */
    public boolean expiredShape() {
        return status == LotStatus.EXPIRED || (expired && (status == LotStatus.PENDING
                || status == LotStatus.RELEASED || status == LotStatus.QUARANTINE));
    }

    /** Expired stock still on hand on the day ({@code expiredLots}, {@code expiredInventory}). */
    public boolean expiredOnHand() {
        return expiredShape() && onHand.signum() > 0;
    }

    public boolean quarantined() {
        return status == LotStatus.QUARANTINE && onHand.signum() > 0;
    }
}
