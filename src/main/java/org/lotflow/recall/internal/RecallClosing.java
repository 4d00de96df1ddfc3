package org.lotflow.recall.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lotflow.history.LotHistory;
import org.lotflow.lot.LotDisposal;
import org.lotflow.recall.RecallEventTypes;
import org.lotflow.recall.internal.process.LotRecallProcess;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.Groups;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.StateConflict;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Closing a recall (21 CFR 7.55; 21 CFR Part 11 for the signed decision): a QA manager signs the
 * closing with a statement ({@code closeRecall}), then the report task closes the recall as signed
 * and writes the recall report into the history of every lot of its scope.
 */
@Service
public class RecallClosing {

    /** The longest closing statement accepted, in characters. */
    static final int MAX_COMMENT = 2000;

    private final RecallStore store;
    private final NotificationStore notifications;
    private final BoundRecalls bound;
    private final LotRecallProcess process;
    private final LotHistory history;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final RecalledStock recalledStock;
    private final LotDisposal disposal;
    private final org.lotflow.security.ElectronicSignatures signatures;
    private final ClosingForm closingForm;

    /** The meaning of the QA manager's signature on a recall's closing (21 CFR 11.50(a)(3)). */
    static final String MEANING = org.lotflow.recall.Recalls.CLOSING_MEANING;

    /** The effectiveness level a recall should reach ({@code lotflow.recall.target-effectiveness}, A-E). */
    private final String target;

    RecallClosing(RecallStore store, NotificationStore notifications, BoundRecalls bound, LotRecallProcess process,
            LotHistory history, CurrentUser currentUser, Clock clock, RecalledStock recalledStock, LotDisposal disposal,
            org.lotflow.security.ElectronicSignatures signatures,
            @Value("${lotflow.recall.target-effectiveness:A}") String target, ClosingForm closingForm) {
        this.closingForm = closingForm;
        this.signatures = signatures;
        if (!target.matches("[A-E]")) {
            throw new IllegalArgumentException("lotflow.recall.target-effectiveness must be one of A, B, C, D, E (FDA"
                    + " effectiveness check levels, 21 CFR 7.42(b)(3)), not '" + target + "'");
        }
        this.target = target;
        this.store = store;
        this.notifications = notifications;
        this.bound = bound;
        this.process = process;
        this.history = history;
        this.currentUser = currentUser;
        this.clock = clock;
        this.recalledStock = recalledStock;
        this.disposal = disposal;
    }

    /** The loser of two closings at once: who closed the recall and when, and that nothing of theirs was saved. */
    private StateConflict closedMeanwhile(String recallNumber, RecallStore.RecallRow now) {
        String by = now.closeRequestedBy() != null ? now.closeRequestedBy() : now.closedBy();
        java.time.Instant at = now.closeRequestedAt() != null ? now.closeRequestedAt() : now.closedAt();
        return (StateConflict) new StateConflict("Recall " + recallNumber + " was closed by " + currentUser.nameWithId(by)
                + (at == null ? "" : " at " + org.lotflow.shared.process.TaskForm.text(at)) + " (signed) a"
                + " moment ago; nothing of yours was saved").with("recallStatus", now.status());
    }

    /** The per-lot disposals of the API's closing, for its own completion's listener on this thread. */
    private static final ThreadLocal<Object> API_DISPOSALS = new ThreadLocal<>();

    /** The target effectiveness level, A (best) to E, that closing without a justification needs. */
    public String target() {
        return target;
    }

