package org.lotflow.order.internal.process;

import org.camunda.bpm.engine.RuntimeService;
import org.lotflow.shared.process.WithoutCallerAuthorization;
import org.springframework.stereotype.Component;

/**
 * The order module's handle on {@code allocationOverride} instances: starts one for an order, withdraws
 * it when the order is cancelled. The order number is the business key; no variables.
 */
@Component
public class OverrideProcess {

    private final RuntimeService runtimeService;
    private final WithoutCallerAuthorization withoutCaller;

    public OverrideProcess(RuntimeService runtimeService, WithoutCallerAuthorization withoutCaller) {
        this.runtimeService = runtimeService;
        this.withoutCaller = withoutCaller;
    }

    /**
     * Starts the override process of the order, in the caller's transaction; its start listener binds it
     * to the order row ({@code OverrideRequest.bindProcess}) or refuses the start.
     */
    public void start(String orderNumber) {
        runtimeService.startProcessInstanceByKey(AllocationOverrideVariables.PROCESS_KEY, orderNumber);
    }

    /**
     * Ends the order's override process, if any, with {@code reason}. The salesperson who cancels the
     * order has no Camunda permission to delete it: the order module's own rule has allowed the withdrawal.
     */
    public void withdraw(String orderNumber, String reason) {
        withoutCaller.run(() -> runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(AllocationOverrideVariables.PROCESS_KEY).processInstanceBusinessKey(orderNumber)
                .list().forEach(pi -> runtimeService.deleteProcessInstance(pi.getId(), reason)));
    }
}
