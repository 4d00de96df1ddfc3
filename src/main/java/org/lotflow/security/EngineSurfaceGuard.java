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
 * The identity and rights surface is {@link IdentitySurface}, with the rules of {@link IdentityCalls}; the job rules
 * are {@link JobCalls}, the Tasklist
 * filter rules {@link FilterCalls}: plain classes
 * tested without Spring, whose {@link SurfaceRefusal}s this filter writes.
 * Refusals are RFC 9457 problem+json whose {@code detail} (and {@code message}, which Tasklist
 * shows) is a sentence a QA person understands. Everything else (reads, claims, the identity
 * links Camunda's authorizations govern) passes unchanged.
 */
public class EngineSurfaceGuard extends OncePerRequestFilter {


    private final FormSchemas forms;
    private final TaskService taskService;
    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final org.camunda.bpm.engine.HistoryService historyService;
    private final String engineName;
    private final java.util.concurrent.ConcurrentMap<String, String> processKeys =
            new java.util.concurrent.ConcurrentHashMap<>();

    private final java.util.function.Consumer<String> handBack;
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
        this.handBack = handBack;
        this.jobs = new JobCalls(engineWideJobs);
        this.historyService = historyService;
        this.forms = forms;
        this.taskService = taskService;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
        this.engineName = engineName;
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
        if ((method.equals("GET") || method.equals("HEAD")) && api.matches()
                && refused(response, reads.refusal(api.group(1), request.getParameterMap()))) {
            return;
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
        if (TASK_NOTE.matcher(resource).matches() && refusedUnstood(response, caller.userId())) {
            return;
        }
        Matcher claim = TASK_CLAIM.matcher(resource);
        if (claim.matches()) {
            Claim claimed = claimed(request, response);
            if (claimed == null) {
                return;
            }
            if (claimed.userId().equals(caller.userId()) && refusedUnstood(response, caller.userId())) {
                return;
            }
            if (!caller.admin() && !claimed.userId().equals(caller.userId())) {
                refuse(response, 403, "Forbidden", "userId", "You may claim a task for yourself only; '"
                        + claimed.userId() + "' claims it themselves if they may work on it");
                return;
            }
            if (refusedToOutsider(response, claim.group(1), claimed.userId())) {
                return;
            }
            chain.doFilter(claimed.replay(), response);
            return;
        }
        Matcher handOver = TASK_HAND_OVER.matcher(resource);
        if (handOver.matches()) {
            if (!caller.admin()) {
                refuse(response, 403, "Forbidden", null, "Tasks are not handed to others here: the people of the task's"
                        + " groups claim it themselves (an administrator may hand it to one of them)");
                return;
            }
            Claim named = claimed(request, response);
            if (named == null || refusedToOutsider(response, handOver.group(1), named.userId())) {
                return;
            }
            chain.doFilter(named.replay(), response);
            return;
        }
        Matcher unclaim = TASK_UNCLAIM.matcher(resource);
        if (unclaim.matches() && !caller.admin()) {
            // Camunda asks TASK_ASSIGN for an unclaim, which lotflow gives nobody (it would let anyone hand a task to
            // anyone): the person a task is claimed by hands it back here, recorded in the engine's operation log
            // in their name, so a task is never stuck on someone who cannot work on it
            Task task = privileged(() -> taskService.createTaskQuery().taskId(unclaim.group(1)).singleResult());
            if (task == null) {
                chain.doFilter(request, response); // Camunda's own 404
                return;
            }
            if (task.getAssignee() == null) {
                // handed back by someone else a moment ago: a lost race (auditor 2026-12-05 E16)
                refuse(response, 409, "Conflict", null, "The task '" + task.getName() + "' is not claimed by anyone (it"
                        + " was handed back meanwhile); nothing was changed");
                return;
            }
            if (!caller.userId().equals(task.getAssignee())) {
                refuse(response, 403, "Forbidden", null, "Only the person a task is claimed by, or an administrator,"
                        + " hands it back to its group");
                return;
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
                return;
            }
            response.setStatus(204);
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
        String everyone = refusedToEveryone(method, resource);
        if (everyone != null) {
            refuse(response, 403, "Forbidden", null, everyone);
            return;
        }
        if (method.equals("DELETE") && TASK_UPDATE.matcher(resource).matches()) {
            // the engine itself refuses to delete a process's task, but with a 500 and its own text
            String taskId = resource.split("/")[1];
            Task task = privileged(() -> taskService.createTaskQuery().taskId(taskId).singleResult());
            if (task != null && task.getProcessInstanceId() != null) {
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
        Matcher submit = TASK_SUBMIT.matcher(resource);
        if (submit.matches()) {
            Task task = privileged(() -> taskService.createTaskQuery().taskId(submit.group(1)).singleResult());
            if (task == null) {
                org.camunda.bpm.engine.history.HistoricTaskInstance done = privileged(() -> historyService
                        .createHistoricTaskInstanceQuery().taskId(submit.group(1)).finished().singleResult());
                if (done != null) {
                    refuse(response, 409, "Conflict", null, "The task '" + done.getName() + "' was already completed"
                            + (done.getAssignee() == null ? "" : " by " + done.getAssignee()) + " at " + done.getEndTime()
                            .toInstant() + "; nothing of yours was saved");
                    return;
                }
                refuse(response, 404, "Not found", null, "There is no task '" + submit.group(1) + "'");
                return;
            }
            FormSchema schema = formOf(task);
            List<String> groups = schema == null ? List.of("-") : candidateGroups(task.getId());
            if (groups == null || groups.isEmpty()) { // every lotflow task has candidate groups: it is being completed
                refuse(response, 409, "Conflict", null, "The task '" + task.getName() + "' was completed by someone"
                        + " else at the same time; nothing of yours was saved");
                return;
            }
            // separation of duties by group: only members of the task's candidate groups complete it, administrators
            // too (a task completed is a record in its doer's name, a signing task a signature: an administrator who
            // is not QA does not approve a lot; EU GMP Annex 11 §12, 21 CFR 11.10(g))
            // the groups as the identity store has them now, not as the session remembers them (auditor 2026-12-05 B7:
            // someone removed from the role completed its task from an open Tasklist session)
            List<String> callersGroups = schema == null ? caller.groups() : lookups.groupsOf(caller.userId());
            if (schema != null && groups.stream().noneMatch(callersGroups::contains)) {
                refuse(response, 403, "Forbidden", null, "The task '" + task.getName() + "' is for "
                        + String.join(" and ", groups.stream().map(Groups::displayName).toList())
                        + "; " + caller.userId() + " is in none of these groups" + (caller.admin()
                                ? " (administering lotflow does not make one a member of its roles)" : ""));
                return;
            }
            // a claimed task is completed by whoever claimed it (B8): a colleague asks them, or an administrator, to
            // hand it back first
            String claimedByAnother = schema == null ? null
                    : org.lotflow.shared.process.TaskClaims.refusal(task, caller.userId());
            if (claimedByAnother != null) {
                refuse(response, 409, "Conflict", null, claimedByAnother);
                return;
            }
            if (schema != null) {
                var held = new org.springframework.web.util.ContentCachingResponseWrapper(response);
                try {
                    submitChecked(request, held, chain, schema, basicPassword(request), false);
                    lostRace(held, submit.group(1));
                } finally {
                    held.copyBodyToResponse();
                }
                return;
            }
        }
        Matcher start = PROCESS_START.matcher(resource);
        if (start.matches()) {
            String processKey = start.group(1) != null ? start.group(1) : processKey(start.group(2));
            if (processKey != null && forms.isLotflowProcess(processKey)) {
                FormSchema schema = forms.start(processKey);
                if (schema == null) {
                    refuse(response, 403, "Forbidden", null, "'" + processKey + "' is started by lotflow itself, through "
                            + STARTED_BY.getOrDefault(processKey, "the lotflow API") + ", not through the engine");
                    return;
                }
                submitChecked(request, response, chain, schema, null, true);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * A submission refused because someone else completed the task meanwhile (the engine then finds no
     * task, or no permission on it: the task's authorizations went with it) lost a race: 409.
     */
    private void lostRace(org.springframework.web.util.ContentCachingResponseWrapper held, String taskId)
            throws IOException {
        int status = held.getStatus();
        if (status != 403 && status != 404 && status != 500) {
            return;
        }
        org.camunda.bpm.engine.history.HistoricTaskInstance done = privileged(() -> historyService
                .createHistoricTaskInstanceQuery().taskId(taskId).finished().singleResult());
        if (done != null) {
            held.resetBuffer();
            refuse(held, 409, "Conflict", null, "The task '" + done.getName() + "' was completed by "
                    + (done.getAssignee() == null ? "someone else" : done.getAssignee()) + " at the same time; nothing"
                    + " of yours was saved");
        }
    }

    /** Checks a submission against its form, takes the signature password out, then lets it pass. */
    private void submitChecked(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
            FormSchema schema, String basicPassword, boolean start) throws IOException, ServletException {
        ObjectNode body = EngineRequestBodies.jsonObject(request, response);
        if (body == null) {
            return;
        }
        List<String> allowed = start ? List.of("variables", "businessKey") : List.of("variables", "withVariablesInReturn");
        for (java.util.Iterator<String> keys = body.fieldNames(); keys.hasNext();) {
            String key = keys.next();
            if (!allowed.contains(key)) {
                refuse(response, 400, "Invalid form submission", key, schema.name() + ": '" + key + "' is not accepted;"
                        + " a submission carries only " + String.join(" and ", allowed));
                return;
            }
        }
        if (body.has("withVariablesInReturn") && !body.get("withVariablesInReturn").isBoolean()) {
            refuse(response, 400, "Invalid form submission", "withVariablesInReturn",
                    org.lotflow.shared.process.Variable.MUST_BE_BOOLEAN);
            return;
        }
        if (body.has("businessKey") && !body.get("businessKey").isNull()) {
            String reason = !body.get("businessKey").isTextual() ? "must be text"
                    : org.lotflow.shared.input.InputRules.identifier(body.get("businessKey").asText());
            if (reason != null) {
                refuse(response, 400, "Invalid form submission", "businessKey", "businessKey: " + reason);
                return;
            }
            // lotflow keys a process by its record (a hold's investigation by its lot, a recall by the number it
            // gives): a different key is refused, not silently replaced (auditor 2026-12-05 E7)
            String given = body.get("businessKey").asText();
            // only a form with a lot number keys its process by the lot (re-test 2026-12-06 R8: a recall's start read
            // a forged lotNumber variable into its sentence)
            JsonNode lot = schema.fields().containsKey("lotNumber")
                    ? body.path("variables").path("lotNumber").path("value") : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            if (!given.isEmpty() && !(lot.isTextual() && lot.asText().equalsIgnoreCase(given))) {
                refuse(response, 400, "Invalid form submission", "businessKey", "businessKey: leave it empty; lotflow"
                        + " keys this process by " + (lot.isTextual() ? "its lot, " + lot.asText() : "the number it"
                                + " gives the record") + ", not '" + given + "'");
                return;
            }
        }
        List<FormSchema.Violation> violations = schema.check(body.get("variables"));
        if (!violations.isEmpty()) {
            FormSchema.Violation first = violations.get(0);
            String detail = violations.stream().map(v -> v.field() + ": " + v.reason())
                    .reduce((a, b) -> a + "; " + b).orElseThrow();
            refuse(response, 400, "Invalid form submission", first.field(), schema.name() + ": " + detail);
            return;
        }
        String password = basicPassword;
        if (schema.signatureField() != null && body.path("variables").has(schema.signatureField())) {
            password = body.path("variables").path(schema.signatureField()).path("value").asText();
            ((ObjectNode) body.get("variables")).remove(schema.signatureField());
        }
        if (schema.signatureField() != null && (password == null || password.isEmpty())) {
            refuse(response, 400, "Invalid form submission", "password", schema.name()
                    + ": re-enter your password to sign (electronic signature: user id and password at each signing)");
            return;
        }
        byte[] cleaned = EngineRequestBodies.JSON.writeValueAsBytes(body);
        HttpServletRequest forwarded = EngineRequestBodies.replay(request, cleaned);
        String previous = SignatureCredentials.password();
        SignatureCredentials.set(password);
        try {
            chain.doFilter(forwarded, response);
        } finally {
            SignatureCredentials.set(previous);
        }
    }

    /**
     * The key of a process definition; remembered, because a deployed definition's id and key never change (a
     * new version is a new id), so a task's completion does not read the definition again.
     */
    private String processKey(String processDefinitionId) {
        String known = processKeys.get(processDefinitionId);
        if (known != null) {
            return known;
        }
        try {
            String key = privileged(() -> repositoryService.getProcessDefinition(processDefinitionId).getKey());
            if (processKeys.size() < 10_000) {
                processKeys.put(processDefinitionId, key);
            }
            return key;
        } catch (RuntimeException notFound) {
            return null;
        }
    }

    private <T> T privileged(java.util.function.Supplier<T> query) {
        return new org.lotflow.shared.process.WithoutCallerAuthorization(identityService).call(query);
    }

    private static String basicPassword(HttpServletRequest request) {
        Object password = request.getAttribute(ApiAuthenticationFilter.BASIC_PASSWORD);
        return password instanceof String s ? s : null;
    }

    /** Who calls: the HTTP Basic user of {@code /engine-rest}, or the webapps' session user. */
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

    /** Reads the engine would answer with a 500 ({@link EngineReads}); none checked when not set (tests of paths). */
    private EngineReads reads = new EngineReads(id -> true, id -> true, id -> true);

    /** Checks reads of unknown tasks, instances and executions and their paging before the engine ({@link EngineReads}). */
    EngineSurfaceGuard readsCheckedBy(EngineReads reads) {
        this.reads = reads;
        return this;
    }

    /** Refuses (403, the refusal's sentence) work in the caller's name while they do not stand; true when refused. */
    private boolean refusedUnstood(HttpServletResponse response, String userId) throws IOException {
        String why = standing.apply(userId);
        if (why != null) {
            refuse(response, 403, "Forbidden", null, why);
            return true;
        }
        return false;
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

    /**
     * Refuses a lotflow task claimed by or handed to a user outside its candidate groups (an administrator too): they
     * could not complete it, and it would sit on them while its group waits. True when refused.
     */
    private boolean refusedToOutsider(HttpServletResponse response, String taskId, String userId) throws IOException {
        Task task = privileged(() -> taskService.createTaskQuery().taskId(taskId).singleResult());
        if (formOf(task) == null) {
            return false; // not a lotflow task (or gone): Camunda's own answer
        }
        List<String> groups = candidateGroups(taskId);
        if (groups == null || groups.isEmpty()) {
            return false;
        }
        List<String> theirs = lookups.groupsOf(userId);
        if (groups.stream().noneMatch(theirs::contains)) {
            refuse(response, 403, "Forbidden", "userId", "The task '" + task.getName() + "' is for " + String.join(
                    " and ", groups.stream().map(Groups::displayName).toList()) + "; " + userId + " is in none of these"
                    + " groups and could not complete it, so it is not theirs to hold");
            return true;
        }
        return false;
    }

    /** The form of a lotflow process's task, or null for a task of no lotflow process (or none). */
    private FormSchema formOf(Task task) {
        String processKey = task == null || task.getProcessDefinitionId() == null ? null
                : processKey(task.getProcessDefinitionId());
        return processKey == null ? null : forms.task(processKey, task.getTaskDefinitionKey());
    }

    /** The task's candidate groups, or null when the task was completed meanwhile (a lost race). */
    private List<String> candidateGroups(String taskId) {
        try {
            return org.lotflow.shared.process.TaskCandidates.groups(taskService, identityService, taskId);
        } catch (org.camunda.bpm.engine.exception.NullValueException gone) {
            return null;
        }
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
