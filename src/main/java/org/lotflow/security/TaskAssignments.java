package org.lotflow.security;

import static org.lotflow.security.EngineResources.TASK_CLAIM;
import static org.lotflow.security.EngineResources.TASK_HAND_OVER;
import static org.lotflow.security.EngineResources.TASK_UNCLAIM;
import static org.lotflow.security.SurfaceRefusal.refuse;
import static org.lotflow.security.SurfaceRefusal.refused;

import java.io.IOException;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.task.Task;
import org.lotflow.security.EngineSurfaceGuard.Caller;

/**
 * Who holds a task, at the engine gate ({@link EngineSurfaceGuard} hands it every write after the identity surface):
 * <ul>
 * <li>{@code POST task/{id}/claim}: for oneself only (an administrator may claim for another), never for someone
 * outside the task's candidate groups (403 naming {@code userId}), never while the claimer does not stand as a signer
 * ({@link OwnPassword}: 403);</li>
 * <li>{@code POST task/{id}/assignee|delegate}: by an administrator only, to a member of the task's groups (403);</li>
 * <li>{@code POST task/{id}/unclaim}: by the person who holds the task (recorded in their name; Camunda would ask a
 * TASK_ASSIGN right lotflow gives nobody) or an administrator; 409 when it was handed back meanwhile.</li>
 * </ul>
 * Refusals are RFC 9457 problems ({@link SurfaceRefusal}); nothing is changed on a refusal.
 */
final class TaskAssignments {

    private final EngineTasks tasks;
    private final IdentityLookups lookups;
    private final Consumer<String> handBack;
    private final Function<String, String> standing;

    /**
     * @param handBack unclaims a task in the caller's name without Camunda's TASK_ASSIGN check (used only for the
     *                 task's own assignee)
     * @param standing why a user may not work in their own name yet ({@link OwnPassword}), or null when they may
     */
    TaskAssignments(EngineTasks tasks, IdentityLookups lookups, ClosedTasks closed, UnseenTasks unseen,
            Consumer<String> handBack,
            Function<String, String> standing) {
        this.tasks = tasks;
        this.lookups = lookups;
        this.closed = closed;
        this.unseen = unseen;
        this.handBack = handBack;
        this.standing = standing;
    }

    private final ClosedTasks closed;
    private final UnseenTasks unseen;

