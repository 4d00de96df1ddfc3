package org.lotflow.quarantine.internal.process;

import java.time.Instant;
import java.util.Date;

import static org.lotflow.quarantine.internal.process.QuarantineInvestigationVariables.DECISION_DUE_AT;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.lotflow.quarantine.internal.Hold;
import org.lotflow.shared.process.Variable;
import org.lotflow.shared.process.WithoutCallerAuthorization;
import org.springframework.stereotype.Component;

/**
 * The quarantine's one door to the engine for its process instances: starts a hold's
 * {@code quarantineInvestigation}, asks whether a lot's {@code lotRelease} still runs, raises the
 * priority of an overdue investigation's tasks and tells the time the engine's timers run on.
 *
 * <p>The start carries no hold or lot id, only its due date: the start listener binds the instance to
 * the hold through a handshake on this thread ({@link #claimHandshake}), which nothing outside this
 * package can set (unlike a variable, which anyone may send). Contract: "Which lot, hold ... or person
 * a task concerns is lotflow's own record, never a variable that a user can set".
 */
@Component
public class InvestigationProcess {

    public static final String PROCESS_KEY = "quarantineInvestigation";
    static final String LOT_RELEASE = "lotRelease";

    /** The id of the hold whose investigation {@link #start} is starting on this thread. */
    private static final ThreadLocal<Long> STARTING = new ThreadLocal<>();

    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final WithoutCallerAuthorization withoutCaller;

    public InvestigationProcess(RuntimeService runtimeService, TaskService taskService,
            WithoutCallerAuthorization withoutCaller) {
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.withoutCaller = withoutCaller;
    }

    /**
     * Starts the investigation of a hold just placed (business key: the lot number) and returns the
     * process instance id; the start listener binds the instance to the hold in the same transaction.
     */
    public String start(Hold hold, String lotNumber) {
        STARTING.set(hold.getId());
        try {
            return runtimeService.startProcessInstanceByKey(PROCESS_KEY, lotNumber,
                    Variable.values(DECISION_DUE_AT.with(Date.from(hold.getDecisionDueAt())))).getId();
        } finally {
            STARTING.remove();
        }
    }

    /**
     * {@link #start} for a hold lotflow places on its own while another role's request runs (a lot created or received
     * into quarantine by Production): past the caller's Camunda authorizations, which give only QA the start of
     * {@value #PROCESS_KEY} ({@code ProcessStartRights}); the hold itself is recorded in the caller's request as before.
     */
    public String startForLotflow(Hold hold, String lotNumber) {
        return withoutCaller.call(() -> start(hold, lotNumber));
    }

    /**
     * The start listener's question: the id of the hold whose investigation lotflow is starting on
     * this thread, or null when the start is a user's. One answer per start.
     */
    static Long claimHandshake() {
        Long holdId = STARTING.get();
        STARTING.remove();
        return holdId;
    }

    /**
     * Whether the lot's lab release still runs. Asked without the caller's authorizations: a QA
     * analyst may not read lotRelease instances, but the answer must not depend on it.
     */
    public boolean inLabRelease(String lotNumber) {
        return withoutCaller.call(() -> runtimeService.createProcessInstanceQuery().processDefinitionKey(LOT_RELEASE)
                .processInstanceBusinessKey(lotNumber).count() > 0);
    }

    /** Raises every open task of the instance to {@code priority} (Tasklist sorts by it). */
    public void raisePriority(String processInstanceId, int priority) {
        for (Task task : taskService.createTaskQuery().processInstanceId(processInstanceId).list()) {
            taskService.setPriority(task.getId(), priority);
        }
    }

    /** Now, on the engine's clock (which timers and due dates use; tests may move it). */
    public Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
