package org.lotflow.recall.internal;

/**
 * The states of a recall ({@code recall.status}) and of a customer notification
 * ({@code recall_notification.status}), as stored and as the API shows them.
 */
final class RecallStatus {

    /** Opened; customer notifications are open. */
    static final String NOTIFYING = "NOTIFYING";
    /** Every customer answered (or there were none): waiting for a QA manager's closing decision. */
    static final String AWAITING_CLOSE = "AWAITING_CLOSE";
    /** Closed with its report in every lot's history. */
    static final String CLOSED = "CLOSED";
    /** A customer notification that has been answered. */
    static final String NOTIFICATION_DONE = "DONE";

    private RecallStatus() {
    }
}
