package org.lotflow.release.internal;

import org.lotflow.history.LotEventTypes;
import org.lotflow.history.LotHistory;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotService;
import org.lotflow.lot.LotStatus;
import org.lotflow.release.internal.process.ReleaseSla;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use case "the release target passed" (service task {@code recordReleaseOverdue}; the seed: 8 hours
 * from lot creation to release decision): a notice in the history of a lot that is still PENDING;
 * nothing for a lot already decided.
 */
@Service
public class ReleaseOverdueNotice {

    private final LotService lots;
    private final LotHistory history;
    private final ReleaseSla sla;

    public ReleaseOverdueNotice(LotService lots, LotHistory history, ReleaseSla sla) {
        this.lots = lots;
        this.history = history;
        this.sla = sla;
    }

    /** Writes {@code RELEASE_OVERDUE} to the history of the lot when it is still undecided. */
    @Transactional
    public void record(Long lotId) {
        Lot lot = lots.get(lotId);
        if (lot.getStatus() == LotStatus.PENDING) {
            history.event(lotId, LotEventTypes.RELEASE_OVERDUE)
                    .reason("Release target of " + sla.getDuration().toHours() + " hours passed without a decision")
                    .record();
        }
    }
}
