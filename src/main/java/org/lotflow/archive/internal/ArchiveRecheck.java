package org.lotflow.archive.internal;

import java.time.LocalDate;

import org.lotflow.lot.Lot;
import org.lotflow.lot.LotStatus;
import org.lotflow.lot.RetentionRule;

/**
 * The judgement of a confirmed lot under its lock, as the archiving step takes it ({@link LotArchiving#archive}): the
 * retention rule again ({@link RetentionRule#archivable}), the status the review listed it with (a lot that became
 * RECALLED while the review task was open, say, was not seen so by the reviewer: auditor 26b F3, race variant), and the
 * other lotflow work that keeps it active ({@link RetentionRule#keptActiveBy}: a recall not CLOSED, an open hold). A
 * plain rule: why the lot is not archived, or null when it is.
 */
public final class ArchiveRecheck {

    private ArchiveRecheck() {
    }

    /**
     * Why the locked lot is not archived on {@code today}, or null to archive it.
     *
     * @param listedAs the status the review listed it with, or null when the review recorded none (before V178)
     * @param keptActive what keeps it active ({@link RetentionRule#keptActiveBy}), or null
     */
    public static String refusal(Lot lot, LotStatus listedAs, LocalDate today, String keptActive) {
        String refusal = refusal(lot.getStatus(), listedAs, RetentionRule.archivable(lot, today), keptActive);
        return NO_LONGER.equals(refusal) ? NO_LONGER + ": " + lot.getStatus() + " with " + lot.quantities().onHand()
                .stripTrailingZeros().toPlainString() + " " + lot.getProduct().getUnit() + " on hand, kept until "
                + RetentionRule.retainUntil(lot) : refusal;
    }

    static final String NO_LONGER = "no longer archivable";

    /**
     * The rule on its facts: the lot's {@code status} now, the status it was listed with ({@code listedAs}, or
     * null), whether {@link RetentionRule#archivable} still holds, and what keeps it active (or null). Open work
     * first, then a changed status, then the retention rule.
     */
    public static String refusal(LotStatus status, LotStatus listedAs, boolean archivable, String keptActive) {
        if (keptActive != null) {
            return keptActive;
        }
        if (listedAs != null && status != listedAs) {
            return "became " + status + " after the review listed it " + listedAs + ": not archived on a decision"
                    + " taken on another status; a later run lists it again if it still may go";
        }
        return archivable ? null : NO_LONGER;
    }
}
