package org.lotflow.recall;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start of {@code lotRecall}; the contract lets only a recall coordinator's recall or a RECALL
 * disposition start it (issue #8).
 * <ul>
 * <li>With a business key: lotflow's own start ({@code POST /api/recalls}, a disposition), which
 * opened the recall in this transaction. The recall row of that number is bound to this process
 * instance if, and only if, it has none yet ({@link RecallService#bindProcess}); any other start
 * with a business key is refused with a 4xx {@link org.lotflow.shared.Refusal} and starts
 * nothing.</li>
 * <li>Without one: the Tasklist start form ({@code lots}, {@code reason}, {@code classification}),
 * which runs exactly the API's checks ({@link RecallService#requestFromForm}: a recall coordinator,
 * the same validation) and makes the recall number the business key.</li>
 * </ul>
 * Every variable of the start is dropped: the process carries no facts, its steps read the recall
 * tables by business key.
 */
@Component("recallStartListener")
public class RecallStartListener implements ExecutionListener {

    private final RecallService recalls;

    public RecallStartListener(RecallService recalls) {
        this.recalls = recalls;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String businessKey = execution.getProcessBusinessKey();
        if (businessKey == null || businessKey.isBlank()) {
            RecallService.Opened opened = recalls.requestFromForm(execution.getVariable("lots"),
                    execution.getVariable("reason"), execution.getVariable("classification"),
                    execution.getProcessInstanceId());
            execution.setProcessBusinessKey(opened.recallNumber());
        } else {
            recalls.bindProcess(businessKey, execution.getProcessInstanceId());
        }
        execution.getProcessInstance().removeVariablesLocal();
    }
}
