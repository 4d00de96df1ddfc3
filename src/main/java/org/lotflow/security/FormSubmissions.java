package org.lotflow.security;

import static org.lotflow.security.EngineResources.PROCESS_START;
import static org.lotflow.security.EngineResources.STARTED_BY;
import static org.lotflow.security.EngineResources.TASK_SUBMIT;
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
import org.camunda.bpm.engine.task.Task;
import org.lotflow.security.EngineSurfaceGuard.Caller;

/**
 * What a user hands a lotflow process, at the engine gate ({@link EngineSurfaceGuard}): a task's completion
 * ({@code POST task/{id}/complete|submit-form}) and a process's start ({@code POST process-definition/.../start|
 * submit-form}).
 * <ul>
 * <li>A task already completed: 409 naming who completed it and when (the loser of a race is told so, not 404 or
 * 500); an unknown one 404.</li>
 * <li>A lotflow task is completed only by a member of one of its candidate groups as the identity store has them now,
 * administrators included (403; EU GMP Annex 11 §12, 21 CFR 11.10(g)), and, when claimed, by whoever claimed it
 * (409).</li>
 * <li>The body carries only {@code variables} (and {@code withVariablesInReturn}; a start {@code businessKey}, left
 * empty or the form's lot): each variable one of the form's fields, of its kind, required ones present
 * ({@link FormSchema}; 400 naming the field otherwise).</li>
 * <li>A signing form's masked password is taken out of the body before the engine sees it and handed to
 * {@link ElectronicSignatures} through {@link SignatureCredentials}; an {@code /engine-rest} call signs with its HTTP
 * Basic password when the body carries none (400 when there is neither).</li>
 * <li>Only processes with a start form are started here (a hold's {@code quarantineInvestigation}, a recall's
 * {@code lotRecall}); every other lotflow process is started by lotflow itself (403 naming the lotflow call).</li>
 * </ul>
 */
final class FormSubmissions {

    private final EngineTasks tasks;
    private final IdentityLookups lookups;

    FormSubmissions(EngineTasks tasks, IdentityLookups lookups, ClosedTasks closed, UnseenTasks unseen) {
        this.unseen = unseen;
        this.tasks = tasks;
        this.lookups = lookups;
        this.closed = closed;
    }

    private final ClosedTasks closed;
    private final UnseenTasks unseen;

    /** Answers or passes on a task's completion or a lotflow process's start; false when the request is neither (or
     * concerns no lotflow process). */
    boolean handled(String resource, Caller caller, HttpServletRequest request, HttpServletResponse response,
            FilterChain chain) throws IOException, ServletException {
        Matcher submit = TASK_SUBMIT.matcher(resource);
        if (submit.matches()) {
            Task task = tasks.open(submit.group(1));
            if (task == null) {
                ClosedTasks.Answer answer = closed.of(submit.group(1), caller, false, "; nothing of yours was saved");
                refuse(response, answer.status(), answer.title(), null, answer.detail());
                return true;
            }
            FormSchema schema = tasks.formOf(task);
            List<String> groups = schema == null ? List.of("-") : tasks.candidateGroups(task.getId());
            if (groups == null || groups.isEmpty()) { // every lotflow task has candidate groups: it is being completed
                refuse(response, 409, "Conflict", null, "The task '" + task.getName() + "' was completed by someone"
                        + " else at the same time; nothing of yours was saved");
                return true;
            }
            // separation of duties by group: only members of the task's candidate groups complete it, administrators
            // too (a task completed is a record in its doer's name, a signing task a signature: an administrator who
            // is not QA does not approve a lot; EU GMP Annex 11 §12, 21 CFR 11.10(g))
            // the groups as the identity store has them now, not as the session remembers them (auditor 2026-12-05 B7:
            // someone removed from the role completed its task from an open Tasklist session)
            List<String> callersGroups = schema == null ? caller.groups() : lookups.groupsOf(caller.userId());
            if (schema != null && groups.stream().noneMatch(callersGroups::contains)) {
                if (unseen.hiddenFrom(task, caller)) {
                    refused(response, UnseenTasks.none(task.getId()));
                    return true;
                }
                refuse(response, 403, "Forbidden", null, "The task '" + task.getName() + "' is for "
                        + String.join(" and ", groups.stream().map(Groups::displayName).toList())
                        + "; " + caller.userId() + " is in none of these groups" + (caller.admin()
                                ? " (administering lotflow does not make one a member of its roles)" : ""));
                return true;
            }
            // a claimed task is completed by whoever claimed it (B8): a colleague asks them, or an administrator, to
            // hand it back first
            String claimedByAnother = schema == null ? null
                    : org.lotflow.shared.process.TaskClaims.refusal(task, caller.userId());
            if (claimedByAnother != null) {
                refuse(response, 409, "Conflict", null, claimedByAnother);
                return true;
            }
            if (schema != null) {
                var held = new org.springframework.web.util.ContentCachingResponseWrapper(response);
                try {
                    submitChecked(request, held, chain, schema, basicPassword(request), false);
                    lostRace(held, submit.group(1), caller);
                    if (!request.getRequestURI().contains("/engine-rest")) {
                        labelled(held, schema);
                    }
                } finally {
                    held.copyBodyToResponse();
                }
                return true;
            }
        }
        Matcher start = PROCESS_START.matcher(resource);
        if (start.matches()) {
            String processKey = start.group(1) != null ? start.group(1) : tasks.processKey(start.group(2));
            if (processKey != null && tasks.forms().isLotflowProcess(processKey)) {
                FormSchema schema = tasks.forms().start(processKey);
                if (schema == null) {
                    refuse(response, 403, "Forbidden", null, "'" + processKey + "' is started by lotflow itself, through "
                            + STARTED_BY.getOrDefault(processKey, "the lotflow API") + ", not through the engine");
                    return true;
                }
                // a caller of no starting group is told so in lotflow's words, not the engine's permission text
                // (auditor 2026-12-06 L3: "does not have 'CREATE_INSTANCE' permission on resource ...")
                List<String> starters = ProcessStartRights.BY_PROCESS.getOrDefault(processKey, List.of());
                // (an administrator passes the engine's check: the start's own use case refuses it in its words)
                if (!caller.admin() && !starters.isEmpty()
                        && lookups.groupsOf(caller.userId()).stream().noneMatch(starters::contains)) {
                    refuse(response, 403, "Forbidden", null, "Only " + String.join(" or ", starters.stream().map(Groups::displayName).toList())
                            + " may start '"
                            + processKey + "'; " + caller.userId() + " is in none of these groups");
                    return true;
                }
                submitChecked(request, response, chain, schema, null, true);
                return true;
            }
        }
        return false;
    }

