package org.lotflow.drill.internal;

import java.time.Clock;
import java.util.Map;

import org.lotflow.drill.DrillStatus;
import org.lotflow.drill.internal.process.MockRecallProcess;
import org.lotflow.security.CurrentUser;
import org.lotflow.security.Groups;
import org.lotflow.shared.InvalidInput;
import org.lotflow.shared.NotFound;
import org.lotflow.shared.StateConflict;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coordinator's steps of a drill ({@code mockRecall}'s user tasks) and its timer:
 * <ul>
 * <li>{@code reviewDrillScope}: the coordinator confirms the trace complete or not ({@code traceComplete})
 * and records the findings ({@code findings}, required, at most 4000 characters);</li>
 * <li>{@code closeDrill}: the coordinator closes the drill with a closing statement ({@code comment},
 * required, at most 2000 characters); the result follows {@link DrillOutcome}: PASSED, or FAILED with the
 * reasons;</li>
 * <li>the target time passes first: FAILED ({@link #timedOut}).</li>
 * </ul>
 * From the API ({@code POST /api/mock-recalls/{n}/review} and {@code /close}) the task is completed as the
 * caller; from Tasklist or {@code /engine-rest} the task's listener records the same thing. Who did it is
 * the logged-in user, never a variable; the drill is read by the process's business key and must be the
 * one bound to that process. Refusals: 403 for anyone but a recall coordinator (administrators too: a review and
 * a closing are records in the doer's name, as on {@code /engine-rest}; auditor 2026-12-06 A9), 400
 * naming the field, 404 for an unknown drill, 409 when the drill is no longer at that step (closed, or
 * failed by its timer).
 */
@Service
public class DrillWork {

    static final int MAX_FINDINGS = 4000;
    static final int MAX_COMMENT = 2000;

    private final CurrentUser currentUser;
    private final DrillStore store;
    private final DrillScopeJson json;
    private final MockRecallProcess process;
    private final Clock clock;

    DrillWork(CurrentUser currentUser, DrillStore store, DrillScopeJson json, MockRecallProcess process,
            Clock clock) {
        this.currentUser = currentUser;
        this.store = store;
        this.json = json;
        this.process = process;
        this.clock = clock;
    }

    /** {@code POST /api/mock-recalls/{n}/review}: completes {@code reviewDrillScope} as the caller. */
    public void requestReview(String drillNumber, Boolean traceComplete, String findings) {
        currentUser.requireMember("review a mock-recall drill", Groups.RECALL_COORDINATOR);
        DrillStore.Row drill = find(drillNumber);
        if (traceComplete == null) {
            throw new InvalidInput("traceComplete", "required: true when the trace is complete (every lot, supplier"
                    + " and customer found), false otherwise");
        }
        findings(findings);
        String task = process.activeTask(drill.processInstanceId(), MockRecallProcess.TASK_REVIEW)
                .orElseThrow(() -> notAt(drill, "reviewed"));
        process.complete(task, Map.of(MockRecallProcess.TRACE_COMPLETE,
                traceComplete ? MockRecallProcess.YES : MockRecallProcess.NO, MockRecallProcess.FINDINGS, findings));
    }

    /** {@code POST /api/mock-recalls/{n}/close}: completes {@code closeDrill} as the caller. */
    public void requestClose(String drillNumber, String comment) {
        currentUser.requireMember("close a mock-recall drill", Groups.RECALL_COORDINATOR);
        DrillStore.Row drill = find(drillNumber);
        comment(comment);
        String task = process.activeTask(drill.processInstanceId(), MockRecallProcess.TASK_CLOSE)
                .orElseThrow(() -> notAt(drill, "closed"));
        process.complete(task, Map.of(MockRecallProcess.COMMENT, comment));
    }

    /** Complete listener of {@code reviewDrillScope}: records the review on the drill. */
    @Transactional
    public void recordReview(String drillNumber, String processInstanceId, Object traceComplete, Object findings) {
        currentUser.requireMember("review a mock-recall drill", Groups.RECALL_COORDINATOR);
        boolean complete;
        if (MockRecallProcess.YES.equals(traceComplete)) {
            complete = true;
        } else if (MockRecallProcess.NO.equals(traceComplete)) {
            complete = false;
        } else {
            throw new InvalidInput("traceComplete", "required: " + MockRecallProcess.YES + " when the trace is"
                    + " complete, " + MockRecallProcess.NO + " otherwise");
        }
        String text = findings(findings);
        DrillStore.Row drill = bound(drillNumber, processInstanceId);
        if (drill.status() != DrillStatus.IN_PROGRESS) {
            throw notAt(drill, "reviewed");
        }
        store.review(drill.id(), complete, text, currentUser.id(), clock.instant());
    }

    /** Complete listener of {@code closeDrill}: the result ({@link DrillOutcome}) on the drill. */
    @Transactional
    public DrillStatus recordClose(String drillNumber, String processInstanceId, Object comment) {
        currentUser.requireMember("close a mock-recall drill", Groups.RECALL_COORDINATOR);
        String text = comment(comment);
        DrillStore.Row drill = bound(drillNumber, processInstanceId);
        if (drill.status() != DrillStatus.IN_PROGRESS || drill.traceComplete() == null) {
            throw notAt(drill, "closed");
        }
        java.time.Instant now = clock.instant();
        DrillOutcome.Result result = DrillOutcome.closed(drill.startedAt(), now, drill.targetMinutes(),
                drill.traceComplete(), json.read(drill.scope()).lotsNotReconciled());
        store.finish(drill.id(), result.status(), result.reason(), text, currentUser.id(), now);
        return result.status();
    }

    /** Service task {@code markDrillFailed} (the target time passed): FAILED, unless already closed. */
    @Transactional
    public void timedOut(String drillNumber, String processInstanceId) {
        DrillStore.Row drill = bound(drillNumber, processInstanceId);
        if (drill.status() == DrillStatus.IN_PROGRESS) {
            DrillOutcome.Result result = DrillOutcome.timedOut(drill.targetMinutes());
            store.finish(drill.id(), result.status(), result.reason(), null, CurrentUser.SYSTEM, clock.instant());
        }
    }

    /** {@code ${drillFacts.target(execution)}}: the drill's target time as an ISO-8601 duration. */
    public String target(String drillNumber) {
        return "PT" + store.find(drillNumber).orElseThrow(() -> new NotFound("Drill", drillNumber)).targetMinutes()
                + "M";
    }

    /**
     * {@code ${drillFacts.dueAt(execution)}}: when the drill's target time ends (started at + target minutes), the
     * due date of its tasks, so Tasklist shows the coordinator the deadline the timer enforces.
     */
    public java.util.Date dueAt(String drillNumber) {
        DrillStore.Row drill = store.find(drillNumber).orElseThrow(() -> new NotFound("Drill", drillNumber));
        return java.util.Date.from(drill.startedAt().plus(java.time.Duration.ofMinutes(drill.targetMinutes())));
    }

    /**
     * Start listener of {@code mockRecall}: binds the process to the drill of its business key, which
     * lotflow started in this very transaction and which has no process yet. Any other start is refused
     * (403 for a number that is no drill, 409 for a drill that has its process) and starts nothing.
     */
    @Transactional
    public void bind(String drillNumber, String processInstanceId) {
        DrillStore.Row drill = drillNumber == null ? null : store.find(drillNumber).orElse(null);
        if (drill == null) {
            throw new org.lotflow.shared.NotPermitted("mockRecall is started only by starting a drill"
                    + " (POST /api/mock-recalls); there is no drill '" + drillNumber + "'");
        }
        if (store.bindProcess(drillNumber, processInstanceId) != 1) {
            throw new StateConflict("Drill " + drillNumber + " already has its mockRecall process")
                    .with("drillNumber", drillNumber);
        }
    }

    private DrillStore.Row find(String drillNumber) {
        return store.find(drillNumber).orElseThrow(() -> new NotFound("Drill", drillNumber));
    }

    /** The drill of a mockRecall process, locked: by business key, and only the process bound to it (409 otherwise). */
    private DrillStore.Row bound(String drillNumber, String processInstanceId) {
        DrillStore.Row drill = drillNumber == null ? null : store.lock(drillNumber).orElse(null);
        if (drill == null || !processInstanceId.equals(drill.processInstanceId())) {
            throw new StateConflict("Process " + processInstanceId + " is not the mockRecall process of drill "
                    + drillNumber).with("drillNumber", drillNumber);
        }
        return drill;
    }

    private static StateConflict notAt(DrillStore.Row drill, String what) {
        String why = switch (drill.status()) {
            case IN_PROGRESS -> drill.traceComplete() == null ? "its scope is not reviewed yet"
                    : "its scope is already reviewed";
            case PASSED, FAILED -> "it is " + drill.status() + " since " + drill.finishedAt()
                    + (drill.resultReason() == null ? "" : " (" + drill.resultReason() + ")");
        };
        return (StateConflict) new StateConflict("Drill " + drill.drillNumber() + " cannot be " + what + ": " + why)
                .with("drillNumber", drill.drillNumber()).with("drillStatus", drill.status().name());
    }

    private static String findings(Object value) {
        if (value != null && !(value instanceof String)) {
            throw new InvalidInput("findings", "must be text");
        }
        if (!(value instanceof String text) || org.lotflow.shared.input.InputRules.blank(text)) {
            throw new InvalidInput("findings", "required: what the drill found (write \"none\" when nothing)");
        }
        if (text.length() > MAX_FINDINGS) {
            throw new InvalidInput("findings", "at most " + MAX_FINDINGS + " characters, not " + text.length());
        }
        return text;
    }

    private static String comment(Object value) {
        if (value != null && !(value instanceof String)) {
            throw new InvalidInput("comment", "must be text");
        }
        if (!(value instanceof String text) || org.lotflow.shared.input.InputRules.blank(text)) {
            throw new InvalidInput("comment", "required: the closing statement of the drill");
        }
        if (text.length() > MAX_COMMENT) {
            throw new InvalidInput("comment", "at most " + MAX_COMMENT + " characters, not " + text.length());
        }
        return text;
    }
}
