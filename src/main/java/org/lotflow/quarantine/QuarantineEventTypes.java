package org.lotflow.quarantine;

/** The quarantine module's kinds of lot history events (status changes use STATUS_CHANGED). */
public final class QuarantineEventTypes {

    public static final String HOLD_PLACED = "HOLD_PLACED";
    public static final String INVESTIGATION_COMPLETED = "INVESTIGATION_COMPLETED";
    public static final String DECISION_OVERDUE = "DECISION_OVERDUE";
    public static final String DISPOSITION_SIGNED = "DISPOSITION_SIGNED";
    public static final String DISPOSITION_NOT_APPLIED = "DISPOSITION_NOT_APPLIED";
    /**
     * A signed RELEASE not carried out because the lot is made from material that became unfit for use (RECALLED,
     * held in QUARANTINE or REJECTED) after the signature: the lot stays held, awaiting a new disposition (re-test 27
     * R3).
     */
    public static final String DISPOSITION_NOT_CARRIED_OUT = "DISPOSITION_NOT_CARRIED_OUT";
    /**
     * A signed disposition carried out without a status change: a RELEASE of a lot the expiry run made EXPIRED while
     * it was held (before audit 26 F3), which stays EXPIRED.
     */
    public static final String DISPOSITION_CARRIED_OUT = "DISPOSITION_CARRIED_OUT";
    public static final String RECALL_REQUESTED = "RECALL_REQUESTED";
    public static final String CUSTOMERS_INFORMED = "CUSTOMERS_INFORMED";
    public static final String DISPOSAL_CONFIRMED = org.lotflow.history.LotEventTypes.DISPOSAL_CONFIRMED;

    private QuarantineEventTypes() {
    }
}
