package org.lotflow.archive.internal;

import org.lotflow.lot.ArchivableLots;
import org.lotflow.lot.Lot;
import org.lotflow.lot.RetentionRule;

/**
 * The review form's list of lots to archive as a Markdown table (lot, SKU, status, expired, retention, kept
 * until), with a last line saying how many more there are when the list is capped. A plain rule.
 */
public final class ArchivableLotsTable {

    private ArchivableLotsTable() {
    }

    public static String of(ArchivableLots.Head head) {
        if (head.lots().isEmpty()) {
            return "No lot is past its retention.";
        }
        StringBuilder sb = new StringBuilder("| Lot | SKU | Status | Expired | Retention | Kept until |\n"
                + "|---|---|---|---|---|---|\n");
        for (Lot lot : head.lots()) {
            sb.append("| ").append(lot.getLotNumber()).append(" | ").append(lot.getProduct().getSku()).append(" | ")
                    .append(lot.getStatus()).append(" | ").append(lot.getExpirationDate()).append(" | ")
                    .append(lot.getProduct().getRetentionYears()).append(" years (")
                    .append(lot.getProduct().getCategory()).append(") | ").append(RetentionRule.retainUntil(lot))
                    .append(" |\n");
        }
        long more = head.total() - head.lots().size();
        if (more > 0) {
            sb.append("\n... and ").append(more).append(" more lots (").append(head.total()).append(" in all): they"
                    + " are listed by the next runs, this review archives only the lots above.\n");
        }
        return sb.toString();
    }

    /**
     * The lots past their retention the review leaves off because other lotflow work keeps them active (a recall not
     * CLOSED, an open hold; auditor 26b F3), with why, as a Markdown table; a plain sentence when there are none.
     */
    public static String kept(ArchivableLots.Head head, java.util.Map<Long, String> keptBy) {
        if (head.keptActive().isEmpty()) {
            return "No lot past its retention is left off for open work.";
        }
        StringBuilder sb = new StringBuilder("Not listed, kept active by open work (" + head.keptTotal() + "): archived"
                + " by a later run once that work is done.\n\n| Lot | Status | Why not listed |\n|---|---|---|\n");
        for (Lot lot : head.keptActive()) {
            sb.append("| ").append(lot.getLotNumber()).append(" | ").append(lot.getStatus()).append(" | ")
                    .append(keptBy.get(lot.getId())).append(" |\n");
        }
        long more = head.keptTotal() - head.keptActive().size();
        if (more > 0) {
            sb.append("\n... and ").append(more).append(" more.\n");
        }
        return sb.toString();
    }
}
