package org.lotflow.order;

/** Lot history event types written by the order module (kept here, not in LotEventTypes). */
public final class OrderEventTypes {

    public static final String ALLOCATED = "ALLOCATED";
    public static final String DEALLOCATED = "DEALLOCATED";
    public static final String SHIPPED = "SHIPPED";
    public static final String OVERRIDE_REQUESTED = "OVERRIDE_REQUESTED";
    public static final String OVERRIDE_APPROVED = "OVERRIDE_APPROVED";
    public static final String OVERRIDE_REFUSED = "OVERRIDE_REFUSED";
    /** The order of a pending override was cancelled: the request is withdrawn, undecided (who, when, which order). */
    public static final String OVERRIDE_WITHDRAWN = "OVERRIDE_WITHDRAWN";
    /**
     * A signed override that was not carried out: approved, but the requested lot had nothing it could give when the
     * approval was applied (why: its status, expiry or available stock then), and the order went by FEFO instead; or
     * approved or refused, and the order cancelled before the decision's allocation was made (re-test 2026-12-07 R2,
     * N8: it read "withdrawn", undecided, after the signed decision).
     */
    public static final String OVERRIDE_NOT_CARRIED_OUT = "OVERRIDE_NOT_CARRIED_OUT";
    public static final String EXPIRY_REVIEWED = "EXPIRY_REVIEWED";

    private OrderEventTypes() {
    }
}
