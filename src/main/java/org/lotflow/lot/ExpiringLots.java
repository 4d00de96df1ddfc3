package org.lotflow.lot;

import java.time.LocalDate;
import java.util.List;

import org.lotflow.lot.internal.LotRepository;
import org.lotflow.lot.internal.OnHandSearch;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lot module's answers for expiry monitoring (issue 10: the expiry module no longer reads the
 * {@code lot} table): which lots are due to become EXPIRED, and which have stock on hand close to their
 * expiration date. A lot is expired on its expiration date ({@code expirationDate <= day}, see
 * {@link Lot#isExpiredOn}). No locks: a caller that writes locks the lots through {@link LotStock}.
 */
@Service
public class ExpiringLots {

    private final LotRepository lots;
    private final OnHandSearch search;

    public ExpiringLots(LotRepository lots, OnHandSearch search) {
        this.lots = lots;
        this.search = search;
    }

    /**
     * Ids of the RELEASED and QUARANTINE lots whose expiration date has come on {@code today}, ascending
     * (the lock order of {@link LotStock#lockAll}).
     */
    @Transactional(readOnly = true)
    public List<Long> dueToExpire(LocalDate today) {
        return lots.findIdsDueToExpire(today);
    }

    /**
     * Lots with stock on hand ({@link LotQuantities#onHand()} &gt; 0) in PENDING, RELEASED, QUARANTINE
     * or EXPIRED (awaiting disposal) whose expiration date is on or before {@code until}, in FEFO order
     * (expiration, manufacture, lot number). Already expired ones are included.
     */
    @Transactional(readOnly = true)
    public List<Lot> onHandExpiringBy(LocalDate until) {
        return lots.findOnHandExpiringBy(until);
    }

    /**
     * {@link #onHandExpiringBy} one page at a time: at most {@code size} lots after {@code cursor} (null: the
     * first page), of one product ({@code productId}) or all (null). 400 naming {@code cursor} when it is not one
     * a page handed out.
     */
    @Transactional(readOnly = true)
    public LotPage pageOnHandExpiringBy(LocalDate until, Long productId, int size, String cursor) {
        return search.expiringBy(until, productId, size, cursor);
    }

    /** How many lots {@link #onHandExpiringBy} lists, counted in the database. */
    @Transactional(readOnly = true)
    public long countOnHandExpiringBy(LocalDate until) {
        return search.countExpiringBy(until);
    }
}
