package org.lotflow.release.internal;

import java.util.List;

import org.lotflow.history.LotHistory;
import org.lotflow.release.LabVerdict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side of the lab release: a lot's stored verdict (its latest test round), its
 * out-of-specification investigations and its last signed release decision.
 */
@Service
public class ReleaseQueries {

    private final LabResultRepository results;
    private final OosInvestigationRepository investigations;
    private final LotHistory history;

    public ReleaseQueries(LabResultRepository results, OosInvestigationRepository investigations, LotHistory history) {
        this.results = results;
        this.investigations = investigations;
        this.history = history;
    }

    /** The stored verdict of the lot's latest test round, or null when no results were recorded yet. */
    @Transactional(readOnly = true)
    public LabVerdict verdict(Long lotId) {
        List<LabResult> stored = results.findByLotIdOrderByIdAsc(lotId);
        if (stored.isEmpty()) {
            return null;
        }
        int round = stored.stream().mapToInt(LabResult::getRound).max().orElseThrow();
        List<LabResult> latest = stored.stream().filter(r -> r.getRound() == round).toList();
        return LabVerdict.of(round, latest.get(0).getRecordedBy(), latest.stream().map(LabResult::toVerdict).toList());
    }

    /** The verdict of every test round of the lot, the original analysis first (empty before results). */
    @Transactional(readOnly = true)
    public List<LabVerdict> rounds(Long lotId) {
        List<LabResult> stored = results.findByLotIdOrderByIdAsc(lotId);
        return stored.stream().map(LabResult::getRound).distinct().sorted().map(round -> {
            List<LabResult> rows = stored.stream().filter(r -> r.getRound() == round).toList();
            return LabVerdict.of(round, rows.get(0).getRecordedBy(), rows.stream().map(LabResult::toVerdict).toList());
        }).toList();
    }

    /**
     * Whether the lot awaits lab results: none recorded yet, or its latest round's out-of-specification
     * investigation found an assignable laboratory error (a retest is allowed).
     */
    @Transactional(readOnly = true)
    public boolean awaitsResults(Long lotId) {
        int latest = results.latestRound(lotId);
        return latest == 0 || investigations.findByLotIdAndRound(lotId, latest)
                .map(OosInvestigation::allowsRetest).orElse(false);
    }

    /** The investigation of the lot's latest test round, or null when that round passed or none was recorded. */
    @Transactional(readOnly = true)
    public OosInvestigation currentInvestigation(Long lotId) {
        int latest = results.latestRound(lotId);
        return latest == 0 ? null : investigations.findByLotIdAndRound(lotId, latest).orElse(null);
    }

    /** Every out-of-specification investigation of the lot, by test round. */
    @Transactional(readOnly = true)
    public List<OosInvestigation> investigations(Long lotId) {
        return investigations.findByLotIdOrderByRoundAsc(lotId);
    }

    /** The last signed release decision in the lot's history, or null ({@link ReleaseDecisions#last}). */
    @Transactional(readOnly = true)
    public ReleaseDecisions.Decision lastDecision(Long lotId) {
        return ReleaseDecisions.last(history.of(lotId));
    }
}
