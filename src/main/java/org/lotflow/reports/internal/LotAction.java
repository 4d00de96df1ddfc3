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
        return of(allocatable, first, expiredToday, status, concession, null, false);
    }

    /** What the expired lot's line says: stock no process holds any more, for the warehouse to dispose of. */
    static final String EXPIRED = "Expired: never allocated or shipped; dispose";

    /**
     * The action of one lot. The lot's status decides first, its date only within it: the seed's FIFO management
     * report recommends an action per lot ("Continue normal allocation", "Monitor closely", "Immediate use required"),
     * and what a lot needs is what the process it is in needs. A lot past its date under a hold, an open recall or a
     * lab release is that process's to settle (a recall's signed closing disposes of recalled stock with method,
     * reference and returns; a hold's disposition decides a held lot), and "dispose" is said only of a lot no process
     * holds: EXPIRED, or RELEASED past its date before the daily expiry run marks it (auditor 26b F6: a RECALLED lot of
     * an open recall, and a PENDING lot in lab release, were told "dispose").
     *
     * @param allocatable FEFO may allocate the lot today ({@code Fefo.eligible} with no shelf-life minimum)
     * @param first it is the first allocatable lot in FEFO order
     * @param expiredToday its expiration date has come ({@code expirationDate <= today})
     * @param concession released on a concession (despite a confirmed out-of-specification result)
     * @param recall for a RECALLED lot, the number of the recall that recalled it (null when not known)
     * @param recallOpen that recall is not closed yet
     */
    public static String of(boolean allocatable, boolean first, boolean expiredToday, LotStatus status,
            boolean concession, String recall, boolean recallOpen) {
        return switch (status) {
            case RELEASED -> {
                if (expiredToday) {
                    yield EXPIRED;
                }
                if (concession) {
                    yield CONCESSION;
                }
                if (allocatable) {
                    yield first ? "NEXT TO ALLOCATE: primary allocation source" : "Reserve for future allocation";
                }
                yield "Fully allocated: ship open allocations";
            }
            case EXPIRED -> EXPIRED;
            case QUARANTINE -> "Hold pending investigation (allocations stay, cannot ship)"
                    + (expiredToday ? "; expired: the hold's disposition decides what becomes of it" : "");
            case PENDING -> "Awaiting lab release"
                    + (expiredToday ? " (expired: a release makes it EXPIRED, it is never allocated)" : "");
            case RECALLED -> recall == null ? "Blocked: recalled (disposed of at its recall's closing)"
                    : recallOpen ? "Blocked: recalled (recall " + recall + ": disposed of at its closing)"
                    : "Blocked: recalled (recall " + recall + ", closed)";
            default -> "Blocked: " + status;
        };
    }
}
