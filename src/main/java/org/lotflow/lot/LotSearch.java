package org.lotflow.lot;

import org.lotflow.lot.internal.LotRepository;
import org.lotflow.shared.InvalidInput;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import jakarta.persistence.criteria.Predicate;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lists lots in FEFO order (earliest expiration, then earliest manufacture, then lot number) with
 * keyset pagination: the cursor is the sort key of the last lot returned, so pages stay stable
 * while lots are added and each page costs one indexed range scan however deep it is.
 */
@Component
public class LotSearch {

    public static final int MAX_PAGE_SIZE = 500;
    static final Sort FEFO = Sort.by("expirationDate", "manufactureDate", "lotNumber");

    private final LotRepository lots;
    private final Clock clock;

    public LotSearch(LotRepository lots, Clock clock) {
        this.lots = lots;
        this.clock = clock;
    }

    public record Criteria(String sku, LotStatus status, Integer expiringWithinDays, int size, String cursor) {
    }

    public record Page(List<Lot> items, String nextCursor) {
    }

    record Cursor(LocalDate expiration, LocalDate manufacture, String lotNumber) {

        String encode() {
            String raw = expiration + "|" + manufacture + "|" + lotNumber;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor) {
            try {
                String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
                String[] parts = raw.split("\\|", 3);
                return new Cursor(LocalDate.parse(parts[0]), LocalDate.parse(parts[1]), parts[2]);
            } catch (RuntimeException e) {
                throw new InvalidInput("cursor", "is not a cursor this API handed out");
            }
        }
    }

    @Transactional(readOnly = true)
    public Page search(Criteria c) {
        if (c.size() < 1 || c.size() > MAX_PAGE_SIZE) {
            throw new InvalidInput("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (c.expiringWithinDays() != null && c.expiringWithinDays() < 0) {
            throw new InvalidInput("expiringWithinDays", "must not be negative");
        }
        Cursor after = c.cursor() == null || c.cursor().isBlank() ? null : Cursor.decode(c.cursor());
        LocalDate today = LocalDate.now(clock);

        Specification<Lot> spec = (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (c.sku() != null && !c.sku().isBlank()) {
                where.add(cb.equal(root.get("product").get("sku"), c.sku()));
            }
            if (c.status() != null) {
                where.add(cb.equal(root.get("status"), c.status()));
            }
            if (c.expiringWithinDays() != null) {
                where.add(cb.lessThanOrEqualTo(root.get("expirationDate"), today.plusDays(c.expiringWithinDays())));
            }
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
        List<Lot> page = lots.findAll(spec, PageRequest.of(0, c.size() + 1, FEFO)).getContent();
        if (page.size() <= c.size()) {
            return new Page(page, null);
        }
        List<Lot> items = page.subList(0, c.size());
        Lot last = items.get(items.size() - 1);
        return new Page(List.copyOf(items),
                new Cursor(last.getExpirationDate(), last.getManufactureDate(), last.getLotNumber()).encode());
    }
}
