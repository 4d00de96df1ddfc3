package org.lotflow.quarantine.internal;

import java.util.List;

import org.lotflow.history.LotHistory;
import org.lotflow.history.RecordedSignature;
import org.lotflow.quarantine.QuarantineEventTypes;
import org.springframework.stereotype.Component;

/**
 * A hold's signed dispositions as the lot's hash-chained history recorded them ({@code DISPOSITION_SIGNED}'s
 * signature: printed name, time, meaning), never {@code lot_hold.decided_by}/{@code decided_at} nor the signer's
 * current name: a rename or an edit of the table changes neither (auditor sig28 H1, M1). A hold's signatures are
 * those of its lot signed while it was held (from {@code placedAt} to {@code closedAt}); the one of a disposition not
 * carried out is the last before {@code notCarriedOutAt}, the disposition's the last after it.
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

    public Signed of(Hold hold) {
        return of(hold, history.signatures(hold.getLotId(), QuarantineEventTypes.DISPOSITION_SIGNED));
    }

    /** {@link #of(Hold)} from the lot's {@code DISPOSITION_SIGNED} signatures, read once for all its holds. */
    public static Signed of(Hold hold, List<RecordedSignature> signatures) {
        RecordedSignature disposition = null;
        RecordedSignature notCarriedOut = null;
        for (RecordedSignature s : signatures) {
            if (hold.getPlacedAt() != null && s.at().isBefore(hold.getPlacedAt())
                    || hold.getClosedAt() != null && s.at().isAfter(hold.getClosedAt())) {
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