    /**
     * {@code POST /api/recalls/{recallNumber}/close}: a QA manager (else 403, administrators too) completes
     * {@code closeRecall} with a comment (400 without) and, when the effectiveness check is below the
     * target level or the goods are not all accounted for as shipped ({@link ClosingJustification}: still at
     * customers, returns not received, more accounted for than shipped), a justification (400 naming
     * {@code justification} without); 409 while customer
     * notifications are open. {@code disposalMethod} and {@code disposalReference}: how the recalled lots' stock on
     * hand leaves the plant, required while there is any; {@code disposals}: a lot that leaves differently, each
     * {@code {lotNumber, disposalMethod, disposalReference}} (see {@link #sign}, {@link RecalledStockDisposals}).
     */
    @Transactional
    public void requestClose(String recallNumber, String comment, String justification, String disposalMethod,
            String disposalReference, Object disposals) {
        // a QA manager's signed record: administrators who are not QA managers too are refused (auditor 2026-12-06 A1)
        currentUser.requireMember("close a recall", Groups.QA_MANAGER);
        RecallStore.RecallRow recall = bound.find(recallNumber);
        if (org.lotflow.shared.input.InputRules.blank(comment)) {
            throw new InvalidInput("comment", "required: the closing statement of the recall");
        }
        String taskId = process.closeTask(recall.processInstanceId()).orElseThrow(() -> {
            RecallStore.RecallRow now = bound.find(recallNumber);
            if (now.closeRequestedBy() != null || RecallStatus.CLOSED.equals(now.status())) {
                // a second closing a moment after the first: a lost race, said as such (auditor 2026-12-06 A10: "is
                // AWAITING_CLOSE and cannot be closed")
                return closedMeanwhile(recallNumber, now);
            }
            int open = notifications.open(recall.id());
            return new StateConflict("Recall " + recallNumber + " is " + recall.status() + " and cannot be closed"
                    + (open > 0 ? " yet: " + open + " customer notification(s) open" : "")).with("recallStatus",
                    recall.status());
        });
        // the task's listener checks and signs (sign); the API's per-lot disposals reach it as sent, not as a process
        // variable: no text round trip (re-test 2026-12-06 R1: a tab in a method became a reference) and no 4000-
        // character limit of the engine's text variables (R2)
        API_DISPOSALS.set(disposals);
        try {
            // the API's caller reads the recall itself: signed on the figures as they stand now
            process.close(taskId, comment, justification, disposalMethod, disposalReference, null,
                    closingForm.figuresVersion(recallNumber, recall.processInstanceId()));
        } catch (RuntimeException lost) {
            // the task completed by another QA manager between its lookup and this completion: who closed it, not
            // Tasklist's "reload" (auditor 2026-12-07 24b F7)
            RecallStore.RecallRow now = lost instanceof org.lotflow.shared.Refusal ? null : bound.find(recallNumber);
            if (now != null && now.closeRequestedBy() != null && !now.closeRequestedBy().equals(currentUser.id())) {
                throw closedMeanwhile(recallNumber, now);
            }
            throw lost;
        } finally {
            API_DISPOSALS.remove();
        }
    }

