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
        return latest(rounds(lotId));
    }

    /** The last of these rounds (the lot's verdict), or null when there are none. */
    public static LabVerdict latest(List<LabVerdict> rounds) {
        return rounds.isEmpty() ? null : rounds.get(rounds.size() - 1);
    }

    /** The verdict of every test round of the lot, the original analysis first (empty before results). */
    @Transactional(readOnly = true)
    public List<LabVerdict> rounds(Long lotId) {
        java.util.Map<Integer, List<LabResult>> byRound = new java.util.TreeMap<>();
        for (LabResult r : results.findByLotIdOrderByIdAsc(lotId)) {
            byRound.computeIfAbsent(r.getRound(), k -> new java.util.ArrayList<>()).add(r);
        }
        return byRound.entrySet().stream().map(e -> LabVerdict.of(e.getKey(), e.getValue().get(0).getRecordedBy(), e.getValue().get(0).getRecordedAt(),
                e.getValue().stream().map(LabResult::toVerdict).toList())).toList();
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

    /**
     * The investigation of the lot's latest test round, which the next phase works on; 409 naming the lot
     * when there is none (no result out of specification).
     */
    @Transactional(readOnly = true)
    public OosInvestigation requireCurrentInvestigation(Long lotId, String lotNumber) {
        OosInvestigation oos = currentInvestigation(lotId);
        if (oos == null) {
            throw new org.lotflow.shared.StateConflict("Lot " + lotNumber + " has no out-of-specification investigation");
        }
        return oos;
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
