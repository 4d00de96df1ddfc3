package org.lotflow.recall;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.lotflow.shared.ApiException;
import org.springframework.stereotype.Component;

/**
 * Start of {@code lotRecall}. Started by the API (or a disposition), the recall is already open
 * and {@code recallId} set. Started from the Tasklist start form ({@code lots}, {@code reason},
 * {@code classification}), it opens the recall through the same service, makes the recall number
 * the business key and keeps only ids and display values in the process.
 */
@Component("recallStartListener")
public class RecallStartListener implements ExecutionListener {

    private final RecallService recalls;

    public RecallStartListener(RecallService recalls) {
        this.recalls = recalls;
    }

    @Override
    public void notify(DelegateExecution execution) {
        if (execution.getVariable("recallId") == null) {
            RecallService.Opened opened;
            try {
                opened = recalls.requestFromForm((String) execution.getVariable("lots"),
                        (String) execution.getVariable("reason"), (String) execution.getVariable("classification"));
            } catch (ApiException e) {
                throw new BadUserRequestException(e.getMessage());
            }
            execution.removeVariable("lots");
            execution.removeVariable("reason");
            execution.setVariable("recallId", opened.recallId());
            execution.setVariable("recallNumber", opened.recallNumber());
            execution.setVariable("classification", opened.classification().name());
            execution.setVariable("customerCount", opened.customerCount());
            execution.setProcessBusinessKey(opened.recallNumber());
        }
        recalls.linkProcess((Long) execution.getVariable("recallId"), execution.getProcessInstanceId());
    }
}
