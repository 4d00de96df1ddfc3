package org.lotflow.recall.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.lotflow.lot.Lot;
import org.lotflow.lot.LotStatus;
import org.lotflow.lot.LotStock;
import org.lotflow.recall.Classification;
import org.lotflow.recall.internal.process.LotRecallProcess;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.Groups;
import org.lotflow.shared.InvalidInput;
import org.lotflow.trace.Trace;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opening a recall (21 CFR 7.46; FSMA 204; seed chapter "Recall"): the scope is the downstream trace
 * of the named lots, every recallable lot of it becomes RECALLED, and every customer that received
 * any of them gets one notification. Then {@code lotRecall} runs on the recall's number.
 *
 * <p>Everything is checked first (400/409 change nothing). Concurrency: the scope is row-locked in
 * id order before its statuses are checked ({@link ScopeLocks}), so two recalls of the same lot
 * queue and the second gets 409; the number comes from a per-year sequence ({@link RecallSequence}).
 */
@Service
public class RecallOpening {

    /** What opening produced (the process carries none of it: its steps read the recall tables). */
    public record Opened(Long recallId, String recallNumber, Classification classification, int customerCount) {
    }

    private final ScopeLocks scopeLocks;
    private final ScopeRecords records;
    private final LotStock lotStock;
    private final CurrentUser currentUser;
    private final RecallStore store;
    private final RecallSequence sequence;
    private final BoundRecalls bound;
    private final LotRecallProcess process;
    private final Clock clock;

    RecallOpening(ScopeLocks scopeLocks, ScopeRecords records, LotStock lotStock, CurrentUser currentUser,
            RecallStore store, RecallSequence sequence, BoundRecalls bound, LotRecallProcess process, Clock clock) {
        this.scopeLocks = scopeLocks;
        this.records = records;
        this.lotStock = lotStock;
        this.currentUser = currentUser;
        this.store = store;
        this.sequence = sequence;
        this.bound = bound;
        this.process = process;
        this.clock = clock;
    }

    /**
     * {@code POST /api/recalls}: a recall coordinator (an administrator is refused: B6) opens a
     * recall and starts {@code lotRecall}. QA managers decide RECALL dispositions
     * ({@link #requestFromDisposition}) and close recalls, but do not start them here (403).
     */
    @Transactional
    public Opened request(List<String> lotNumbers, String reason, String classification) {
        return request(lotNumbers, reason, classification, false);
    }

    /**
     * {@link #request}, with {@code wholeSupplierLot}: every other lot received of the supplier lot of a named received
     * lot (same supplier lot number as receipts compare it, same supplier: one FSMA 204 traceability lot code, 21 CFR
     * 1.1320(b)) that may become RECALLED is named too (trace29 F1). Off by default: the coordinator decides, for a
     * defect may be of one delivery (damaged in transit, stored wrong) rather than of the supplier's lot; the recall
     * then lists those lots in {@code otherLotsOfSupplierLots} and its OPENED entry names them.
     */
    @Transactional
    public Opened request(List<String> lotNumbers, String reason, String classification, boolean wholeSupplierLot) {
        currentUser.requireToRecord("open a recall", Groups.RECALL_COORDINATOR);
        RecallRequest asked = RecallRequest.of(lotNumbers, reason, classification);
        if (wholeSupplierLot) {
            asked = withSupplierLots(asked);
        }
        Opened opened = open(asked, currentUser.id(), false);
        process.start(opened.recallNumber());
        return opened;
    }

    /**
     * The Tasklist start form ({@code forms/recallStart.form}), from the start listener of a
     * {@code lotRecall} started without a business key: exactly the checks of {@link #request} (a
     * recall coordinator; {@link RecallRequest#ofForm}), then the recall is opened and bound to the
     * process instance being started.
     */
    @Transactional
    public Opened requestFromForm(Object lotsText, Object reason, Object classification, String processInstanceId) {
        currentUser.requireToRecord("open a recall", Groups.RECALL_COORDINATOR);
        Opened opened;
        try {
            opened = open(RecallRequest.ofForm(lotsText, reason, classification), currentUser.id(), false);
        } catch (InvalidInput refused) {
            throw RecallRequest.asForm(refused);
        }
        bound.bindOpened(opened.recallNumber(), processInstanceId);
        return opened;
    }

    /**
     * A quarantine disposition decided RECALL: opened on behalf of the signer, in the disposition's
     * transaction. The lot may already be RECALLED (if the disposition set it): then it is kept in
     * scope without a second status change. No classification: CLASS_II.
     */
    @Transactional
    public Opened requestFromDisposition(String lotNumber, String reason, String classification, String requestedBy) {
        RecallRequest request = RecallRequest.of(List.of(lotNumber), reason == null || reason.isBlank()
                ? "Quarantine disposition of lot " + lotNumber + ": recall" : reason,
                classification == null || classification.isBlank() ? Classification.CLASS_II.name() : classification);
        Opened opened = open(request, requestedBy == null ? currentUser.id() : requestedBy, true);
        process.start(opened.recallNumber());
        return opened;
    }

