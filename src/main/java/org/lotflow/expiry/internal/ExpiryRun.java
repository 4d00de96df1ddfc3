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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case: the daily expiry run (service task {@code checkExpiry}). Lots whose expiration date has come
 * ({@code expirationDate <= today}) become EXPIRED (from RELEASED or QUARANTINE, as the lifecycle allows),
 * which cancels their open allocations (the order module reacts to the status change); lots expiring within
 * the alert window are listed for sales and QA to promote or dispose. Idempotent: a second run on the same
 * day finds nothing left to expire.
 */
@Service
public class ExpiryRun {

    private final ExpiringLots expiringLots;
    private final LotStock lots;
    private final LotService lotService;
    private final ExpiryQueries queries;
    private final Clock clock;

    public ExpiryRun(ExpiringLots expiringLots, LotStock lots, LotService lotService, ExpiryQueries queries,
            Clock clock) {
        this.expiringLots = expiringLots;
        this.lots = lots;
        this.lotService = lotService;
        this.queries = queries;
        this.clock = clock;
    }

    /**
     * What one run did: lots it marked EXPIRED, the first lots expiring within the alert window (at most
     * {@code lotflow.expiry.review-lines}, earliest first) and how many expire within it in all.
     */
    public record Result(LocalDate date, List<String> expired, List<ExpiringLot> expiring, long expiringTotal) {
    }

    /** The run of the timer process, callable directly (tests, operators). */
    @Transactional
    public Result run() {
        List<String> expired = markExpired();
        ExpiryQueries.Head head = queries.head(queries.alertDays(), queries.reviewLines());
        return new Result(LocalDate.now(clock), expired, head.lots(), head.total());
    }

    /** Marks every lot with {@code expirationDate <= today} in RELEASED or QUARANTINE as EXPIRED; their numbers. */
    @Transactional
    public List<String> markExpired() {
        LocalDate today = LocalDate.now(clock);
        List<Long> ids = expiringLots.dueToExpire(today);
        List<String> expired = new ArrayList<>();
        if (ids.isEmpty()) {
            return expired;
        }
        for (Lot lot : lots.lockAll(ids)) { // ascending id, like every other lot writer
            if (!lot.isExpiredOn(today) || !lot.getStatus().canBecome(LotStatus.EXPIRED)) {
                continue; // changed while we waited for the lock
            }
            lotService.changeStatus(lot, LotStatus.EXPIRED, "Expiration date " + lot.getExpirationDate()
                    + " reached (expiry monitoring of " + today + ")", Map.of("expirationDate",
                            lot.getExpirationDate().toString()));
            expired.add(lot.getLotNumber());
        }
        return expired;
    }
}