    /** Answers or passes on a claim, a hand-over or an unclaim; false when the request is none of these (or passes
     * to the engine's own rules: an administrator's unclaim). */
    boolean handled(String resource, Caller caller, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws IOException, ServletException {
        Matcher claim = TASK_CLAIM.matcher(resource);
        if (claim.matches()) {
            Task open = tasks.open(claim.group(1));
            if (open == null) {
                // closed (to whoever could have worked on it: by whom and when) or never a task: 404 (re-test
                // 2026-12-07 R4, R8: "someone else completed it just before your request" for both)
                ClosedTasks.Answer answer = closed.of(claim.group(1), caller, false,
                        "; there is nothing to claim");
                refuse(response, answer.status(), answer.title(), null, answer.detail());
                return true;
            }
            if (unseen.hiddenFrom(open, caller)) {
                // before anything of the claim's body is judged: a task the caller may not read is, to them, no task,
                // whatever the body says (re-test 2026-12-07 F1: "claim for yourself only" told them it exists)
                return refused(response, UnseenTasks.none(claim.group(1)));
            }
            Claim claimed = claimed(request, response);
            if (claimed == null) {
                return true;
            }
            if (claimed.userId().equals(caller.userId()) && refusedUnstood(response, caller.userId())) {
                return true;
            }
            if (!caller.admin() && !claimed.userId().equals(caller.userId())) {
                refuse(response, 403, "Forbidden", "userId", "You may claim a task for yourself only; '"
                        + claimed.userId() + "' claims it themselves if they may work on it");
                return true;
            }
            if (refusedToOutsider(response, claim.group(1), claimed.userId(), caller)) {
                return true;
            }
            chain.doFilter(claimed.replay(), response);
            return true;
        }
        Matcher handOver = TASK_HAND_OVER.matcher(resource);
        if (handOver.matches()) {
            if (!caller.admin()) {
                refuse(response, 403, "Forbidden", null, "Tasks are not handed to others here: the people of the task's"
                        + " groups claim it themselves (an administrator may hand it to one of them)");
                return true;
            }
            Claim named = claimed(request, response);
            if (named == null || refusedToOutsider(response, handOver.group(1), named.userId(), caller)) {
                return true;
            }
            chain.doFilter(named.replay(), response);
            return true;
        }
        Matcher unclaim = TASK_UNCLAIM.matcher(resource);
        if (unclaim.matches() && !caller.admin()) {
            // Camunda asks TASK_ASSIGN for an unclaim, which lotflow gives nobody (it would let anyone hand a task to
            // anyone): the person a task is claimed by hands it back here, recorded in the engine's operation log
            // in their name, so a task is never stuck on someone who cannot work on it
            Task task = tasks.open(unclaim.group(1));
            if (task == null || unseen.hiddenFrom(task, caller)) {
                refused(response, UnseenTasks.none(unclaim.group(1))); // no task, or none the caller may see
                return true;
            }
            if (task.getAssignee() == null) {
                // handed back by someone else a moment ago: a lost race (auditor 2026-12-05 E16)
                refuse(response, 409, "Conflict", null, "The task '" + task.getName() + "' is not claimed by anyone (it"
                        + " was handed back meanwhile); nothing was changed");
                return true;
            }
            if (!caller.userId().equals(task.getAssignee())) {
                refuse(response, 403, "Forbidden", null, "Only the person a task is claimed by, or an administrator,"
                        + " hands it back to its group");
                return true;
            }
            try {
                handBack.accept(task.getId());
            } catch (RuntimeException e) {
                // handed back by another request of theirs at the same moment (auditor 2026-12-05 F5: 500)
                org.lotflow.shared.EngineRefusals.Refusal refusal = org.lotflow.shared.EngineRefusals.refusal(e);
                if (refusal == null) {
                    throw e;
                }
                refuse(response, refusal.status(), refusal.status() == 409 ? "Conflict" : "Forbidden", null,
                        refusal.status() == 409 ? "The task '" + task.getName() + "' was handed back meanwhile;"
                                + " nothing was changed" : refusal.message());
                return true;
            }
            response.setStatus(204);
            return true;
        }
        return false;
    }

    /** Refuses (403, the refusal's sentence) work in the caller's name while they do not stand; true when refused. */
    boolean refusedUnstood(HttpServletResponse response, String userId) throws IOException {
        String why = standing.apply(userId);
        if (why != null) {
            refuse(response, 403, "Forbidden", null, why);
            return true;
        }
        return false;
    }

    /**
     * Refuses a lotflow task claimed by or handed to a user outside its candidate groups (an administrator too): they
     * could not complete it, and it would sit on them while its group waits. True when refused.
     */
    private boolean refusedToOutsider(HttpServletResponse response, String taskId, String userId, Caller caller)
            throws IOException {
        Task task = tasks.open(taskId);
        if (tasks.formOf(task) == null) {
            return false; // not a lotflow task (or gone): Camunda's own answer
        }
        List<String> groups = tasks.candidateGroups(taskId);
        if (groups == null || groups.isEmpty()) {
            return false;
        }
        List<String> theirs = lookups.groupsOf(userId);
        if (groups.stream().noneMatch(theirs::contains)) {
            if (unseen.hiddenFrom(task, caller)) {
                return refused(response, UnseenTasks.none(taskId)); // a task the caller claims and may not even read
            }
            refuse(response, 403, "Forbidden", "userId", "The task '" + task.getName() + "' is for " + String.join(
                    " and ", groups.stream().map(Groups::displayName).toList()) + "; " + userId + " is in none of these"
                    + " groups and could not complete it, so it is not theirs to hold");
            return true;
        }
        return false;
    }

    /** A claim: whom it names, and the request to pass on (its body read once, replayed). */
    private record Claim(String userId, HttpServletRequest replay) {
    }

    /** The claim's {@code userId} (its JSON body is read and replayed); null when refused as unreadable. */
    private Claim claimed(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ObjectNode body = EngineRequestBodies.jsonObject(request, response);
        if (body == null) {
            return null;
        }
        if (!body.path("userId").isTextual()) {
            refuse(response, 400, "Invalid request", "userId", "A claim names the claiming user: {\"userId\": \"...\"}");
            return null;
        }
        return new Claim(body.get("userId").asText(), EngineRequestBodies.replay(request, EngineRequestBodies.JSON.writeValueAsBytes(body)));
    }
}
