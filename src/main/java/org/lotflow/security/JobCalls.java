package org.lotflow.security;

import java.util.Iterator;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the engine's job endpoints accept (README, "One gate for the engine's surfaces"), as a plain rule tested
 * without Spring; {@link EngineSurfaceGuard} writes its refusals.
 *
 * <ul>
 * <li>{@code POST job/{id}/execute}: administrators only (403): jobs are run by the job executor, and a refused
 * execution would still count as the job's failure (a timer's retries run down by anyone who may not run it). A
 * running process's timer not yet due (an escalation, a deadline, a drill's target) is not run by hand at all (409,
 * administrators too): that would move its due date, which no one does (auditor 2026-12-05 F3). A timer start
 * event's job (the daily expiry check) may be run now by an administrator.</li>
 * <li>{@code PUT job/{id}/retries}, {@code PUT job-definition/{id}/retries}, {@code POST job/retries}, {@code POST
 * process-instance/job-retries[-historic-query-based]} (every job of some instances): only the
 * retries, 1 or more (400 naming {@code retries} otherwise: 0 would stop a timer for good), and only which jobs
 * besides; anything else is 400 naming it, for everyone: the same call takes a {@code dueDate}, which would move a
 * drill's target time or a release's or recall's escalation. A job or job definition of no process (the history
 * cleanup, a batch's jobs), where Camunda checks no authorization, administrators only (403; audit finding
 * 2026-12-05).</li>
 * <li>The calls on many jobs at once must choose them ({@link #SELECTIONS}): {@code job/retries} by {@code jobIds} (at
 * least one) or a {@code jobQuery}; {@code process-instance/job-retries} by {@code processInstances} (at least one)
 * or a {@code processInstanceQuery}; {@code process-instance/job-retries-historic-query-based} by
 * {@code processInstances} or a {@code historicProcessInstanceQuery}. None of them (an empty list, a {@code null}
 * query, or only a query the endpoint does not read) is 400 naming the list, and an id that is no text 400 naming it
 * ({@code jobIds[0]}); the engine answered 500 "You must specify at least one of jobIds or jobQuery" (auditor
 * 2026-12-07 F6). A query must choose ({@link #NARROWING}): a job query failed jobs ({@code withException} or
 * {@code noRetriesLeft} true), a process instance query named instances; an empty one, one of empty lists, unknown
 * fields or conditions every job meets chose every job of the engine (re-test 2026-12-07 R5, N1). A selection that matches no job is the engine's own 400. External tasks' retries are refused
 * with every external-task write ({@link EngineResources#VARIABLE_WRITES}).</li>
 * </ul>
 */
final class JobCalls {

    /**
     * Which jobs belong to no process: the history cleanup and the jobs of batches (Camunda's authorization check on
     * retries asks the job's process definition, and they have none).
     */
    interface EngineWideJobs {
        /** Whether the job exists and belongs to no process definition. */
        boolean job(String jobId);

        /** Whether the job definition exists and belongs to no process definition. */
        boolean jobDefinition(String jobDefinitionId);

        /**
         * The due date of the job if it is a timer of a running process instance not yet due (by the engine's clock),
         * else null. A timer start event's job (the daily expiry check) belongs to no instance: not one of these.
         */
        java.util.Date timerNotYetDue(String jobId);
    }

    /** Executing a job by hand. */
    static final Pattern EXECUTE = EngineResources.JOB_EXECUTE;
    /** Setting the retries of a job, of a job definition's jobs, or of many jobs at once. */
    static final Pattern RETRIES = EngineResources.JOB_RETRIES;

    private static final Pattern ONE = Pattern.compile("^(job|job-definition)/([^/]+)/retries/?$");
    /** What setting many jobs' retries at once may name: the retries and which jobs (never a due date). */
    private static final Set<String> BATCH_FIELDS = Set.of("retries", "jobIds", "jobQuery", "processInstanceIds",
            "processInstances", "processInstanceQuery", "historicProcessInstanceQuery");

    /**
     * Which fields choose the jobs of each call on many jobs at once, as the engine reads them (its REST resource
     * passes only these on): the list of ids first (the field a refusal names), then the query.
     */
    static final java.util.Map<String, java.util.List<String>> SELECTIONS = java.util.Map.of(
            "job/retries", java.util.List.of("jobIds", "jobQuery"),
            "process-instance/job-retries", java.util.List.of("processInstances", "processInstanceQuery"),
            "process-instance/job-retries-historic-query-based",
            java.util.List.of("processInstances", "historicProcessInstanceQuery"));

    /**
     * What makes each query of a call on many jobs choose: a job query, failed jobs ({@code withException} or
     * {@code noRetriesLeft} true); a process instance query, named instances.
     */
    private static final java.util.Map<String, java.util.List<String>> NARROWING = java.util.Map.of(
            "jobQuery", java.util.List.of("withException", "noRetriesLeft"),
            // the runtime query has no processInstanceId: the engine ignores it (re-test 2026-12-07 P2)
            "processInstanceQuery", java.util.List.of("processInstanceIds", "businessKey"),
            "historicProcessInstanceQuery", java.util.List.of("processInstanceIds", "processInstanceId",
                    "processInstanceBusinessKey"));

    private final EngineWideJobs engineWide;

    JobCalls(EngineWideJobs engineWide) {
        this.engineWide = engineWide;
    }

    /** Whether an execution of the job {@code resource} names ({@code job/{id}/execute}) by this caller is refused. */
    SurfaceRefusal execute(String resource, boolean admin) {
        if (!admin) {
            return new SurfaceRefusal(403, "Forbidden", null, "Jobs are executed by the job executor; an"
                    + " administrator may run one now (a refused attempt would count as the job's failure)");
        }
        String jobId = resource.split("/")[1];
        java.util.Date due = engineWide.timerNotYetDue(jobId);
        if (due != null) {
            return new SurfaceRefusal(409, "Conflict", null, "This timer is due at " + due.toInstant() + ": running it"
                    + " now would move that time (a release's or recall's escalation, an expiry check, a drill's"
                    + " target); it runs when it is due");
        }
        return null;
    }

    /** Whether this caller may set retries of what {@code resource} names at all, before the body is read. */
    SurfaceRefusal retriesOf(String resource, boolean admin) {
        Matcher one = ONE.matcher(resource);
        if (!admin && one.matches() && (one.group(1).equals("job") ? engineWide.job(one.group(2))
                : engineWide.jobDefinition(one.group(2)))) {
            return new SurfaceRefusal(403, "Forbidden", null, "This job belongs to no process (the history cleanup or a"
                    + " batch's work): only an administrator sets its retries");
        }
        return null;
    }

    /** Whether the body of a retries call is refused (null: it passes as it is). */
    static SurfaceRefusal retriesBody(String resource, ObjectNode body) {
        String r = resource.toLowerCase(java.util.Locale.ROOT);
        Set<String> allowed = r.startsWith("job/retries") || r.startsWith("process-instance/job-retries") ? BATCH_FIELDS
                : Set.of("retries");
        Iterator<String> names = body.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                return new SurfaceRefusal(400, "Invalid request", name, name + ": only a job's retries are set here; a"
                        + " timer's due date is not moved by anyone (its process's own steps and escalations depend on"
                        + " it)");
            }
        }
        JsonNode retries = body.path("retries");
        if (!retries.isIntegralNumber() || !retries.canConvertToInt() || retries.asInt() < 1) {
            return new SurfaceRefusal(400, "Invalid request", "retries", "retries: a job's retries are only raised, to 1 or"
                    + " more, to run it again after its cause is mended (an incident's retry); 0 would stop it for"
                    + " good");
        }
        return selection(r.replaceAll("/+$", ""), body);
    }

    /**
     * The refusal of a call on many jobs at once that chooses none ({@link #SELECTIONS}), or whose ids are not all
     * text; null when it chooses some, or when the call is on one job or one job definition.
     */
    private static SurfaceRefusal selection(String call, ObjectNode body) {
        java.util.List<String> fields = SELECTIONS.get(call);
        if (fields == null) {
            return null;
        }
        String ids = fields.get(0);
        String query = fields.get(1);
        JsonNode list = body.path(ids);
        if (!list.isMissingNode() && !list.isNull() && !list.isArray()) {
            return new SurfaceRefusal(400, "Invalid request", ids, ids + ": a list of ids, [\"...\"]; nothing was"
                    + " changed");
        }
        for (int i = 0; i < list.size(); i++) {
            if (!list.get(i).isTextual() || list.get(i).asText().isBlank()) {
                return new SurfaceRefusal(400, "Invalid request", ids + "[" + i + "]", ids + "[" + i + "]: an id is"
                        + " text, was " + list.get(i) + "; nothing was changed");
            }
        }
        if (list.size() > 0) {
            return null;
        }
        JsonNode chosenBy = body.path(query);
        if (chosenBy.isObject()) {
            return queryRefusal(query, ids, chosenBy);
        }
        String what = ids.equals("jobIds") ? "jobs" : "process instances whose jobs";
        return new SurfaceRefusal(400, "Invalid request", ids, ids + ": give " + ids + " (at least one) or a " + query
                + " to choose the " + what + " to retry; none was chosen, so nothing was changed");
    }

    /**
     * The refusal of a {@code query} that does not choose ({@link #NARROWING}); null when it does. A query without a
     * condition chose every job of the engine (healthy timers' retries lowered to 1; re-test 2026-12-07 R5), and so did
     * conditions every job meets, unknown fields and sort orders (N1): a job query chooses failed jobs only, as retries
     * are raised to run a failed job again; a process instance query names its instances (ids or a business key).
     */
    private static SurfaceRefusal queryRefusal(String query, String ids, JsonNode chosenBy) {
        java.util.List<String> narrowing = NARROWING.get(query);
        for (String condition : narrowing) {
            JsonNode value = chosenBy.path(condition);
            if (value.isArray() && value.isEmpty()) {
                return new SurfaceRefusal(400, "Invalid request", query + "." + condition, query + "." + condition
                        + ": the list is empty, so it chooses nothing; nothing was changed");
            }
            boolean chooses = query.equals("jobQuery") ? value.isBoolean() && value.asBoolean()
                    : (value.isTextual() && !value.asText().isBlank()) || (value.isArray() && !value.isEmpty());
            if (chooses) {
                return null;
            }
        }
        return new SurfaceRefusal(400, "Invalid request", query, query + (query.equals("jobQuery")
                ? ": retries are set on failed jobs only, to run them again after their cause is mended: add"
                        + " \"withException\": true or \"noRetriesLeft\": true, or give " + ids
                : ": name the process instances (" + String.join(", ", narrowing) + ") or give " + ids)
                + "; a broader query would set the retries of healthy jobs too; nothing was changed");
    }
}
