package org.lotflow.security;

import static org.lotflow.security.EngineResources.*;
import static org.lotflow.security.EngineRequestBodies.replayed;
import static org.lotflow.security.SurfaceRefusal.refuse;
import static org.lotflow.security.SurfaceRefusal.refused;

import java.io.IOException;
import java.util.List;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The one gate between users and the engine's own HTTP surfaces: {@code /engine-rest} and the
 * webapps' engine API ({@code /camunda/api/engine/...}, which Tasklist and Cockpit use). Process
 * variables of lotflow's processes are lotflow's to write; a user's only way to hand the engine
 * data is to complete a task (or start a process that has a start form) with exactly what its form
 * declares ({@link FormSchemas}). What it does, in this order, for every user, administrators
 * included:
 * <ul>
 * <li>an open task the caller may not read ({@link UnseenTasks}): every call on it, read or write, answers what an id
 * of no task answers (404), never its name, lot or groups.</li>
 * <li>{@code POST task/{id}/complete|submit-form} of a task already completed: 409 (the loser of
 * a race is told so, not 404 or 500).</li>
 * <li>{@code POST task/{id}/complete|submit-form} of a lotflow task: only by a member of one of its candidate groups,
 * administrators included (403 otherwise); the variables must be
 * the form's fields, of their kinds, required ones present (400 naming the field otherwise). A
 * signing form's masked password is taken out of the body before the engine sees it and handed to
 * {@link ElectronicSignatures} through {@link SignatureCredentials}; an {@code /engine-rest} call
 * signs with its HTTP Basic password when the body carries none.</li>
 * <li>{@code POST process-definition/.../start|submit-form}: only processes with a start form
 * (a hold's {@code quarantineInvestigation}, a recall's {@code lotRecall}), with exactly its fields;
 * every other process (a drill's {@code mockRecall} too) is started by lotflow itself (403).</li>
 * <li>403 for every other write of variables or routing: task, execution and process-instance
 * variables (also local, binary and async), message correlation, signals, conditions, BPMN errors and
 * escalations thrown at tasks, resolving a task (which writes variables without completing it),
 * process-instance modification, restarts, migrations.</li>
 * <li>403 for deploying, redeploying or deleting processes, forms and decisions, deleting a user, or deleting one of
 * lotflow's groups, also for administrators ({@link EngineResources#refusedToEveryone}).</li>
 * <li>409 for creating a user whose id exists already, whatever its case ("JENNIFER" beside "jennifer").</li>
 * <li>403 for deleting running process instances (one, in batches, or by cascade with their definition
 * or deployment), also for administrators: a process ends through its own recorded steps.</li>
 * <li>403 for changing a user's profile unless the caller administers users: the printed name on an
 * electronic signature comes from an identity record its owner cannot edit (21 CFR 11.50,
 * 11.100).</li>
 * <li>403 for Cockpit's own API ({@code /camunda/api/cockpit/...}) without Cockpit access.</li>
 * </ul>
 * A task's completion and a process's start are {@link FormSubmissions}, claims and hand-overs
 * {@link TaskAssignments}; the identity and rights surface is {@link IdentitySurface}, with the rules of
 * {@link IdentityCalls}; the job rules are {@link JobCalls}, the Tasklist filter rules {@link FilterCalls}: plain classes
 * tested without Spring, whose {@link SurfaceRefusal}s this filter writes.
 * Refusals are RFC 9457 problem+json whose {@code detail} (and {@code message}, which Tasklist
 * shows) is a sentence a QA person understands. Everything else (reads, claims, the identity
 * links Camunda's authorizations govern) passes unchanged.
 */
public class EngineSurfaceGuard extends OncePerRequestFilter {


    private final IdentityService identityService;
    private final String engineName;
    private final EngineTasks tasks;
    private final TaskAssignments assignments;
    private final FormSubmissions submissions;
    private final JobCalls jobs;
    private final FilterCalls filters;
    private final IdentityLookups lookups;
    private final IdentitySurface identity;

    /**
     * @param handBack       unclaims a task in the caller's name without Camunda's TASK_ASSIGN check (used only for
     *                       the task's own assignee)
     * @param engineWideJobs which jobs and job definitions belong to no process ({@link JobCalls})
     * @param rolesFilter    whether a Tasklist filter id is one of those lotflow keeps for its roles
     * @param authorizations the engine's authorizations, to see what an authorization id grants
     */
    public EngineSurfaceGuard(FormSchemas forms, TaskService taskService, RepositoryService repositoryService,
            IdentityService identityService, org.camunda.bpm.engine.HistoryService historyService, String engineName,
            java.util.function.Consumer<String> handBack, JobCalls.EngineWideJobs engineWideJobs,
            java.util.function.Predicate<String> rolesFilter,
            org.camunda.bpm.engine.AuthorizationService authorizations) {
        this.filters = new FilterCalls(rolesFilter);
        this.lookups = new IdentityLookups(identityService, authorizations, taskService);
        this.identity = new IdentitySurface(identityService, lookups, filters, rolesFilter);
        this.jobs = new JobCalls(engineWideJobs);
        this.identityService = identityService;
        this.engineName = engineName;
        this.tasks = new EngineTasks(forms, taskService, repositoryService, identityService, historyService);
        this.closed = new ClosedTasks(tasks, lookups);
        this.unseen = new UnseenTasks(tasks, lookups);
        this.assignments = new TaskAssignments(tasks, lookups, closed, unseen, handBack,
                userId -> standing.apply(userId));
        this.submissions = new FormSubmissions(tasks, lookups, closed, unseen);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = normalized(request);
        String method = request.getMethod().toUpperCase(java.util.Locale.ROOT);
        boolean read = method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS");

        if (COCKPIT_API.matcher(path).matches() && !mayUseCockpit(request)
                && !(read && EngineResources.COCKPIT_PLUGIN_FILES.matcher(path).matches() && !path.contains(".."))) {
            refuse(response, 403, "Forbidden", null, "Cockpit is open to users with Cockpit access (QA managers,"
                    + " administrators) only");
            return;
        }
        Matcher api = ENGINE_API.matcher(path);
        String expression = api.matches() ? QueryExpressions.refusedParameter(request.getParameterMap()) : null;
        if (expression != null) {
            // GET /task?assigneeExpression=... : the engine refuses it for an ad-hoc query, but say it as the body is
            refuse(response, 400, "Invalid request", expression, QueryExpressions.refusal(expression));
            return;
        }
        if ((method.equals("GET") || method.equals("HEAD")) && api.matches()
                && refused(response, reads.refusal(api.group(1), request.getParameterMap()))) {
            return;
        }
        String readTask = (method.equals("GET") || method.equals("HEAD")) && api.matches()
                ? EngineReads.taskRead(api.group(1)) : null;
        if (readTask != null) {
            // an open task the reader may not read is, to them, no open task (before the engine, whose refusal of a
            // rendered form comes as 406 or 403 depending on what the browser accepts)
            Caller reader = caller(request, !path.startsWith("/engine-rest"));
            Task open = reader == null ? null : tasks.open(readTask);
            if (open != null && unseen.hiddenFrom(open, reader)) {
                refuse(response, 404, "Not found", null, org.lotflow.shared.EngineRefusals.noOpenTask(readTask));
                return;
            }
        }
        String[] readInstance = (method.equals("GET") || method.equals("HEAD")) && api.matches()
                ? EngineReads.instanceRead(api.group(1)) : null;
        if (readInstance != null) {
            // a running process the reader may not read is, to them, none (auditor 2026-12-07 24b F6: the engine's 403
            // told a QA analyst the QA managers' closing process of a recall exists)
            Caller reader = caller(request, !path.startsWith("/engine-rest"));
            boolean execution = readInstance[0].equalsIgnoreCase("execution");
            if (reader != null && unseen.hiddenFrom(runningProcesses.of(execution, readInstance[1]), reader)) {
                refused(response, EngineReads.noRunning(execution, readInstance[1]));
                return;
            }
        }
        if (read && api.matches() && notes != null && TaskNotes.concerns(method, api.group(1))) {
            Caller reader = caller(request, !path.startsWith("/engine-rest"));
            if (reader != null && notes.handled(method, api.group(1), reader, request, response, chain)) {
                return;
            }
        }
        if (read || !api.matches()) {
            chain.doFilter(request, response);
            return;
        }
        String resource = api.group(1);
        boolean webapp = !path.startsWith("/engine-rest");
        Caller caller = caller(request, webapp);
        if (caller == null) {
            chain.doFilter(request, response); // no login: Camunda refuses it before anything is looked up
            return;
        }
        request = EngineRequestBodies.withVisibleText(request, response);
        if (request == null) {
            return; // refused: a text that would show otherwise than stored
        }

        if (IdentityCalls.credentialsOf(method, resource) != null && currentPassword != null) {
            // the caller's current password first, as a signature is checked (auditor 2026-12-06 G1)
            ObjectNode body = EngineRequestBodies.jsonObject(request, response);
            if (body == null) {
                return;
            }
            JsonNode given = body.path("authenticatedUserPassword");
            if (refused(response, currentPassword.refusal(caller.userId(), given.isTextual() ? given.asText() : null))) {
                return;
            }
            request = replayed(request, body);
        }
        if (identity.handled(method, resource, caller, request, response, chain)) {
            return;
        }
        if (TASK_NOTE.matcher(resource).matches() && assignments.refusedUnstood(response, caller.userId())) {
            return;
        }
        if (notes != null && TaskNotes.concerns(method, resource)
                && notes.handled(method, resource, caller, request, response, chain)) {
            return;
        }
        if (assignments.handled(resource, caller, request, response, chain)) {
            return;
        }
        if (INSTANCE_DELETION.matcher(resource).matches() && deletesInstances(method, resource, request)) {
            refuse(response, 403, "Forbidden", null, "Running lotflow processes are not deleted: a lab release,"
                    + " investigation or recall ends through its own steps, each recorded in the lot's history");
            return;
        }
        if (EngineResources.deletesBatchHistory(method, resource, request)) {
            refuse(response, 403, "Forbidden", "cascade", "The history of lotflow's processes, batches included, is kept"
                    + " until the retention of its lots has passed; it is not deleted by hand, by anyone (administrators"
                    + " included): delete the batch without cascade to stop it, and its history stays");
            return;
        }
        if (FilterCalls.writesFilter(method, resource)) {
            if (refused(response, filters.change(method, resource))) {
                return;
            }
            if (FilterCalls.hasBody(method)) {
                ObjectNode body = EngineRequestBodies.jsonObject(request, response);
                if (body == null || refused(response, FilterCalls.body(body))) {
                    return;
                }
                chain.doFilter(replayed(request, body), response);
                return;
            }
        }
        if (method.equals("POST") && resource.matches("(?i)^telemetry/configuration/?$")) {
            // the engine reads a missing choice as null and fails with a NullPointerException (auditor 2026-12-06 A5)
            ObjectNode body = EngineRequestBodies.jsonObject(request, response);
            if (body == null) {
                return;
            }
            if (!body.path("enableTelemetry").isBoolean()) {
                refuse(response, 400, "Invalid request", "enableTelemetry", "enableTelemetry: say true or false");
                return;
            }
            request = replayed(request, body);
        }
        String everyone = refusedToEveryone(method, resource);
        if (everyone != null) {
            refuse(response, 403, "Forbidden", null, everyone);
            return;
        }
        if (method.equals("DELETE") && TASK_UPDATE.matcher(resource).matches()) {
            // the engine itself refuses to delete a process's task, but with a 500 and its own text
            String taskId = resource.split("/")[1];
            Task task = tasks.open(taskId);
            if (task == null || unseen.hiddenFrom(task, caller)) {
                // the engine answers 204 for an id of no task, as if it had deleted something
                refused(response, UnseenTasks.none(taskId));
                return;
            }
            if (task.getProcessInstanceId() != null) {
                refuse(response, 403, "Forbidden", null, "The task '" + task.getName() + "' belongs to a running"
                        + " process: it is completed through its form, not deleted");
                return;
            }
        }
        if (JobCalls.EXECUTE.matcher(resource).matches() && refused(response, jobs.execute(resource, caller.admin()))) {
            return;
        }
        if (JobCalls.RETRIES.matcher(resource).matches()) {
            if (refused(response, jobs.retriesOf(resource, caller.admin()))) {
                return;
            }
            ObjectNode body = EngineRequestBodies.jsonObject(request, response);
            if (body == null || refused(response, JobCalls.retriesBody(resource, body))) {
                return;
            }
            chain.doFilter(replayed(request, body), response);
            return;
        }
        if (VARIABLE_WRITES.matcher(resource).matches()) {
            refuse(response, 403, "Forbidden", null, "Process data of lotflow's processes is written by lotflow only:"
                    + " complete the task with its form, or use the lotflow API (/api)");
            return;
        }
        if (submissions.handled(resource, caller, request, response, chain)) {
            return;
        }
        chain.doFilter(request, response);
    }

    /** A comment or an attachment added to a task: a record in the caller's name. */
    private static final java.util.regex.Pattern TASK_NOTE = java.util.regex.Pattern.compile(
            "^task/[^/]+/(?:comment|attachment)/create/?$", java.util.regex.Pattern.CASE_INSENSITIVE);

    /** Why a user may not record in their name ({@link OwnPassword}), or null; none when not set (tests of paths). */
    private java.util.function.Function<String, String> standing = userId -> null;

    /**
     * Where the guard reads whether a user stands as a signer (a password of their own and, after an administrator set
     * one, a confirmation): a task claimed for oneself, a comment or an attachment is work in one's name (re-test
     * 2026-12-06 F9: an unconfirmed QA manager commented on and claimed investigation tasks).
     */
    EngineSurfaceGuard standingFrom(java.util.function.Function<String, String> refusal) {
        this.standing = refusal;
        return this;
    }

    /** The current password of a password change ({@link CurrentPasswordCheck}); none when not set (tests of paths). */
    private CurrentPasswordCheck currentPassword;

    /** Checks the current password a password change brings, first ({@link CurrentPasswordCheck}). */
    EngineSurfaceGuard currentPasswordCheckedBy(CurrentPasswordCheck check) {
        this.currentPassword = check;
        return this;
    }

    /** Comments and attachments on lotflow's tasks ({@link TaskNotes}); left to the engine when not set (tests of paths). */
    private TaskNotes notes;

    /** What a task no longer open answers, for completions, claims and notes alike. */
    private final ClosedTasks closed;

    /** Open tasks the caller may not read: to them, no task ({@link UnseenTasks}). */
    private final UnseenTasks unseen;

    /** Checks and writes comments on lotflow's tasks, and checks their attachments ({@link TaskNotes}). */
    EngineSurfaceGuard notesKeptBy(TaskNotes.Writer writer, TaskNotes.Reader reader) {
        this.notes = new TaskNotes(tasks, lookups, closed, unseen, writer, reader);
        return this;
    }

    /** Checks new printed names against those users carried before a rename too ({@link PrintedNames}). */
    EngineSurfaceGuard formerNamesFrom(PrintedNames names) {
        lookups.formerNamesFrom(names);
        return this;
    }

    /**
     * The running process of a process instance (false) or execution (true) of this id: {instance id, process key},
     * null for none.
     */
    interface RunningProcesses {
        String[] of(boolean execution, String id);
    }

    private RunningProcesses runningProcesses = (execution, id) -> null;

    /** Answers reads of running processes a caller may not read as of none ({@link UnseenTasks}). */
    EngineSurfaceGuard runningProcessesFrom(RunningProcesses running) {
        this.runningProcesses = running;
        return this;
    }

    /** Reads the engine would answer with a 500 ({@link EngineReads}); none checked when not set (tests of paths). */
    private EngineReads reads = new EngineReads(id -> true, id -> true, id -> true);

    /** Checks reads of unknown tasks, instances and executions and their paging before the engine ({@link EngineReads}). */
    EngineSurfaceGuard readsCheckedBy(EngineReads reads) {
        this.reads = reads;
        return this;
    }

    record Caller(String userId, List<String> groups) {
        boolean admin() {
            return groups.contains(Groups.ADMIN);
        }
    }

    private Caller caller(HttpServletRequest request, boolean webapp) {
        if (!webapp) {
            Authentication auth = identityService.getCurrentAuthentication();
            return auth == null || auth.getUserId() == null ? null
                    : new Caller(auth.getUserId(), auth.getGroupIds() == null ? List.of() : auth.getGroupIds());
        }
        UserAuthentication session = sessionUser(request);
        return session == null ? null : new Caller(session.getIdentityId(),
                session.getGroupIds() == null ? List.of() : List.copyOf(session.getGroupIds()));
    }

    private boolean mayUseCockpit(HttpServletRequest request) {
        UserAuthentication session = sessionUser(request);
        return session != null && session.isAuthorizedForApp("cockpit");
    }

    private UserAuthentication sessionUser(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Authentications all = AuthenticationUtil.getAuthsFromSession(session);
        return all != null && all.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication ua ? ua
                : null;
    }
}
