package org.lotflow.recall.internal;

import org.lotflow.lot.LotStatus;
import org.lotflow.shared.StateConflict;

/**
 * Which lots of a recall's scope are recalled (FSMA 204; seed chapter "Recall"): the scope is the
 * downstream trace of the named lots, and every lot of it whose status may become RECALLED
 * (RELEASED, QUARANTINE, EXPIRED, DEPLETED) is recalled. The others stay in the scope with a note
 * saying why they were not recalled; a PENDING one is kept from release by the lot module
 * ({@link org.lotflow.lot.SourceLotUnfit}: nothing made from recalled material is released). A named lot that cannot be recalled refuses the whole recall. An ARCHIVED
 * lot (past its retention, nothing on hand; issue #16) may be named and is reached like any other: it stays
 * ARCHIVED, in the scope with its note, and the customers that received it are notified. So may a REJECTED lot
 * (one shipped, then held and rejected: its customers still hold what they received; auditor 2026-12-05 F19).
 */
public final class RecallScope {

    private RecallScope() {
    }

    /**
     * Refuses ({@link StateConflict}, 409) a named lot that cannot be recalled: one already RECALLED
     * (unless {@code acceptRecalled}: a RECALL disposition that set it already), naming the earlier
     * recall if known; an ARCHIVED one that a recall still open recalled (archived while that recall was open, before
     * archiving left such lots alone; auditor 26b F3: a second recall notified its customers again for the same
     * goods); or one whose status may not become RECALLED.
     *
     * @param previousRecall for a RECALLED lot the recall that recalled it, for an ARCHIVED one the recall not CLOSED
     *        that recalled it, or null
     */
    static void checkNamed(String lotNumber, LotStatus status, boolean acceptRecalled, String previousRecall) {
        if (status == LotStatus.RECALLED && !acceptRecalled) {
            throw new StateConflict("Lot " + lotNumber + " is already RECALLED"
                    + (previousRecall == null ? "" : " (recall " + previousRecall + ")")).with("lotNumber", lotNumber)
                    .with("recallNumber", previousRecall);
        }
        if (status == LotStatus.ARCHIVED && previousRecall != null) {
            throw new StateConflict("Lot " + lotNumber + " is already recalled by " + previousRecall + ", which is"
                    + " still open (the lot was archived since): its customers are notified and its goods received"
                    + " under that recall").with("lotNumber", lotNumber).with("recallNumber", previousRecall);
        }
        if (status != LotStatus.RECALLED && status != LotStatus.ARCHIVED && status != LotStatus.REJECTED
                && !status.canBecome(LotStatus.RECALLED)) {
            throw new StateConflict("Lot " + lotNumber + " is " + status + " and cannot be recalled; "
                    + "only RELEASED, QUARANTINE, EXPIRED, DEPLETED, REJECTED and ARCHIVED lots can (a PENDING lot"
                    + " was never released: refuse its release)").with("lotNumber", lotNumber)
                    .with("lotStatus", status.name());
        }
    }

    /** Whether a lot of the scope is recalled (its status may become RECALLED). */
    public static boolean recalls(LotStatus status) {
        return status.canBecome(LotStatus.RECALLED);
    }

    /**
     * Why a lot of the scope is not recalled, as the recall and the lot's history say it ("any customer it reached": a
     * rejected lot may have reached none; new user 2026-12-07 N3: "its customers are notified" beside "no customers").
     *
     * @param previousRecall for an already RECALLED lot, the recall that recalled it; for an ARCHIVED one, the recall
     *        not CLOSED that recalled it; or null
     */
    public static String skipNote(LotStatus status, String previousRecall) {
        return status == LotStatus.RECALLED || status == LotStatus.ARCHIVED && previousRecall != null
                ? "already RECALLED" + (previousRecall == null ? "" : " by " + previousRecall)
                        + (status == LotStatus.ARCHIVED ? " (archived since, that recall still open)" : "")
                : status == LotStatus.ARCHIVED
                        ? "ARCHIVED (past its retention, nothing on hand): stays archived; any customer it reached is notified"
                        : status == LotStatus.REJECTED
                                ? "REJECTED (never to be used again): stays rejected; any customer it reached is notified"
                        : status == LotStatus.PENDING
                                ? "PENDING (never released) lots cannot be recalled; it is never released while a lot"
                                        + " it was made from is RECALLED: refuse its release (it becomes REJECTED)"
                                : status + " lots cannot be recalled; hold or reject it separately";
    }
}
