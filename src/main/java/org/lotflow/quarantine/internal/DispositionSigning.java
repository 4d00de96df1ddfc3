package org.lotflow.quarantine.internal;

import org.lotflow.quarantine.QuarantineEventTypes;

import java.time.Clock;
import java.time.Instant;

import org.lotflow.history.LotHistory;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotService;
import org.lotflow.release.LabRecords;
import org.lotflow.lot.LotStatus;
import org.lotflow.quarantine.internal.DispositionRules.Decision;
import org.lotflow.quarantine.internal.process.DispositionTask;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.ElectronicSignatures;
import org.lotflow.shared.NotPermitted;
import org.lotflow.shared.StateConflict;
import org.lotflow.shared.process.TaskCompletionsInOrder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Signing a held lot's disposition (RELEASE, REJECT or RECALL): a QA manager re-enters the password
 * (21 CFR 11.200), the rules of {@link DispositionRules} hold (signed once, after the investigation,
 * four eyes on a release), and the signature is recorded with its meaning in the hold and the lot
 * history (21 CFR 11.50, 11.70; EU GMP Annex 11 §14). The outcome is carried out afterwards by the
 * process ({@link DispositionOutcomes}). Two doors: the API, which also completes the lot's
 * {@code decideDisposition} task, and that task's own form in Tasklist. A RELEASE reads the lot's sources under their
 * row locks ({@link LotService#lockAndFindUnfitSources}) and is refused (409, unsigned) when one is not fit for use; a
 * source held, rejected or recalled after the signature leaves the release not carried out and the hold awaiting a new
 * signature ({@link Hold#notCarriedOut}; re-test 27 R3).
 */
@Service
public class DispositionSigning {

    private final LotService lots;
    private final QuarantineQueries queries;
    private final DispositionTask tasks;
    private final ElectronicSignatures signatures;
    private final LotHistory history;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final LabRecords labRecords;
    private final TaskCompletionsInOrder taskLocks;

    public DispositionSigning(LotService lots, QuarantineQueries queries, DispositionTask tasks,
            ElectronicSignatures signatures, LotHistory history, CurrentUser currentUser, Clock clock,
            LabRecords labRecords, TaskCompletionsInOrder taskLocks) {
        this.lots = lots;
        this.queries = queries;
        this.tasks = tasks;
        this.signatures = signatures;
        this.history = history;
        this.currentUser = currentUser;
        this.clock = clock;
        this.labRecords = labRecords;
        this.taskLocks = taskLocks;
    }

    /** A signed disposition, as {@code POST /api/lots/{lotNumber}/disposition} answers it. */
    public record Signed(String lotNumber, Disposition decision, String justification, String classification,
            String signedBy, String fullName, Instant signedAt, String meaning) {
    }

    /**
     * {@code POST /api/lots/{lotNumber}/disposition}: signs and completes the lot's
     * {@code decideDisposition} task as the caller. Refusals in this order: not a QA manager 403, unknown
     * lot 404, invalid field 400, lot not held / investigation not done / task claimed by another 409,
     * then the signature's own (409 already decided, 401/403/429 password, 403 four eyes).
     */
    @Transactional
    public Signed dispose(String asTyped, DispositionInput in) {
        currentUser.requireSigningMembership("sign a disposition", DispositionRules.SIGNING_GROUP);
        Lot lot = lots.get(asTyped);
        // the lot number as stored: the process's business key, whatever case the path had (auditor 2026-12-06 C-a: a
        // lower-case path found no task and was told of a decision "by someone else at the same time")
        String lotNumber = lot.getLotNumber();
        Decision valid = DispositionRules.validate(in, true);
        Hold hold = queries.active(lot.getId()).orElseThrow(() -> notHeld(lot));
        DispositionTask.Open task = tasks.open(lotNumber).orElseThrow(() -> hold.getStage() == Hold.Stage.INVESTIGATING
                ? new StateConflict("Lot " + lotNumber + " has no open disposition task: the investigation ("
                        + DispositionTask.TASK_INVESTIGATE + ") must be completed first").with("stage", hold.getStage().name())
                : decidedMeanwhile(lotNumber, hold));
        if (task.assignee() != null && !task.assignee().equals(currentUser.id())) {
            throw new StateConflict("The disposition task of lot " + lotNumber + " is claimed by "
                    + currentUser.nameWithId(task.assignee()) + ": nothing of yours was signed; they sign it, or hand it"
                    + " back to the group (Unclaim in Tasklist) for you to sign");
        }
        // the task's row lock first, as every completion takes it (Tasklist's too, whose listener then locks the lot):
        // of two QA managers signing at once the second waits here for the first and is told who decided, before
        // its password is checked or anything is signed (re-test 2026-12-07 24c F5: "changed at the same time")
        if (!taskLocks.lock(task.id())) {
            throw decidedMeanwhile(lotNumber, hold);
        }
        Signed signed = sign(hold, lot, valid);
        tasks.complete(task, currentUser.id(), signed.decision());
        return signed;
    }

    /**
     * A lot with no active hold: 409, saying what its last hold's disposition was when it has one, so a QA manager
     * signing a moment after another learns who decided, while the lot may still read QUARANTINE until the outcome is
     * carried out (re-test 2026-12-07 25 R5: "is not held" beside {@code lotStatus: QUARANTINE}).
     */
    private StateConflict notHeld(Lot lot) {
        Hold last = queries.latest(lot.getId());
        QuarantineQueries.Decided decided = last == null ? null : queries.decidedNow(last);
        if (decided == null || decided.decidedBy() == null) {
            return (StateConflict) new StateConflict("Lot " + lot.getLotNumber() + " is not held; there is no"
                    + " disposition to decide").with("lotStatus", lot.getStatus().name());
        }
        return (StateConflict) new StateConflict(decided(lot.getLotNumber(), decided, last) + "; the lot is not held now and"
                + " there is no disposition to decide; nothing of yours was saved").with("lotStatus",
                        lot.getStatus().name());
    }

    /**
     * The loser of two signatures at once (the task completed meanwhile, through the API or Tasklist): who signed
     * which decision and when, as committed, and that nothing of the caller's was saved; 409.
     */
    private StateConflict decidedMeanwhile(String lotNumber, Hold hold) {
        QuarantineQueries.Decided now = queries.decidedNow(hold);
        return (StateConflict) new StateConflict((now.decidedBy() == null ? "The disposition of lot " + lotNumber
                + " was decided by someone else at the same time" : decided(lotNumber, now, hold))
                + "; nothing of yours was saved").with("stage", (now.decidedBy() == null
                        ? hold.getStage() : Hold.Stage.DECIDED).name());
    }

    /**
     * "The disposition of lot X was decided: reject, signed by Anna Kowalski (anna) at 2025-01-28 09:19 UTC": the
     * signature as the lot's history recorded it (printed name as signed; auditor sig28 H1).
     */
    private String decided(String lotNumber, QuarantineQueries.Decided decided, Hold hold) {
        org.lotflow.history.RecordedSignature signed = HoldSignatures.of(hold, history.signatures(hold.getLotId(),
                QuarantineEventTypes.DISPOSITION_SIGNED)).disposition();
        if (signed == null && hold.getDecision() == null) {
            // the hold as this transaction read it, before the other signature: its signature is the lot's last
            java.util.List<org.lotflow.history.RecordedSignature> all = history.signatures(hold.getLotId(),
                    QuarantineEventTypes.DISPOSITION_SIGNED);
            signed = all.isEmpty() ? null : all.get(all.size() - 1);
        }
        return "The disposition of lot " + lotNumber + " was decided: " + decided.decision().inWords() + ", signed by "
                + (signed != null ? signed.nameWithId() + " at " + org.lotflow.shared.process.TaskForm.text(signed.at())
                        : decided.decidedBy() + (decided.decidedAt() == null ? ""
                                : " at " + org.lotflow.shared.process.TaskForm.text(decided.decidedAt())));
    }

    /**
     * The Tasklist path: the {@code decideDisposition} form's fields, checked by its complete listener
     * for the user completing the task; the password accompanies the request.
     */
    @Transactional
    public Signed signInTask(Long holdId, DispositionInput in) {
        Hold hold = queries.get(holdId);
        Lot lot = lots.get(hold.getLotId());
        if (!currentUser.isAuthenticated()) {
            throw new NotPermitted("A disposition must be signed by a logged-in user");
        }
        currentUser.requireSigningMembership("sign a disposition", DispositionRules.SIGNING_GROUP);
        return sign(hold, lot, DispositionRules.validate(in, false));
    }

    /**
     * Why a RELEASE of this held lot would be refused by {@code signer} now (the refusal's sentence), or null when it
     * may be signed: the checks a RELEASE meets before its signature, without locking or signing anything. Shown on
     * the {@code decideDisposition} form beside the decision, so a QA manager sees it before signing (new user
     * 2026-12-06 U4: a receipt's failing incoming inspection was told only after the signature).
     */
    public String releaseRefusal(Lot lot, Hold hold, String signer) {
        try {
            // only plain rules throw here: a refusal thrown through a transactional service would mark the task's
            // transaction for rollback (the unfit-source check answers its sentence instead)
            DispositionRules.requireReleasable(Disposition.RELEASE, lot.getStatus(), lot.getLotNumber());
            if (hold != null) {
                DispositionRules.requireRetainedSamplesPass(hold, Disposition.RELEASE, lot.getLotNumber());
            }
            String recalled = lots.unfitSourceRefusal(lot);
            if (recalled != null) {
                return recalled;
            }
            DispositionRules.requireTestedBeforeFirstRelease(Disposition.RELEASE, history.everReached(lot.getId(),
                    LotStatus.RELEASED.name()), labRecords.current(lot.getId()), signer, lot.getLotNumber());
            return null;
        } catch (org.lotflow.shared.InvalidInput e) {
            return (String) e.properties().get("reason"); // the sentence, without the field's name
        } catch (org.lotflow.shared.Refusal e) {
            return e.getMessage();
        }
    }

    /**
     * What the {@code decideDisposition} form tells each person the four-eyes rule bars from signing this lot's
     * RELEASE (user id -> sentence; {@link org.lotflow.shared.FourEyesNotices}): the investigator, whoever created the
     * lot, and for a lot never released the analyst of its valid results; the same rules as the signature. REJECT and
     * RECALL stay open to them.
     */
    public java.util.Map<String, String> fourEyesNotices(Hold hold, Lot lot) {
        boolean everReleased = history.everReached(lot.getId(), LotStatus.RELEASED.name());
        org.lotflow.release.LabVerdict current = labRecords.current(lot.getId());
        return org.lotflow.shared.FourEyesNotices.of(java.util.Arrays.asList(hold.getInvestigatedBy(),
                lot.getCreatedBy(), current == null ? null : current.recordedBy()), p -> {
                    DispositionRules.requireFourEyes(hold, Disposition.RELEASE, p, lot.getLotNumber(),
                            lot.getCreatedBy());
                    if (current != null && current.passed()) { // else no RELEASE at all: releaseNote says why
                        DispositionRules.requireTestedBeforeFirstRelease(Disposition.RELEASE, everReleased, current, p,
                                lot.getLotNumber());
                    }
                }, p -> DispositionRules.requireFourEyes(hold, Disposition.REJECT, p, lot.getLotNumber(),
                        lot.getCreatedBy()), "reject or recall it");
    }

    /** The lot's valid lab results as lines a QA person reads ("zincContent = 7.9 % (8.5 – 9.5 %): FAIL"), or null. */
    public String labResultsText(Lot lot) {
        org.lotflow.release.LabVerdict verdict = labRecords.current(lot.getId());
        if (verdict == null) {
            return null;
        }
        StringBuilder text = new StringBuilder("Test round " + verdict.round() + ", " + (verdict.passed()
                ? "within specification" : "OUT OF SPECIFICATION") + ":");
        for (org.lotflow.release.LabVerdict.TestVerdict t : verdict.results()) {
            text.append("\n").append(t.test()).append(" = ").append(t.valueText()).append(" (").append(t.limits())
                    .append("): ").append(t.result()); // REPORTED for a test without limits (new user L1)
        }
        return text.toString();
    }

    /** The signature: state checked, password re-checked (11.200), four eyes, then recorded (11.50). */
    private Signed sign(Hold hold, Lot lot, Decision in) {
        String signer = currentUser.id();
        DispositionRules.requireSignable(hold, lot.getLotNumber());
        // a failing retained sample: told before the lot's lock and the password (new user 24b N3)
        DispositionRules.requireRetainedSamplesPass(hold, in.decision(), lot.getLotNumber());
        if (in.decision() == Disposition.RELEASE) {
            // the lot's status under its row lock: a recall committing at the same moment is waited for and seen, so
            // its loser is 409 before anything is signed (auditor 2026-12-06 X9: signed, answered 200, not applied)
            lot = lots.lockForChange(lot);
            DispositionRules.requireReleasable(in.decision(), lot.getStatus(), lot.getLotNumber());
            // 409 before the signature: made from recalled, held or rejected material, read under the lot's and its
            // sources' row locks (held until this signature commits): a hold, rejection or recall of a source committing
            // at the same moment is waited for and refuses this RELEASE; one committing after it finds the signature,
            // and releaseHeldLot then does not carry the release out (re-test 27 R3)
            java.util.List<org.lotflow.lot.UnfitSource> unfit = lots.lockAndFindUnfitSources(lot);
            if (!unfit.isEmpty()) {
                throw new org.lotflow.lot.SourceLotUnfit(lot.getLotNumber(), unfit);
            }
            DispositionRules.requireTestedBeforeFirstRelease(in.decision(), history.everReached(lot.getId(),
                    LotStatus.RELEASED.name()), labRecords.current(lot.getId()), signer, lot.getLotNumber());
        }
        String meaning = DispositionRules.meaning(in.decision());
        signatures.sign(meaning, "lot " + lot.getLotNumber(), in.password()); // null: the request's own
        DispositionRules.requireFourEyes(hold, in.decision(), signer, lot.getLotNumber(), lot.getCreatedBy());
        // one signature, one time: the clock read once for the hold's row, the event, its signature and the answer
        // (auditor sig28 L1: three times for one signature)
        Instant signedAt = clock.instant();
        hold.decide(in.decision(), in.justification(), in.classification(), signer, signedAt);
        var event = history.event(lot.getId(), QuarantineEventTypes.DISPOSITION_SIGNED).by(signer).at(signedAt)
                .reason(in.justification()).detail(HoldSignatures.HOLD_ID, hold.getId())
                .detail("decision", in.decision().name())
                .detail("classification", in.classification()).detail("investigatedBy", hold.getInvestigatedBy())
                .signature(meaning).record();
        return new Signed(lot.getLotNumber(), in.decision(), in.justification(), in.classification(), signer,
                event.userName(), signedAt, meaning);
    }
}
