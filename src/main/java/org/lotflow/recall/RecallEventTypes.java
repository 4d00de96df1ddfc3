package org.lotflow.recall;

/** Lot history event types the recall writes (status changes themselves are STATUS_CHANGED). */
public final class RecallEventTypes {

    /** In the scope of a recall but not recalled (e.g. PENDING, or already recalled). */
    public static final String RECALL_SCOPE = "RECALL_SCOPE";
    public static final String RECALL_CUSTOMER_NOTIFIED = "RECALL_CUSTOMER_NOTIFIED";
    public static final String RECALL_NOTIFICATION_OVERDUE = "RECALL_NOTIFICATION_OVERDUE";
    public static final String RECALL_CLOSED = "RECALL_CLOSED";

    private RecallEventTypes() {
    }
}
