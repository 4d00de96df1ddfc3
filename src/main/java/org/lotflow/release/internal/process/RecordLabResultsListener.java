package org.lotflow.release.internal.process;

import static org.lotflow.release.internal.process.LotReleaseVariables.LAB_PASSED;
import static org.lotflow.release.internal.process.LotReleaseVariables.LAB_ROUND;
import static org.lotflow.release.internal.process.LotReleaseVariables.LAB_RESULTS;
import static org.lotflow.release.internal.process.LotReleaseVariables.SPECIFICATION;

import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotFacts;
import org.lotflow.release.LabResultsRecording;
import org.lotflow.release.LabVerdict;
import org.lotflow.release.internal.LabResultsText;
import org.lotflow.release.internal.OosInvestigation;
import org.lotflow.release.internal.ReleaseQueries;
import org.lotflow.release.internal.ReleaseRunBinding;
import org.lotflow.security.CurrentUser;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.TaskInputs;
import org.lotflow.shared.process.TaskForm;
import org.lotflow.shared.process.TaskLifecycleListener;
import org.springframework.stereotype.Component;

/**
 * {@code recordLabResults}: on create, puts the lot ({@link LotFacts}), its specification and the test
 * round ({@code labRound}: the original analysis, or a retest after phase I of an OOS investigation
 * found an assignable laboratory error) on the form and pre-fills {@code labResults}; on complete, stores results typed into the form (the task's
 * only input; results sent to the REST API are already stored) and hands the stored verdict to the
 * gateway as {@code labPassed}, overwriting whatever a user sent. The lot is the one bound to this
 * process instance and the analyst is the user who recorded the {@code lab_result} rows: no
 * variable names either (contract; 21 CFR 11.10(e) and (f)). On assignment, refuses for a retest the person who
 * invalidated the round it replaces (four eyes, before they work on it; the form's {@code labRound} says so).
 */
@Component("recordLabResultsListener")
public class RecordLabResultsListener extends TaskLifecycleListener {

    private final ReleaseRunBinding runs;
    private final LabResultsRecording recording;
    private final ReleaseQueries queries;
    private final CurrentUser currentUser;

    public RecordLabResultsListener(ReleaseRunBinding runs, LabResultsRecording recording, ReleaseQueries queries,
            CurrentUser currentUser) {
        this.runs = runs;
        this.recording = recording;
        this.queries = queries;
        this.currentUser = currentUser;
    }

    @Override
    protected void onCreate(DelegateTask task) {
        Lot lot = ReleaseFacts.lot(runs, task);
        TaskForm.of(task).showAll(LotFacts.of(lot)).markdown(SPECIFICATION.name(), esc -> lot.getProduct().getSpecs()
                .stream().map(s -> "- **" + esc.apply(s.getTest()) + "**: " + esc.apply(s.describe()))
                .collect(Collectors.joining("\n")))
                .show(LAB_ROUND.name(), round(queries.currentInvestigation(lot.getId()))).apply();
        // Pre-fills the form's field. Not task-local: a completion sets variables on the process
        // instance, and a local copy would hide what the analyst typed. Removed on completion.
        // Only when it fits in the engine's text column: a specification of many long-named tests (up to
        // 100 of 100 characters) made a longer template, and creating the lot (or reopening the task
        // for a retest) failed with a 500. Such a lot's results come from a LIMS over the API.
        String template = LabResultsText.template(lot.getProduct().getSpecs());
        if (template.length() <= TaskForm.MAX_TEXT) {
            LAB_RESULTS.set(task.getExecution(), template);
        }
    }

    /**
     * Claiming: whoever invalidated the round this retest replaces may not take the retest (four eyes, 403 at once, the
     * refusal {@link LabResultsRecording#record} gives at completion; auditor 27 F4).
     */
    @Override
    protected void onAssigned(DelegateTask task, String assignee) {
        Lot lot = ReleaseFacts.lot(runs, task);
        org.lotflow.release.internal.FourEyes.requireNotInvalidatorOfReplaced(assignee,
                queries.currentInvestigation(lot.getId()), lot.getLotNumber());
    }

    @Override
    protected void onComplete(DelegateTask task) {
        Lot lot = ReleaseFacts.lot(runs, task);
        Long lotId = lot.getId();
        String text = LAB_RESULTS.get(task);
        TaskInputs.forget(task, LAB_RESULTS);
        LabVerdict verdict;
        if (!queries.awaitsResults(lotId)) {
            verdict = queries.verdict(lotId); // recorded through the API, which then completes this task
        } else if (text != null && !text.isBlank()) {
            currentUser.requireOwnPassword(); // as the API's submit: results recorded under a password of one's own
            // refusals keep their status; a field of the API's list is said as the form's field and the test's line
            // (re-test 2026-12-06 E6: "results[0].value: ..." in Tasklist, whose analyst typed lines)
            java.util.List<org.lotflow.release.Measurement> typed = LabResultsText.parse(text,
                    lot.getProduct().getSku(), lot.getProduct().getSpecs());
            try {
                verdict = recording.record(lotId, typed);
            } catch (InvalidInput e) {
                throw asTyped(e, typed);
            }
        } else {
            throw new InvalidInput(LAB_RESULTS.name(), "enter the lab results before completing the task");
        }
        LAB_PASSED.set(task.getExecution(), verdict.passed());
    }

    /** A refusal naming the API's {@code results} list, said as the form's {@code labResults} and the test typed. */
    static InvalidInput asTyped(InvalidInput e, java.util.List<org.lotflow.release.Measurement> typed) {
        String field = String.valueOf(e.properties().get("field"));
        String reason = String.valueOf(e.properties().get("reason"));
        if (!field.startsWith("results")) {
            return e;
        }
        java.util.regex.Matcher at = java.util.regex.Pattern.compile("^results\\[(\\d+)\\]").matcher(field);
        if (at.find() && Integer.parseInt(at.group(1)) < typed.size()) {
            return new InvalidInput(LAB_RESULTS.name(), "the value of " + typed.get(Integer.parseInt(at.group(1)))
                    .test() + " " + reason);
        }
        return new InvalidInput(LAB_RESULTS.name(), reason);
    }

    /** What this round is: the original analysis, or a retest and why it is allowed. */
    private String round(OosInvestigation previous) {
        if (previous == null) {
            return "Original analysis (test round 1)";
        }
        return "Retest: test round " + (previous.getRound() + 1) + ". The laboratory investigation of round "
                + previous.getRound() + " (out of specification: " + previous.getFailedTests() + ") found an assignable"
                + " laboratory error (" + currentUser.nameWithId(previous.getLabConcludedBy()) + ": "
                + previous.getLabFindings() + "). The results of round " + previous.getRound() + " stay on record. "
                + currentUser.nameWithId(previous.getLabConcludedBy()) + " invalidated that round, so someone else of"
                + " the group records this retest: it is kept independent of the invalidation (FDA's OOS guidance).";
    }
}