    /**
     * A submission refused because someone else completed the task meanwhile (the engine then finds no
     * task, or no permission on it: the task's authorizations went with it; or lotflow's gate answered its general
     * "no longer open") lost a race: 409 saying who completed it.
     */
    private void lostRace(org.springframework.web.util.ContentCachingResponseWrapper held, String taskId, Caller caller)
            throws IOException {
        int status = held.getStatus();
        // 409 too: the engine's "Cannot find task" after waiting on the task's row lock, in general words; a task found
        // finished below was completed by someone else, so the loser is told who, as the other losers are (re-test
        // 2026-12-07 25 R7: two QA managers' dispositions at once)
        if (status != 403 && status != 404 && status != 409 && status != 500) {
            return;
        }
        if (tasks.finished(taskId) != null) {
            ClosedTasks.Answer answer = closed.of(taskId, caller, true, "; nothing of yours was saved");
            held.resetBuffer();
            refuse(held, answer.status(), answer.title(), null, answer.detail());
        }
    }

    /**
     * A Tasklist refusal of a field names it as the form shows it, not by its variable ("Quantity returned to us: 45
     * pails is more than ...", not "quantityReturned: ..."; new user 2026-12-06 N5). Scripts over {@code /engine-rest}
     * keep the variable's name, which is what they send.
     */
    private static void labelled(org.springframework.web.util.ContentCachingResponseWrapper held, FormSchema schema)
            throws IOException {
        if (held.getStatus() != 400) {
            return;
        }
        JsonNode problem;
        try {
            problem = EngineRequestBodies.JSON.readTree(held.getContentAsByteArray());
        } catch (IOException notJson) {
            return;
        }
        String field = problem.path("field").asText(null);
        String label = schema.label(field);
        if (!(problem instanceof ObjectNode body) || label == null) {
            return;
        }
        boolean changed = false;
        for (String part : List.of("detail", "message")) {
            String text = body.path(part).asText(null);
            if (text != null && text.contains(field + ": ")) {
                body.put(part, text.replaceFirst(java.util.regex.Pattern.quote(schema.name() + ": " + field + ": ")
                        + "|" + java.util.regex.Pattern.quote(field + ": "),
                        java.util.regex.Matcher.quoteReplacement(label + ": ")));
                changed = true;
            }
        }
        if (changed) {
            held.resetBuffer();
            held.getOutputStream().write(EngineRequestBodies.JSON.writeValueAsBytes(body));
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

    private static String basicPassword(HttpServletRequest request) {
        Object password = request.getAttribute(ApiAuthenticationFilter.BASIC_PASSWORD);
        return password instanceof String s ? s : null;
    }
}
