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

    /**
     * The table of the first lots of the window and, when there are more than it lists, a last line saying how many
     * and where the whole list is ({@code GET /api/reports/expiring}).
     */
    public static String of(org.lotflow.expiry.ExpiryQueries.Head head, int alertDays) {
        String table = of(head.lots(), alertDays);
        long more = head.total() - head.lots().size();
        return more <= 0 ? table : table + "\n... and " + more + " more lots (" + head.total() + " in all): the whole"
                + " list, page by page, is GET /api/reports/expiring?days=" + alertDays + ".\n";
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