    /**
     * The QA manager's closing decision (complete listener of {@code closeRecall}): the logged-in QA
     * manager's signature with the form's {@code comment} (text, required, at most 2000 characters),
     * recorded on the recall of the business key, where the report task re-checks it. When the
     * effectiveness check is below the target level ({@code lotflow.recall.target-effectiveness},
     * default A: every customer acknowledged; 21 CFR 7.42(b)(3)), the form's {@code justification}
     * (text, at most 2000 characters) is required too: why the recall may close anyway (issue #12).
     * While recalled lots still have stock on hand, the form says how each leaves the plant: {@code disposalMethod}
     * (DESTROYED, or RETURNED_TO_SUPPLIER for received lots) with {@code disposalReference} (a waste manifest
     * or return note, one line, at most 200 characters, optional) for every lot, and {@code disposals} (text, one
     * {@code LOT = METHOD reference} per line) for a lot that leaves differently ({@link RecalledStockDisposals}); the
     * closing then disposes of that stock (21 CFR 7.55(a): a recall ends once proper disposition has been made; EU
     * GMP Chapter 5.65). Refused (the task stays open) for anyone else (403), without a comment, a needed
     * justification or disposal, or with one not needed (400 naming the field), and unless the recall is awaiting
     * its closing (409). {@code figuresShown}, the version of the figures the Tasklist form showed
     * ({@link RecallQueries#figuresVersion}), is required and 409 when they changed since ({@link
     * ClosingForm#requireFiguresAsShown}); {@code figuresVersionSent} false: the task's form, deployed before it sent the version
     * (a recall opened before the upgrade), does not send it, and then it is checked only when given.
     */
    @Transactional
    public void sign(String recallNumber, String processInstanceId, Object comment, Object justification,
            Object disposalMethod, Object disposalReference, Object disposals, Object figuresShown,
            boolean figuresVersionSent) {
        currentUser.requireMember("close a recall", Groups.QA_MANAGER);
        if (comment != null && !(comment instanceof String)) {
            throw new InvalidInput("comment", "must be text");
        }
        if (!(comment instanceof String c) || org.lotflow.shared.input.InputRules.blank(c)) {
            throw new InvalidInput("comment", "required: the closing statement of the recall");
        }
        if (c.length() > MAX_COMMENT) {
            throw new InvalidInput("comment", "at most " + MAX_COMMENT + " characters");
        }
        RecallStore.RecallRow recall = store.lock(bound.of(recallNumber, processInstanceId).id());
        if (recall.closeRequestedBy() != null) {
            // another QA manager's closing committed while this one waited for the recall's lock: who, and when
            throw closedMeanwhile(recallNumber, recall);
        }
        if (!RecallStatus.AWAITING_CLOSE.equals(recall.status())) {
            throw new StateConflict("Recall " + recallNumber + " is " + recall.status()
                    + (recall.closeRequestedBy() != null ? " and its closing is already signed" : "")
                    + "; it cannot be closed now").with("recallStatus", recall.status());
        }
        Effectiveness e = Effectiveness.of(notifications.all(recall.id()), closingForm.receivedAtPlant(recall.id()));
        String why = ClosingJustification.of(e, target, justification);
        Object perLot = API_DISPOSALS.get() != null ? API_DISPOSALS.get() : disposals;
        String disposalsSigned = DisposalRecords.signed(RecalledStockDisposals.of(recallNumber, recalledStock.left(recall.id()),
                disposalMethod, disposalReference, perLot));
        // the QA manager's electronic signature, once the decision itself is complete (new user 2026-12-06 M4: closing
        // a recall and disposing of its stock was the one QA decision without one): the password re-entered in the
        // form's masked field or the request's HTTP Basic login; wrong 403, locked 429, each failure recorded
        if (figuresVersionSent || figuresShown != null) {
            closingForm.requireFiguresAsShown(recallNumber, processInstanceId, recall, figuresShown);
        }
        org.lotflow.security.ElectronicSignatures.Signer signer = signatures.sign(MEANING, "recall " + recallNumber);
        store.requestClose(recall.id(), signer.userId(), c, why, disposalsSigned, signer.at());
    }

