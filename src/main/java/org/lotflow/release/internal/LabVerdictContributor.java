package org.lotflow.release.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.lotflow.lot.Lot;
import org.lotflow.lot.LotViewContributor;
import org.lotflow.release.LabVerdict;
import org.springframework.stereotype.Component;

/**
 * Shows the lab verdict in {@code GET /api/lots/{lotNumber}} (nothing before results): {@code labResults}
 * is the verdict of the latest test round ({@link LabVerdict}); once a round was out of specification,
 * {@code oosInvestigations} lists each investigation by round, the round's own results included, so an
 * invalidated original result is shown beside its retest, never replaced.
 */
@Component
class LabVerdictContributor implements LotViewContributor {

    private final ReleaseQueries queries;

    LabVerdictContributor(ReleaseQueries queries) {
        this.queries = queries;
    }

    /**
     * One investigation as the lot view shows it: {@code stage} (LABORATORY, PRODUCTION, DECISION,
     * INVALIDATED, DECIDED), the round's failed tests and results, and each concluded phase with its user
     * id and time (ISO-8601 UTC); a phase not concluded is null.
     */
    record InvestigationView(int round, String stage, String failedTests, String analyst, Instant openedAt,
            List<LabVerdict.TestVerdict> results, Map<String, Object> laboratory, Map<String, Object> production,
            Map<String, Object> decision) {
    }

    @Override
    public Map<String, Object> contribute(Lot lot) {
        List<LabVerdict> rounds = queries.rounds(lot.getId());
        LabVerdict verdict = ReleaseQueries.latest(rounds);
        if (verdict == null) {
            return null;
        }
        List<OosInvestigation> investigations = queries.investigations(lot.getId());
        if (investigations.isEmpty()) {
            return Map.of("labResults", verdict);
        }
        List<InvestigationView> views = investigations.stream().map(oos -> new InvestigationView(oos.getRound(),
                oos.stage().name(), oos.getFailedTests(), oos.getAnalyst(), oos.getOpenedAt(),
                rounds.stream().filter(r -> r.round() == oos.getRound()).findFirst().map(LabVerdict::results)
                        .orElse(List.of()),
                phase(oos.getLabConcludedAt(), oos.getLabConcludedBy(), "conclusion",
                        oos.getLabConclusion() == null ? null : oos.getLabConclusion().name(), oos.getLabFindings()),
                phase(oos.getProductionConcludedAt(), oos.getProductionConcludedBy(), null, null,
                        oos.getProductionFindings()),
                phase(oos.getDecidedAt(), oos.getDecidedBy(), "decision",
                        oos.getDecision() == null ? null : oos.getDecision().name(), oos.getDecisionComment())))
                .toList();
        return Map.of("labResults", verdict, "oosInvestigations", views);
    }

    private static Map<String, Object> phase(Instant at, String by, String key, String value, String text) {
        if (at == null) {
            return null;
        }
        Map<String, Object> phase = new LinkedHashMap<>();
        if (key != null) {
            phase.put(key, value);
        }
        phase.put(key == null ? "findings" : "decision".equals(key) ? "comment" : "findings", text);
        phase.put("by", by);
        phase.put("at", at);
        return phase;
    }
}
