package org.lotflow.release.internal.process;

import java.util.Date;

import org.lotflow.shared.process.Variable;

/**
 * The variables of {@code lotRelease}, typed. They carry routing flags, the form's inputs and display
 * copies only: which lot, who recorded and who approved come from lotflow's tables (the business key,
 * {@code lot_release_run}, {@code lab_result}, the lot's history), never from a variable (contract,
 * README "Trust").
 */
public final class LotReleaseVariables {

    /** When the release is due (seed: 8 hours after creation); set by lotflow's start, read by timer and due dates. */
    public static final Variable<Date> RELEASE_DUE_AT = Variable.date("releaseDueAt");
    /** Input of {@code recordLabResults}: one {@code test = value} line per test; pre-filled, removed on completion. */
    public static final Variable<String> LAB_RESULTS = Variable.text("labResults");
    /** Routing: the stored lab verdict passed (set by the lab listener, overwriting whatever a user sent). */
    public static final Variable<Boolean> LAB_PASSED = Variable.bool("labPassed");
    /** Input and routing of {@code approveRelease}: the signed decision, true to release. */
    public static final Variable<Boolean> APPROVED = Variable.bool("approved");
    /** Input of {@code approveRelease}: the approver's comment, required. */
    public static final Variable<String> COMMENT = Variable.text("comment");

    /** Display of {@code recordLabResults}: the specification, one markdown line per test. */
    public static final Variable<String> SPECIFICATION = Variable.text("specification");
    /** Display of {@code approveRelease}: the lab verdict, one line per test. */
    public static final Variable<String> LAB_SUMMARY = Variable.text("labSummary");
    /** Display of {@code approveRelease}: the full name of the analyst who recorded the results. */
    public static final Variable<String> LAB_RECORDED_BY_NAME = Variable.text("labRecordedByName");

    private LotReleaseVariables() {
    }
}
