package org.lotflow.lot;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A lot's quantities and the one rule that balances them (contract, "Quantities"; issue #12):
 *
 * <pre>
 * quantity = available + allocated + shipped + consumed + disposed
 * onHand   = available + allocated          (still in the warehouse: quantity - shipped - consumed - disposed)
 * </pre>
 *
 * <ul>
 * <li>{@code quantity}: made or received, fixed when the lot is created;</li>
 * <li>{@code allocated}: reserved for open orders, still on hand;</li>
 * <li>{@code shipped}: left with a shipment to a customer, less what came back from customers under a recall
 * ({@link #receiveReturn}: on hand again, to be disposed of with the lot's stock);</li>
 * <li>{@code consumed}: used as a source lot of another lot (genealogy);</li>
 * <li>{@code disposed}: gone from stock by the disposal of a rejected lot ({@code confirmDisposal}:
 * destroyed, returned to the supplier or reworked; the lot history says which), of a recalled one when its recall
 * closes, or of an expired one ({@code POST /api/lots/{lotNumber}/disposals}, in part or whole);</li>
 * <li>{@code available}: what is left to allocate, never negative.</li>
 * </ul>
 *
 * <p>Every figure is a {@link BigDecimal} in the lot's product unit (at most 3 decimal places, the
 * {@code NUMERIC(19, 3)} columns); arithmetic is exact subtraction and addition, nothing is rounded. A
 * plain value tested without Spring ({@code LotQuantitiesTest}); {@link Lot} keeps its columns through it,
 * and every view and report (lot API and list, trace, FIFO and expiry reports, impact assessments, task
 * forms) takes {@link #available()} and {@link #onHand()} from here rather than computing them again. The
 * database checks of {@code V90__lot_disposed_quantity.sql} say the same in SQL.
 */
public record LotQuantities(BigDecimal quantity, BigDecimal allocated, BigDecimal shipped, BigDecimal consumed,
        BigDecimal disposed) {

    /**
     * The figures as they are; a value of this type always balances.
     *
     * @throws NullPointerException for a missing figure
     * @throws IllegalArgumentException for a quantity that is not positive, a negative figure, or more
     *         allocated, shipped, consumed and disposed than the quantity
     */
    public LotQuantities {
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(allocated, "allocated");
        Objects.requireNonNull(shipped, "shipped");
        Objects.requireNonNull(consumed, "consumed");
        Objects.requireNonNull(disposed, "disposed");
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("quantity must be positive, was " + quantity.toPlainString());
        }
        if (allocated.signum() < 0 || shipped.signum() < 0 || consumed.signum() < 0 || disposed.signum() < 0) {
            throw new IllegalArgumentException("allocated, shipped, consumed and disposed cannot be negative: "
                    + allocated.toPlainString() + ", " + shipped.toPlainString() + ", " + consumed.toPlainString()
                    + ", " + disposed.toPlainString());
        }
        if (allocated.add(shipped).add(consumed).add(disposed).compareTo(quantity) > 0) {
            throw new IllegalArgumentException("allocated + shipped + consumed + disposed ("
                    + allocated.add(shipped).add(consumed).add(disposed).toPlainString() + ") exceeds the quantity ("
                    + quantity.toPlainString() + ")");
        }
    }

    /** A new lot: all of {@code quantity} available, nothing else. */
    public static LotQuantities of(BigDecimal quantity) {
        return new LotQuantities(quantity, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** What is left to allocate: {@code quantity - allocated - shipped - consumed - disposed}, never negative. */
    public BigDecimal available() {
        return quantity.subtract(allocated).subtract(shipped).subtract(consumed).subtract(disposed);
    }

    /**
     * What is physically still there, allocated stock included: {@code available + allocated}, that is
     * {@code quantity - shipped - consumed - disposed}. Zero once a lot is disposed of.
     */
    public BigDecimal onHand() {
        return available().add(allocated);
    }

    /** {@code quantity = available + allocated + shipped + consumed + disposed}; true for every value of this type. */
    public boolean balances() {
        return available().signum() >= 0 && quantity.compareTo(
                available().add(allocated).add(shipped).add(consumed).add(disposed)) == 0;
    }

    /** Nothing on hand: all of it shipped, consumed or disposed of. */
    public boolean isUsedUp() {
        return onHand().signum() == 0;
    }

    /** {@code amount} more allocated out of available stock; {@link IllegalArgumentException} beyond available. */
    public LotQuantities allocate(BigDecimal amount) {
        return new LotQuantities(quantity, allocated.add(positive(amount)), shipped, consumed, disposed);
    }

    /** {@code amount} of the allocation given back to available stock. */
    public LotQuantities deallocate(BigDecimal amount) {
        return new LotQuantities(quantity, requireAtMost(allocated, positive(amount)).subtract(amount), shipped,
                consumed, disposed);
    }

    /** {@code amount} of the allocation shipped. */
    public LotQuantities ship(BigDecimal amount) {
        return new LotQuantities(quantity, requireAtMost(allocated, positive(amount)).subtract(amount),
                shipped.add(amount), consumed, disposed);
    }

    /**
     * {@code amount} of shipped stock received back from a customer (a recalled lot's returned goods): {@code shipped}
     * shrinks by it and it is on hand again, to be disposed of with the lot's stock; {@link IllegalArgumentException}
     * beyond what was shipped.
     */
    public LotQuantities receiveReturn(BigDecimal amount) {
        return new LotQuantities(quantity, allocated, requireAtMost(shipped, positive(amount)).subtract(amount),
                consumed, disposed);
    }

    /** {@code amount} of available stock consumed as a source of another lot. */
    public LotQuantities consume(BigDecimal amount) {
        return new LotQuantities(quantity, allocated, shipped, consumed.add(positive(amount)), disposed);
    }

    /**
     * Everything on hand disposed of (destroyed): {@code disposed} grows by {@link #onHand()}, and available
     * and on hand become zero. Stock still allocated to an order cannot be destroyed from under it
     * ({@link IllegalStateException}; a REJECTED lot's allocations are cancelled when it becomes REJECTED).
     * Disposing of a lot with nothing on hand changes nothing.
     */
    public LotQuantities disposeOnHand() {
        if (allocated.signum() > 0) {
            throw new IllegalStateException(allocated.toPlainString() + " is still allocated");
        }
        return new LotQuantities(quantity, allocated, shipped, consumed, disposed.add(onHand()));
    }

    /**
     * {@code amount} of the stock on hand disposed of (destroyed or returned to the supplier), the rest staying on
     * hand: {@code disposed} grows by {@code amount}, available shrinks by it. For an EXPIRED lot's stock, disposed of
     * as it is destroyed (audit 26 F4). {@link IllegalArgumentException} for an amount that is not positive or exceeds
     * {@link #onHand()}; {@link IllegalStateException} while stock is allocated, as {@link #disposeOnHand()}.
     */
    public LotQuantities dispose(BigDecimal amount) {
        if (allocated.signum() > 0) {
            throw new IllegalStateException(allocated.toPlainString() + " is still allocated");
        }
        requireAtMost(onHand(), positive(amount));
        return new LotQuantities(quantity, allocated, shipped, consumed, disposed.add(amount));
    }

    /**
     * The figures for a view or a history event, in this order: quantity, available, allocated, shipped,
     * consumed, disposed, onHand.
     */
    public Map<String, BigDecimal> asMap() {
        Map<String, BigDecimal> m = new LinkedHashMap<>();
        m.put("quantity", quantity);
        m.put("available", available());
        m.put("allocated", allocated);
        m.put("shipped", shipped);
        m.put("consumed", consumed);
        m.put("disposed", disposed);
        m.put("onHand", onHand());
        return m;
    }

    private static BigDecimal positive(BigDecimal amount) {
        if (amount == null || amount.signum() <= 0) {
            throw new IllegalArgumentException("quantity must be positive");
        }
        return amount;
    }

    private static BigDecimal requireAtMost(BigDecimal have, BigDecimal amount) {
        if (have.compareTo(amount) < 0) {
            throw new IllegalArgumentException(amount.toPlainString() + " exceeds " + have.toPlainString());
        }
        return have;
    }
}
