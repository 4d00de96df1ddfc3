package org.lotflow.recall.internal.process;

import java.math.BigDecimal;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The recall use cases' one door to the engine: starting {@code lotRecall} for a recall just opened
 * and a {@code recallNotification} for each of its customers, telling {@code lotRecall} that every
 * customer has answered, and completing or escalating the user tasks as the API's caller (exactly as
 * Tasklist would, so the tasks' listeners check the same rules).
 */
@Component
public class LotRecallProcess {

    /** The process definition key. */
    public static final String PROCESS_KEY = "lotRecall";
    /** One process per customer to notify, business key: the recall number. */
    public static final String NOTIFICATION_PROCESS_KEY = "recallNotification";
    /** The user task of {@code recallNotification}. */
    public static final String TASK_NOTIFY_CUSTOMER = "notifyCustomer";
    /** Sent to {@code lotRecall} when its last open customer notification is answered. */
    public static final String MESSAGE_CUSTOMERS_ANSWERED = "recallCustomersAnswered";
    /** The QA manager's closing decision. */
    public static final String TASK_CLOSE_RECALL = "closeRecall";

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final org.lotflow.shared.process.TaskClaims claims;
    private final org.camunda.bpm.engine.IdentityService identityService;

    public LotRecallProcess(RuntimeService runtimeService, TaskService taskService,
            org.lotflow.shared.process.TaskClaims claims, org.camunda.bpm.engine.IdentityService identityService) {
        this.claims = claims;
        this.identityService = identityService;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
    }

    /** Starts {@code lotRecall} for a recall just opened: business key only; the start listener binds it. */
    public void start(String recallNumber) {
        runtimeService.startProcessInstanceByKey(PROCESS_KEY, recallNumber);
    }

    /**
     * Starts the {@code recallNotification} of one customer of the recall (business key only; its
     * start listener binds it to the customer's notification row) and returns its id.
     */
    public String startNotification(String recallNumber) {
        return runtimeService.startProcessInstanceByKey(NOTIFICATION_PROCESS_KEY, recallNumber).getId();
    }

    /**
     * Tells the recall's {@code lotRecall} (waiting at {@code Event_CustomersAnswered}) that every
     * customer has answered; nothing when it is not waiting there (a recall opened before V87, whose
     * customers ran in a multi-instance of its own).
     */
    public void customersAnswered(String recallProcessInstanceId) {
        if (recallProcessInstanceId != null) {
            runtimeService.createMessageCorrelation(MESSAGE_CUSTOMERS_ANSWERED)
                    .processInstanceId(recallProcessInstanceId).correlateAllWithResult();
        }
    }

    /** Whether the task exists and is active (not suspended). */
    public boolean isActive(String taskId) {
        return taskId != null && taskService.createTaskQuery().taskId(taskId).active().singleResult() != null;
    }

    /** The groups an open task is offered to (its candidate groups), read whatever the caller may see. */
    public java.util.List<String> candidateGroups(String taskId) {
        return org.lotflow.shared.process.TaskCandidates.groups(taskService, identityService, taskId);
    }

    /** Completes a customer's {@code notifyCustomer} task with its answer (checked), as the caller. */
    public void answer(String taskId, boolean reached, boolean acknowledged, BigDecimal quantityReturned,
            String contactMethod, String contactPerson, String note, BigDecimal quantityDestroyed, boolean tryAgain) {
        claims.requireClaimableByCaller(taskId);
        taskService.complete(taskId, LotRecallVariables.answer(reached, acknowledged, quantityReturned, contactMethod,
                contactPerson, note, quantityDestroyed, tryAgain));
    }

    /** The active {@code closeRecall} task of the process instance, if any. */
    public Optional<String> closeTask(String processInstanceId) {
        if (processInstanceId == null) {
            return Optional.empty();
        }
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(TASK_CLOSE_RECALL).active().singleResult();
        return Optional.ofNullable(task).map(Task::getId);
    }

    /**
     * Completes {@code closeRecall} with the closing comment (and justification, disposal method and reference, and
     * per-lot disposals as text, each may be null) and the version of the figures it is signed on, as the caller.
     */
    public void close(String taskId, String comment, String justification, String disposalMethod,
            String disposalReference, String disposals, String figuresVersion) {
        claims.requireClaimableByCaller(taskId);
        taskService.complete(taskId, LotRecallVariables.close(comment, justification, disposalMethod,
                disposalReference, disposals, figuresVersion));
    }

    /**
     * Brings a candidate group in on a task and raises its priority (an overdue notification goes to
     * the QA managers); nothing when the task is gone.
     */
    public void escalate(String taskId, String candidateGroup, int priority) {
        Task task = taskId == null ? null : taskService.createTaskQuery().taskId(taskId).singleResult();
        if (task != null) {
            taskService.addCandidateGroup(task.getId(), candidateGroup);
            taskService.setPriority(task.getId(), priority);
        }
    }
}
