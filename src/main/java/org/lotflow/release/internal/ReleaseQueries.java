package org.lotflow.release.internal;

import java.util.List;

import org.lotflow.history.LotHistory;
import org.lotflow.release.LabVerdict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The read side of the lab release: a lot's stored verdict and its last signed release decision. */
@Service
public class ReleaseQueries {

    private final LabResultRepository results;
    private final LotHistory history;

    public ReleaseQueries(LabResultRepository results, LotHistory history) {
        this.results = results;
        this.history = history;
    }

    /** The stored verdict of a lot, or null when no results were recorded yet. */
    @Transactional(readOnly = true)
    public LabVerdict verdict(Long lotId) {
        List<LabResult> stored = results.findByLotIdOrderByIdAsc(lotId);
        return stored.isEmpty() ? null
                : LabVerdict.of(stored.get(0).getRecordedBy(), stored.stream().map(LabResult::toVerdict).toList());
    }

    /** The last signed release decision in the lot's history, or null ({@link ReleaseDecisions#last}). */
    @Transactional(readOnly = true)
    public ReleaseDecisions.Decision lastDecision(Long lotId) {
        return ReleaseDecisions.last(history.of(lotId));
    }
}
