package org.lotflow.lot;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * When a lot may leave the active set (issue #16, the seed's "How long should I keep lot records?"): its retention
 * has passed ({@code retainUntil = expirationDate + the product's retention years} lies before today) and it is no
 * longer active: DEPLETED, or EXPIRED, REJECTED or RECALLED with nothing on hand ({@link LotQuantities#onHand()}
 * zero: shipped, consumed or disposed of). A lot whose retention has not passed is never archived. Nor is a lot
 * still under other lotflow work ({@link #keptActiveBy}): in the scope of a recall that is not CLOSED (its customers
 * still answer, its goods still come back and its closing disposes of them: 21 CFR 7.55(a), 7.42(b)(3)), or with an
 * open hold (auditor 26b F3: lots archived out of an open recall). A plain rule.
 */
public final class RetentionRule {

    /** The statuses a lot may be archived from, as the lifecycle allows ({@link LotStatus}). */
    public static final Set<LotStatus> INACTIVE = EnumSet.of(LotStatus.DEPLETED, LotStatus.EXPIRED,
            LotStatus.REJECTED, LotStatus.RECALLED);

    private RetentionRule() {
    }

    /** The last day the lot's records stay in the active set: expiration + the product's retention. */
    public static LocalDate retainUntil(Lot lot) {
        return lot.getProduct().retainUntil(lot.getExpirationDate());
    }

    /**
     * The first expiration date whose retention of {@code years} has not passed on {@code today}: a lot expiring
     * before it is past its retention ({@code expiration.plusYears(years).isBefore(today)}), one expiring on or
     * after it is not, for every date including 29 February (where {@code plusYears} ends on the 28th), so a
     * database can narrow by {@code expiration_date < cutoff} exactly as the rule decides.
     */
    public static LocalDate retentionCutoff(LocalDate today, int years) {
        LocalDate cutoff = today.minusYears(years);
        // today 29 February: today.minusYears(years) may be a 28 February whose retention ended the day before
        return cutoff.plusYears(years).isBefore(today) ? cutoff.plusDays(1) : cutoff;
    }

    /**
     * What keeps a lot past its retention in the active set though status, stock and retention would let it go: the
     * recalls not CLOSED whose scope holds it ({@code openRecalls}, their numbers) and its open hold ({@code openHold},
     * in words, or null); null when nothing does. Said as a review shows it ("in the scope of open recall
     * RC-2025-002").
     */
    public static String keptActiveBy(java.util.List<String> openRecalls, String openHold) {
        java.util.List<String> why = new java.util.ArrayList<>();
        if (openRecalls != null && !openRecalls.isEmpty()) {
            why.add("in the scope of open recall" + (openRecalls.size() == 1 ? " " : "s ")
                    + String.join(", ", openRecalls) + " (its returns and closing still to come)");
        }
        if (openHold != null) {
            why.add("open " + openHold);
        }
        return why.isEmpty() ? null : String.join("; ", why);
    }

    /** Whether the lot may be archived on {@code today}. */
    public static boolean archivable(Lot lot, LocalDate today) {
        return archivable(lot.getStatus(), lot.quantities(), retainUntil(lot), today);
    }

    /** The rule on its facts: status, quantities and the last day of retention. */
    public static boolean archivable(LotStatus status, LotQuantities quantities, LocalDate retainUntil,
            LocalDate today) {
        return INACTIVE.contains(status) && status.canBecome(LotStatus.ARCHIVED)
                && quantities.onHand().signum() == 0 && retainUntil.isBefore(today);
    }
}
