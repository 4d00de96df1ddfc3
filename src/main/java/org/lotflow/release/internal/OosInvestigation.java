package org.lotflow.release.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.StateConflict;

/**
 * The investigation of one out-of-specification test round of a lot ({@code oos_investigation}), as the
 * FDA guidance "Investigating Out-of-Specification (OOS) Test Results for Pharmaceutical Production"
 * (2006, rev. 2022) and EU GMP Part I 6.35 describe it. Its phases, in this order, each recorded once
 * with who and when:
 *
 * <ol>
 * <li><b>Phase I, laboratory investigation</b>: a supervisor other than the analyst checks the
 * measurement. {@link LabConclusion#LAB_ERROR}: an assignable laboratory error invalidates the result
 * and a retest (a new round) is allowed; the investigation ends there. {@link LabConclusion#CONFIRMED}:
 * no laboratory error, the OOS result stands: phase II.</li>
 * <li><b>Phase II, full-scale investigation</b> (FDA's OOS guidance; the task key keeps its first name,
 * {@code investigateProduction}): findings on the batch record, raw materials, other
 * lots.</li>
 * <li><b>Decision</b>: a QA manager's signed {@link Decision#REJECT} or {@link Decision#RELEASE} (the
 * latter only on a written justification of the evidence). Only this decision rejects a lot for an OOS
 * result (contract).</li>
 * </ol>
 *
 * <p>The state rules are this class's own (no Spring, no engine): a phase out of order or done twice is
 * a {@link StateConflict} (409), missing findings an {@link InvalidInput} (400) naming the field.
 */
@Entity
@Table(name = "oos_investigation")
public class OosInvestigation {

    /** The longest findings, justification or comment text kept, in characters. */
    public static final int MAX_TEXT = 4000;

    /** What phase I found. */
    public enum LabConclusion {
        /** An assignable laboratory error: the result is invalid, a retest is allowed. */
        LAB_ERROR,
        /** No laboratory error: the out-of-specification result is confirmed. */
        CONFIRMED
    }

    /** The QA manager's signed decision on a confirmed OOS result. */
    public enum Decision {
        REJECT, RELEASE
    }

    /** Where the investigation stands. */
    public enum Stage {
        /** Phase I is open. */
        LABORATORY,
        /** Phase I confirmed the result; phase II is open. */
        PRODUCTION,
        /** Phase II is concluded; the QA manager's decision is open. */
        DECISION,
        /** Closed: the result was invalidated by a laboratory error (a retest follows). */
        INVALIDATED,
        /** Closed by the QA manager's signed decision. */
        DECIDED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "lot_id", nullable = false)
    private Long lotId;

    @Column(name = "test_round", nullable = false)
    private int round;

    /** The round's failed tests, as many as the specification has (up to 100 tests of 100 characters; V92). */
    @Column(name = "failed_tests", nullable = false) // unbounded (V129): every failed test of the specification
    private String failedTests;

    @Column(nullable = false, length = 64)
    private String analyst;

    @Column(name = "opened_at", nullable = false)
    private Instant openedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "lab_conclusion", length = 16)
    private LabConclusion labConclusion;

    @Column(name = "lab_findings", length = MAX_TEXT)
    private String labFindings;

    @Column(name = "lab_concluded_by", length = 64)
    private String labConcludedBy;

    @Column(name = "lab_concluded_at")
    private Instant labConcludedAt;

    @Column(name = "production_findings", length = MAX_TEXT)
    private String productionFindings;

    @Column(name = "production_concluded_by", length = 64)
    private String productionConcludedBy;

    @Column(name = "production_concluded_at")
    private Instant productionConcludedAt;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private Decision decision;

    @Column(name = "decision_comment", length = MAX_TEXT)
    private String decisionComment;

    @Column(name = "decided_by", length = 64)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    protected OosInvestigation() {
    }

    /** Opens the investigation of round {@code round}, whose failed tests {@code analyst} recorded. */
    public OosInvestigation(Long lotId, int round, String failedTests, String analyst, Instant openedAt) {
        this.lotId = lotId;
        this.round = round;
        this.failedTests = failedTests;
        this.analyst = analyst;
        this.openedAt = openedAt;
    }

    /** Where the investigation stands, derived from what is recorded. */
    public Stage stage() {
        if (decision != null) {
            return Stage.DECIDED;
        }
        if (labConclusion == null) {
            return Stage.LABORATORY;
        }
        if (labConclusion == LabConclusion.LAB_ERROR) {
            return Stage.INVALIDATED;
        }
        return productionConcludedAt == null ? Stage.PRODUCTION : Stage.DECISION;
    }

    /** Whether a retest (the next round) may be recorded: phase I found an assignable laboratory error. */
    public boolean allowsRetest() {
        return stage() == Stage.INVALIDATED;
    }

    /**
     * Records phase I. Refused: findings missing or too long (400, {@code findingsField}), phase I already
     * concluded (409). Four eyes is the caller's ({@link FourEyes}): the analyst does not conclude it.
     */
    public void concludeLaboratoryPhase(LabConclusion conclusion, String findings, String by, Instant at,
            String findingsField) {
        requireStage(Stage.LABORATORY, "its laboratory investigation (phase I) is concluded already");
        this.labFindings = text(findingsField, findings);
        this.labConclusion = conclusion;
        this.labConcludedBy = by;
        this.labConcludedAt = at;
    }

    /** Records phase II. Refused: findings missing or too long (400), not in phase II (409). */
    public void concludeProductionPhase(String findings, String by, Instant at, String findingsField) {
        requireStage(Stage.PRODUCTION, "its full-scale investigation (phase II) is not open");
        this.productionFindings = text(findingsField, findings);
        this.productionConcludedBy = by;
        this.productionConcludedAt = at;
    }

    /** Records the signed decision. Refused: comment missing or too long (400), phase II not concluded (409). */
    public void decide(Decision decision, String comment, String by, Instant at, String commentField) {
        requireStage(Stage.DECISION, "no decision is open: phase I and phase II must be concluded first");
        this.decisionComment = text(commentField, comment);
        this.decision = decision;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    private void requireStage(Stage expected, String why) {
        Stage stage = stage();
        if (stage != expected) {
            throw new StateConflict("The out-of-specification investigation of test round " + round + " is "
                    + stage.name().toLowerCase(java.util.Locale.ROOT) + ": " + why);
        }
    }

    private static String text(String field, String value) {
        if (org.lotflow.shared.input.InputRules.blank(value)) {
            throw new InvalidInput(field, "must not be empty: write what was found and why");
        }
        if (value.length() > MAX_TEXT) {
            throw new InvalidInput(field, "must be at most " + MAX_TEXT + " characters (it has " + value.length() + ")");
        }
        return value.strip();
    }

    public Long getLotId() {
        return lotId;
    }

    public int getRound() {
        return round;
    }

    public String getFailedTests() {
        return failedTests;
    }

    public String getAnalyst() {
        return analyst;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public LabConclusion getLabConclusion() {
        return labConclusion;
    }

    public String getLabFindings() {
        return labFindings;
    }

    public String getLabConcludedBy() {
        return labConcludedBy;
    }

    public Instant getLabConcludedAt() {
        return labConcludedAt;
    }

    public String getProductionFindings() {
        return productionFindings;
    }

    public String getProductionConcludedBy() {
        return productionConcludedBy;
    }

    public Instant getProductionConcludedAt() {
        return productionConcludedAt;
    }

    public Decision getDecision() {
        return decision;
    }

    public String getDecisionComment() {
        return decisionComment;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
