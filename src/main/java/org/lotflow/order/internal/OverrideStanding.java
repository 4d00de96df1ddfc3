package org.lotflow.order.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.lotflow.lot.Lot;
import org.lotflow.lot.LotStatus;
import org.lotflow.lot.LotStock;
import org.lotflow.order.Fefo;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How an allocation override stands now, from the lots as they are: whether the requested lot can still be
 * allocated (RELEASED, unexpired today and at the ship date, with stock available) and why the allocation is an
 * exception now ({@link OverrideReason}). The approval form shows it when it is opened, the signature records it,
 * and an approval of a lot that can no longer be allocated is refused before it is signed: a signed record stated
 * "skips older lot A (10 available)" when A was empty and the requested lot DEPLETED (auditor 2026-12-07 M4; 21 CFR
 * 11.10(a), ALCOA "accurate").
 */
@Service
public class OverrideStanding {

    private final LotStock lots;
    private final Clock clock;

    public OverrideStanding(LotStock lots, Clock clock) {
        this.lots = lots;
        this.clock = clock;
    }

    /**
     * @param reason      why the allocation is an exception now, with the reason of the placing where it changed
     * @param unavailable why the requested lot can no longer be allocated ("it is DEPLETED, not RELEASED"), or null
     */
    public record Standing(String reason, String unavailable) {
    }

    /**
     * The override of {@code order} as it stands now (lots read, not locked: the outcome locks and checks again);
     * {@code when} names the moment in the reason ("now" on the form, "at the decision" in the signature).
     */
    @Transactional(readOnly = true)
    public Standing of(SalesOrder order, String when) {
        return of(order, lots.findByLotNumber(order.getRequestedLot()).orElse(null), when);
    }

    /** {@link #of(SalesOrder, String)} for the requested lot as the caller already holds it (null: none). */
    Standing of(SalesOrder order, Lot lot, String when) {
        LocalDate today = LocalDate.now(clock);
        LocalDate shipDate = Fefo.shipDate(order.getRequiredBy(), today);
        String unavailable = unavailable(lot != null && lot.getProduct().getId().equals(order.getProductId())
                ? lot : null, lot == null ? "unknown" : lot.getStatus().name(), today, shipDate);
        // nothing to approve said as such, the placing's reason after it as what it was (new user 2026-12-07 N1)
        return new Standing(unavailable != null ? "Nothing to approve " + when + ": lot " + order.getRequestedLot()
                + unavailable.substring("it".length()) + " (when the order was placed: " + order.getOverrideReason() + ")"
                : reason(order, lot, today, shipDate, when), unavailable);
    }

    /**
     * Why {@code requested} (null: not a lot of the order's product) cannot be allocated now, or null when it can:
     * "it is DEPLETED, not RELEASED", "it expired on ...", "it expires on ..., before the ship date ...", "it has no
     * stock available".
     */
    static String unavailable(Lot requested, String status, LocalDate today, LocalDate shipDate) {
        if (requested == null || requested.getStatus() != LotStatus.RELEASED) {
            return "it is " + status + ", not RELEASED";
        }
        if (requested.isExpiredOn(today)) {
            return "it expired on " + requested.getExpirationDate();
        }
        if (requested.isExpiredOn(shipDate)) {
            return "it expires on " + requested.getExpirationDate() + ", before the ship date " + shipDate;
        }
        return requested.getAvailable().signum() <= 0 ? "it has no stock available" : null;
    }

    /**
     * Why allocating {@code requested} (released, with stock) to {@code order} is an exception now: the stock may have
     * changed since the order was placed (new user 2026-12-06 M2: a lot released meanwhile, the oldest, went unnamed).
     * The reason of the placing when it still holds, else today's with it; {@code when} says when it was read ("now",
     * "at the decision").
     */
    String reason(SalesOrder order, Lot requested, LocalDate today, LocalDate shipDate, String when) {
        List<Lot> before = lots.fefoCandidatesBefore(requested,
                OverrideReason.candidatesFrom(today, order.getMinShelfLifeMonths()), OverrideReason.MAX_LISTED + 1);
        String now = OverrideReason.of(Fefo.Candidate.of(requested), before.stream().map(Fefo.Candidate::of).toList(),
                today, shipDate, order.getMinShelfLifeMonths()).orElse(null);
        String placed = order.getOverrideReason();
        if (now == null) {
            // said first, the placing's reason after it as such (re-test 2026-12-07 F6)
            return "No exception left " + when + ": FEFO would take lot " + requested.getLotNumber() + " first (when"
                    + " the order was placed: " + placed + ")";
        }
        // the moment always said, also when the placing's reason still holds: the allocation keeps the signed text
        // (re-test 2026-12-07 G4)
        return now.equals(placed) ? now + " (" + when + ", as when the order was placed)"
                : now + " (" + when + "; when the order was placed: " + placed + ")";
    }
}
