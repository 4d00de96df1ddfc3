package org.lotflow.recall.internal.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.lotflow.recall.internal.RecallClosing;
import org.springframework.stereotype.Component;

/**
 * Service task {@code recordRecallReport}: the recall of the business key is CLOSED and its report
 * goes into every lot's history, as the QA manager's closing decision recorded on the recall says
 * (who, comment); without one it refuses and nothing changes (issue #8: no variables read).
 */
@Component("recordRecallReportDelegate")
public class RecordRecallReportDelegate implements JavaDelegate {

    private final RecallClosing closing;

    public RecordRecallReportDelegate(RecallClosing closing) {
        this.closing = closing;
    }

    @Override
    public void execute(DelegateExecution execution) {
        closing.close(execution.getProcessBusinessKey(), execution.getProcessInstanceId());
    }
}
