package org.lotflow.quarantine.internal;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.lotflow.history.LotHistory;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotService;
import org.lotflow.release.LabRecords;
import org.lotflow.lot.LotStatus;
import org.lotflow.quarantine.RecallRequested;
import org.lotflow.security.CurrentUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Carrying out a signed disposition (the process's service tasks {@code releaseHeldLot},
 * {@code rejectHeldLot}, {@code recallHeldLot}): the hold is closed and the lot changes status on behalf
 * of the signer. Each step first re-checks that the hold's signed disposition is the one it carries out
 * ({@link DispositionRules#requireSigned}: otherwise an incident, nothing changes); a retried step
 * finds the hold closed and does nothing. If the lot changed meanwhile so that the outcome no longer
 * applies (it expired, say), the hold closes and the history says so.
 */
@Service
public class DispositionOutcomes {

    private final QuarantineQueries queries;
    private final LotService lots;
    private final LotHistory history;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final LabRecords labRecords;

    public DispositionOutcomes(QuarantineQueries queries, LotService lots, LotHistory history,
            CurrentUser currentUser, ApplicationEventPublisher events, Clock clock,
            LabRecords labRecords) {
        this.queries = queries;
        this.lots = lots;
        this.history = history;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
        this.labRecords = labRecords;
    }

    /** RELEASE: back to RELEASED; its allocations may ship again. */
    @Transactional
    public void release(Long holdId) {
        carryOut(holdId, Disposition.RELEASE, LotStatus.RELEASED);
    }

    /** REJECT: REJECTED (the order module cancels its open allocations); disposal follows. */
    @Transactional
    public void reject(Long holdId) {
        carryOut(holdId, Disposition.REJECT, LotStatus.REJECTED);
    }

    /** RECALL: RECALLED and {@link RecallRequested} (the recall module opens the recall) in the same transaction. */
    @Transactional
    public void recall(Long holdId) {
        Hold hold = queries.get(holdId);
        if (carryOut(holdId, Disposition.RECALL, LotStatus.RECALLED)) {
            Lot lot = lots.get(hold.getLotId());
            String classification = DispositionRules.recallClassification(hold);
            history.event(lot.getId(), QuarantineEventTypes.RECALL_REQUESTED).by(hold.getDecidedBy())
                    .reason(hold.getJustification()).detail("classification", classification).record();
            events.publishEvent(new RecallRequested(lot.getId(), lot.getLotNumber(), hold.getJustification(),
                    classification, hold.getDecidedBy()));
        }
    }

    /** Whether the lot's status was changed (false: already carried out, or no longer applicable). */
    private boolean carryOut(Long holdId, Disposition expected, LotStatus target) {
        Hold hold = queries.get(holdId);
        DispositionRules.requireSigned(hold, expected);
        if (!hold.isActive()) {
            return false; // already carried out (a retried job)
        }
        Lot lot = lots.lockForChange(lots.get(hold.getLotId()));
        String signer = hold.getDecidedBy();
        if (target == LotStatus.RELEASED && lot.getStatus() == LotStatus.QUARANTINE) {
            // checked at the signing; again here, where the status changes (the step fails and changes nothing)
            DispositionRules.requireTestedBeforeFirstRelease(expected, history.everReached(lot.getId(),
                    LotStatus.RELEASED.name()), labRecords.current(lot.getId()), signer, lot.getLotNumber());
        }
        hold.close(clock.instant());
        if (lot.getStatus() != LotStatus.QUARANTINE && !lot.getStatus().canBecome(target)) {
            history.event(lot.getId(), QuarantineEventTypes.DISPOSITION_NOT_APPLIED).by(signer)
                    .reason(lot.getStatus() == target ? "Lot is " + target.inWords() + " already (re-test 2026-12-06 E8)"
                            : "Lot is " + lot.getStatus().inWords() + " now; the disposition, " + expected.inWords()
                                    + ", cannot make it " + target.inWords())
                    .record();
            return false;
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("disposition", expected.name());
        detail.put("signedBy", signer);
        if (target == LotStatus.RELEASED) {
            detail.put("available", lot.getAvailable());
            detail.put("allocated", lot.getAllocated());
        }
        // the decision in words (new user round 25 N2: "Quarantine disposition RELEASE signed by"); reasons recorded
        // before keep their text
        lots.changeStatus(lot, target, "Quarantine disposition: " + expected.inWords() + ", signed by "
                + currentUser.fullName(signer) + ": " + hold.getJustification(), detail, signer);
        return true;
    }
}
