package org.lotflow.quarantine.internal;

import org.lotflow.quarantine.QuarantineEventTypes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lotflow.history.LotHistory;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotService;
import org.lotflow.release.LabRecords;
import org.lotflow.lot.LotStatus;
import org.lotflow.lot.UnfitSource;
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
 *
 * <p>A signed RELEASE whose lot is made from material that became unfit for use after the signature (a source lot
 * RECALLED, held in QUARANTINE or REJECTED; {@link UnfitSource}) is not carried out (re-test 27 R3), as the lab
 * release's {@code releaseLot} ({@link LotService#releaseUnlessMadeFromUnfit}, under the lots' row locks): nothing is
 * released, the history says the signed release was not carried out and why ({@code DISPOSITION_NOT_CARRIED_OUT},
 * naming the source lots and their state), the hold stays open with the decision cleared ({@link Hold#notCarriedOut}),
 * and {@link #release} answers those sources, so the process goes back to {@code decideDisposition} (boundary error
 * {@code SOURCE_LOT_UNFIT}) for a QA manager to sign a new disposition.
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
     * today): EXPIRED instead, or stays EXPIRED (audit 26 F3; {@link #releasePastExpiry}). Unless the lot is made from
     * material not fit for use now (re-test 27 R3): then nothing is released, the release is recorded as not carried
     * out, the hold stays open awaiting a new disposition, and those sources are answered (the step throws the BPMN
     * error {@code SOURCE_LOT_UNFIT}). Empty: carried out (or already, or no longer applicable).
     */
    @Transactional
    public List<UnfitSource> release(Long holdId) {
        Hold hold = queries.get(holdId);
        DispositionRules.requireSigned(hold, Disposition.RELEASE);
        if (hold.isActive()) {
            Lot lot = lots.lockForChange(lots.get(hold.getLotId()));
            if (lot.getStatus() == LotStatus.QUARANTINE && !lot.isExpiredOn(LocalDate.now(clock))) {
                // the lot's and its sources' row locks, held until this step commits: a hold, rejection or recall of a
                // source committing at the same moment is waited for and seen; the status change checks again below
                List<UnfitSource> unfit = lots.lockAndFindUnfitSources(lot);
                if (!unfit.isEmpty()) {
                    notCarriedOut(hold, lot, unfit);
                    return unfit;
                }
            }
        }
        carryOut(holdId, Disposition.RELEASE, LotStatus.RELEASED);
        return List.of();
    }

    /**
     * The signed RELEASE is not carried out: the lot is made from {@code unfit}. History {@code
     * DISPOSITION_NOT_CARRIED_OUT} on behalf of the signer, naming the sources and their state; the hold stays open
     * and its decision is cleared for a new signature ({@link Hold#notCarriedOut}); the lot stays QUARANTINE.
     */
    private void notCarriedOut(Hold hold, Lot lot, List<UnfitSource> unfit) {
        String signer = hold.getDecidedBy();
        String sources = String.join(", ", unfit.stream().map(UnfitSource::described).toList());
        String why = "Lot " + lot.getLotNumber() + " is made from " + sources + ", not fit for use";
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("disposition", Disposition.RELEASE.name());
        detail.put("signedBy", signer);
        detail.put("signedAt", hold.getDecidedAt().toString());
        detail.put("unfitSources", sources);
        history.event(lot.getId(), QuarantineEventTypes.DISPOSITION_NOT_CARRIED_OUT).by(signer)
                .reason("Quarantine disposition: " + Disposition.RELEASE.inWords() + ", signed by "
                        + currentUser.fullName(signer) + ", was not carried out: " + why + " (recalled, held or"
                        + " rejected after the signature). Nothing was released; the lot stays held in QUARANTINE and"
                        + " a QA manager decides its disposition again")
                .details(detail).record();
        hold.notCarriedOut(why, clock.instant());
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
        String reason = "Quarantine disposition: " + expected.inWords() + ", signed by " + currentUser.fullName(signer)
                + ": " + hold.getJustification();
        // a RELEASE is checked again under the row locks release() holds (LotStatusChange): a source cannot have
        // turned unfit in between
        lots.changeStatusBySignedDisposition(lot, target, reason, detail, signer);
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
