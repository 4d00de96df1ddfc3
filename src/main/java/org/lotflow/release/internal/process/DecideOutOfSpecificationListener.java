package org.lotflow.release.internal.process;

import static org.lotflow.release.internal.process.LotReleaseVariables.COMMENT;
import static org.lotflow.release.internal.process.LotReleaseVariables.OOS_DECISION;

import java.util.Arrays;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.lotflow.lot.Lot;
import org.lotflow.release.internal.OosDecisionSigning;
import org.lotflow.release.internal.OosInvestigation;
import org.lotflow.release.internal.ReleaseQueries;
import org.lotflow.release.internal.ReleaseRunBinding;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.TaskInputs;
import org.lotflow.shared.process.TaskLifecycleListener;
import org.springframework.stereotype.Component;

/**
 * {@code decideOutOfSpecification}: on create, shows the investigation ({@link OosForms}) and forgets
 * any decision waiting from before; on complete, reads {@code oosDecision} ({@code REJECT} or
 * {@code RELEASE}) and {@code comment} (the justification), both required and removed once read, has
 * {@link OosDecisionSigning} sign the decision as the logged-in QA manager (four eyes, electronic
 * signature), and hands the signed decision to the gateway as {@code oosDecision}. On assignment, refuses
 * the analyst of the round as its assignee.
 */
@Component("decideOutOfSpecificationListener")
public class DecideOutOfSpecificationListener extends TaskLifecycleListener {

    private final ReleaseRunBinding runs;
    private final OosForms forms;
    private final OosDecisionSigning signing;
    private final ReleaseQueries queries;

    public DecideOutOfSpecificationListener(ReleaseRunBinding runs, OosForms forms, OosDecisionSigning signing,
            ReleaseQueries queries, org.lotflow.shared.process.LiveTaskDisplays displays) {
        this.runs = runs;
        this.forms = forms;
        this.signing = signing;
        this.queries = queries;
        // the four-eyes rule as it applies to whoever opens the form, when they open it (F11, re-test M1/M2)
        displays.live(org.lotflow.release.LotRelease.PROCESS_KEY, "decideOutOfSpecification", (task, reader) ->
                org.lotflow.shared.FourEyesNotices.shownTo(reader, signing.fourEyesNotices(ReleaseFacts.lot(runs, task))));
    }

    /** Claiming: the analyst of the round may not take the decision on it (four eyes, 403 at once). */
    @Override
    protected void onAssigned(DelegateTask task, String assignee) {
        Lot lot = ReleaseFacts.lot(runs, task);
        OosDecisionSigning.requireSecondPerson(assignee, queries.currentInvestigation(lot.getId()), lot.getLotNumber());
    }

    @Override
    protected void onCreate(DelegateTask task) {
        TaskInputs.forget(task, OOS_DECISION, COMMENT);
        forms.of(task, ReleaseFacts.lot(runs, task)).apply();
    }

    @Override
    protected void onComplete(DelegateTask task) {
        Long lotId = ReleaseFacts.lot(runs, task).getId();
        String decision = OOS_DECISION.get(task);
        String comment = COMMENT.get(task);
        TaskInputs.forget(task, OOS_DECISION, COMMENT);
        OosInvestigation oos = signing.sign(lotId, decision(decision), comment);
        OOS_DECISION.set(task.getExecution(), oos.getDecision().name());
    }

    static OosInvestigation.Decision decision(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return Arrays.stream(OosInvestigation.Decision.values()).filter(d -> d.name().equals(value)).findFirst()
                .orElseThrow(() -> new InvalidInput(OosDecisionSigning.DECISION_FIELD,
                        "must be REJECT or RELEASE, not '" + value + "'"));
    }
}
