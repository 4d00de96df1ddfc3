package org.lotflow.release;

/**
 * The names of the lab release process as the BPMN ({@code bpmn/lotRelease.bpmn}) declares them: the
 * process key and its two user tasks. The process is started only by creating a lot (contract) and
 * carries no lot id: its business key is the lot number.
 */
public final class LotRelease {

    /** The process definition key. */
    public static final String PROCESS_KEY = "lotRelease";
    /** The analyst's task: lab results against the product's specification. */
    public static final String TASK_RECORD_LAB_RESULTS = "recordLabResults";
    /** The QA manager's task: the signed release decision (four eyes). */
    public static final String TASK_APPROVE_RELEASE = "approveRelease";

    private LotRelease() {
    }
}
