package org.lotflow.lot.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.criteria.Predicate;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotStatus;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists lots in FEFO order (earliest expiration, then earliest manufacture, then lot number) with
 * keyset pagination: the cursor ({@link LotCursor}) is the sort key of the last lot returned, so pages
 * stay stable while lots are added and each page costs one indexed range scan however deep it is. The
 * filter rules are {@link LotFilter}'s.
 */
@Component
public class LotSearch {

    static final Sort FEFO = Sort.by("expirationDate", "manufactureDate", "lotNumber");

    private final LotRepository lots;
    private final Clock clock;

    public LotSearch(LotRepository lots, Clock clock) {
        this.lots = lots;
        this.clock = clock;
    }

    /** A page of lots and the cursor of the next page (null on the last page). */
    public record Page(List<Lot> items, String nextCursor) {
    }

    /** One page of the lots matching the request; 400 as in {@link LotFilter}. */
    @Transactional(readOnly = true)
    public Page search(String sku, LotStatus status, Integer expiringWithinDays, int size, String cursor) {
        LotFilter filter = LotFilter.of(sku, status, expiringWithinDays, size, cursor, LocalDate.now(clock));
        List<Lot> page = lots.findAll(matching(filter), PageRequest.of(0, filter.size() + 1, FEFO)).getContent();
        if (page.size() <= filter.size()) {
            return new Page(page, null);
        }
        List<Lot> items = page.subList(0, filter.size());
        Lot last = items.get(items.size() - 1);
        return new Page(List.copyOf(items),
                new LotCursor(last.getExpirationDate(), last.getManufactureDate(), last.getLotNumber()).encode());
    }

    private static Specification<Lot> matching(LotFilter f) {
        return (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (f.sku() != null) {
                where.add(cb.equal(root.get("product").get("sku"), f.sku()));
            }
            if (f.status() != null) {
                where.add(cb.equal(root.get("status"), f.status()));
            }
            if (f.expiringBy() != null) {
                where.add(cb.lessThanOrEqualTo(root.get("expirationDate"), f.expiringBy()));
            }
            LotCursor after = f.after();
            if (after != null) {
                var exp = root.<LocalDate>get("expirationDate");
                var mfg = root.<LocalDate>get("manufactureDate");
                var num = root.<String>get("lotNumber");
                where.add(cb.or(
                        cb.greaterThan(exp, after.expiration()),
                        cb.and(cb.equal(exp, after.expiration()), cb.greaterThan(mfg, after.manufacture())),
                        cb.and(cb.equal(exp, after.expiration()), cb.equal(mfg, after.manufacture()),
                                cb.greaterThan(num, after.lotNumber()))));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
