package org.lotflow.lot;

import java.util.List;
import java.util.Map;

import org.lotflow.history.LotEventTypes;
import org.lotflow.history.LotHistory;
import org.lotflow.lot.internal.LotRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case "move a lot through its lifecycle" ({@link LotStatus}; 409 {@link IllegalTransitionException}
 * when the lifecycle forbids it): the change, its history event and {@link LotStatusChanged}, in the
 * caller's transaction. No lot becomes RELEASED while anything it was made from is RECALLED, held in QUARANTINE or
 * REJECTED, nor a lot received PENDING from a supplier while another lot of its supplier lot is so (409
 * {@link SourceLotUnfit}; {@link UnfitMaterial}), whichever step asks: lab release, an out-of-specification release, a
 * quarantine disposition. Package-private like {@link Lot#transitionTo}: other modules call
 * {@link LotService#changeStatus}.
 */
@Service
class LotStatusChange {

    private final LotRepository lots;
    private final LotHistory history;
    private final ApplicationEventPublisher events;
    private final UnfitMaterial unfitMaterial;
    private final java.time.Clock clock;

    LotStatusChange(LotRepository lots, LotHistory history, ApplicationEventPublisher events,
            UnfitMaterial unfitMaterial, java.time.Clock clock) {
        this.clock = clock;
        this.lots = lots;
        this.unfitMaterial = unfitMaterial;
        this.history = history;
        this.events = events;
    }

    /** Changes the status on behalf of {@code byUser} (the person whose decision a process step carries out). */
    @Transactional
    Lot change(Lot lot, LotStatus next, String reason, Map<String, ?> detail, String byUser) {
        return change(lot, next, reason, detail, byUser, false);
    }

    /**
     * As {@link #change(Lot, LotStatus, String, Map, String)}; {@code bySignedDisposition}: a signed quarantine
     * disposition of an open hold, which may take {@link LotStatus#canBecomeBySignedDisposition}'s one more step.
     */
    @Transactional
    Lot change(Lot lot, LotStatus next, String reason, Map<String, ?> detail, String byUser,
            boolean bySignedDisposition) {
        if (next == LotStatus.RELEASED) {
            List<UnfitSource> unfit = unfitMaterial.lockAndFind(lot);
            if (!unfit.isEmpty()) {
                throw new SourceLotUnfit(lot.getLotNumber(), unfit);
            }
        }
        Lot changed = apply(lot, next, reason, detail, byUser, bySignedDisposition);
        if (next == LotStatus.RELEASED) {
            expireIfDue(changed, byUser);
        }
        return changed;
    }

    /**
     * RELEASED unless the lot is made from material not fit for use ({@link UnfitSource}): answers those sources
     * (nothing changed) instead of refusing, so a process step can take another path in its transaction; empty when the lot was released. One
     * check under the lot's row lock, as in {@link #change}.
     */
    @Transactional
    List<UnfitSource> releaseUnlessMadeFromUnfit(Lot lot, String reason, Map<String, ?> detail, String byUser,
            boolean concession) {
        List<UnfitSource> unfit = unfitMaterial.lockAndFind(lot);
        if (unfit.isEmpty()) {
            lot.releasedOnConcession(concession);
            apply(lot, LotStatus.RELEASED, reason, detail, byUser);
            expireIfDue(lot, byUser);
        }
        return unfit;
    }

    /**
     * A lot released on or after its expiration date (its lab release, its out-of-specification decision or its
     * quarantine disposition took that long) expires at once: the decision stands in the record, and the lot is never
     * allocated, shipped or certified (the certificate module issues none; auditor 2026-12-06 G5 and its re-test R2:
     * released, certified CURRENT and allocatable, or left RELEASED by a disposition).
     */
    private void expireIfDue(Lot lot, String byUser) {
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        if (lot.getStatus() == LotStatus.RELEASED && lot.isExpiredOn(today)) {
            apply(lot, LotStatus.EXPIRED, "Expiration date " + lot.getExpirationDate() + " had come when its release"
                    + " was carried out on " + today + ": expired at once, never allocated or shipped",
                    Map.of("expirationDate", lot.getExpirationDate().toString()), byUser);
        }
    }

    /**
     * An ARCHIVED lot back in the status its open recall took it in ({@link Lot#reopenForRecall}), with its history
     * event and {@link LotStatusChanged}, when goods of it come back under that recall ({@link LotReturns}).
     */
    @Transactional
    Lot reopenForRecall(Lot lot, LotStatus takenAs, String reason, Map<String, ?> detail, String byUser) {
        LotStatus previous = lot.reopenForRecall(takenAs);
        lots.save(lot);
        history.event(lot.getId(), LotEventTypes.STATUS_CHANGED).by(byUser).status(previous, takenAs).reason(reason)
                .details(detail).record();
        events.publishEvent(new LotStatusChanged(lot.getId(), lot.getLotNumber(), previous, takenAs, reason));
        return lot;
    }

    private Lot apply(Lot lot, LotStatus next, String reason, Map<String, ?> detail, String byUser) {
        return apply(lot, next, reason, detail, byUser, false);
    }

    private Lot apply(Lot lot, LotStatus next, String reason, Map<String, ?> detail, String byUser,
            boolean bySignedDisposition) {
        LotStatus previous = lot.transitionTo(next, bySignedDisposition);
        lots.save(lot);
        history.event(lot.getId(), LotEventTypes.STATUS_CHANGED).by(byUser).status(previous, next).reason(reason)
                .details(detail).record();
        events.publishEvent(new LotStatusChanged(lot.getId(), lot.getLotNumber(), previous, next, reason));
        return lot;
    }
}
