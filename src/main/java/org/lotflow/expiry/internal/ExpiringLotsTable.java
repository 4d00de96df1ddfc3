package org.lotflow.expiry.internal;

import java.util.List;

import org.lotflow.expiry.ExpiringLot;

/**
 * The review form's list of expiring lots as a Markdown table (lot, SKU, status, expiration date, days
 * left, available with unit, allocated), or a sentence when there are none. A plain rule.
 */
public final class ExpiringLotsTable {

    private ExpiringLotsTable() {
    }

    /** The table of {@code lots}; {@code alertDays} names the window when it is empty. */
    public static String of(List<ExpiringLot> lots, int alertDays) {
        if (lots.isEmpty()) {
            return "No lots expire within " + alertDays + " days.";
        }
        StringBuilder sb = new StringBuilder("| Lot | SKU | Status | Expires | Days left | Available | Allocated |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (ExpiringLot e : lots) {
            sb.append("| ").append(e.lotNumber()).append(" | ").append(e.sku()).append(" | ").append(e.status())
                    .append(" | ").append(e.expirationDate()).append(" | ").append(e.daysRemaining()).append(" | ")
                    .append(e.available().stripTrailingZeros().toPlainString()).append(' ').append(e.unit())
                    .append(" | ").append(e.allocated().stripTrailingZeros().toPlainString()).append(" |\n");
        }
        return sb.toString();
    }
}