    /**
     * Closes the recall (service task {@code recordRecallReport}): the recalled lots' stock on hand disposed of as
     * signed ({@link LotDisposal#confirmRecalled}: {@code disposed} on each lot, a {@code DISPOSAL_CONFIRMED} event
     * in the signer's name), status CLOSED and the recall report in the history of every lot of its scope, carried
     * out only as the QA manager signed it on the recall row (who, comment, disposal); without that signature 409
     * and nothing changes. Closing twice changes nothing.
     */
    @Transactional
    public void close(String recallNumber, String processInstanceId) {
        RecallStore.RecallRow recall = store.lock(bound.of(recallNumber, processInstanceId).id());
        if (RecallStatus.CLOSED.equals(recall.status())) {
            return;
        }
        if (!RecallStatus.AWAITING_CLOSE.equals(recall.status()) || recall.closeRequestedBy() == null) {
            throw new StateConflict("Recall " + recallNumber + " is " + recall.status()
                    + " without a signed closing decision; it is not closed").with("recallStatus", recall.status());
        }
        String closedBy = recall.closeRequestedBy();
        String comment = recall.closeRequestedComment();
        String justification = recall.closeRequestedJustification();
        Effectiveness e = Effectiveness.of(notifications.all(recall.id()), closingForm.receivedAtPlant(recall.id()));
        Instant now = clock.instant();
        List<Map<String, Object>> disposed = disposeOnHand(recall, closedBy);
        store.close(recall.id(), e.level(), comment, justification, now, closedBy);
        List<RecallStore.LotRow> scope = store.lots(recall.id());
        Map<String, Object> report = ClosingReport.of(recall, scope, e, comment);
        // what arrived at the plant beside what each customer said, and the closing form's CHECK remarks the signer
        // read: in the signed report (re-test 2026-12-06 M2)
        List<Map<String, Object>> received = closingForm.receivedAgainstSaid(recall.id());
        if (!received.isEmpty()) {
            report.put("receivedAtPlant", received);
        }
        if (!disposed.isEmpty()) {
            report.put("disposals", disposed);
        }
        StillAtCustomers left = new StillAtCustomers(e.stillAtCustomers());
        ReturnsNotReceived notReceived = new ReturnsNotReceived(e.returnsNotReceived());
        AccountedBeyondShipped beyond = new AccountedBeyondShipped(e.accountedBeyondShipped());
        String goodsOut = ClosingJustification.goodsOut(left, notReceived, beyond);
        String belowTarget = justification == null ? "" : (e.meets(target) ? " Closed" + goodsOut
                // below the target too, the sentence names all the justification covers (auditor 2026-12-07 24b F4)
                : " Closed below the target effectiveness level " + target + (goodsOut.isEmpty() ? "" : "," + goodsOut))
                + ", justified: " + ClosingReport.sentence(justification);
        if (!left.isEmpty()) {
            report.put("stillAtCustomers", left.inWords());
        }
        if (!notReceived.isEmpty()) {
            report.put("returnsNotReceived", notReceived.inWords());
        }
        // figures that contradict each other, signed with the justification of which is right (ALCOA+ accurate)
        if (!beyond.isEmpty()) {
            report.put("accountedBeyondShipped", beyond.inWords());
        }
        if (justification != null) {
            report.put("targetEffectivenessLevel", target);
            report.put(e.meets(target) ? "closeJustification" : "belowTargetJustification", justification);
        }
        for (RecallStore.LotRow lot : scope) {
            var event = history.event(lot.lotId(), RecallEventTypes.RECALL_CLOSED).by(closedBy)
                    .reason("Recall " + recall.recallNumber() + " closed: " + (belowTarget.isEmpty() ? comment
                            : ClosingReport.sentence(comment) + belowTarget))
                    .details(report);
            if (recall.closeRequestedAt() != null) {
                // the closing's electronic signature as every signed record shows it (21 CFR 11.50), at its signing; a
                // closing signed before signatures were asked (no time kept) shows none
                event.signature(MEANING, recall.closeRequestedAt());
            }
            event.record();
        }
        store.event(recall.id(), now, "CLOSED", closedBy, "Closed: " + ClosingReport.sentence(comment) + " " + e.summary() + "."
                + belowTarget + (received.isEmpty() ? "" : " Received back at the plant: " + String.join("; ",
                        received.stream().map(ClosingReport::receivedInWords).toList()) + ".")
                + (disposed.isEmpty() ? "" : " Disposed of: " + String.join("; ", disposed.stream()
                        .map(ClosingReport::disposedInWords).toList()) + "."));
    }

    /**
     * Disposes of each recalled lot's stock on hand as the closing was signed ({@link LotDisposal#confirmRecalled});
     * records and returns what was disposed of, lot by lot ({lotNumber, method, reference, quantity, unit}); empty
     * when the closing signed no disposal.
     */
    private List<Map<String, Object>> disposeOnHand(RecallStore.RecallRow recall, String closedBy) {
        List<Map<String, Object>> signed = DisposalRecords.read(recall.closeRequestedDisposals());
        if (signed.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, Object>> byLot = new LinkedHashMap<>();
        signed.forEach(row -> byLot.put((String) row.get("lotNumber"), row));
        List<Map<String, Object>> disposed = new java.util.ArrayList<>();
        for (RecalledStock.OnHand onHand : recalledStock.left(recall.id()).onHand()) {
            Map<String, Object> choice = byLot.get(onHand.lot().getLotNumber());
            if (choice == null) {
                continue; // nothing on hand when the closing was signed
            }
            java.math.BigDecimal quantity = disposal.confirmRecalled(onHand.lot(), (String) choice.get("method"),
                    (String) choice.get("reference"), recall.recallNumber(), closedBy);
            if (quantity != null) {
                Map<String, Object> row = new LinkedHashMap<>(choice);
                row.put("quantity", quantity);
                row.put("unit", onHand.unit());
                disposed.add(row);
            }
        }
        store.disposed(recall.id(), disposed.isEmpty() ? null : DisposalRecords.write(disposed));
        return disposed;
    }
}
