package org.lotflow.lot;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The lot lifecycle of the contract, and the one place that says which status may follow which.
 *
 * <pre>
 * PENDING    -> RELEASED (lab release) | REJECTED (out of spec, refused) | QUARANTINE (hold)
 * RELEASED   -> QUARANTINE | EXPIRED | RECALLED | DEPLETED
 * QUARANTINE -> RELEASED (disposition) | REJECTED | RECALLED | EXPIRED
 * EXPIRED    -> RECALLED | ARCHIVED
 * DEPLETED   -> RECALLED | ARCHIVED
 * REJECTED   -> ARCHIVED
 * RECALLED   -> ARCHIVED
 * ARCHIVED   -> (none)
 * </pre>
 *
 * <p>One more step, taken only by a QA manager's signed quarantine disposition REJECT of a hold still open on the lot
 * ({@link #canBecomeBySignedDisposition}): EXPIRED -> REJECTED. Until the expiry run left held lots in QUARANTINE
 * (audit 26 F3), it moved them QUARANTINE -> EXPIRED while their hold was open; the REJECT signed later must still make
 * such a lot REJECTED, so that the customers who received it are informed and its stock on hand is disposed of as for
 * any rejected lot (the seed, "What should I do when a lot fails quality testing?").
 */
public enum LotStatus {
    PENDING, RELEASED, QUARANTINE, REJECTED, EXPIRED, RECALLED, DEPLETED, ARCHIVED;

    private static final Map<LotStatus, Set<LotStatus>> NEXT = Map.of(
            PENDING, EnumSet.of(RELEASED, REJECTED, QUARANTINE),
            RELEASED, EnumSet.of(QUARANTINE, EXPIRED, RECALLED, DEPLETED),
            QUARANTINE, EnumSet.of(RELEASED, REJECTED, RECALLED, EXPIRED),
            EXPIRED, EnumSet.of(RECALLED, ARCHIVED),
            DEPLETED, EnumSet.of(RECALLED, ARCHIVED),
            REJECTED, EnumSet.of(ARCHIVED),
            RECALLED, EnumSet.of(ARCHIVED),
            ARCHIVED, EnumSet.noneOf(LotStatus.class));

    public boolean canBecome(LotStatus next) {
        return NEXT.get(this).contains(next);
    }

    /**
     * Whether a QA manager's signed quarantine disposition of a hold still open on the lot may move it from this status
     * to {@code next}: the lifecycle ({@link #canBecome}), and EXPIRED -> REJECTED for a lot the expiry run expired while
     * it was held, before that run left held lots in QUARANTINE (audit 26 F3). Nothing else takes that step:
     * {@link LotService#changeStatusBySignedDisposition} is its only door, called by the quarantine module's outcome
     * step of a signed REJECT.
     */
    public boolean canBecomeBySignedDisposition(LotStatus next) {
        return canBecome(next) || (this == EXPIRED && next == REJECTED);
    }

    /**
     * Whether stock of a lot in this status may be destroyed ({@link LotStock#dispose}): it may never be
     * allocated or shipped again (REJECTED, EXPIRED, RECALLED).
     */
    public boolean mayBeDisposedOf() {
        return this == REJECTED || this == EXPIRED || this == RECALLED;
    }

    /**
     * The status as a QA person says it after "the lot is": "released", "in quarantine", "used up" (new user round
     * 24 N7: "RELEASE (lot status RELEASED)" on a form); the API and the records keep the code.
     */
    public String inWords() {
        return switch (this) {
            case PENDING -> "pending (not released yet)";
            case RELEASED -> "released";
            case QUARANTINE -> "in quarantine";
            case REJECTED -> "rejected";
            case EXPIRED -> "expired";
            case RECALLED -> "recalled";
            case DEPLETED -> "used up";
            case ARCHIVED -> "archived";
        };
    }

    public Set<LotStatus> next() {
        return EnumSet.copyOf(NEXT.get(this));
    }
}