    /** The request with the other recallable lots of its named lots' supplier lots added, after them, by number. */
    private RecallRequest withSupplierLots(RecallRequest asked) {
        java.util.LinkedHashSet<String> named = new java.util.LinkedHashSet<>(lotStock.asStored(asked.lotNumbers()));
        java.util.TreeSet<String> added = new java.util.TreeSet<>();
        for (String n : named) {
            Lot lot = lotStock.findByLotNumber(n).orElse(null);
            if (lot == null || lot.getSupplier() == null || lot.getSupplierLotNumber() == null) {
                continue; // an unknown lot is refused by the checks; a lot made here has no supplier lot
            }
            lotStock.ofSupplierLot(lot.getSupplier(), lot.getSupplierLotNumber()).stream()
                    .filter(s -> !named.contains(s.lotNumber()) && RecallScope.recalls(s.status()))
                    .forEach(s -> added.add(s.lotNumber()));
        }
        if (added.isEmpty()) {
            return asked;
        }
        List<String> all = new ArrayList<>(named);
        all.addAll(added);
        if (all.size() > RecallRequest.MAX_LOTS) {
            throw new InvalidInput("wholeSupplierLot", "the named lots' supplier lots make " + all.size() + " lots, more"
                    + " than the " + RecallRequest.MAX_LOTS + " a recall may name: name them in several recalls");
        }
        return RecallRequest.of(all, asked.reason(), asked.classification().name());
    }

    private Opened open(RecallRequest asTyped, String by, boolean acceptRecalled) {
        // the lots as stored, whatever their case (B2): the checks again, so "rm-1" beside "RM-1" is listed twice
        RecallRequest request = RecallRequest.of(lotStock.asStored(asTyped.lotNumbers()), asTyped.reason(),
                asTyped.classification().name());
        ScopeLocks.Locked scope = scopeLocks.lock(request.lotNumbers());
        for (String n : request.lotNumbers()) {
            Lot lot = scope.named().get(n);
            RecallScope.checkNamed(n, lot.getStatus(), acceptRecalled,
                    lot.getStatus() == LotStatus.RECALLED ? store.recallOf(lot.getId()).orElse(null)
                            : lot.getStatus() == LotStatus.ARCHIVED ? store.openRecallOf(lot.getId()).orElse(null)
                                    : null);
        }
        Instant now = clock.instant();
        String number = sequence.next(LocalDate.now(clock).getYear());
        Classification classification = request.classification();
        long recallId = store.insertRecall(number, classification, request.reason(), RecallStatus.NOTIFYING, now, by);
        String why = "Recall " + number + " (" + org.lotflow.recall.Classification.inWords(classification) + "): "
                + request.reason();
        List<String> skipped = new ArrayList<>();
        int inScope = 0;
        // the lots whose customers this recall notifies and whose returns it counts: all of its scope but the lots
        // another recall already recalled (trace29 F2: their customers were listed, notified and their returns
        // accepted a second time, 2200 of 1100 shipped, while this recall's received-returns refused the goods)
        Map<String, Lot> lotsByNumber = new HashMap<>();
        java.util.SortedSet<String> coveredBy = new java.util.TreeSet<>();
        for (Trace.TracedLot t : scope.scope()) {
            Lot lot = scope.lot(t, lotStock);
            inScope++;
            ScopeRecords.Outcome outcome = records.lot(recallId, number, classification, why, t, lot,
                    scope.named().containsKey(lot.getLotNumber()), acceptRecalled, by);
            if (outcome.note() != null) {
                skipped.add(lot.getLotNumber() + " (" + outcome.note() + ")");
            }
            if (outcome.coveredBy() != null) {
                coveredBy.add(outcome.coveredBy());
            } else {
                lotsByNumber.put(lot.getLotNumber(), lot);
            }
        }
        ScopeRecords.Notified customers = records.customers(recallId, lotsByNumber);
        // lots of the named lots' supplier lots left out of the scope: said, so that none is left shippable unseen
        java.util.SortedSet<String> sameSupplierLot = new java.util.TreeSet<>();
        java.util.Set<String> scoped = new java.util.HashSet<>();
        scope.scope().forEach(t -> scoped.add(t.lotNumber()));
        for (Lot named : scope.named().values()) {
            if (named.getSupplier() != null && named.getSupplierLotNumber() != null) {
                lotStock.ofSupplierLot(named.getSupplier(), named.getSupplierLotNumber()).stream()
                        .filter(s -> !scoped.contains(s.lotNumber()))
                        .forEach(s -> sameSupplierLot.add(s.lotNumber() + " (" + s.status() + ")"));
            }
        }
        store.event(recallId, now, "OPENED", by, ClosingReport.sentence(why) + " Named lots: " + String.join(", ", request.lotNumbers())
                + "; " + (inScope - skipped.size()) + " lot(s) recalled"
                + (skipped.isEmpty() ? "" : ", not recalled: " + String.join(", ", skipped))
                + "; " + customers.sentence() + (coveredBy.isEmpty() ? "" : " (the customers of lots already recalled by an open recall"
                        + " are notified, and their returns counted, under " + String.join(", ", coveredBy) + ")")
                + (sameSupplierLot.isEmpty() ? "" : ". Other lots of the same supplier lot, not in this recall: "
                        + String.join(", ", sameSupplierLot)));
        return new Opened(recallId, number, classification, customers.customers());
    }
}
