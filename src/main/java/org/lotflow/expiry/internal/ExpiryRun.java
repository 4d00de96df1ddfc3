package org.lotflow.expiry.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.lotflow.expiry.ExpiringLot;
import org.lotflow.expiry.ExpiryQueries;
import org.lotflow.lot.ExpiringLots;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotService;
import org.lotflow.lot.LotStatus;
import org.lotflow.lot.LotStock;
import org.lotflow.quarantine.Holds;
import org.lotflow.history.LotHistory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: the daily expiry run (service task {@code checkExpiry}). Lots whose expiration date has come
 * ({@code expirationDate <= today}) become EXPIRED (from RELEASED or QUARANTINE, as the lifecycle allows),
 * which cancels their open allocations (the order module reacts to the status change); lots expiring within
 * the alert window are listed for sales and QA to promote or dispose. Idempotent: a second run on the same
 * day finds nothing left to expire.
 *
 * <p>A lot with a hold still open ({@link Holds#isHeld}) stays in QUARANTINE: the hold owns the lot until a QA
 * manager signs its disposition, which then applies in full (REJECT: REJECTED, its customers informed and its stock
 * disposed of; RECALL: RECALLED; RELEASE: EXPIRED, never RELEASED). It is never allocated or shipped meanwhile, as no
 * lot is on or after its expiration date whatever its status (contract). Its history says once that its expiration
 * date passed while it was held ({@value #EXPIRED_WHILE_HELD}); the expiry review lists it, with its days remaining
 * 0 or less (audit 26 F3: the run had made it EXPIRED, and the signed REJECT then informed nobody and disposed of
 * nothing).
 */
@Service
public class ExpiryRun {

    /** The lot history event of a held lot whose expiration date passed: once per lot, by the first run after it. */
    public static final String EXPIRED_WHILE_HELD = "EXPIRED_WHILE_HELD";

    private final ExpiringLots expiringLots;
    private final LotStock lots;
    private final LotService lotService;
    private final ExpiryQueries queries;
    private final Holds holds;
    private final LotHistory history;
    private final Clock clock;

    public ExpiryRun(ExpiringLots expiringLots, LotStock lots, LotService lotService, ExpiryQueries queries,
            Holds holds, LotHistory history, Clock clock) {
        this.expiringLots = expiringLots;
        this.lots = lots;
        this.lotService = lotService;
        this.queries = queries;
        this.holds = holds;
        this.history = history;
        this.clock = clock;
    }

    /**
     * What one run did: lots it marked EXPIRED, held lots past their expiration date it left in QUARANTINE
     * ({@code heldPastExpiry}, every run until their disposition), the first lots expiring within the alert window (at
     * most {@code lotflow.expiry.review-lines}, earliest first) and how many expire within it in all.
     */
    public record Result(LocalDate date, List<String> expired, List<String> heldPastExpiry, List<ExpiringLot> expiring,
            long expiringTotal) {
    }

    /** What {@link #markExpired} did: lots marked EXPIRED, held lots left in QUARANTINE. */
    public record Marked(List<String> expired, List<String> heldPastExpiry) {
    }

    /** The run of the timer process, callable directly (tests, operators). */
    @Transactional
    public Result run() {
        Marked marked = markExpired();
        ExpiryQueries.Head head = queries.head(queries.alertDays(), queries.reviewLines());
        return new Result(LocalDate.now(clock), marked.expired(), marked.heldPastExpiry(), head.lots(), head.total());
    }

    /**
     * Marks every lot with {@code expirationDate <= today} in RELEASED or QUARANTINE as EXPIRED, except a lot with a
     * hold still open, which stays in QUARANTINE (its history says so once).
     */
    @Transactional
    public Marked markExpired() {
        LocalDate today = LocalDate.now(clock);
        List<Long> ids = expiringLots.dueToExpire(today);
        List<String> expired = new ArrayList<>();
        List<String> held = new ArrayList<>();
        if (ids.isEmpty()) {
            return new Marked(expired, held);
        }
        for (Lot lot : lots.lockAll(ids)) { // ascending id, like every other lot writer
            if (!lot.isExpiredOn(today) || !lot.getStatus().canBecome(LotStatus.EXPIRED)) {
                continue; // changed while we waited for the lock
            }
            if (lot.getStatus() == LotStatus.QUARANTINE && holds.isHeld(lot.getId())) {
                heldPastExpiry(lot, today);
                held.add(lot.getLotNumber());
                continue;
            }
            lotService.changeStatus(lot, LotStatus.EXPIRED, "Expiration date " + lot.getExpirationDate()
                    + " reached (expiry monitoring of " + today + ")", Map.of("expirationDate",
                            lot.getExpirationDate().toString()));
            expired.add(lot.getLotNumber());
        }
        return new Marked(expired, held);
    }

    /** A held lot past its expiration date: said once in its history, by the first run that finds it. */
    private void heldPastExpiry(Lot lot, LocalDate today) {
        if (!history.of(lot.getId(), EXPIRED_WHILE_HELD).isEmpty()) {
            return;
        }
        history.event(lot.getId(), EXPIRED_WHILE_HELD).reason("Expiration date " + lot.getExpirationDate()
                + " reached while the lot is held (expiry monitoring of " + today + "): it stays in quarantine, never"
                + " allocated or shipped, and the signed disposition decides what it becomes (a release leaves it"
                + " expired)").detail("expirationDate", lot.getExpirationDate().toString()).record();
    }
}
