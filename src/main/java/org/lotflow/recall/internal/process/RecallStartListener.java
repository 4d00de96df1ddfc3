package org.lotflow.recall.internal.process;

import static org.lotflow.recall.internal.process.LotRecallVariables.CLASSIFICATION;
import static org.lotflow.recall.internal.process.LotRecallVariables.LOTS;
import static org.lotflow.recall.internal.process.LotRecallVariables.REASON;
import static org.lotflow.recall.internal.process.LotRecallVariables.startInput;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.lotflow.recall.internal.BoundRecalls;
import org.lotflow.recall.internal.RecallOpening;
import org.springframework.stereotype.Component;

/**
 * Start of {@code lotRecall}; the contract lets only a recall coordinator's recall or a RECALL
 * disposition start it (issue #8).
 * <ul>
 * <li>With a business key: lotflow's own start ({@code POST /api/recalls}, a disposition), which
 * opened the recall in this transaction. The recall row of that number is bound to this process
 * instance if, and only if, it has none yet ({@link BoundRecalls#bind}); any other start with a
 * business key is refused with a 4xx {@link org.lotflow.shared.Refusal} and starts nothing.</li>
 * <li>Without one: the Tasklist start form ({@code lots}, {@code reason}, {@code classification}),
 * which runs exactly the API's checks ({@link RecallOpening#requestFromForm}: a recall coordinator,
 * the same validation) and makes the recall number the business key.</li>
 * </ul>
 * Every variable of the start is dropped: the process carries no facts, its steps read the recall
 * tables by business key.
 */
@Component("recallStartListener")
public class RecallStartListener implements ExecutionListener {

    private final RecallOpening opening;
    private final BoundRecalls bound;

    public RecallStartListener(RecallOpening opening, BoundRecalls bound) {
        this.opening = opening;
        this.bound = bound;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String businessKey = execution.getProcessBusinessKey();
        if (businessKey == null || businessKey.isBlank()) {
            RecallOpening.Opened opened = opening.requestFromForm(startInput(execution, LOTS),
                    startInput(execution, REASON), startInput(execution, CLASSIFICATION),
                    execution.getProcessInstanceId());
            execution.setProcessBusinessKey(opened.recallNumber());
        } else {
            bound.bind(businessKey, execution.getProcessInstanceId());
        }
        execution.getProcessInstance().removeVariablesLocal();
    }
}
