package org.lotflow.release;

import org.lotflow.release.internal.ReleaseQueries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The release module's stored lab results for other modules (the certificate of analysis, issue #13): a
 * lot's verdict is that of its latest test round (earlier rounds were invalidated by an assignable
 * laboratory error, FDA OOS guidance), read from {@code lab_result}, never from a process variable.
 */
@Service
public class LabRecords {

    private final ReleaseQueries queries;
    private final org.lotflow.release.internal.OosInvestigationRepository investigations;

    public LabRecords(ReleaseQueries queries, org.lotflow.release.internal.OosInvestigationRepository investigations) {
        this.queries = queries;
        this.investigations = investigations;
    }

    /**
     * The verdict of the lot's latest test round, each test with its value, unit, the limits it was judged
     * against (as copied when recorded) and PASS/FAIL, and the analyst who recorded it; null when the lot
     * has no valid lab results: none recorded, or its latest round invalidated by an assignable laboratory
     * error ({@link #invalidatedRound}) with no retest recorded since (FDA OOS guidance: an invalidated
     * result is never reported).
     */
    @Transactional(readOnly = true)
    public LabVerdict current(Long lotId) {
        LabVerdict latest = queries.verdict(lotId);
        return latest == null || invalidated(lotId, latest) ? null : latest;
    }

    /**
     * The lot's latest test round when phase I of its OOS investigation found an assignable laboratory
     * error (the round is invalid and a retest is due), else 0. A lot can leave the lab release in that
     * state only around it (a cancelled release process, then a hold and a RELEASE disposition).
     */
    @Transactional(readOnly = true)
    public int invalidatedRound(Long lotId) {
        LabVerdict latest = queries.verdict(lotId);
        return latest != null && invalidated(lotId, latest) ? latest.round() : 0;
    }

    private boolean invalidated(Long lotId, LabVerdict latest) {
        return investigations.findByLotIdAndRound(lotId, latest.round())
                .filter(org.lotflow.release.internal.OosInvestigation::allowsRetest).isPresent();
    }
}
