package org.lotflow.order.internal;

/** The life of an allocation override request (FEFO or shelf-life exception). */
public enum OverrideStatus {
    /** Waiting for a QA manager's decision in {@code approveOverride}. */
    PENDING,
    /** Approved and the requested lot allocated. */
    APPROVED,
    /** Approved, but the requested lot no longer had stock (or was no longer releasable): allocated by FEFO. */
    LOT_UNAVAILABLE,
    /** Refused: the order was allocated by FEFO under the normal rules. */
    REFUSED,
    /** The order was cancelled before a decision. */
    WITHDRAWN
}
