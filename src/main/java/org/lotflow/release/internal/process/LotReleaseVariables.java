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

    /** Input of {@code investigateLabError}: LAB_ERROR or CONFIRMED; read once and removed. */
    public static final Variable<String> LAB_CONCLUSION = Variable.text("labConclusion");
    /** Input of {@code investigateLabError} and {@code investigateProduction}: the findings; read once and removed. */
    public static final Variable<String> FINDINGS = Variable.text("findings");
    /** Routing: phase I found an assignable laboratory error (set by its listener from the stored conclusion). */
    public static final Variable<Boolean> LAB_ERROR_FOUND = Variable.bool("labErrorFound");
    /** Input and routing of {@code decideOutOfSpecification}: REJECT or RELEASE (the stored, signed decision). */
    public static final Variable<String> OOS_DECISION = Variable.text("oosDecision");

    /** Input of {@code confirmDisposal}: DESTROYED or RETURNED_TO_SUPPLIER; read once and removed. */
    public static final Variable<String> DISPOSAL_METHOD = Variable.text("disposalMethod");
    /** Input of {@code confirmDisposal}: the waste manifest or return note, optional; read once and removed. */
    public static final Variable<String> DISPOSAL_REFERENCE = Variable.text("disposalReference");
    /**
     * Input of {@code confirmDisposal}: the {@code figuresVersion} its form showed, checked against the stock on hand
     * now ({@link org.lotflow.lot.LotDisposal#confirm}); read once and removed.
     */
    public static final Variable<String> FIGURES_SHOWN = Variable.text(
            org.lotflow.shared.process.FiguresVersion.SENT_AS);

    /** Display of {@code recordLabResults}: which test round this is and why. */
    public static final Variable<String> LAB_ROUND = Variable.text("labRound");
    /** Display of the OOS tasks: the test round under investigation. */
    public static final Variable<String> TEST_ROUND = Variable.text("testRound");
    /** Display of the OOS tasks: when the round's results were recorded. */
    public static final Variable<String> LAB_RECORDED_AT = Variable.text("labRecordedAt");
    /** Display of the OOS tasks: phase I's conclusion, findings, who and when. */
    public static final Variable<String> LAB_INVESTIGATION = Variable.text("labInvestigation");
    /** Display of {@code decideOutOfSpecification}: phase II's findings, who and when. */
    public static final Variable<String> PRODUCTION_INVESTIGATION = Variable.text("productionInvestigation");
    /**
     * Display of {@code approveRelease}: every earlier out-of-specification round of the lot and why it was
     * invalidated (who, when, findings), or "none", so the approver signs knowing the whole record.
     */
    public static final Variable<String> OOS_HISTORY = Variable.text("oosHistory");
    /**
     * Display of {@code approveRelease}, computed when the form is read: why an approval would be refused, the lot
     * being made from material RECALLED, held or REJECTED, or, received from a supplier, of a supplier lot another lot
     * of which was so ({@link org.lotflow.lot.SourceLotUnfit}'s sentence), or an empty text.
     */
    public static final Variable<String> UNFIT_MATERIAL_NOTICE = Variable.text("unfitMaterialNotice");
    /** Display of the OOS tasks: the earlier test rounds of the lot, if any. */
    public static final Variable<String> EARLIER_ROUNDS = Variable.text("earlierRounds");

    /** Display of {@code recordLabResults}: the specification, one markdown line per test. */
    public static final Variable<String> SPECIFICATION = Variable.text("specification");
    /** Display of {@code approveRelease} and the OOS tasks: the lab verdict, one line per test with limits. */
    public static final Variable<String> LAB_SUMMARY = Variable.text("labSummary");
    /** Display of {@code approveRelease} and the OOS tasks: the full name of the analyst who recorded the results. */
    public static final Variable<String> LAB_RECORDED_BY_NAME = Variable.text("labRecordedByName");

    private LotReleaseVariables() {
    }
}
