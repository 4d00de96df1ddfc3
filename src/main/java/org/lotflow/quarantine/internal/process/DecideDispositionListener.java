package org.lotflow.quarantine.internal.process;

import static org.lotflow.quarantine.internal.process.QuarantineInvestigationVariables.CLASSIFICATION;
import static org.lotflow.quarantine.internal.process.QuarantineInvestigationVariables.DECISION;
import static org.lotflow.quarantine.internal.process.QuarantineInvestigationVariables.JUSTIFICATION;
import static org.lotflow.quarantine.internal.process.QuarantineInvestigationVariables.SIGNATURE_PASSWORD;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotService;
import org.lotflow.quarantine.internal.DispositionInput;
import org.lotflow.quarantine.internal.DispositionSigning;
import org.lotflow.quarantine.internal.Hold;
import org.lotflow.quarantine.internal.QuarantineQueries;
import org.lotflow.security.CurrentUser;
import org.lotflow.shared.TaskInputs;
import org.lotflow.shared.process.TaskLifecycleListener;
import org.springframework.stereotype.Component;

/**
 * {@code decideDisposition}: on create, shows the complaint, the impact and the findings; on
 * complete, has {@link DispositionSigning} check the electronic signature of the completing user:
 * {@code decision}, {@code justification}, {@code classification}, signed with the password that
 * accompanies the request ({@link org.lotflow.security.ElectronicSignatures}: the masked field of
 * {@code forms/decideDisposition.html}, which the engine surface guard takes out of the submission
 * before the engine sees it, or HTTP Basic). Should a {@code signaturePassword} variable ever reach
 * the engine it is removed at once and kept out of history ({@link SignaturePasswordHistoryFilter}).
 * A disposition signed through the REST API is already recorded and passes straight on. Either way
 * the gateway's {@code decision} is written from the hold's signed disposition, overwriting whatever a
 * user sent; the signer is the hold's {@code decidedBy}. The hold is the one bound to this process
 * instance ({@link BoundHold}; 21 CFR 11.10(f), 11.50, 11.70).
 */
@Component("decideDispositionListener")
public class DecideDispositionListener extends TaskLifecycleListener {

    private final QuarantineQueries queries;
    private final DispositionSigning signing;
    private final LotService lots;
    private final CurrentUser currentUser;
    private final org.lotflow.quarantine.internal.HoldSignatures holdSignatures;

    public DecideDispositionListener(QuarantineQueries queries, DispositionSigning signing, LotService lots,
            CurrentUser currentUser, org.lotflow.shared.process.LiveTaskDisplays displays,
            org.lotflow.quarantine.internal.HoldSignatures holdSignatures, java.time.Clock clock) {
        this.queries = queries;
        this.signing = signing;
        this.lots = lots;
        this.currentUser = currentUser;
        this.holdSignatures = holdSignatures;
        // what a RELEASE rests on and whether it may be signed, as the records are when the form is opened (lab
        // results recorded while the task is open; re-test 2026-12-07 M1), and the four-eyes rule for its reader
        displays.live(InvestigationProcess.PROCESS_KEY, "decideDisposition", (task, reader) -> {
            Hold hold = BoundHold.of(queries, task);
            Lot lot = lots.get(hold.getLotId());
            java.util.Map<String, Object> now = new java.util.LinkedHashMap<>(HoldForm.live(hold));
            now.put("labResultsText", java.util.Objects.requireNonNullElse(signing.labResultsText(lot),
                    "No valid lab results are recorded for this lot."));
            now.put("releaseNote", java.util.Objects.requireNonNullElse(signing.releaseRefusal(lot, hold, null), "-"));
            now.put("expiryNote", expiryNote(lot, java.time.LocalDate.now(clock)));
            now.putAll(org.lotflow.shared.FourEyesNotices.shownTo(reader, signing.fourEyesNotices(hold, lot)));
            return now;
        });
    }

    /**
     * What each decision makes of a held lot whose expiration date has come (audit 26 F3: the hold owns the lot until
     * this decision, and the expiry run leaves it in QUARANTINE), or "-" before that date.
     */
    static String expiryNote(Lot lot, java.time.LocalDate today) {
        if (!lot.isExpiredOn(today)) {
            return "-";
        }
        return "Lot " + lot.getLotNumber() + " reached its expiration date " + lot.getExpirationDate() + " while held"
                + (lot.getStatus() == org.lotflow.lot.LotStatus.EXPIRED ? " (the expiry run marked it expired)" : "")
                + ": a RELEASE leaves it expired, never allocated or shipped again; a REJECT rejects it, its customers"
                + " are informed and its stock on hand is disposed of; a RECALL recalls it.";
    }

    @Override
    protected void onCreate(DelegateTask task) {
        Hold hold = BoundHold.of(queries, task);
        // no decision may be waiting before anyone decided
        TaskInputs.forget(task, DECISION, JUSTIFICATION, CLASSIFICATION, SIGNATURE_PASSWORD);
        Lot lot = lots.get(hold.getLotId());
        HoldForm.lotAndHold(task, lot, hold, queries.impact(lot), currentUser, queries.earlier(hold),
                holdSignatures)
                .show("findingsText", hold.getFindings())
                .show("rootCauseText", hold.getRootCause())
                // judged against the specification, as the lab results below (new user 24b N3)
                .show("retainedSampleText", hold.getRetainedSampleVerdicts())
                .show("investigatedByName", currentUser.nameWithId(hold.getInvestigatedBy()))
                // the lab results a RELEASE rests on, why it would be refused (U4) and the four-eyes notice: computed
                // when the form is read (the constructor's live values)
                .apply();
    }

    @Override
    protected void onComplete(DelegateTask task) {
        Hold hold = BoundHold.of(queries, task);
        String decision = DECISION.get(task);
        String justification = JUSTIFICATION.get(task);
        String classification = CLASSIFICATION.get(task);
        TaskInputs.forget(task, DECISION, JUSTIFICATION, CLASSIFICATION, SIGNATURE_PASSWORD);
        String outcome;
        if (hold.getDecision() == null) {
            // the password comes with the request, never as a variable
            outcome = signing.signInTask(hold.getId(), new DispositionInput(decision, justification, null,
                    classification)).decision().name();
        } else {
            outcome = hold.getDecision().name(); // signed through POST /api/lots/{lotNumber}/disposition
        }
        DECISION.set(task.getExecution(), outcome);
    }
}
