package org.lotflow.security;

import java.util.Set;

import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.lotflow.security.EngineSurfaceGuard.Caller;

/**
 * What the engine gate answers about a task that is no longer open, on a completion, a claim or a note (re-test
 * 2026-12-07 R3, R4, R8):
 * <ul>
 * <li>to someone who could never have worked on it (none of the groups it was offered to, not an administrator):
 * 404, word for word the answer for an id of no task, so nothing of it (that it exists, its group, its name, its lot,
 * when it closed) is told;</li>
 * <li>to the others: 409 saying it was completed, by whom (the person who claimed it, else the one the engine's
 * operation log records completing it) and when, "at the same time" only when it closed during this request; or
 * withdrawn with its case and why (an override withdrawn with its cancelled order);</li>
 * <li>an id of no task at all: 404.</li>
 * </ul>
 * The task's history is read without the caller's authorizations; only the answer reaches the caller.
 */
final class ClosedTasks {

    private final EngineTasks tasks;
    private final IdentityLookups lookups;

    ClosedTasks(EngineTasks tasks, IdentityLookups lookups) {
        this.tasks = tasks;
        this.lookups = lookups;
    }

    /** The answer about a task that is not open: status and sentence ({@code tail} ends a 409's sentence). */
    record Answer(int status, String title, String detail) {
    }

    /** The answer for {@code taskId}, which is not open; {@code justNow}: it closed during this request. */
    Answer of(String taskId, Caller caller, boolean justNow, String tail) {
        HistoricTaskInstance done = tasks.finished(taskId);
        if (done == null) {
            return new Answer(404, "Not found", org.lotflow.shared.EngineRefusals.noTask(taskId));
        }
        Set<String> offeredTo = tasks.offeredTo(taskId);
        if (!caller.admin() && !offeredTo.isEmpty()
                && offeredTo.stream().noneMatch(lookups.groupsOf(caller.userId())::contains)) {
            // as for an id of no task, word for word: whether a closed task exists, and whose it was, is not told to
            // someone who could never see it (re-test 2026-12-07 N3; GET task/{id} says "No matching task" alike)
            return new Answer(404, "Not found", org.lotflow.shared.EngineRefusals.noTask(taskId));
        }
        String by = tasks.completedBy(done);
        return new Answer(409, "Conflict", sentence(done, by == null ? null : named(by), justNow) + tail);
    }

    /** "Jennifer Lee (jennifer)", as forms and pages print people; the id alone for an id the identity store lost. */
    private String named(String userId) {
        org.camunda.bpm.engine.identity.User user = lookups.user(userId);
        return user == null ? userId : CurrentUser.withId(CurrentUser.printedName(user.getFirstName(),
                user.getLastName()), userId);
    }

    /**
     * Why a closed task can no longer be acted on: completed by whom and when ("at the same time" when it closed during
     * this request), or withdrawn with its case and why (auditor 2026-12-07 F4: an override withdrawn with its cancelled
     * order read "already completed"). The engine records a task completed with the delete reason "completed" and a
     * task withdrawn with its case's reason.
     */
    static String sentence(HistoricTaskInstance done, String completedBy, boolean justNow) {
        String reason = done.getDeleteReason();
        String when = org.lotflow.shared.process.TaskForm.text(done.getEndTime().toInstant());
        if (reason != null && !reason.equals("completed")) {
            return "The task '" + done.getName() + "' was withdrawn at " + when + (reason.equals("deleted") ? ""
                    : " (" + reason + ")") + ": there is nothing left to decide";
        }
        String by = completedBy == null ? "someone else" : completedBy;
        return "The task '" + done.getName() + "' was " + (justNow ? "completed by " + by + " at the same time"
                : "already completed by " + by + " at " + when);
    }
}
