package org.lotflow.order;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.lotflow.security.CurrentUser;
import org.lotflow.shared.ApiException;
import org.springframework.stereotype.Component;

/**
 * {@code approveOverride}: on create, shows the order and why it is an exception (which older
 * lots it skips, which shelf-life rule it breaks); on complete, records the decision
 * ({@code approved}, {@code comment}) as the logged-in QA manager's signature. Anyone else -
 * sales above all, and the requester - is refused here, whatever Camunda's task authorizations
 * allow.
 */
@Component("approveOverrideListener")
public class ApproveOverrideListener implements TaskListener {

    private final OrderService orders;
    private final CurrentUser currentUser;

    public ApproveOverrideListener(OrderService orders, CurrentUser currentUser) {
        this.orders = orders;
        this.currentUser = currentUser;
    }

    @Override
    public void notify(DelegateTask task) {
        Long orderId = (Long) task.getVariable("orderId");
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            orders.overrideFormData(orderId).forEach(task::setVariableLocal);
            return;
        }
        Object approved = task.getVariable("approved");
        try {
            orders.decideOverride(orderId, approved instanceof Boolean b ? b : null, (String) task.getVariable("comment"));
        } catch (ApiException e) {
            throw new BadUserRequestException(e.getMessage());
        }
        task.getExecution().setVariable("decidedBy", currentUser.id());
    }
}
