package org.lotflow.order;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * {@code approveOverride}: on create, shows the order and why it is an exception (which older
 * lots it skips, which shelf-life rule it breaks) as task-local values; on complete, records the
 * decision ({@code approved}, {@code comment}: the form's fields, the only input read from the
 * task) as the logged-in QA manager's signature on the order row. Anyone else - sales above all,
 * and the requester - is refused here, whatever Camunda's task authorizations allow.
 *
 * <p>Which order the task concerns is the process's business key (the order number), checked
 * against the process bound to the order; never a variable (contract, issue #8). The decision inputs
 * are removed once read; the gateway's {@code approved} is then written again from what was
 * recorded, over anything a user sent (the same name keeps instances started with the earlier model
 * running), and the outcome tasks re-check the order row anyway. Refusals are {@link org.lotflow.shared.Refusal}s
 * that the engine REST maps to their 4xx status.
 */
@Component("approveOverrideListener")
public class ApproveOverrideListener implements TaskListener {

    static final String APPROVED = "approved";
    static final String COMMENT = "comment";

    private final OrderService orders;

    public ApproveOverrideListener(OrderService orders) {
        this.orders = orders;
    }

    @Override
    public void notify(DelegateTask task) {
        DelegateExecution processInstance = task.getExecution().getProcessInstance();
        String orderNumber = processInstance.getProcessBusinessKey();
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            // no decision input may exist before the decision is made
            processInstance.removeVariablesLocal(java.util.List.of(APPROVED, COMMENT));
            orders.overrideFormData(orderNumber, processInstance.getId()).forEach(task::setVariableLocal);
            return;
        }
        // a completion's variables land on the task's execution, the process instance here
        Object approved = processInstance.getVariableLocal(APPROVED);
        Object comment = processInstance.getVariableLocal(COMMENT);
        boolean decision = orders.decideOverride(orderNumber, processInstance.getId(), approved, comment);
        processInstance.removeVariablesLocal(java.util.List.of(APPROVED, COMMENT));
        processInstance.setVariableLocal(APPROVED, decision); // routing only: the recorded decision
    }
}
