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
    private final org.lotflow.history.LotHistory history;

    LabVerdictContributor(ReleaseQueries queries, org.lotflow.history.LotHistory history) {
        this.queries = queries;
        this.history = history;
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
        // the signed decisions as the chained history recorded them, by round (re-test 28 N2)
        Map<Integer, org.lotflow.history.RecordedSignature> signed = new java.util.HashMap<>();
        history.signatures(lot.getId(), org.lotflow.history.LotEventTypes.OOS_DECISION_SIGNED).forEach(sig -> {
            if (sig.detail().get("round") instanceof Number round) {
                signed.put(round.intValue(), sig);
            }
        });
        List<InvestigationView> views = investigations.stream().map(oos -> new InvestigationView(oos.getRound(),
                oos.stage().name(), oos.getFailedTests(), oos.getAnalyst(), oos.getOpenedAt(),
                rounds.stream().filter(r -> r.round() == oos.getRound()).findFirst().map(LabVerdict::results)
                        .orElse(List.of()),
                phase(oos.getLabConcludedAt(), oos.getLabConcludedBy(), "conclusion",
                        oos.getLabConclusion() == null ? null : oos.getLabConclusion().name(), oos.getLabFindings()),
                phase(oos.getProductionConcludedAt(), oos.getProductionConcludedBy(), null, null,
                        oos.getProductionFindings()),
                decision(oos, signed.get(oos.getRound()))))
                .toList();
        return Map.of("labResults", verdict, "oosInvestigations", views);
    }

    /**
     * The signed decision: {@code decision}, {@code comment}, {@code by}, {@code byName} (the printed name as signed),
     * {@code at} and {@code meaning}, from the recorded signature ({@code OOS_DECISION_SIGNED}), never from the
     * investigation's row nor the signer's current name (21 CFR 11.50, 11.70; re-test 28 N2); a decision recorded
     * before signatures were kept shows the row's, without name and meaning.
     */
    private static Map<String, Object> decision(OosInvestigation oos, org.lotflow.history.RecordedSignature sig) {
        if (sig == null) {
            return phase(oos.getDecidedAt(), oos.getDecidedBy(), "decision",
                    oos.getDecision() == null ? null : oos.getDecision().name(), oos.getDecisionComment());
        }
        Map<String, Object> phase = new LinkedHashMap<>();
        phase.put("decision", sig.detailText("decision"));
        phase.put("comment", sig.reason());
        phase.put("by", sig.userId());
        phase.put("byName", sig.fullName());
        phase.put("at", sig.at());
        phase.put("meaning", sig.meaning());
        return phase;
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
