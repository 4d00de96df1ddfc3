package org.lotflow.drill.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.lotflow.lot.LotQuantities;

/**
 * The mass balance of one lot in a drill's scope (issue #14; BRCGS 3.9.3, SQF 2.6.3: "the quantity
 * produced or received reconciled with the quantities on hand, shipped, used and destroyed"):
 *
 * <pre>
 * produced or received = on hand + shipped + consumed + disposed
 *                      = available + allocated + shipped + consumed + disposed
 * difference           = quantity - (available + allocated + shipped + consumed + disposed)
 * </pre>
 *
 * The lot's own record balances by construction ({@link LotQuantities}), so the drill checks it against
 * the ledgers that recorded each movement: {@code allocated} is the sum of the lot's open allocations
 * (order module), {@code shipped} the sum of its shipments (shipment ledger) less the goods customers sent back under
 * a recall, received at the plant (the lot's history), {@code consumed} the sum
 * of its genealogy links into lots made from it; {@code available} and {@code disposed} are the lot's
 * record. A ledger that disagrees with the lot's counter leaves a {@code difference} (in the lot's unit,
 * exact, never rounded) and a finding naming both figures.
 *
 * <p>{@code reconciliationPercent} = 100 × (quantity − |difference|) / quantity, to 2 decimal places
 * rounded down, and never 100.00 while a difference is left (99.99 then): a drill reads "100 %" only when
 * every gram is accounted for. The drill's own percentage is its lowest lot's ({@link #overall}): lots of
 * different units are never added up. Plain rules, tested without Spring ({@code MassBalanceTest}).
 */
final class MassBalance {

    static final BigDecimal HUNDRED = new BigDecimal("100.00");

    /** One lot's balance; every figure in the lot's {@code unit}. */
    record Balance(BigDecimal quantity, BigDecimal available, BigDecimal allocated, BigDecimal shipped,
            BigDecimal consumed, BigDecimal disposed, BigDecimal onHand, BigDecimal accounted, BigDecimal difference,
            BigDecimal reconciliationPercent, List<String> findings) {

        boolean reconciles() {
            return difference.signum() == 0;
        }
    }

    private MassBalance() {
    }

    /**
     * The balance of lot {@code lotNumber} (quantities in {@code unit}): its record, and what the ledgers
     * recorded of it ({@code null} ledger figures count as zero).
     */
    static Balance of(String lotNumber, String unit, LotQuantities record, BigDecimal allocatedLedger,
            BigDecimal shippedLedger, BigDecimal consumedLedger) {
        BigDecimal allocated = zeroIfNull(allocatedLedger);
        BigDecimal shipped = zeroIfNull(shippedLedger);
        BigDecimal consumed = zeroIfNull(consumedLedger);
        BigDecimal available = record.available();
        BigDecimal disposed = record.disposed();
        BigDecimal accounted = available.add(allocated).add(shipped).add(consumed).add(disposed);
        BigDecimal difference = record.quantity().subtract(accounted);
        List<String> findings = new ArrayList<>();
        compare(findings, lotNumber, unit, "allocated to open orders", "open allocations", allocated,
                record.allocated());
        compare(findings, lotNumber, unit, "shipped", "shipment ledger", shipped, record.shipped());
        compare(findings, lotNumber, unit, "consumed into other lots", "genealogy", consumed, record.consumed());
        if (difference.signum() != 0 && findings.isEmpty()) {
            findings.add("Lot " + lotNumber + " does not reconcile: " + plain(difference) + " " + unit
                    + " unaccounted for");
        }
        return new Balance(record.quantity(), available, allocated, shipped, consumed, disposed,
                available.add(allocated), accounted, difference, percent(record.quantity(), difference),
                List.copyOf(findings));
    }

    /** 100 × (quantity − |difference|) / quantity, 2 decimals rounded down; below 100.00 while a difference is left. */
    static BigDecimal percent(BigDecimal quantity, BigDecimal difference) {
        if (difference.signum() == 0) {
            return HUNDRED;
        }
        if (quantity.signum() <= 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal reconciled = quantity.subtract(difference.abs()).max(BigDecimal.ZERO);
        BigDecimal percent = reconciled.multiply(HUNDRED).divide(quantity, 2, RoundingMode.DOWN);
        return percent.compareTo(HUNDRED) >= 0 ? new BigDecimal("99.99") : percent;
    }

    /** The drill's reconciliation: its lowest lot's percentage; 100.00 for no lots. */
    static BigDecimal overall(Collection<BigDecimal> lotPercents) {
        return lotPercents.stream().min(BigDecimal::compareTo).orElse(HUNDRED);
    }

    private static void compare(List<String> findings, String lotNumber, String unit, String what, String ledger,
            BigDecimal recorded, BigDecimal counter) {
        if (recorded.compareTo(counter) != 0) {
            findings.add("Lot " + lotNumber + ": " + plain(recorded) + " " + unit + " " + what + " per the " + ledger
                    + ", " + plain(counter) + " " + unit + " per the lot's record (difference "
                    + plain(counter.subtract(recorded)) + " " + unit + ")");
        }
    }

    /** A ledger's figure with 3 decimals, as every lot quantity is shown ({@code 0.000} when it recorded none; R6). */
    static BigDecimal zeroIfNull(BigDecimal value) {
        return value == null ? BigDecimal.ZERO.setScale(3) : value.scale() < 3 ? value.setScale(3) : value;
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
