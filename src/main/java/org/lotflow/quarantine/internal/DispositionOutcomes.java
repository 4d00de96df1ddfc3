package org.lotflow.quarantine.internal;

import org.lotflow.quarantine.QuarantineEventTypes;

import java.time.Clock;
import java.time.LocalDate;
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
 * applies (a recall took it), the hold closes and the history says so ({@code DISPOSITION_NOT_APPLIED}).
 *
 * <p>The hold owns the lot until the signed disposition (audit 26 F3): the expiry run leaves a held lot in
 * QUARANTINE past its expiration date, and the disposition then applies in full. REJECT makes it REJECTED, RECALL
 * RECALLED, as before its date; a RELEASE of a lot past its expiration date makes it EXPIRED, never RELEASED (a lot
 * is never allocated or shipped on or after that date: contract, "expired on its expiration date"), recorded with
 * the signature, and the order module cancels its allocations as for the expiry run. A lot the expiry run made
 * EXPIRED while held (before this rule) still follows its signed disposition: REJECT takes it EXPIRED -> REJECTED
 * ({@link LotStatus#canBecomeBySignedDisposition}), so its customers are informed and its stock disposed of as for
 * any reject; RECALL recalls it; RELEASE closes the hold and the lot stays EXPIRED.
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

    /**
     * RELEASE: back to RELEASED; its allocations may ship again. Past its expiration date ({@link Lot#isExpiredOn}
     * today): EXPIRED instead, or stays EXPIRED (audit 26 F3; {@link #releasePastExpiry}).
     */
    @Transactional
    public void release(Long holdId) {
        carryOut(holdId, Disposition.RELEASE, LotStatus.RELEASED);
    }

    /**
     * REJECT: REJECTED (the order module cancels its open allocations); customers informed and disposal follow. Also a
     * lot the expiry run made EXPIRED while it was held (audit 26 F3: EXPIRED -> REJECTED, on this signature only).
     */
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
        if (target == LotStatus.RELEASED && lot.isExpiredOn(LocalDate.now(clock))
                && (lot.getStatus() == LotStatus.QUARANTINE || lot.getStatus() == LotStatus.EXPIRED)) {
            return releasePastExpiry(hold, lot);
        }
        if (lot.getStatus() != LotStatus.QUARANTINE && !lot.getStatus().canBecomeBySignedDisposition(target)) {
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
        lots.changeStatusBySignedDisposition(lot, target, "Quarantine disposition: " + expected.inWords()
                + ", signed by " + currentUser.fullName(signer) + ": " + hold.getJustification(), detail, signer);
        return true;
    }

    /**
     * A RELEASE of a lot whose expiration date has come: it is never allocated or shipped again whatever its status
     * (contract), so the release makes it EXPIRED, in one status change that names the signature (QUARANTINE ->
     * EXPIRED; the order module cancels its open allocations, as after the expiry run), never RELEASED for a moment.
     * A lot the expiry run made EXPIRED while held (before audit 26 F3) stays EXPIRED, and the history says the
     * release was carried out so ({@code DISPOSITION_CARRIED_OUT}). Either way the release is carried out: its
     * customers are informed of it.
     */
    private boolean releasePastExpiry(Hold hold, Lot lot) {
        String signer = hold.getDecidedBy();
        String decided = "Quarantine disposition: " + Disposition.RELEASE.inWords() + ", signed by "
                + currentUser.fullName(signer) + ": " + hold.getJustification();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("disposition", Disposition.RELEASE.name());
        detail.put("signedBy", signer);
        detail.put("expirationDate", lot.getExpirationDate().toString());
        if (lot.getStatus() == LotStatus.EXPIRED) {
            history.event(lot.getId(), QuarantineEventTypes.DISPOSITION_CARRIED_OUT).by(signer)
                    .reason(decided + ". The lot expired on " + lot.getExpirationDate() + " while it was held: it stays"
                            + " expired, never allocated or shipped")
                    .details(detail).record();
            return false;
        }
        lots.changeStatusBySignedDisposition(lot, LotStatus.EXPIRED, decided + ". Its expiration date "
                + lot.getExpirationDate() + " has come: expired, never allocated or shipped", detail, signer);
        return true;
    }
}
