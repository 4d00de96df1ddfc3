package org.lotflow.quarantine.internal;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A quarantine hold of one lot: the complaint that caused it, the investigation's findings and
 * the signed disposition. Active from the hold until the disposition is carried out.
 */
@Entity
@Table(name = "lot_hold")
public class Hold {

    /**
     * Where a hold's investigation stands: investigating, awaiting the disposition, decided (the outcome
     * being carried out), FOLLOW_UP (the outcome carried out and the lot free again, customers still to
     * be informed or the disposal to be confirmed), CLOSED (every step of the case done).
     */
    public enum Stage {
        INVESTIGATING, AWAITING_DISPOSITION, DECIDED, FOLLOW_UP, CLOSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "lot_id", nullable = false)
    private Long lotId;

    /** The lot id while the hold is active, null afterwards (unique: one active hold per lot). */
    @Column(name = "active_lot_id")
    private Long activeLotId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private HoldSource source;

    @Column(nullable = false, length = 2000)
    private String reason;

    @Column(length = 200)
    private String reference;

    @Column(name = "placed_by", nullable = false, length = 64)
    private String placedBy;

    @Column(name = "placed_at", nullable = false)
    private Instant placedAt;

    @Column(name = "decision_due_at", nullable = false)
    private Instant decisionDueAt;

    @Column(name = "process_instance_id", length = 64)
    private String processInstanceId;

    @Column(length = 4000)
    private String findings;

    @Column(name = "root_cause", length = 4000)
    private String rootCause;

    @Column(name = "retained_sample_results", length = 4000)
    private String retainedSampleResults;

    /** The retained samples as judged when recorded, one line per test; null for a hold investigated before (V174). */
    @Column(name = "retained_sample_verdicts", length = 16000)
    private String retainedSampleVerdicts;

    /** The failing retained samples ("waterContent 0.09 % > 0.05 %"), which refuse a RELEASE; null when none fails. */
    @Column(name = "retained_sample_failures", length = 16000)
    private String retainedSampleFailures;

    @Column(name = "investigated_by", length = 64)
    private String investigatedBy;

    @Column(name = "investigated_at")
    private Instant investigatedAt;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    private Disposition decision;

    @Column(length = 2000)
    private String justification;

    @Column(length = 16)
    private String classification;

