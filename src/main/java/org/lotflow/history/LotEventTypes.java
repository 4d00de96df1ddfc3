package org.lotflow.history;

/** The kinds of events in a lot's history. */
public final class LotEventTypes {

    public static final String CREATED = "CREATED";
    public static final String STATUS_CHANGED = "STATUS_CHANGED";
    public static final String CONSUMED = "CONSUMED";
    public static final String LAB_RESULTS_RECORDED = "LAB_RESULTS_RECORDED";
    public static final String RELEASE_APPROVED = "RELEASE_APPROVED";
    public static final String RELEASE_REFUSED = "RELEASE_REFUSED";
    public static final String RELEASE_OVERDUE = "RELEASE_OVERDUE";
    /** An out-of-specification lab result opened an investigation (FDA OOS guidance). */
    public static final String OOS_INVESTIGATION_OPENED = "OOS_INVESTIGATION_OPENED";
    /** Phase I (laboratory) of an OOS investigation concluded: laboratory error or confirmed result. */
    public static final String OOS_LAB_INVESTIGATION_CONCLUDED = "OOS_LAB_INVESTIGATION_CONCLUDED";
    /** Phase II (production) of an OOS investigation concluded. */
    public static final String OOS_PRODUCTION_INVESTIGATION_CONCLUDED = "OOS_PRODUCTION_INVESTIGATION_CONCLUDED";
    /** A QA manager's signed decision on a confirmed OOS result: reject, or release on justified evidence. */
    public static final String OOS_DECISION_SIGNED = "OOS_DECISION_SIGNED";
    /**
     * A REJECTED lot's stock on hand disposed of (destroyed, returned to the supplier or reworked), with how, the
     * reference and the quantity: after a quarantine disposition REJECT or a rejection in lab release.
     */
    public static final String DISPOSAL_CONFIRMED = "DISPOSAL_CONFIRMED";
    /**
     * A REJECTED lot's disposal confirmed when nothing was left on hand: its stock was disposed of before (a recall's
     * closing disposes of the stock of a REJECTED lot in its scope that goods came back to). No disposal is recorded
     * again, with another method or reference (re-test 2026-12-07 F2).
     */
    public static final String DISPOSAL_NOT_NEEDED = "DISPOSAL_NOT_NEEDED";
    /**
     * Goods of a RECALLED lot a customer sent back, received at the plant under the recall (who received them, when,
     * from which customer, how much, the return note): on hand again until the recall's closing disposes of them.
     */
    public static final String RETURN_RECEIVED = "RETURN_RECEIVED";

    private LotEventTypes() {
    }
}
