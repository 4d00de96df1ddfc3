package org.lotflow.quarantine.internal;

import org.lotflow.quarantine.QuarantineEventTypes;

import java.time.Clock;

import org.lotflow.history.LotHistory;
import org.lotflow.release.RetainedSamples;
import org.lotflow.security.CurrentUser;
import org.lotflow.shared.StateConflict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording a held lot's investigation ({@code investigateLot} completed): findings (required), root
 * cause and retained-sample results (optional), each at most 4000 characters, kept in the hold as the
 * completing user's (the seed's investigation plan: "Retest retained samples ... Determine root cause
 * ... Document all findings"; 21 CFR 11.10(e)). The investigator is who four eyes later keeps from
 * signing the lot's release ({@link DispositionRules}). The retained-sample results are read against the lot's
 * specification and judged ({@link RetainedSamples}): kept as typed, with their verdicts; a failing one refuses a
 * RELEASE.
 */
@Service
public class Investigation {

    private final QuarantineQueries queries;
    private final LotHistory history;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final org.lotflow.lot.LotService lots;

    public Investigation(QuarantineQueries queries, LotHistory history, CurrentUser currentUser, Clock clock,
            org.lotflow.lot.LotService lots) {
        this.queries = queries;
        this.lots = lots;
        this.history = history;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Records the findings as the current user's.
     *
     * @throws StateConflict 409 when the investigation is already recorded
     * @throws org.lotflow.shared.InvalidInput 400 naming the field (findings empty, a text too long, a retained-sample
     *         line that is no {@code test = value [unit]} of the lot's specification, with its line)
     */
    @Transactional
    public void record(Long holdId, String findings, String rootCause, String retainedSampleResults) {
        Hold hold = queries.get(holdId);
        if (hold.getStage() != Hold.Stage.INVESTIGATING) {
            throw new StateConflict("The investigation of hold " + holdId + " is already recorded");
        }
        if (currentUser.isAuthenticated()) {
            currentUser.requireOwnPassword(); // a record in their name: not with a password someone else set (B10)
        }
        String f = FieldText.of("findings", findings, true, FieldText.MAX_LONG_TEXT);
        String rc = FieldText.of("rootCause", rootCause, false, FieldText.MAX_LONG_TEXT);
        String rs = FieldText.of("retainedSampleResults", retainedSampleResults, false, FieldText.MAX_LONG_TEXT);
        // read against the lot's specification and judged as lab results are, kept as typed (new user 24b N3)
        org.lotflow.product.Product product = lots.get(hold.getLotId()).getProduct();
        RetainedSamples.Judged judged = rs == null ? null
                : RetainedSamples.judge(product.getSku(), product.getSpecs(), rs);
        hold.investigated(f, rc, rs, currentUser.id(), clock.instant());
        if (judged != null) {
            hold.retainedSamplesJudged(judged.lines(), judged.failures());
        }
        history.event(hold.getLotId(), QuarantineEventTypes.INVESTIGATION_COMPLETED).reason(f)
                .detail("rootCause", rc).detail("retainedSampleResults", rs)
                .detail("retainedSampleVerdicts", judged == null ? null : judged.lineList()).record();
    }
}
