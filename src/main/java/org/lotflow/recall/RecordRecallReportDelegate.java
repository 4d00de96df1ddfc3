package org.lotflow.recall;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task {@code recordRecallReport}: the recall is CLOSED and its report goes into every lot's history. */
@Component("recordRecallReportDelegate")
public class RecordRecallReportDelegate implements JavaDelegate {

    private final RecallService recalls;

    public RecordRecallReportDelegate(RecallService recalls) {
        this.recalls = recalls;
    }

    @Override
    public void execute(DelegateExecution execution) {
        recalls.close((Long) execution.getVariable("recallId"), (String) execution.getVariable("closedBy"),
                (String) execution.getVariable("comment"));
    }
}
