package org.lotflow.release;

import java.util.stream.Collectors;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lotflow.lot.Lot;
import org.lotflow.lot.LotService;
import org.lotflow.shared.ApiException;
import org.springframework.stereotype.Component;

/**
 * {@code recordLabResults}: on create, puts the lot, product and specification on the task for
 * the form; on complete, stores results typed into the form (results sent to the REST API are
 * already stored) and hands the verdict to the process as {@code labPassed}.
 */
@Component("recordLabResultsListener")
public class RecordLabResultsListener implements TaskListener {

    private final ReleaseService release;
    private final LotService lots;

    public RecordLabResultsListener(ReleaseService release, LotService lots) {
        this.release = release;
        this.lots = lots;
    }

    @Override
    public void notify(DelegateTask task) {
        Long lotId = (Long) task.getVariable("lotId");
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            Lot lot = lots.get(lotId);
            TaskFormData.lot(task, lot);
            task.setVariableLocal("specification", lot.getProduct().getSpecs().stream()
                    .map(s -> "- **" + s.getTest() + "**: " + s.describe()).collect(Collectors.joining("\n")));
            // Pre-fills the form's field. Not task-local: a completion sets variables on the process
            // instance, and a local copy would hide what the analyst typed. Removed on completion.
            task.getExecution().setVariable("labResults", LabResultsText.template(lot.getProduct().getSpecs()));
            return;
        }
        if (release.verdict(lotId) == null) {
            Object text = task.getVariable("labResults");
            if (text instanceof String s && !s.isBlank()) {
                try {
                    release.record(lotId, LabResultsText.parse(s));
                } catch (ApiException e) {
                    throw new BadUserRequestException(e.getMessage());
                }
            }
        }
        task.getExecution().removeVariable("labResults");
        LabVerdict verdict = release.verdict(lotId);
        if (verdict == null) {
            throw new BadUserRequestException("Enter the lab results before completing the task");
        }
        task.getExecution().setVariable("labPassed", verdict.passed());
        task.getExecution().setVariable("labRecordedBy", verdict.recordedBy());
    }
}