    @Column(name = "decided_by", length = 64)
    private String decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "overdue_at")
    private Instant overdueAt;

    /** The last signed disposition that was not carried out ({@link #notCarriedOut}), or null (V188). */
    @Enumerated(EnumType.STRING)
    @Column(name = "not_carried_out_decision", length = 16)
    private Disposition notCarriedOutDecision;

    @Column(name = "not_carried_out_decided_by", length = 64)
    private String notCarriedOutDecidedBy;

    @Column(name = "not_carried_out_decided_at")
    private Instant notCarriedOutDecidedAt;

    @Column(name = "not_carried_out_at")
    private Instant notCarriedOutAt;

    @Column(name = "not_carried_out_reason", length = 4000)
    private String notCarriedOutReason;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Version
    private long version;

    protected Hold() {
    }

    Hold(Long lotId, HoldSource source, String reason, String reference, String placedBy, Instant placedAt,
            Instant decisionDueAt) {
        this.lotId = lotId;
        this.activeLotId = lotId;
        this.source = source;
        this.reason = reason;
        this.reference = reference;
        this.placedBy = placedBy;
        this.placedAt = placedAt;
        this.decisionDueAt = decisionDueAt;
    }

    void bind(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    void investigated(String findings, String rootCause, String retainedSampleResults, String by, Instant at) {
        this.findings = findings;
        this.rootCause = rootCause;
        this.retainedSampleResults = retainedSampleResults;
        this.investigatedBy = by;
        this.investigatedAt = at;
    }

    /** The retained samples' verdicts as judged against the lot's specification when the investigation was recorded. */
    void retainedSamplesJudged(String verdicts, String failures) {
        this.retainedSampleVerdicts = verdicts;
        this.retainedSampleFailures = failures;
    }

    void decide(Disposition decision, String justification, String classification, String by, Instant at) {
        this.decision = decision;
        this.justification = justification;
        this.classification = classification;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    /**
     * The signed disposition could not be carried out (a RELEASE whose lot was made from material that became unfit
     * for use after the signature; re-test 27 R3): it is kept as not carried out, with when and why, and the hold's
     * decision is cleared, so the hold stays open, AWAITING_DISPOSITION, and a QA manager signs a new one.
     */
    void notCarriedOut(String why, Instant at) {
        this.notCarriedOutDecision = decision;
        this.notCarriedOutDecidedBy = decidedBy;
        this.notCarriedOutDecidedAt = decidedAt;
        this.notCarriedOutAt = at;
        this.notCarriedOutReason = why;
        this.decision = null;
        this.justification = null;
        this.classification = null;
        this.decidedBy = null;
        this.decidedAt = null;
    }

    void overdue(Instant at) {
        this.overdueAt = at;
    }

    void close(Instant at) {
        this.activeLotId = null;
        this.closedAt = at;
    }

    /** The case's last step is done (its investigation process ended); once only. */
    void complete(Instant at) {
        if (completedAt == null) {
            this.completedAt = at;
        }
    }

    public boolean isActive() {
        return closedAt == null;
    }

    public Stage getStage() {
        if (closedAt != null) {
            return completedAt != null ? Stage.CLOSED : Stage.FOLLOW_UP;
        }
        if (decision != null) {
            return Stage.DECIDED;
        }
        return investigatedAt == null ? Stage.INVESTIGATING : Stage.AWAITING_DISPOSITION;
    }

    public Long getId() {
        return id;
    }

    public Long getLotId() {
        return lotId;
    }

    public HoldSource getSource() {
        return source;
    }

    public String getReason() {
        return reason;
    }

    public String getReference() {
        return reference;
    }

    public String getPlacedBy() {
        return placedBy;
    }

    public Instant getPlacedAt() {
        return placedAt;
    }

    public Instant getDecisionDueAt() {
        return decisionDueAt;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getFindings() {
        return findings;
    }

    public String getRootCause() {
        return rootCause;
    }

    public String getRetainedSampleResults() {
        return retainedSampleResults;
    }

    /**
     * The retained samples with their verdicts as a QA person reads them: one line per test, {@code waterContent =
     * 0.09 % (≤ 0.05 %): FAIL}; {@link org.lotflow.release.RetainedSamples#NOT_JUDGED} for a text recorded before
     * lotflow judged retained samples; null when none were recorded.
     */
    public String getRetainedSampleVerdicts() {
        if (retainedSampleVerdicts != null) {
            return retainedSampleVerdicts;
        }
        return retainedSampleResults == null || retainedSampleResults.isBlank() ? null
                : org.lotflow.release.RetainedSamples.NOT_JUDGED;
    }

    /** The failing retained samples, "waterContent 0.09 % > 0.05 %", or null: none failed, or none was judged. */
    public String getRetainedSampleFailures() {
        return retainedSampleFailures;
    }

    public String getInvestigatedBy() {
        return investigatedBy;
    }

    public Instant getInvestigatedAt() {
        return investigatedAt;
    }

    public Disposition getDecision() {
        return decision;
    }

    public String getJustification() {
        return justification;
    }

    public String getClassification() {
        return classification;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }

    /** The last signed disposition of this hold that was not carried out ({@link #notCarriedOut}), or null. */
    public Disposition getNotCarriedOutDecision() {
        return notCarriedOutDecision;
    }

    public String getNotCarriedOutDecidedBy() {
        return notCarriedOutDecidedBy;
    }

    public Instant getNotCarriedOutDecidedAt() {
        return notCarriedOutDecidedAt;
    }

    public Instant getNotCarriedOutAt() {
        return notCarriedOutAt;
    }

    /** Why it was not carried out ("made from RKG-2025-002 (held in QUARANTINE)"), or null. */
    public String getNotCarriedOutReason() {
        return notCarriedOutReason;
    }

    public Instant getOverdueAt() {
        return overdueAt;
    }

    public Instant getCompletedAt() {
        return completedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }
}
