package org.lotflow.release;

import org.lotflow.shared.InvalidInput;

import org.lotflow.shared.TaskInputs;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lotflow.lot.Lot;
import org.springframework.stereotype.Component;

/**
 * {@code recordLabResults}: on create, puts the lot, product and specification on the task for
 * the form; on complete, stores results typed into the form ({@code labResults}, the task's only
 * input; results sent to the REST API are already stored) and hands the stored verdict to the
 * gateway as {@code labPassed}, overwriting whatever a user sent. The lot is the one bound to this
 * process instance and the analyst is the user who recorded the {@code lab_result} rows: no
 * variable names either (contract; 21 CFR 11.10(e) and (f)).
 */
@Component("recordLabResultsListener")
public class RecordLabResultsListener implements TaskListener {

    private final ReleaseService release;

    public RecordLabResultsListener(ReleaseService release) {
        this.release = release;
    }

    @Override
    public void notify(DelegateTask task) {
        Lot lot = ReleaseFacts.lot(release, task);
        Long lotId = lot.getId();
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            TaskFormData.lot(task, lot);
            task.setVariableLocal("specification", lot.getProduct().getSpecs().stream()
                    .map(s -> "- **" + s.getTest() + "**: " + s.describe()).collect(Collectors.joining("\n")));
            // Pre-fills the form's field. Not task-local: a completion sets variables on the process
            // instance, and a local copy would hide what the analyst typed. Removed on completion.
            task.getExecution().setVariable("labResults", LabResultsText.template(lot.getProduct().getSpecs()));
            return;
        }
        String text = TaskInputs.text(task, "labResults");
        TaskInputs.forget(task, "labResults");
        if (release.verdict(lotId) == null) {
            if (text != null && !text.isBlank()) {
                release.record(lotId, LabResultsText.parse(text)); // refusals keep their status and field
            }
        }
        LabVerdict verdict = release.verdict(lotId);
        if (verdict == null) {
            throw new InvalidInput("labResults", "enter the lab results before completing the task");
        }
        task.getExecution().setVariable("labPassed", verdict.passed());
    }
}
