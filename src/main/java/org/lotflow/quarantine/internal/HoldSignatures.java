package org.lotflow.quarantine.internal;

import java.util.List;

import org.lotflow.history.LotHistory;
import org.lotflow.history.RecordedSignature;
import org.lotflow.quarantine.QuarantineEventTypes;
import org.springframework.stereotype.Component;

/**
 * A hold's signed dispositions as the lot's hash-chained history recorded them ({@code DISPOSITION_SIGNED}'s
 * signature: printed name, time, meaning; and what was signed: {@code detail.decision}, {@code detail.classification},
 * the justification as the event's {@code reason}), never {@code lot_hold.decision}/{@code justification}/
 * {@code decided_by}/{@code decided_at} nor the signer's current name: a rename or an edit of the table changes none
 * of them (auditor sig28 H1, M1; re-test N3; 21 CFR 11.10(e), 11.70). A hold's signatures are the events naming it
 * ({@code detail.holdId}, recorded since re-test N3, so an edit of {@code lot_hold.closed_at} no longer detaches them);
 * an event recorded before names none and is the hold's when its lot signed it while it was held (from
 * {@code placedAt} to {@code closedAt}). The one of a disposition not carried out is the last before
 * {@code notCarriedOutAt}, the disposition's the last after it. {@code /api/audit/verify} reports a hold row that
 * disagrees with its signature ({@link HoldSignatureCheck}).
 */
@Component
public class HoldSignatures {

    private final LotHistory history;

    public HoldSignatures(LotHistory history) {
        this.history = history;
    }

    /** A hold's signatures: of its disposition and of the disposition not carried out; either may be null. */
    public record Signed(RecordedSignature disposition, RecordedSignature notCarriedOut) {
    }

    /** The detail key naming the hold a {@code DISPOSITION_SIGNED} event signs (its {@code lot_hold.id}). */
    public static final String HOLD_ID = "holdId";

    /**
     * Whether the signature was given on this hold: the event names it ({@link #HOLD_ID}), or, recorded before events
     * named their hold, was signed on its lot while the hold was placed and not closed.
     */
    static boolean signsHold(RecordedSignature s, Hold hold) {
        if (s.detail().get(HOLD_ID) instanceof Number id) {
            return hold.getId() != null && id.longValue() == hold.getId();
        }
        return !(hold.getPlacedAt() != null && s.at().isBefore(hold.getPlacedAt())
                || hold.getClosedAt() != null && s.at().isAfter(hold.getClosedAt()));
    }

    /** The decision as signed ({@code detail.decision}), or null when the event has none. */
    public static Disposition decision(RecordedSignature s) {
        String d = s == null ? null : s.detailText("decision");
        try {
            return d == null ? null : Disposition.valueOf(d);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public Signed of(Hold hold) {
        return of(hold, ofLot(hold.getLotId()));
    }

    /** The lot's {@code DISPOSITION_SIGNED} signatures, oldest first, for {@link #of(Hold, List)} of its holds. */
    public List<RecordedSignature> ofLot(Long lotId) {
        return history.signatures(lotId, QuarantineEventTypes.DISPOSITION_SIGNED);
    }

    /** {@link #of(Hold)} from the lot's {@code DISPOSITION_SIGNED} signatures, read once for all its holds. */
    public static Signed of(Hold hold, List<RecordedSignature> signatures) {
        RecordedSignature disposition = null;
        RecordedSignature notCarriedOut = null;
        for (RecordedSignature s : signatures) {
            if (!signsHold(s, hold)) {
                continue;
            }
            if (hold.getNotCarriedOutAt() != null && !s.at().isAfter(hold.getNotCarriedOutAt())) {
                notCarriedOut = s;
            } else {
                disposition = s;
            }
        }
        return new Signed(hold.getDecision() == null ? null : disposition,
                hold.getNotCarriedOutDecision() == null ? null : notCarriedOut);
    }

    /** The hold's disposition's signature, or null. */
    public RecordedSignature disposition(Hold hold) {
        return hold.getDecision() == null ? null : of(hold).disposition();
    }
}
