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

    private LotEventTypes() {
    }
}
