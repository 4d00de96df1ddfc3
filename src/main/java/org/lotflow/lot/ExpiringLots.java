package org.lotflow.lot;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
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

    private final NamedParameterJdbcTemplate jdbc;
    private final LotStock lots;

    public ExpiringLots(NamedParameterJdbcTemplate jdbc, LotStock lots) {
        this.jdbc = jdbc;
        this.lots = lots;
    }

    /**
     * Ids of the RELEASED and QUARANTINE lots whose expiration date has come on {@code today}, ascending
     * (the lock order of {@link LotStock#lockAll}).
     */
    @Transactional(readOnly = true)
    public List<Long> dueToExpire(LocalDate today) {
        return jdbc.queryForList("""
                SELECT id FROM lot WHERE expiration_date <= :today AND status IN ('RELEASED', 'QUARANTINE')
                 ORDER BY id""", Map.of("today", today), Long.class);
    }

    /**
     * Lots with stock on hand ({@code quantity - shipped - consumed > 0}) in PENDING, RELEASED, QUARANTINE
     * or EXPIRED (awaiting disposal) whose expiration date is on or before {@code until}, in FEFO order
     * (expiration, manufacture, lot number). Already expired ones are included.
     */
    @Transactional(readOnly = true)
    public List<Lot> onHandExpiringBy(LocalDate until) {
        List<Long> ids = jdbc.queryForList("""
                SELECT id FROM lot WHERE expiration_date <= :until
                   AND status IN ('PENDING', 'RELEASED', 'QUARANTINE', 'EXPIRED')
                   AND quantity - shipped - consumed > 0""", Map.of("until", until), Long.class);
        return lots.findAllById(ids).stream().sorted(Comparator.comparing(Lot::getExpirationDate)
                .thenComparing(Lot::getManufactureDate).thenComparing(Lot::getLotNumber)).toList();
    }
}
