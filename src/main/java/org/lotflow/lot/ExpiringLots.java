package org.lotflow.lot;

import java.time.LocalDate;
import java.util.List;

import org.lotflow.lot.internal.LotRepository;
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

    public ExpiringLots(LotRepository lots) {
        this.lots = lots;
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
}
