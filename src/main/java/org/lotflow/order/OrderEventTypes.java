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
    public static final String EXPIRY_REVIEWED = "EXPIRY_REVIEWED";

    private OrderEventTypes() {
    }
}
