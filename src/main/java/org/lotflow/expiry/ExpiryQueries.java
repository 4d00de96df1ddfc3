package org.lotflow.expiry;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

import org.lotflow.lot.ExpiringLots;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotPage;
import org.lotflow.order.Fefo;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The expiry alert list (seed chapter, "Expiration management"): lots with stock on hand whose expiration
 * date is within a window of days, for the daily review and the expiring-lots report. The default window
 * is {@code lotflow.expiry.alert-days} (90). Read-only; the lots come from the lot module's
 * {@link ExpiringLots}.
 */
@Service
public class ExpiryQueries {

    private final ExpiringLots lots;
    private final Clock clock;
    private final int alertDays;

    private final int reviewLines;

    public ExpiryQueries(ExpiringLots lots, Clock clock, @Value("${lotflow.expiry.alert-days:90}") int alertDays,
            @Value("${lotflow.expiry.review-lines:200}") int reviewLines) {
        this.lots = lots;
        this.clock = clock;
        this.alertDays = alertDays;
        this.reviewLines = reviewLines;
    }

    /** How many lots the review task lists at most ({@code lotflow.expiry.review-lines}), earliest expiry first. */
    public int reviewLines() {
        return reviewLines;
    }

    /** The alert window in days ({@code lotflow.expiry.alert-days}). */
    public int alertDays() {
        return alertDays;
    }

    /**
     * Lots with stock on hand (PENDING, RELEASED, QUARANTINE, or EXPIRED awaiting disposal) whose expiration
     * date is within {@code days} days from today, earliest first (then by lot number); already expired
     * ones are included with {@code daysRemaining <= 0}.
     */
    @Transactional(readOnly = true)
    public List<ExpiringLot> expiring(int days) {
        LocalDate today = LocalDate.now(clock);
        return lots.onHandExpiringBy(today.plusDays(days)).stream()
                .map(l -> line(l, today))
                .sorted(Comparator.comparing(ExpiringLot::expirationDate).thenComparing(ExpiringLot::lotNumber))
                .toList();
    }

    /**
     * The first {@code limit} lots of {@link #expiring(int)} in FEFO order and how many there are in all: what
     * the daily review shows and records, bounded however many lots a plant has (at 1,000,000 lots, 150,000
     * expire within 90 days).
     */
    public record Head(List<ExpiringLot> lots, long total) {
    }

    @Transactional(readOnly = true)
    public Head head(int days, int limit) {
        LocalDate today = LocalDate.now(clock);
        LotPage page = lots.pageOnHandExpiringBy(today.plusDays(days), null, limit, null);
        long total = page.nextCursor() == null ? page.items().size() : lots.countOnHandExpiringBy(today.plusDays(days));
        return new Head(page.items().stream().map(l -> line(l, today)).toList(), total);
    }

    /** One page of the expiry alert list and the cursor of the next page (null on the last). */
    public record Page(List<ExpiringLot> lots, String nextCursor) {
    }

    /**
     * {@link #expiring(int)} one page at a time, in FEFO order (expiration date, manufacture date, lot number),
     * optionally of one product: at most {@code size} lots after {@code cursor} (null: the first page). 400
     * naming {@code cursor} when it is not one a page handed out. The caller checks {@code days} and
     * {@code size}.
     */
    @Transactional(readOnly = true)
    public Page page(int days, Long productId, int size, String cursor) {
        LocalDate today = LocalDate.now(clock);
        LotPage page = lots.pageOnHandExpiringBy(today.plusDays(days), productId, size, cursor);
        return new Page(page.items().stream().map(l -> line(l, today)).toList(), page.nextCursor());
    }

    private static ExpiringLot line(Lot l, LocalDate today) {
        return ExpiringLot.of(l.getLotNumber(), l.getProduct().getSku(), l.getStatus().name(), l.getExpirationDate(),
                ChronoUnit.DAYS.between(today, l.getExpirationDate()), Fefo.monthsRemaining(l, today), l.quantities(),
                l.getProduct().getUnit(), l.getLocation());
    }
}
