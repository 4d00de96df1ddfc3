package org.lotflow.release.internal.process;

import static org.lotflow.release.internal.process.LotReleaseVariables.LAB_PASSED;
import static org.lotflow.release.internal.process.LotReleaseVariables.LAB_RESULTS;
import static org.lotflow.release.internal.process.LotReleaseVariables.SPECIFICATION;

import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotFacts;
import org.lotflow.release.LabResultsRecording;
import org.lotflow.release.LabVerdict;
import org.lotflow.release.internal.LabResultsText;
import org.lotflow.release.internal.ReleaseQueries;
import org.lotflow.release.internal.ReleaseRunBinding;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.TaskInputs;
import org.lotflow.shared.process.TaskForm;
import org.lotflow.shared.process.TaskLifecycleListener;
import org.springframework.stereotype.Component;

/**
 * {@code recordLabResults}: on create, puts the lot ({@link LotFacts}) and its specification on the
 * form and pre-fills {@code labResults}; on complete, stores results typed into the form (the task's
 * only input; results sent to the REST API are already stored) and hands the stored verdict to the
 * gateway as {@code labPassed}, overwriting whatever a user sent. The lot is the one bound to this
 * process instance and the analyst is the user who recorded the {@code lab_result} rows: no
 * variable names either (contract; 21 CFR 11.10(e) and (f)).
 */
@Component("recordLabResultsListener")
public class RecordLabResultsListener extends TaskLifecycleListener {

    private final ReleaseRunBinding runs;
    private final LabResultsRecording recording;
    private final ReleaseQueries queries;

    public RecordLabResultsListener(ReleaseRunBinding runs, LabResultsRecording recording, ReleaseQueries queries) {
        this.runs = runs;
        this.recording = recording;
        this.queries = queries;
    }

    @Override
    protected void onCreate(DelegateTask task) {
        Lot lot = ReleaseFacts.lot(runs, task);
        TaskForm.of(task).showAll(LotFacts.of(lot)).show(SPECIFICATION.name(), lot.getProduct().getSpecs().stream()
                .map(s -> "- **" + s.getTest() + "**: " + s.describe()).collect(Collectors.joining("\n"))).apply();
        // Pre-fills the form's field. Not task-local: a completion sets variables on the process
        // instance, and a local copy would hide what the analyst typed. Removed on completion.
        LAB_RESULTS.set(task.getExecution(), LabResultsText.template(lot.getProduct().getSpecs()));
    }

    @Override
    protected void onComplete(DelegateTask task) {
        Long lotId = ReleaseFacts.lot(runs, task).getId();
        String text = LAB_RESULTS.get(task);
        TaskInputs.forget(task, LAB_RESULTS);
        if (queries.verdict(lotId) == null && text != null && !text.isBlank()) {
            recording.record(lotId, LabResultsText.parse(text)); // refusals keep their status and field
        }
        LabVerdict verdict = queries.verdict(lotId);
        if (verdict == null) {
            throw new InvalidInput(LAB_RESULTS.name(), "enter the lab results before completing the task");
        }
        LAB_PASSED.set(task.getExecution(), verdict.passed());
    }
}
