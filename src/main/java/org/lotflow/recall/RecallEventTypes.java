package org.lotflow.recall;

/** Lot history event types the recall writes (status changes themselves are STATUS_CHANGED). */
public final class RecallEventTypes {

    /** In the scope of a recall but not recalled (e.g. PENDING, or already recalled). */
    public static final String RECALL_SCOPE = "RECALL_SCOPE";
    /** A customer was told of the recall (acknowledged or not, quantity returned; 21 CFR 7.49). */
    public static final String RECALL_CUSTOMER_NOTIFIED = "RECALL_CUSTOMER_NOTIFIED";
    /**
     * The plant tried to notify a customer and could not reach it (who tried, when, how and whom): not a notification
     * (21 CFR 7.49, 7.53).
     */
    public static final String RECALL_CUSTOMER_NOT_REACHED = "RECALL_CUSTOMER_NOT_REACHED";
    /**
     * What a customer sent back or destroyed on site after it was told, recorded when it came (quantities added to its
     * answer; 21 CFR 7.42(b)(3), 7.59).
     */
    public static final String RECALL_RETURNS_RECORDED = "RECALL_RETURNS_RECORDED";
    /** A customer's notification passed the deadline of the recall class and went to the QA managers. */
    public static final String RECALL_NOTIFICATION_OVERDUE = "RECALL_NOTIFICATION_OVERDUE";
    /** The recall was closed; the detail is the recall report (21 CFR 7.55). */
    public static final String RECALL_CLOSED = "RECALL_CLOSED";

    private RecallEventTypes() {
    }
}
