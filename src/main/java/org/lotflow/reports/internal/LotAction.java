package org.lotflow.reports.internal;

import java.time.LocalDate;

import org.lotflow.lot.LotStatus;

/**
 * The FIFO management report's "action" column (seed chapter, FIFO management report): what to do with a
 * lot of the SKU, given whether FEFO may allocate it and whether it is the first such lot. A plain rule.
 */
public final class LotAction {

    /**
     * The action of a RELEASED lot released on a concession (despite a confirmed out-of-specification result): never
     * allocated by FEFO, only as a requested lot a QA manager approves for its customer (new user 2026-12-06 F17).
     */
    static final String CONCESSION = "Released on a concession (out of specification): allocate only as a"
            + " requested lot, with a QA manager's approval for the customer";

    private LotAction() {
    }

    /**
     * @param allocatable FEFO may allocate the lot today ({@code Fefo.eligible} with no shelf-life minimum)
     * @param first it is the first allocatable lot in FEFO order
     * @param expiredToday its expiration date has come ({@code expirationDate <= today})
     */
    public static String of(boolean allocatable, boolean first, boolean expiredToday, LotStatus status) {
        return of(allocatable, first, expiredToday, status, false);
    }

    /** {@link #of(boolean, boolean, boolean, LotStatus)} of a lot that may have been released on a concession. */
    public static String of(boolean allocatable, boolean first, boolean expiredToday, LotStatus status,
            boolean concession) {
        if (concession && !expiredToday && status == LotStatus.RELEASED) {
            return CONCESSION;
        }
        if (allocatable && first) {
            return "NEXT TO ALLOCATE: primary allocation source";
        }
        if (allocatable) {
            return "Reserve for future allocation";
        }
        if (expiredToday || status == LotStatus.EXPIRED) {
            return "Expired: never allocated or shipped; dispose";
        }
        return switch (status) {
            case QUARANTINE -> "Hold pending investigation (allocations stay, cannot ship)";
            case PENDING -> "Awaiting lab release";
            case RELEASED -> "Fully allocated: ship open allocations";
            default -> "Blocked: " + status;
        };
    }
}
